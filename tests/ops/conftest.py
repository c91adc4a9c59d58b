from tests.api.conftest import (  # noqa: F401  (fixtures shared with the API tests)
    article,
    article_index,
)
from tests.api.test_cache_outage import refused_cache  # noqa: F401  (a cache that refuses)

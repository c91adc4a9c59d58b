from tests.api.conftest import (  # noqa: F401  (fixtures shared with the API tests)
    article,
    article_index,
)

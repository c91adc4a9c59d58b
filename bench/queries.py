"""SQL queries and response size per endpoint, measured in-process against the same database."""

from dataclasses import dataclass
from statistics import median

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from bench.endpoints import Endpoint

#: How many of an endpoint's paths to profile, spread evenly over the list (all locales).
SAMPLE_SIZE = 9


@dataclass(frozen=True)
class Profile:
    """Queries per request (fewest and most over the sampled paths) and the median body size."""

    min_queries: int
    max_queries: int
    response_bytes: int

    @property
    def queries_label(self) -> str:
        if self.min_queries == self.max_queries:
            return str(self.min_queries)
        return f"{self.min_queries}-{self.max_queries}"


def sample(paths: tuple[str, ...], size: int) -> list[str]:
    step = max(len(paths) // size, 1)
    return list(paths[::step][:size])


def profile(endpoint: Endpoint, sample_size: int = SAMPLE_SIZE) -> Profile:
    """Each sampled path twice: the second request, in the server's steady state, is counted.

    The first warms what a running server has already warmed (Wagtail's site roots, and for
    the cached endpoint the response cache).
    """
    client = Client()
    counts, sizes = [], []
    with override_settings(API_RESPONSE_CACHE_SECONDS=endpoint.server.cache_seconds):
        for path in sample(endpoint.paths, sample_size):
            client.get(path)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(
                    f"{path} answered {response.status_code}: {response.content[:500]!r}"
                )
            counts.append(len(queries))
            sizes.append(len(response.content))
    return Profile(min(counts), max(counts), round(median(sizes)))

"""What the benchmark measures: the endpoints, the server each runs on, and the targets.

No Django imports here, so that the command line can list the endpoints before Django starts.
"""

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote


@dataclass(frozen=True)
class Target:
    """One article page in one locale, as the load generator requests it."""

    page_id: int
    locale: str
    path: str


#: The response cache's lifetime on the warm server: longer than any benchmark run.
WARM_CACHE_SECONDS = 3600


class ServerRole(StrEnum):
    #: API_RESPONSE_CACHE_SECONDS=0: every request does the full work.
    COLD = "cold"
    #: The delivery API's response cache on, primed before measuring.
    WARM = "warm"

    @property
    def cache_seconds(self) -> int:
        """API_RESPONSE_CACHE_SECONDS for a server in this role."""
        return WARM_CACHE_SECONDS if self is ServerRole.WARM else 0


@dataclass(frozen=True)
class Endpoint:
    key: str
    label: str
    server: ServerRole
    #: Each request picks one at random.
    paths: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """A ratio of throughputs, `ours / reference`, and the least it should be."""

    label: str
    ours: str
    reference: str
    target: float


def endpoints(
    targets: list[Target], trivial_bytes: int, listing_bytes: int | None = None
) -> list[Endpoint]:
    """Every endpoint, in the order a repetition visits them."""
    detail = tuple(f"/api/v1/pages/{target.page_id}" for target in targets)
    return [
        Endpoint(
            "ours_detail_cold", "Delivery API: article detail, cache off", ServerRole.COLD, detail
        ),
        Endpoint(
            "ours_detail_warm", "Delivery API: article detail, cached", ServerRole.WARM, detail
        ),
        Endpoint(
            "ours_listing",
            "Delivery API: article listing (20)",
            ServerRole.COLD,
            ("/api/v1/articles?limit=20",),
        ),
        Endpoint(
            "ours_resolve",
            "Delivery API: route resolution",
            ServerRole.COLD,
            tuple(f"/api/v1/pages/resolve?path={quote(target.path)}" for target in targets),
        ),
        Endpoint(
            "v2_detail",
            "Stock API v2: page detail, fields=*",
            ServerRole.COLD,
            tuple(f"/api/v2/pages/{target.page_id}/?fields=*" for target in targets),
        ),
        Endpoint(
            "v2_listing",
            "Stock API v2: article listing (20), fields=*",
            ServerRole.COLD,
            ("/api/v2/pages/?type=articles.ArticlePage&fields=*&limit=20",),
        ),
        Endpoint(
            "trivial",
            "Trivial JSON view, same size as detail",
            ServerRole.COLD,
            (f"/api/bench/trivial?bytes={trivial_bytes}",),
        ),
        Endpoint(
            "trivial_listing",
            "Trivial JSON view, same size as listing",
            ServerRole.COLD,
            (f"/api/bench/trivial?bytes={listing_bytes or trivial_bytes}",),
        ),
    ]


COMPARISONS = [
    # What readers' reads cost against the least a Django view can do with as many bytes.
    Comparison("Detail, cache off: ours / trivial view", "ours_detail_cold", "trivial", 0.5),
    Comparison("Route, cache off: ours / trivial view", "ours_resolve", "trivial", 0.5),
    Comparison("Listing, cache off: ours / trivial view", "ours_listing", "trivial_listing", 0.3),
    Comparison("Detail, cached: ours / trivial view", "ours_detail_warm", "trivial", 0.8),
    # Against Wagtail's own API serving the same content.
    Comparison("Detail, cache off: ours / stock v2", "ours_detail_cold", "v2_detail", 2.0),
    Comparison("Listing: ours / stock v2", "ours_listing", "v2_listing", 4.0),
]

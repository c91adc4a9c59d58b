"""Images as front-end-ready renditions: a srcset of widths, the focal point, and alt text.

Renditions for every image in a response are fetched in one query (`ImageResolver.prefetch`),
so the cost of a page does not grow with its number of images.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from ninja import Schema
from pydantic import Field
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage

from core.media import public_media_url


class FocalPoint(Schema):
    """The focal point's centre as fractions of the width and height (0 to 1)."""

    x: float
    y: float


class ImageSource(Schema):
    url: str = Field(description="Absolute, from MEDIA_PUBLIC_URL (or storage's own origin).")
    width: int
    height: int


class ImageSchema(Schema):
    """An image rendered at several widths, largest last, for `srcset`."""

    id: int
    alt: str
    url: str
    width: int
    height: int
    srcset: list[ImageSource]
    focal_point: FocalPoint | None
    original_url: str | None = None


def rendition_widths() -> list[int]:
    return sorted(getattr(settings, "API_IMAGE_WIDTHS", [480, 960, 1440]))


def rendition_specs() -> list[str]:
    return [f"width-{width}" for width in rendition_widths()]


class ImageResolver:
    """Collects the images a response shows, prefetches their renditions, then serialises them."""

    def __init__(self):
        self._images: dict[int, AbstractImage] = {}

    def collect(self, image: AbstractImage | None) -> None:
        if image is not None:
            self._images.setdefault(image.pk, image)

    def prefetch(self, images: Iterable[AbstractImage] = ()) -> None:
        for image in images:
            self.collect(image)
        pending = [
            image for image in self._images.values() if not hasattr(image, "prefetched_renditions")
        ]
        if not pending:
            return
        rendition_model = get_image_model().get_rendition_model()
        prefetch_related_objects(
            pending,
            Prefetch(
                "renditions",
                queryset=rendition_model.objects.filter(filter_spec__in=rendition_specs()),
                to_attr="prefetched_renditions",
            ),
        )

    def serialize(self, image: AbstractImage | None, alt: str | None = None) -> ImageSchema | None:
        if image is None:
            return None
        image = self._images.get(image.pk, image)
        specs = rendition_specs()
        renditions = image.get_renditions(*specs)
        sources = [
            ImageSource(
                url=public_media_url(rendition.url), width=rendition.width, height=rendition.height
            )
            for rendition in (renditions[spec] for spec in specs)
        ]
        default_width = getattr(settings, "API_IMAGE_DEFAULT_WIDTH", 960)
        default = min(sources, key=lambda source: abs(source.width - default_width))
        focal_point = None
        if image.has_focal_point():
            focal_point = FocalPoint(
                x=round(image.focal_point_x / image.width, 4),
                y=round(image.focal_point_y / image.height, 4),
            )
        expose_original = getattr(settings, "API_IMAGE_EXPOSE_ORIGINAL", False)
        return ImageSchema(
            id=image.pk,
            alt=image.default_alt_text if alt is None else alt,
            url=default.url,
            width=default.width,
            height=default.height,
            srcset=sources,
            focal_point=focal_point,
            original_url=public_media_url(image.file.url) if expose_original else None,
        )

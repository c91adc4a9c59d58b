"""Licence-clean demo images, drawn with Pillow so that the repository ships no binaries."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

DEMO_COLLECTION_TAG = "demo"


def demo_image(title: str, colours: tuple[str, str], size: tuple[int, int] = (1600, 900)):
    """Return the demo image called `title`, drawing it (a soft two-tone gradient) once."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing

    width, height = size
    start, end = (PillowImage.new("RGB", (1, 1), colour).getpixel((0, 0)) for colour in colours)
    canvas = PillowImage.new("RGB", size, start)
    draw = ImageDraw.Draw(canvas)
    for x in range(width):
        ratio = x / (width - 1)
        colour = tuple(round(a + (b - a) * ratio) for a, b in zip(start, end, strict=True))
        draw.line([(x, 0), (x, height)], fill=colour)
    # A few soft circles, so that renditions and focal points have something to show.
    for index, radius in enumerate((height // 3, height // 5, height // 8)):
        cx, cy = width * (index + 1) // 4, height // 2
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline="white", width=6)

    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
    image = Image(title=title, width=width, height=height)
    image.file = ImageFile(buffer, name=f"{slug}.png")
    image.save()
    image.tags.add(DEMO_COLLECTION_TAG)
    return image

"""The site's identity (name, body, description) and the demo's own video posters.

The posters ship with the demo (`posters/<video slug>.jpg`), so the video list
shows pictures without asking Vimeo for anything.
"""

from pathlib import Path

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from home.models import SiteIdentity


POSTERS = Path(__file__).resolve().parent / "posters"


def build(context: dict) -> None:
    site = Site.objects.get(is_default_site=True)
    identity = SiteIdentity.for_site(site)
    identity.site_name = "Wirtschaftsregion Mittelsachsen"
    identity.body_name = "Landkreis Mittelsachsen"
    identity.description = (
        "Die Wirtschaftsregion Mittelsachsen: Unternehmen, Wissenschaft und "
        "Fachkräfte im Landkreis Mittelsachsen, dazu unsere Kanäle in sozialen Medien."
    )
    identity.save()
    for slug, page in context.get("video_pages", {}).items():
        path = POSTERS / f"{slug}.jpg"
        if not path.exists():
            continue
        image = poster_image(f"Vorschaubild: {page.title}", path)
        if page.poster_id != image.pk:
            page.poster = image
            page.save_revision().publish()


def poster_image(title: str, path: Path) -> object:
    """The Wagtail image with that title, created from `path` the first time."""
    if Collection.get_first_root_node() is None:  # a flushed database (tests)
        Collection.add_root(name="Root")
    model = get_image_model()
    image = model.objects.filter(title=title).first()
    if image is None:
        with path.open("rb") as handle:
            image = model(title=title, file=ImageFile(handle, name=path.name))
            image.save()
    return image

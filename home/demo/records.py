"""Records the demo pages share: platform operators, platforms, contact points, persons.

The data lives in `mittelsachsen.yaml` (docs/concept-schema.md) and is imported through
the same importer as `smgovernance_import`. Facts come from the 2018 concept
(shared/seeds), updated where obligations.md §H marks them outdated (Meta instead of
Facebook Inc., X instead of Twitter, Vimeo's owner). Everything stays editable in the admin.
"""

from functools import cache
from pathlib import Path

import yaml
from wagtail.models import Site

from smgovernance.concept_io import SCHEMA, import_data
from smgovernance.models import (
    ContactPoint,
    Platform,
    ResponsiblePerson,
    ThirdPartyProvider,
)


DATA_FILE = Path(__file__).with_name("mittelsachsen.yaml")

# Short names the other demo steps use for the records (key -> natural key in the file).
PROVIDERS = {
    "meta": "Meta",
    "x": "X",
    "vimeo": "Vimeo",
    "google": "Google",
    "linkedin": "LinkedIn",
    "bluesky": "Bluesky",
    "mastodon-sachsen": "social.sachsen.de",
}
CONTACT_POINTS = {
    "presse": "Pressestelle",
    "wirtschaft": "Referat Wirtschaftsförderung und Kreisentwicklung",
}
PERSONS = {"kaiser": "André Kaiser", "schneider": "Hartmut Schneider"}


@cache
def read_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def concept_data() -> dict:
    return read_yaml(DATA_FILE)


def import_sections(*names: str, data: dict | None = None, site=None) -> None:
    """Import some sections of a demo file (default: the economic region's) into
    `site` (default: the default site); the rest is already in the database."""
    data = concept_data() if data is None else data
    import_data({"schema": SCHEMA, **{name: data[name] for name in names}}, site=site)


def build(context: dict) -> None:
    import_sections("providers", "platforms", "contact_points", "persons", "archives")
    site = Site.objects.get(is_default_site=True)
    context.update(
        providers={
            key: ThirdPartyProvider.objects.get(name=name)
            for key, name in PROVIDERS.items()
        },
        platforms={platform.slug: platform for platform in Platform.objects.all()},
        contact_points={
            key: ContactPoint.objects.for_site(site).get(name=name)
            for key, name in CONTACT_POINTS.items()
        },
        persons={
            key: ResponsiblePerson.objects.for_site(site).get(name=name)
            for key, name in PERSONS.items()
        },
    )

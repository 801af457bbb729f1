"""Records the demo pages share: platform operators, platforms, contact points, persons.

The data lives in `mittelsachsen.yaml` (docs/concept-schema.md) and is imported through
the same importer as `smgovernance_import`. Facts come from the 2018 concept
(shared/seeds), updated where obligations.md §H marks them outdated (Meta instead of
Facebook Inc., X instead of Twitter, Vimeo's owner). Everything stays editable in the admin.
"""

from functools import cache
from pathlib import Path

import yaml

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
def concept_data() -> dict:
    with DATA_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def import_sections(*names: str) -> None:
    """Import some sections of the demo file; the rest is already in the database."""
    data = concept_data()
    import_data({"schema": SCHEMA, **{name: data[name] for name in names}})


def build(context: dict) -> None:
    import_sections("providers", "platforms", "contact_points", "persons", "archives")
    context.update(
        providers={
            key: ThirdPartyProvider.objects.get(name=name)
            for key, name in PROVIDERS.items()
        },
        platforms={platform.slug: platform for platform in Platform.objects.all()},
        contact_points={
            key: ContactPoint.objects.get(name=name)
            for key, name in CONTACT_POINTS.items()
        },
        persons={
            key: ResponsiblePerson.objects.get(name=name)
            for key, name in PERSONS.items()
        },
    )

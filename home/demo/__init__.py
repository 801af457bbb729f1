"""The Mittelsachsen demo, built from the seed documents: the economic-region site
(the default site) and the county portal (a second site, `county.py`).

Each module below builds one part of the page tree; `load()` runs them in order.
Every step is idempotent: it finds pages by slug and updates them in place.
"""

from django.conf import settings
from django.db import transaction

from . import (
    accessibility,
    channels,
    concept,
    content,
    county,
    home,
    identity,
    legal,
    records,
    register,
    videos,
    workflow,
)


STEPS = [
    home.build,
    records.build,
    legal.build,
    videos.build,
    identity.build,
    accessibility.build,
    # Channels become active only when the pages their gate needs exist.
    channels.build,
    # The county portal uses the platforms above; its channels are checked below.
    county.build,
    # The register's checks and confirmations need the published channels.
    register.build,
    content.build,
    # The concept and the workflow refer to all pages above: keep them last.
    concept.build,
    workflow.build,
]


@transaction.atomic
def load(county_portal: bool | None = None) -> None:
    """Build the demo; the county portal unless `county_portal` (default: the
    setting DEMO_COUNTY_PORTAL, True) is False."""
    if county_portal is None:
        county_portal = getattr(settings, "DEMO_COUNTY_PORTAL", True)
    context: dict = {}
    for step in STEPS:
        if county_portal or step is not county.build:
            step(context)

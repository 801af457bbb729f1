"""The Mittelsachsen demo site, built from the seed documents.

Each module below builds one part of the page tree; `load()` runs them in order.
Every step is idempotent: it finds pages by slug and updates them in place.
"""

from django.db import transaction

from . import (
    accessibility,
    channels,
    concept,
    content,
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
    # The register's checks and confirmations need the published channels.
    register.build,
    content.build,
    # The concept and the workflow refer to all pages above: keep them last.
    concept.build,
    workflow.build,
]


@transaction.atomic
def load() -> None:
    context: dict = {}
    for step in STEPS:
        step(context)

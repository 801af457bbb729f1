"""The Mittelsachsen demo site, built from the seed documents.

Each module below builds one part of the page tree; `load()` runs them in order.
Every step is idempotent: it finds pages by slug and updates them in place.
"""

from django.db import transaction

from . import content, home, records


STEPS = [
    home.build,
    records.build,
    content.build,
]


@transaction.atomic
def load() -> None:
    context: dict = {}
    for step in STEPS:
        step(context)

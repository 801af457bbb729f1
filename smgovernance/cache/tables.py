"""Create the database cache's table on `migrate`, so a deployment cannot forget it."""

from typing import Any

from django.core.management import call_command


def create_cache_tables(using: str = "default", **kwargs: Any) -> None:
    """`post_migrate` receiver: `createcachetable` for every DatabaseCache (idempotent)."""
    call_command("createcachetable", database=using, verbosity=0)

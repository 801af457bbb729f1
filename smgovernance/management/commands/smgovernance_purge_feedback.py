"""Delete accessibility feedback older than the retention period (data minimisation)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from smgovernance.models import FeedbackSubmission


DEFAULT_RETENTION_DAYS = 365


def retention_days() -> int:
    """Days a submission is kept after it was received; setting or 12 months."""
    return int(
        getattr(
            settings, "SMGOVERNANCE_FEEDBACK_RETENTION_DAYS", DEFAULT_RETENTION_DAYS
        )
    )


def purge_feedback(now: datetime.datetime | None = None, dry_run: bool = False) -> int:
    """Delete submissions received before the retention period; return how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=retention_days())
    old = FeedbackSubmission.objects.filter(received_on__lt=cutoff)
    count = old.count()
    if not dry_run:
        old.delete()
    return count


class Command(BaseCommand):
    help = (
        "Delete accessibility feedback received more than "
        "SMGOVERNANCE_FEEDBACK_RETENTION_DAYS days ago (default 365). Run it daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only report how many submissions would be deleted.",
        )

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        count = purge_feedback(dry_run=dry_run)
        verb = "would be deleted" if dry_run else "deleted"
        self.stdout.write(
            f"{count} feedback submission(s) older than {retention_days()} days {verb}."
        )

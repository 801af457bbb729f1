from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from smgovernance.monitor import Outcome
from smgovernance.tasks import channels_to_verify, check_channel, verify_channel


class Command(BaseCommand):
    help = (
        "Check that each channel's public profile links back to our site, and record "
        "the result in the verification log. Queues one job per channel for the task "
        "worker (manage.py db_worker); meant for cron, e.g. daily. With --now the "
        "checks run in this process."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--now",
            action="store_true",
            help="Run the checks here and now instead of queueing them.",
        )
        parser.add_argument(
            "--channel",
            action="append",
            default=[],
            metavar="SLUG",
            help="Only this channel (its page slug); may be given more than once.",
        )

    def handle(self, *args: object, **options: object) -> None:
        channels = channels_to_verify()
        if options["channel"]:
            wanted = set(options["channel"])
            unknown = wanted - {channel.slug for channel in channels}
            if unknown:
                raise CommandError(
                    gettext("No live channel in a public stage has the slug %(slugs)s.")
                    % {"slugs": ", ".join(sorted(unknown))}
                )
            channels = [channel for channel in channels if channel.slug in wanted]
        for channel in channels:
            if options["now"]:
                record = check_channel(channel)
                outcome, reason = record.outcome, record.reason
            else:
                result = verify_channel.enqueue(channel.pk)
                if not result.is_finished:
                    continue  # the worker will run it
                outcome, reason = (result.return_value or ""), ""
            label = Outcome(outcome).label if outcome in Outcome.values else outcome
            self.stdout.write(
                f"{channel.title}: {label}" + (f" – {reason}" if reason else "")
            )
        message = (
            gettext("%(count)s channel(s) checked.")
            if options["now"]
            else gettext("%(count)s check(s) queued.")
        )
        self.stdout.write(message % {"count": len(channels)})

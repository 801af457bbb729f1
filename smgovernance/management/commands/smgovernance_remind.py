from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext
from django_tasks import TaskResultStatus

from smgovernance.management.site_option import add_site_option, chosen_site
from smgovernance.tasks import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail the evaluation owner and deputy of each body (site) whose yearly "
        "evaluation is due or overdue. Meant for cron; never unpublishes anything. "
        "Queues a job for the task worker (manage.py db_worker); with --now it "
        "runs here."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--now",
            action="store_true",
            help="Send here and now instead of queueing a job.",
        )
        add_site_option(parser, "Remind only this site (body); default: every site.")

    def handle(self, *args: object, **options: object) -> None:
        site = chosen_site(self, options["site"])
        site_id = site.pk if site is not None else None
        if options["now"]:
            sent = send_reminders.call(site_id)
        else:
            result = send_reminders.enqueue(site_id)
            if not result.is_finished:
                self.stdout.write(gettext("The reminder job has been queued."))
                return
            if result.status != TaskResultStatus.SUCCESSFUL:
                raise CommandError(gettext("The job failed; see the task result."))
            sent = result.return_value
        self.stdout.write(gettext("%(count)s reminder(s) sent.") % {"count": sent})

from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from smgovernance.reminders import send_reminder


class Command(BaseCommand):
    help = (
        "E-mail the evaluation owner and deputy when the yearly evaluation is due or "
        "overdue. Meant for cron; never unpublishes anything."
    )

    def handle(self, *args: object, **options: object) -> None:
        sent = send_reminder()
        self.stdout.write(gettext("%(count)s reminder(s) sent.") % {"count": sent})

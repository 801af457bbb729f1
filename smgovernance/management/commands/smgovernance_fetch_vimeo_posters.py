from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext
from django_tasks import TaskResultStatus

from smgovernance.tasks import fetch_vimeo_posters


class Command(BaseCommand):
    help = (
        "Fetch the Vimeo thumbnail of video pages without a preview image on this "
        "server and store it in the media library, so visitors' browsers never "
        "contact Vimeo before consent. Needs outgoing HTTPS to vimeo.com and "
        "i.vimeocdn.com. Queues a job for the task worker (manage.py db_worker); "
        "with --now it runs here. Run it after saving video pages (or from cron)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Also replace preview images that are already set.",
        )
        parser.add_argument(
            "--now",
            action="store_true",
            help="Fetch here and now instead of queueing a job.",
        )

    def handle(self, *args: object, **options: object) -> None:
        replace = bool(options["replace"])
        if options["now"]:
            summary = fetch_vimeo_posters.call(replace=replace)
        else:
            result = fetch_vimeo_posters.enqueue(replace=replace)
            if not result.is_finished:
                self.stdout.write(
                    gettext("Fetching the preview images has been queued.")
                )
                return
            if result.status != TaskResultStatus.SUCCESSFUL:
                raise CommandError(gettext("The job failed; see the task result."))
            summary = result.return_value
        for title, error in summary["failed"]:
            self.stderr.write(
                gettext("%(title)s: no preview image (%(error)s)")
                % {"title": title, "error": error}
            )
        for title in summary["stored"]:
            self.stdout.write(
                gettext("%(title)s: preview image stored") % {"title": title}
            )
        message = gettext(
            "%(fetched)s preview image(s) stored, %(failed)s error(s)."
        ) % {
            "fetched": len(summary["stored"]),
            "failed": len(summary["failed"]),
        }
        if summary["failed"]:
            raise CommandError(message)
        self.stdout.write(message)

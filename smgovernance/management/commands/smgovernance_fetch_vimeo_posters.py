from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from smgovernance.models import VideoPage
from smgovernance.vimeo_posters import PosterError, set_poster


class Command(BaseCommand):
    help = (
        "Fetch the Vimeo thumbnail of video pages without a preview image on this "
        "server and store it in the media library, so visitors' browsers never "
        "contact Vimeo before consent. Needs outgoing HTTPS to vimeo.com and "
        "i.vimeocdn.com; run it after saving video pages (or from cron)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Also replace preview images that are already set.",
        )

    def handle(self, *args: object, **options: object) -> None:
        pages = VideoPage.objects.order_by("path")
        if not options["replace"]:
            pages = pages.filter(poster__isnull=True)
        fetched = failed = 0
        for page in pages:
            try:
                set_poster(page)
            except PosterError as exc:
                failed += 1
                self.stderr.write(
                    gettext("%(title)s: no preview image (%(error)s)")
                    % {"title": page.title, "error": exc}
                )
            else:
                fetched += 1
                self.stdout.write(
                    gettext("%(title)s: preview image stored") % {"title": page.title}
                )
        summary = gettext(
            "%(fetched)s preview image(s) stored, %(failed)s error(s)."
        ) % {"fetched": fetched, "failed": failed}
        if failed:
            raise CommandError(summary)
        self.stdout.write(summary)

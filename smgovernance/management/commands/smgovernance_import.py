import sys

import yaml
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from smgovernance.concept_io import ImportErrors, import_data


class Command(BaseCommand):
    help = (
        "Import the usage concept from a YAML file (docs/concept-schema.md). "
        "Everything is validated first; then all is written, or nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")

    def handle(self, *args: object, **options: object) -> None:
        try:
            with open(options["file"], encoding="utf-8") as handle:
                data = yaml.safe_load(handle)
        except OSError as exc:
            raise CommandError(
                gettext("File not readable: %(error)s") % {"error": exc}
            ) from exc
        except yaml.YAMLError as exc:
            raise CommandError(
                gettext("Not valid YAML: %(error)s") % {"error": exc}
            ) from exc
        try:
            counts = import_data(data, progress=self.stdout.write)
        except ImportErrors as exc:
            for error in exc.errors:
                self.stderr.write(error)
            self.stderr.write(
                gettext("%(count)s error(s); nothing was written.")
                % {"count": len(exc.errors)}
            )
            sys.exit(1)
        total = sum(counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                gettext("%(count)s entries imported.") % {"count": total}
            )
        )

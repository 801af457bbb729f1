import logging
import sys

import yaml
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext

from smgovernance.concept_io import ImportErrors, import_data
from smgovernance.management.site_option import add_site_option, chosen_site


logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Import the usage concept from a YAML file (docs/concept-schema.md). "
        "Everything is validated first; then all is written, or nothing. A key "
        "missing from the file leaves that data unchanged unless --replace is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Empty what an object's missing keys describe (lists, links, texts).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would change, one line per object; write nothing.",
        )
        add_site_option(
            parser,
            "Import into this site (its pages and records); default: the default site.",
        )

    def handle(self, *args: object, **options: object) -> None:
        site = chosen_site(self, options["site"])
        try:
            data = self.read(str(options["file"]))
            result = import_data(
                data,
                progress=self.stdout.write,
                replace=bool(options["replace"]),
                dry_run=bool(options["dry_run"]),
                site=site,
            )
        except ImportErrors as exc:
            self.fail(exc.errors)
        except Exception as exc:
            logger.exception("Import failed")
            self.fail(
                [
                    gettext("Unexpected error: %(error)s")
                    % {"error": f"{type(exc).__name__}: {exc}"}
                ]
            )
        if options["dry_run"]:
            for line in result.changes:
                self.stdout.write(line)
            self.stdout.write(
                self.style.SUCCESS(gettext("Dry run: nothing was written."))
            )
            return
        total = sum(result.counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                gettext("%(count)s entries imported.") % {"count": total}
            )
        )

    def read(self, path: str) -> object:
        """The file's YAML; any problem reading it is an import error."""
        try:
            with open(path, encoding="utf-8") as handle:
                return yaml.safe_load(handle)
        except UnicodeDecodeError as exc:
            raise ImportErrors(
                [
                    gettext(
                        "The file is not UTF-8 encoded (byte %(position)s). Save "
                        "it as UTF-8 and import it again."
                    )
                    % {"position": exc.start}
                ]
            ) from exc
        except OSError as exc:
            raise ImportErrors(
                [gettext("File not readable: %(error)s") % {"error": exc}]
            ) from exc
        except yaml.YAMLError as exc:
            raise ImportErrors(
                [gettext("Not valid YAML: %(error)s") % {"error": exc}]
            ) from exc

    def fail(self, errors: list[str]) -> None:
        for error in errors:
            self.stderr.write(error)
        self.stderr.write(
            gettext("%(count)s error(s); nothing was written.") % {"count": len(errors)}
        )
        sys.exit(1)

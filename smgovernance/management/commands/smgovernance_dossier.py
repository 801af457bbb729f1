import sys

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext

from smgovernance.dossier import (
    DossierError,
    create_dossier,
    missing_dossiers,
    verify_all,
)


class Command(BaseCommand):
    help = (
        "Evaluation dossiers: --verify recomputes every recorded SHA-256 (exit 1 on "
        "a changed or missing file); --generate produces the missing ones (an "
        "existing dossier is never replaced)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--verify", action="store_true")
        action.add_argument("--generate", action="store_true")

    def handle(self, *args: object, **options: object) -> None:
        failed = self.verify() if options["verify"] else self.generate()
        if failed:
            sys.exit(1)

    def verify(self) -> bool:
        results = verify_all()
        for result in results:
            (self.stdout if result.ok else self.stderr).write(result.message)
        if not results:
            self.stdout.write(gettext("No dossier has been recorded yet."))
        return not all(result.ok for result in results)

    def generate(self) -> bool:
        failed = False
        evaluations = list(missing_dossiers())
        for evaluation in evaluations:
            try:
                document = create_dossier(evaluation)
            except DossierError as exc:
                failed = True
                self.stderr.write(f"{evaluation}: {exc}")
                continue
            self.stdout.write(
                gettext("%(evaluation)s: dossier %(file)s stored.")
                % {"evaluation": evaluation, "file": document.file.name}
            )
        if not evaluations:
            self.stdout.write(gettext("Every submitted evaluation has its dossier."))
        return failed

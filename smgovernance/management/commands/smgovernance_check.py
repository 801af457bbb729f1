import json
import sys

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext

from smgovernance.compliance import exceeds, run_checks


class Command(BaseCommand):
    help = (
        "Run the compliance checks of the usage concept. Exit 0 when nothing at or "
        "above --fail-on is found, 1 when something is, 2 on usage errors."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--fail-on", choices=["error", "warning"], default="error", dest="fail_on"
        )

    def handle(self, *args: object, **options: object) -> None:
        findings = run_checks()
        if options["format"] == "json":
            data = [
                {
                    "check_id": f.check_id,
                    "severity": str(f.severity),
                    "message": str(f.message),
                    "object": str(f.obj) if f.obj is not None else None,
                    "url": f.url,
                }
                for f in findings
            ]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            for f in findings:
                line = f"{f.severity.upper():8} {f.check_id}  {f.message}"
                if f.url:
                    line += f"  → {f.url}"
                self.stdout.write(line)
            if not findings:
                self.stdout.write(gettext("No findings."))
        if exceeds(findings, options["fail_on"]):
            self.stderr.write(
                gettext("Findings at severity “%(severity)s” or above.")
                % {"severity": options["fail_on"]}
            )
            sys.exit(1)

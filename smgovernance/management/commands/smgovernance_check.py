import json
import sys

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext
from wagtail.models import Site

from smgovernance.compliance import Finding, exceeds, run_checks
from smgovernance.management.site_option import add_site_option, chosen_site


def site_labels() -> dict[int, str]:
    """Each site's hostname, with its port where another site shares the hostname
    (so the label is what `--site` accepts)."""
    sites = list(Site.objects.order_by("hostname", "port"))
    hostnames = [site.hostname for site in sites]
    return {
        site.pk: site.hostname
        if hostnames.count(site.hostname) == 1
        else f"{site.hostname}:{site.port}"
        for site in sites
    }


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
        add_site_option(parser, "Check only this site (body); default: every site.")

    def handle(self, *args: object, **options: object) -> None:
        site = chosen_site(self, options["site"])
        findings = run_checks(site)
        labels = site_labels() if site is None else {}
        # The site of each finding is named when the run covers several sites.
        several = len(labels) > 1

        def label(finding: Finding) -> str:
            return labels.get(finding.site.pk, "") if finding.site else ""

        if options["format"] == "json":
            data = []
            for f in findings:
                row = {
                    "check_id": f.check_id,
                    "severity": str(f.severity),
                    "message": str(f.message),
                    "object": str(f.obj) if f.obj is not None else None,
                    "url": f.url,
                }
                if several:
                    row["site"] = label(f)
                data.append(row)
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            for f in findings:
                line = f"{f.severity.upper():8} {f.check_id}  "
                if several:
                    line += f"[{label(f)}]  "
                line += str(f.message)
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

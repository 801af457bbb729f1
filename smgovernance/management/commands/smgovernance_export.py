import yaml
from django.core.management.base import BaseCommand, CommandParser

from smgovernance.concept_io import export_data
from smgovernance.management.site_option import add_site_option, chosen_site


class Command(BaseCommand):
    help = (
        "Write the whole usage concept of one site as YAML (docs/concept-schema.md); "
        "default: the default site."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", "-o", help="File to write; default: stdout.")
        add_site_option(
            parser, "Export this site's concept; default: the default site."
        )

    def handle(self, *args: object, **options: object) -> None:
        site = chosen_site(self, options["site"])
        text = yaml.safe_dump(
            export_data(site=site), allow_unicode=True, sort_keys=False, width=100
        )
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text)

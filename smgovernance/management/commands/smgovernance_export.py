import yaml
from django.core.management.base import BaseCommand, CommandParser

from smgovernance.concept_io import export_data


class Command(BaseCommand):
    help = "Write the whole usage concept as YAML (docs/concept-schema.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", "-o", help="File to write; default: stdout.")

    def handle(self, *args: object, **options: object) -> None:
        text = yaml.safe_dump(
            export_data(), allow_unicode=True, sort_keys=False, width=100
        )
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text)

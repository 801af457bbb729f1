from django.core.management.base import BaseCommand

from home import demo


class Command(BaseCommand):
    help = (
        "Build (or update) the Landkreis Mittelsachsen demo: the economic-region "
        "site and the county portal. Safe to run repeatedly."
    )

    def handle(self, *args: object, **options: object) -> None:
        demo.load()
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte geladen."))

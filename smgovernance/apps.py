from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SmGovernanceConfig(AppConfig):
    name = "smgovernance"
    label = "smgovernance"
    verbose_name = _("Social media governance")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, as Django documents: both modules import Wagtail's models,
        # which cannot be imported while the app registry is still loading apps.py.
        from . import checks  # noqa: F401  (registers the system checks)
        from .cache import connect_signals

        connect_signals()  # purge the public page cache when content changes

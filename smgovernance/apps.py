from django.apps import AppConfig
from django.db.models.signals import post_migrate
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
        from .cache.tables import create_cache_tables
        from .compliance.summary import connect_summary_signals

        connect_signals()  # purge the public page cache when content changes
        connect_summary_signals()  # recount the dashboard's findings after changes
        post_migrate.connect(create_cache_tables, sender=self)

        # Imported here for the same reason: tasks need the models and task backends.
        from wagtail.signals import page_published

        from .tasks import queue_verification_on_publish

        page_published.connect(
            queue_verification_on_publish, dispatch_uid="smgovernance-verify-channel"
        )

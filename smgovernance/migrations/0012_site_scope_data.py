"""Records made before there were several bodies belong to the default site."""

from django.db import migrations


SCOPED = (
    "archiverecord",
    "awarenessaction",
    "contactpoint",
    "evaluationrecord",
    "responsibleperson",
    "videocategory",
)


def assign_default_site(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    site = (
        Site.objects.filter(is_default_site=True).first()
        or Site.objects.order_by("pk").first()
    )
    if site is None:
        return
    if schema_editor.connection.vendor == "postgresql":
        # The append-only trigger (0003) lets this one transaction set the site of
        # submitted evaluations, the only column it writes.
        schema_editor.execute(
            "SET LOCAL smgovernance.evaluation_log_unlocked = 'on'", params=None
        )
    for name in SCOPED:
        # The queryset's update() of evaluations refuses submitted rows; the
        # historical model's manager is a plain one, so this writes past it.
        apps.get_model("smgovernance", name).objects.filter(site__isnull=True).update(
            site=site
        )


class Migration(migrations.Migration):
    dependencies = [("smgovernance", "0011_site_scope")]

    operations = [migrations.RunPython(assign_default_site, migrations.RunPython.noop)]

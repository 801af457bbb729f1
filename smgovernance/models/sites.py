"""Records that belong to one body (a Wagtail Site), see `smgovernance.bodies`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..bodies import default_site_id, site_ids_for_user
from ..forms import SiteScopedForm


class SiteScopedQuerySet(models.QuerySet):
    def for_site(self, site) -> "SiteScopedQuerySet":
        """The site's records; all records when `site` is None (the whole installation)."""
        return self if site is None else self.filter(site=site)

    def for_user(self, user) -> "SiteScopedQuerySet":
        """The records of the sites the user manages."""
        return self.filter(site_id__in=site_ids_for_user(user))


class SiteScopedModel(models.Model):
    """A record of one body: its site decides who sees and changes it."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("website"),
        on_delete=models.PROTECT,
        related_name="+",
        default=default_site_id,
        help_text=_("The body (website) this record belongs to."),
    )

    objects = SiteScopedQuerySet.as_manager()
    base_form_class = SiteScopedForm

    class Meta:
        abstract = True

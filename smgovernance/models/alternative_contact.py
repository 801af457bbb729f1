"""Safe ways to reach the authority instead of social media (O-11, O-12, O-18)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from ..forms import SitePageForm
from ..rules.text import LEGAL_FEATURES
from .contacts import ContactPoint
from .mixins import ViewRestrictionsInOneQueryMixin


class AlternativeContactPage(ViewRestrictionsInOneQueryMixin, Page):
    """Safe ways to reach the authority instead of social media (O-11, O-12, O-18)."""

    base_form_class = SitePageForm

    intro = RichTextField(_("introduction"), features=LEGAL_FEATURES, blank=True)
    online_services_label = models.CharField(
        _("online services: link text"),
        max_length=255,
        blank=True,
        help_text=_("E.g. Amt24 – Verwaltungsleistungen online."),
    )
    online_services_url = models.URLField(
        _("online services: address"),
        blank=True,
        help_text=_(
            "Where administrative services are available online, e.g. https://amt24.sachsen.de/."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "contact_points",
            heading=_("Contact points"),
            label=_("Contact point"),
            min_num=1,
        ),
        InlinePanel(
            "websites",
            heading=_("Websites with the same information"),
            label=_("Website"),
        ),
        MultiFieldPanel(
            [FieldPanel("online_services_label"), FieldPanel("online_services_url")],
            heading=_("Online services"),
        ),
    ]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    scan_legal_references = True
    page_description = _(
        "Phone, e-mail, office hours and online services: the safe alternatives to social media."
    )

    class Meta:
        verbose_name = _("alternative contact page")
        verbose_name_plural = _("alternative contact pages")

    def clean(self) -> None:
        super().clean()
        if self.online_services_url and not self.online_services_label:
            raise ValidationError(
                {
                    "online_services_label": _(
                        "Enter a link text for the online services."
                    )
                }
            )

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["contacts"] = [
            item.contact_point
            for item in self.contact_points.select_related(
                "contact_point"
            ).prefetch_related("contact_point__office_hours")
        ]
        return context


class AlternativeContactPoint(Orderable):
    page = ParentalKey(
        AlternativeContactPage, on_delete=models.CASCADE, related_name="contact_points"
    )
    contact_point = models.ForeignKey(
        ContactPoint,
        verbose_name=_("contact point"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("contact_point")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")


class AlternativeContactWebsite(Orderable):
    """A website where the information of the channels is published too (O-12)."""

    page = ParentalKey(
        AlternativeContactPage, on_delete=models.CASCADE, related_name="websites"
    )
    url = models.URLField(_("address"))
    label = models.CharField(_("link text"), max_length=255)

    panels = [FieldPanel("url"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("website")
        verbose_name_plural = _("websites")

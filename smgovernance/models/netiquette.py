"""The netiquette: rules for comments on the channels, with graded, reviewable measures.

It is the published order of use of the channels that allow comments: measures
against comments must follow it, mildest first.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from ..blocks import NetiquetteMeasureBlock, NetiquetteRuleBlock
from ..forms import SitePageForm
from ..rules.netiquette import measures_graded
from ..rules.text import LIST_FEATURES
from .contacts import ContactPoint
from .mixins import ViewRestrictionsInOneQueryMixin


class NetiquettePage(ViewRestrictionsInOneQueryMixin, Page):
    """Rules for comments on the channels, with graded and reviewable measures."""

    base_form_class = SitePageForm

    intro = models.TextField(_("introduction"), blank=True)
    rules = StreamField([("rule", NetiquetteRuleBlock())], verbose_name=_("rules"))
    measures = StreamField(
        [("measure", NetiquetteMeasureBlock())],
        verbose_name=_("graded measures"),
        help_text=_(
            "Mildest first: hide, then delete, then a temporary block. "
            "Each measure says when it applies."
        ),
    )
    review_procedure = RichTextField(
        _("reasons and review"),
        features=LIST_FEATURES,
        help_text=_("How people can ask for the reasons of a measure or a review."),
    )
    review_contact = models.ForeignKey(
        ContactPoint,
        verbose_name=_("contact for reasons and review"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    service_hours = models.TextField(
        _("service hours"),
        help_text=_("When the channels are looked after, e.g. Mon–Fri 9 am to 3 pm."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("rules"),
        FieldPanel("measures"),
        MultiFieldPanel(
            [FieldPanel("review_procedure"), FieldPanel("review_contact")],
            heading=_("Reasons and review"),
        ),
        FieldPanel("service_hours"),
    ]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _(
        "Rules for comments on the channels, graded measures and how to ask for a review."
    )

    class Meta:
        verbose_name = _("netiquette")
        verbose_name_plural = _("netiquettes")

    @classmethod
    def url_for_request(cls, request: HttpRequest | None) -> str | None:
        """URL of the live netiquette of the request's site, for channels with comments."""
        pages = cls.objects.live()
        site = Site.find_for_request(request) if request is not None else None
        if site is not None:
            pages = pages.in_site(site)
        page = pages.order_by("path").first()
        return page.get_url(request) if page is not None else None

    def clean(self) -> None:
        super().clean()
        if not measures_graded([block.value["measure"] for block in self.measures]):
            raise ValidationError(
                {
                    "measures": _(
                        "List each measure once, mildest first: hide, delete, "
                        "temporary block."
                    )
                }
            )

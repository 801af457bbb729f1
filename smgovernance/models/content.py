"""General content pages built from the governance block library."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import GOVERNANCE_BLOCKS, prefetch_for_render
from .mixins import ViewRestrictionsInOneQueryMixin


class ContentPage(ViewRestrictionsInOneQueryMixin, Page):
    """An ordinary page whose channel and contact facts come from the records."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown below the title."),
    )
    body = StreamField(GOVERNANCE_BLOCKS, blank=True, verbose_name=_("content"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    page_description = _(
        "A general page built from text, images, Vimeo videos, contacts, channel "
        "links, notes and calls to action."
    )

    def get_context(self, request, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        prefetch_for_render(self.body)
        return context

    @property
    def has_vimeo(self) -> bool:
        """Only pages with a video load the consent script and its styles."""
        return any(block.block_type == "vimeo" for block in self.body)

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

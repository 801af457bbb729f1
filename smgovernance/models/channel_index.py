"""The channel index: every channel, grouped by lifecycle stage, with schema.org data."""

import json

from django.db import models
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, Site

from ..rules.stages import INDEX_STAGE_ORDER, ChannelStage
from .channel_profile import ChannelProfilePage
from .mixins import ViewRestrictionsInOneQueryMixin


# Characters that must not appear raw inside a <script> element (as Django's json_script).
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data: dict) -> SafeString:
    """JSON for a `<script type="application/ld+json">` element, escaped like `json_script`."""
    return mark_safe(  # noqa: S308  (escaped above: no "<", ">" or "&" is left)
        json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    )


class ChannelIndexPage(ViewRestrictionsInOneQueryMixin, Page):
    """Lists every channel, grouped by lifecycle stage."""

    intro = models.TextField(_("introduction"), blank=True)
    organisation_name = models.CharField(
        _("organisation name"),
        max_length=255,
        blank=True,
        help_text=_(
            "The public body that runs the channels, for search engines "
            "(schema.org). Empty: the site name."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("organisation_name"),
    ]
    subpage_types = ["smgovernance.ChannelProfilePage"]
    max_count_per_parent = 1
    page_description = _("Lists all social media channels, grouped by lifecycle stage.")

    class Meta:
        verbose_name = _("channel index")
        verbose_name_plural = _("channel indexes")

    def route(self, request: HttpRequest, path_components: list[str]) -> object:
        """Load a channel together with its related records (one query, not ten)."""
        if path_components:
            channel = (
                ChannelProfilePage.with_related()
                .child_of(self)
                .filter(slug=path_components[0])
                .first()
            )
            if channel is not None:
                channel._cached_parent_obj = self
                return channel.route(request, path_components[1:])
        return super().route(request, path_components)

    def channels(self) -> models.QuerySet:
        return (
            ChannelProfilePage.objects.child_of(self)
            .live()
            .public()
            .select_related("platform")
            .order_by("title")
        )

    def structured_data(self, request: HttpRequest | None, channels: list) -> dict:
        """schema.org GovernmentOrganization; `sameAs` lists the active channels."""
        site = Site.find_for_request(request) if request else self.get_site()
        name = self.organisation_name or (site.site_name if site else "") or self.title
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization",
            "name": name,
            "url": site.root_url + "/" if site else self.get_full_url(request),
            "sameAs": [
                channel.profile_url for channel in channels if channel.is_active
            ],
        }
        return data

    def get_context(
        self, request: HttpRequest, *args: object, **kwargs: object
    ) -> dict:
        context = super().get_context(request, *args, **kwargs)
        channels = list(self.channels())
        by_stage: dict[str, list] = {stage: [] for stage in INDEX_STAGE_ORDER}
        for channel in channels:
            by_stage.setdefault(channel.stage, []).append(channel)
        context["stage_groups"] = [
            {"stage": stage, "label": ChannelStage(stage).label, "channels": items}
            for stage, items in by_stage.items()
            if items
        ]
        context["json_ld"] = json_ld(self.structured_data(request, channels))
        return context

"""The channel index: every channel, grouped by lifecycle stage, with schema.org data."""

import json

from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, Site

from ..fragments import cached_sections
from ..rules.stages import INDEX_STAGE_ORDER, ChannelStage
from .channel_profile import ChannelProfilePage
from .mixins import ViewRestrictionsInOneQueryMixin
from .public_channels import CHANNEL_COLUMNS, page_site, render_each
from .register import last_good_checks


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

    organisation_genitive = models.CharField(
        _("organisation name in the genitive"),
        max_length=255,
        blank=True,
        help_text=_(
            "For the sentence “Offizieller Kanal des …” on the channel pages, e.g. "
            "“des Landkreises Mittelsachsen”. Empty: “von” and the organisation name."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("organisation_name"),
        FieldPanel("organisation_genitive"),
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
        """The listed channels, with only the columns the index shows."""
        return (
            ChannelProfilePage.objects.child_of(self)
            .live()
            .public()
            .only(
                *CHANNEL_COLUMNS, "platform__name", "platform__updated_at", "updated_at"
            )
            .select_related("platform")
            .order_by("title")
        )

    def publisher_name(self, site: Site | None) -> str:
        """The body that runs the channels: the organisation, else the site's name."""
        return self.organisation_name or (site.site_name if site else "") or self.title

    def official_body(self, site: Site | None) -> str:
        """The body as "Offizieller Kanal …" needs it: the genitive, else "von <name>"."""
        if self.organisation_genitive:
            return self.organisation_genitive
        return gettext("of %(name)s") % {"name": self.publisher_name(site)}

    def channel_items(
        self, request: HttpRequest | None, channels: list, official_body: str
    ) -> str:
        """One stage group's list items, each from the fragment cache when unchanged.

        A channel's item shows its register statement, so the key holds whether it
        is official and when it was last checked.
        """
        by_pk = {channel.pk: channel for channel in channels}

        def render(pks: list) -> dict:
            return render_each(
                "smgovernance/includes/channel_index_item.html",
                {pk: {"channel": by_pk[pk]} for pk in pks},
                request,
                official_body=official_body,
            )

        host = request.get_host() if request is not None else ""
        return cached_sections(
            "channel-index",
            (
                (
                    c.pk,
                    (
                        c.updated_at,
                        c.url_path,
                        c.platform.updated_at,
                        c.is_official,
                        c.checked_on,
                    ),
                )
                for c in channels
            ),
            (host, official_body),
            render,
        )

    def structured_data(self, request: HttpRequest | None, register: list) -> dict:
        """schema.org GovernmentOrganization; `sameAs` lists exactly the register."""
        site = Site.find_for_request(request) if request else self.get_site()
        return {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization",
            "name": self.publisher_name(site),
            "url": site.root_url + "/" if site else self.get_full_url(request),
            "sameAs": [channel.profile_url for channel in register],
        }

    def get_context(
        self, request: HttpRequest, *args: object, **kwargs: object
    ) -> dict:
        context = super().get_context(request, *args, **kwargs)
        channels = list(self.channels())
        register = last_good_checks(self, request)
        last_good = {channel.pk: channel.last_good_at for channel in register}
        for channel in channels:
            # The register's statement: "Offizieller Kanal des …, zuletzt geprüft am …".
            channel.is_official = channel.pk in last_good
            checked = last_good.get(channel.pk)
            channel.checked_on = timezone.localdate(checked) if checked else None
        official_body = self.official_body(page_site(self, request))
        by_stage: dict[str, list] = {stage: [] for stage in INDEX_STAGE_ORDER}
        for channel in channels:
            by_stage.setdefault(channel.stage, []).append(channel)
        context["stage_groups"] = [
            {
                "stage": stage,
                "label": ChannelStage(stage).label,
                "channels": items,
                "items": self.channel_items(request, items, official_body),
            }
            for stage, items in by_stage.items()
            if items
        ]
        context["official_body"] = official_body
        context["json_ld"] = json_ld(self.structured_data(request, register))
        return context

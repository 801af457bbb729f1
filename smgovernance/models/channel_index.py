"""The channel index: every channel, grouped by lifecycle stage, with schema.org data."""

import datetime
import json

from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, Site

from ..fragments import cached_sections, text_stamps
from ..fragments import enabled as fragments_enabled
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
        self,
        request: HttpRequest | None,
        rows: list[tuple],
        checked: dict[int, datetime.date | None],
        official_body: str,
        loaded: dict,
    ) -> str:
        """One stage group's list items, each from the fragment cache when unchanged.

        `rows`: (pk, *stamps) in display order; `checked`: the official channels'
        last good check. A channel's item shows its register statement, so the key
        holds whether it is official and when it was last checked. Only the
        channels whose item is not cached are loaded (into `loaded`, shared by the
        groups of one request).
        """

        def render(pks: list) -> dict:
            missing = [pk for pk in pks if pk not in loaded]
            if missing:
                rows = self.channels()
                # Without fragments every item renders: load all groups' rows at once.
                if fragments_enabled():
                    rows = rows.filter(pk__in=missing)
                loaded.update((c.pk, c) for c in rows)
            channels = {pk: loaded[pk] for pk in pks}
            for channel in channels.values():
                # The register's statement: "Offizieller Kanal des …, zuletzt geprüft am …".
                channel.is_official = channel.pk in checked
                channel.checked_on = checked.get(channel.pk)
            return render_each(
                "smgovernance/includes/channel_index_item.html",
                {pk: {"channel": channels[pk]} for pk in pks},
                request,
                official_body=official_body,
            )

        host = request.get_host() if request is not None else ""
        return cached_sections(
            "channel-index",
            ((pk, (*stamps, pk in checked, checked.get(pk))) for pk, *stamps in rows),
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
        register = last_good_checks(self, request)
        checked = {
            channel.pk: (
                timezone.localdate(channel.last_good_at)
                if channel.last_good_at
                else None
            )
            for channel in register
        }
        official_body = self.official_body(page_site(self, request))
        # The change stamps only: rows are loaded for the items not in the cache.
        stamps = self.channels().values_list(
            "stage",
            "pk",
            *text_stamps("updated_at", "url_path", "platform__updated_at"),
        )
        loaded: dict = {}
        by_stage: dict[str, list] = {stage: [] for stage in INDEX_STAGE_ORDER}
        for stage, *row in stamps:
            by_stage.setdefault(stage, []).append(row)
        context["stage_groups"] = [
            {
                "stage": stage,
                "label": ChannelStage(stage).label,
                "items": self.channel_items(
                    request, rows, checked, official_body, loaded
                ),
            }
            for stage, rows in by_stage.items()
            if rows
        ]
        context["official_body"] = official_body
        context["json_ld"] = json_ld(self.structured_data(request, register))
        return context

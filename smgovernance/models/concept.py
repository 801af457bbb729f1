"""The usage concept as a page rendered live from the records (O-16)."""

import datetime

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site

from ..rules.stages import PUBLIC_STAGES
from ..rules.text import SECTION_FEATURES
from .channel_profile import ChannelProfilePage
from .contacts import ContactPoint, ResponsiblePerson
from .mixins import ViewRestrictionsInOneQueryMixin
from .registers import ChannelDecision, EvaluationRecord


class UsageConceptPage(ViewRestrictionsInOneQueryMixin, Page):
    """The published usage concept: prose sections plus everything rendered from records."""

    version = models.CharField(
        _("version"),
        max_length=20,
        help_text=_("E.g. 2.0. Raise it with every update."),
    )
    version_date = models.DateField(
        _("version adopted on"),
        help_text=_(
            "When this version of the concept was adopted. A channel activated later "
            "means the concept must be updated."
        ),
    )
    preamble = RichTextField(_("preamble"), features=SECTION_FEATURES)
    task = RichTextField(_("task and purpose"), features=SECTION_FEATURES)
    responsible_bodies = RichTextField(
        _("responsible bodies"), features=SECTION_FEATURES, blank=True
    )
    responsible_persons = ParentalManyToManyField(
        ResponsiblePerson,
        verbose_name=_("responsible persons"),
        blank=True,
        related_name="+",
    )
    contact_points = ParentalManyToManyField(
        ContactPoint, verbose_name=_("contact points"), blank=True, related_name="+"
    )
    self_commitment = RichTextField(_("self-commitment"), features=SECTION_FEATURES)
    evaluation_owner = models.ForeignKey(
        ResponsiblePerson,
        verbose_name=_("evaluation owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Receives the reminder when the yearly evaluation is due."),
    )
    evaluation_deputy = models.ForeignKey(
        ResponsiblePerson,
        verbose_name=_("evaluation deputy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("version"), FieldPanel("version_date")], heading=_("Version")
        ),
        FieldPanel("preamble"),
        InlinePanel(
            "documents", heading=_("Referenced documents"), label=_("Document")
        ),
        FieldPanel("task"),
        MultiFieldPanel(
            [
                FieldPanel("responsible_bodies"),
                FieldPanel("responsible_persons"),
                FieldPanel("contact_points"),
            ],
            heading=_("Responsible bodies"),
        ),
        FieldPanel("self_commitment"),
        MultiFieldPanel(
            [FieldPanel("evaluation_owner"), FieldPanel("evaluation_deputy")],
            heading=_("Yearly evaluation"),
        ),
    ]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _(
        "The social media usage concept, rendered live from channels and evaluations."
    )

    class Meta:
        verbose_name = _("usage concept")
        verbose_name_plural = _("usage concepts")

    def channels(self, site: Site | None = None) -> models.QuerySet:
        """The channels the concept describes: live channel pages of this site."""
        pages = ChannelProfilePage.with_related().live()
        site = site or self.get_site()
        if site is not None:
            pages = pages.in_site(site)
        return pages.order_by("path")

    def published_evaluations(self) -> models.QuerySet:
        return (
            EvaluationRecord.objects.filter(published=True, submitted=True)
            .prefetch_related(
                models.Prefetch(
                    "decisions",
                    queryset=ChannelDecision.objects.select_related("channel"),
                )
            )
            .order_by("-date", "-pk")
        )

    def _request_site(self, request: HttpRequest | None) -> Site | None:
        """The request's site when it holds this page (no query: it is cached)."""
        site = Site.find_for_request(request) if request is not None else None
        if site is not None and self.path.startswith(site.root_page.path):
            return site
        return None

    def get_context(self, request, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        # The page shows neither stage history nor successors: skip those prefetches.
        channels = list(
            self.channels(self._request_site(request)).prefetch_related(None)
        )
        evaluations = list(self.published_evaluations())
        persons = list(self.responsible_persons.select_related("contact_point"))
        context.update(
            channels=channels,
            public_channels=[c for c in channels if c.stage in PUBLIC_STAGES],
            evaluations=evaluations,
            persons=persons,
            stand=self.stand(channels, evaluations, persons),
        )
        return context

    def stand(
        self,
        channels: list[ChannelProfilePage] | None = None,
        evaluations: list | None = None,
        persons: list[ResponsiblePerson] | None = None,
    ) -> datetime.date:
        """The latest change to anything the page shows ("Stand")."""
        if channels is None:
            channels = list(self.channels())
        if evaluations is None:
            evaluations = list(self.published_evaluations())
        moments = [self.last_published_at or timezone.now()]
        moments += [c.last_published_at for c in channels if c.last_published_at]
        moments += [e.updated_at for e in evaluations]
        latest = max(moments)
        if settings.USE_TZ:
            latest = timezone.localtime(latest)
        dates = [latest.date()]
        if persons is None:
            persons = list(self.responsible_persons.all())
        dates += [p.verified_on for p in persons if p.verified_on]
        return max(dates)


class ConceptDocument(Orderable):
    """A document the concept builds on (title, author, year)."""

    page = ParentalKey(
        UsageConceptPage, on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=255)
    author = models.CharField(_("author"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"))

    panels = [FieldPanel("title"), FieldPanel("author"), FieldPanel("year")]

    class Meta(Orderable.Meta):
        verbose_name = _("referenced document")
        verbose_name_plural = _("referenced documents")

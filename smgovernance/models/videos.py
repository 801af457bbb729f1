"""Video pages: Vimeo videos behind a consent placeholder, with transcript and a frameable view."""

import datetime
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.search import index

from ..blocks import CAPTION_LANGUAGES, TRANSCRIPT_FEATURES, VimeoBlock, parse_video
from ..embedding import oembed_discovery_url, render_video_embed
from ..forms import VideoPageForm
from ..rules.accessibility import transcript_required
from ..rules.text import INLINE_FEATURES, LIST_FEATURES
from ..vimeo import parse_start_time
from .mixins import ViewRestrictionsInOneQueryMixin
from .public_channels import page_site
from .sites import SiteScopedModel


# The preview image of a video's card on the video index.
CARD_POSTER = "fill-480x270"


# The query parameter that filters the video index by category (`?kategorie=<slug>`).
CATEGORY_PARAM = "kategorie"


class VideoCategory(index.Indexed, SiteScopedModel):
    """A topic the video index can be filtered by; the categories are data, not code."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Used in the address of the filtered video list."),
    )

    panels = [FieldPanel("site"), FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name")]

    class Meta:
        verbose_name = _("video category")
        verbose_name_plural = _("video categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "slug"],
                name="smgovernance_video_category_slug_per_site",
            ),
            models.UniqueConstraint(
                fields=["site", "name"],
                name="smgovernance_video_category_name_per_site",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def query_string(self) -> str:
        """`kategorie=<slug>`: appended to the video index's URL, it lists this category."""
        return urlencode({VideoIndexPage.CATEGORY_PARAM: self.slug})


class VideoIndexPage(ViewRestrictionsInOneQueryMixin, Page):
    """Lists the video pages, filterable by category."""

    intro = RichTextField(_("introduction"), blank=True, features=INLINE_FEATURES)

    CATEGORY_PARAM = CATEGORY_PARAM
    # The page cache keys this page by the category filter; other query
    # parameters get the cached plain list.
    cache_query_params = (CATEGORY_PARAM,)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["smgovernance.VideoPage"]
    max_count_per_parent = 1
    page_description = _("Lists the video pages; visitors can filter by category.")

    class Meta:
        verbose_name = _("video index")
        verbose_name_plural = _("video indexes")

    def get_context(
        self, request: HttpRequest, *args: object, **kwargs: object
    ) -> dict:
        context = super().get_context(request, *args, **kwargs)
        categories = list(VideoCategory.objects.for_site(page_site(self, request)))
        chosen = None
        slug = request.GET.get(self.CATEGORY_PARAM, "")
        if slug:
            # An unknown value shows every video instead of failing.
            chosen = next((c for c in categories if c.slug == slug), None)
        videos = (
            VideoPage.objects.live()
            .public()
            .child_of(self)
            .select_related("poster")
            .prefetch_related(
                "categories",
                models.Prefetch(
                    "poster__renditions",
                    queryset=get_image_model()
                    .get_rendition_model()
                    .objects.filter(filter_spec=CARD_POSTER),
                ),
            )
            .order_by("-publication_date", "title")
        )
        if chosen is not None:
            videos = videos.filter(categories=chosen)
        videos = list(videos)
        for video in videos:
            # From the prefetched renditions: no cache read or write per card.
            video.card_poster = (
                get_renditions_or_not_found(video.poster, [CARD_POSTER])[CARD_POSTER]
                if video.poster
                else None
            )
        context.update(
            videos=videos,
            categories=categories,
            chosen_category=chosen,
            category_param=self.CATEGORY_PARAM,
        )
        return context


class VideoPage(ViewRestrictionsInOneQueryMixin, RoutablePageMixin, Page):
    """One video: description, transcript and captions note, player only after consent."""

    video_url = models.CharField(
        _("Vimeo video"),
        max_length=5000,
        help_text=_(
            "The address of the video on vimeo.com or Vimeo's embed code. Only the "
            "video ID (and the hash of unlisted videos) is kept."
        ),
    )
    poster = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("preview image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown from our own server before consent. Without one, a neutral graphic is shown."
        ),
    )
    description = RichTextField(_("description"), blank=True, features=LIST_FEATURES)
    publication_date = models.DateField(
        _("publication date"),
        default=datetime.date.today,
        help_text=_(
            "When the video was first published. From 23 September 2020 on, a transcript is required."
        ),
    )
    categories = ParentalManyToManyField(
        VideoCategory, verbose_name=_("categories"), blank=True, related_name="videos"
    )
    transcript = RichTextField(
        _("transcript"),
        blank=True,
        features=TRANSCRIPT_FEATURES,
        help_text=_("The spoken text and a description of what is shown."),
    )
    captions_available = models.BooleanField(_("captions available"), default=False)
    caption_language = models.CharField(
        _("caption language"),
        max_length=20,
        choices=CAPTION_LANGUAGES,
        blank=True,
        default="de",
    )
    start_time = models.CharField(
        _("start time"),
        max_length=10,
        blank=True,
        help_text=_("Optional, in seconds (90) or minutes:seconds (1:30)."),
    )

    base_form_class = VideoPageForm
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("video_url"), FieldPanel("poster"), FieldPanel("start_time")],
            heading=_("Video"),
        ),
        FieldPanel("description"),
        FieldPanel("publication_date"),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("transcript"),
                FieldPanel("captions_available"),
                FieldPanel("caption_language"),
            ],
            heading=_("Accessibility"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("transcript"),
    ]
    parent_page_types = ["smgovernance.VideoIndexPage"]
    subpage_types: list[str] = []
    page_description = _("One Vimeo video with transcript; loads only after consent.")

    class Meta:
        verbose_name = _("video page")
        verbose_name_plural = _("video pages")

    def clean(self) -> None:
        super().clean()
        errors: dict[str, ValidationError] = {}
        try:
            self.video_url = parse_video(self.video_url or "").canonical_url
        except ValidationError as exc:
            errors["video_url"] = exc
        try:
            parse_start_time(self.start_time)
        except ValidationError as exc:
            errors["start_time"] = exc
        if self.captions_available and not self.caption_language:
            errors["caption_language"] = ValidationError(
                _("Choose the language of the captions.")
            )
        if errors:
            raise ValidationError(errors)

    @property
    def transcript_required(self) -> bool:
        return transcript_required(self.publication_date)

    @property
    def vimeo_value(self):
        """The page's video as a VimeoBlock value, so both share one template."""
        block = VimeoBlock()
        return block._to_struct_value(
            [
                ("video", self.video_url),
                ("title", self.title),
                ("poster", self.poster),
                ("transcript", RichText(self.transcript) if self.transcript else None),
                ("captions_available", self.captions_available),
                ("caption_language", self.caption_language),
                ("start_time", self.start_time),
            ]
        )

    def get_context(
        self, request: HttpRequest, *args: object, **kwargs: object
    ) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["oembed_url"] = oembed_discovery_url(request, self)
        return context

    @path("embed/", name="embed")
    def embed(self, request: HttpRequest) -> HttpResponse:
        """The frameable view: minimal chrome, same consent UI, footer links."""
        return render_video_embed(request, self)

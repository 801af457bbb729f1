"""The accessibility statement with its feedback form, and the netiquette page.

The statement is required by the accessibility laws of the Länder (in Saxony the
Barrierefreie-Websites-Gesetz with BITV 2.0 / EN 301 549 / WCAG 2.1 AA); its
feedback mechanism has to be answered within one month. The netiquette is the
published order of use of the channels that allow comments: measures against
comments must follow it, graded and reviewable.
"""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from .contacts import ContactPoint
from .mixins import ViewRestrictionsInOneQueryMixin


TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def add_one_month(day: datetime.date) -> datetime.date:
    """The same day in the next calendar month, clamped to that month's last day.

    31 January gives 28 (or 29) February; 31 December gives 31 January.
    """
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    last_day = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last_day))


# Pre-filled, editable texts. Callables, so that a migration stores a reference
# and the text is translated in the editor's language when the page is created.
def default_legal_basis() -> str:
    return gettext(
        "<p>As a public body we are obliged to make our website accessible. The legal "
        "basis is the Saxon Inclusion Act (Sächsisches Inklusionsgesetz, SächsInklusG), "
        "the Saxon Accessible Websites Act (Barrierefreie-Websites-Gesetz, BfWebG) and "
        "its ordinance (Barrierefreie-Websites-Verordnung, BfWebVO), which implement "
        "Directive (EU) 2016/2102. The requirements follow the Barrierefreie-"
        "Informationstechnik-Verordnung (BITV 2.0) and the harmonised standard "
        "EN 301 549 V3.2.1, that is the Web Content Accessibility Guidelines "
        "(WCAG) 2.1 at level AA.</p>"
    )


def default_scope() -> str:
    return gettext(
        "<p>This statement applies to this website, including the embeddable video "
        "views (addresses ending in /videos/&lt;name of the video&gt;/embed/) that "
        "other websites of ours show in a frame.</p>"
    )


def default_enforcement_name() -> str:
    return gettext(
        "Enforcement body (Durchsetzungsstelle) at the Saxon State Chancellery"
    )


def default_enforcement_procedure() -> str:
    return gettext(
        "<p>You can turn to the enforcement body if you have not received a "
        "satisfactory answer to your feedback or request within one month, if you "
        "think this statement is missing, incomplete or wrong, or if you disagree "
        "that making content accessible would be a disproportionate burden. The "
        "enforcement body examines your complaint and works towards a solution.</p>"
    )


class ConformanceStatus(models.TextChoices):
    """The three statuses of the EU model statement (Implementing Decision 2018/1523)."""

    FULL = "full", _("Fully compliant")
    PARTIAL = "partial", _("Partially compliant")
    NONE = "none", _("Not compliant")


class AssessmentMethod(models.TextChoices):
    SELF = "self", _("Self-assessment")
    EXTERNAL = "external", _("External test")


class FeedbackKind(models.TextChoices):
    BARRIER = "barrier", _("Report a barrier")
    ACCESSIBLE_CONTENT = "content", _("Request content in an accessible form")


class KnownBarrierBlock(blocks.StructBlock):
    """One piece of content that is not accessible, why, and how to get it instead."""

    item = blocks.CharBlock(
        label=_("Content"),
        max_length=255,
        help_text=_("What is not accessible, e.g. videos without audio description."),
    )
    reason = blocks.TextBlock(
        label=_("Reason"),
        help_text=_("Why it is not accessible (yet), and until when it will be fixed."),
    )
    alternative = blocks.RichTextBlock(
        label=_("Accessible alternative"),
        features=["bold", "italic", "link"],
        help_text=_("How people can get the same information in an accessible way."),
    )

    class Meta:
        icon = "warning"
        label = _("Known barrier")
        template = "smgovernance/blocks/known_barrier_block.html"
        description = _(
            "A content that is not accessible, with reason and alternative."
        )
        preview_value = {
            "item": "Videos",
            "reason": "No audio description yet.",
            "alternative": "Transcripts on each video page.",
        }


class AccessibilityStatementPage(ViewRestrictionsInOneQueryMixin, Page):
    """The accessibility statement (Erklärung zur Barrierefreiheit) with its feedback form."""

    legal_basis = RichTextField(
        _("legal basis"), features=TEXT_FEATURES, default=default_legal_basis
    )
    scope = RichTextField(
        _("scope"),
        features=TEXT_FEATURES,
        default=default_scope,
        help_text=_(
            "The websites (domains) and views this statement covers, including "
            "embeddable views shown on other sites."
        ),
    )
    conformance_status = models.CharField(
        _("conformance status"),
        max_length=10,
        choices=ConformanceStatus.choices,
        default=ConformanceStatus.PARTIAL,
    )
    known_barriers = StreamField(
        [("barrier", KnownBarrierBlock())],
        verbose_name=_("known barriers"),
        blank=True,
        help_text=_("Required unless the website is fully compliant."),
    )
    assessment_method = models.CharField(
        _("assessment method"),
        max_length=10,
        choices=AssessmentMethod.choices,
        default=AssessmentMethod.SELF,
    )
    assessment_date = models.DateField(_("assessment date"))
    stand = models.DateField(
        _("as of (Stand)"),
        help_text=_(
            "When the statement was last reviewed. Review it at least once a year."
        ),
    )
    feedback_contact = models.ForeignKey(
        ContactPoint,
        verbose_name=_("feedback contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The unit that answers feedback; its e-mail and phone are shown."),
    )
    feedback_email = models.EmailField(
        _("feedback e-mail"),
        blank=True,
        help_text=_("Leave empty to use the e-mail address of the contact point."),
    )
    feedback_phone = models.CharField(
        _("feedback phone"),
        max_length=50,
        blank=True,
        help_text=_("Leave empty to use the phone number of the contact point."),
    )
    enforcement_name = models.CharField(
        _("enforcement body"), max_length=255, default=default_enforcement_name
    )
    enforcement_email = models.EmailField(
        _("enforcement body e-mail"), default="Durchsetzungsstelle@sk.sachsen.de"
    )
    enforcement_url = models.URLField(
        _("enforcement body website"),
        default="https://www.durchsetzungsstelle.sachsen.de",
    )
    enforcement_procedure = RichTextField(
        _("enforcement procedure"),
        features=TEXT_FEATURES,
        default=default_enforcement_procedure,
        help_text=_("When and how people can turn to the enforcement body."),
    )
    reported_to_monitoring_body_on = models.DateField(
        _("reported to the monitoring body on"),
        null=True,
        blank=True,
        help_text=_(
            "When the website was last reported to the monitoring body "
            "(Überwachungsstelle). Report again when a new domain is added."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("legal_basis"),
        FieldPanel("scope"),
        MultiFieldPanel(
            [FieldPanel("conformance_status"), FieldPanel("known_barriers")],
            heading=_("Status and known barriers"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("assessment_method"),
                FieldPanel("assessment_date"),
                FieldPanel("stand"),
                FieldPanel("reported_to_monitoring_body_on"),
            ],
            heading=_("Assessment"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("feedback_contact"),
                FieldPanel("feedback_email"),
                FieldPanel("feedback_phone"),
            ],
            heading=_("Feedback contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("enforcement_name"),
                FieldPanel("enforcement_email"),
                FieldPanel("enforcement_url"),
                FieldPanel("enforcement_procedure"),
            ],
            heading=_("Enforcement procedure"),
        ),
    ]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    page_description = _(
        "The accessibility statement with status, known barriers, feedback form "
        "and enforcement procedure."
    )

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if (
            self.conformance_status != ConformanceStatus.FULL
            and not self.known_barriers
        ):
            errors["known_barriers"] = _(
                "List at least one known barrier with reason and alternative, "
                "or set the status to fully compliant."
            )
        if not self.feedback_email and self.feedback_contact is None:
            errors["feedback_email"] = _(
                "Enter a feedback e-mail address or choose a feedback contact."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def contact_email(self) -> str:
        """The address that receives feedback; shown next to the form as alternative."""
        if self.feedback_email:
            return self.feedback_email
        return self.feedback_contact.email if self.feedback_contact else ""

    @property
    def contact_phone(self) -> str:
        if self.feedback_phone:
            return self.feedback_phone
        return self.feedback_contact.phone if self.feedback_contact else ""

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """GET shows the statement and an empty form; POST stores feedback."""
        from ..forms import FeedbackForm

        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        submission = None
        if request.method == "POST":
            form = FeedbackForm(request.POST)
            if form.is_valid():
                submission = form.save(page=self)
                form = None
        else:
            form = FeedbackForm()
        context = self.get_context(request, *args, **kwargs)
        context.update(form=form, submission=submission)
        return TemplateResponse(
            request, self.get_template(request, *args, **kwargs), context
        )


class FeedbackSubmission(models.Model):
    """Feedback sent through the statement's form; it must be answered within a month."""

    page = models.ForeignKey(
        AccessibilityStatementPage,
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_submissions",
    )
    kind = models.CharField(_("request"), max_length=10, choices=FeedbackKind.choices)
    page_url = models.CharField(_("page concerned"), max_length=500, blank=True)
    message = models.TextField(_("message"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    received_on = models.DateTimeField(_("received on"), default=timezone.now)
    answer_due = models.DateField(_("answer due"))
    answered_on = models.DateField(
        _("answered on"),
        null=True,
        blank=True,
        help_text=_("Set when the answer has been sent."),
    )

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["answer_due", "received_on"]

    def __str__(self) -> str:
        received = timezone.localdate(self.received_on).strftime("%d.%m.%Y")
        return f"{self.get_kind_display()} ({received})"

    def save(self, *args, **kwargs) -> None:
        if self.answer_due is None:
            self.answer_due = add_one_month(timezone.localdate(self.received_on))
        super().save(*args, **kwargs)

    @property
    def is_overdue(self) -> bool:
        return self.answered_on is None and self.answer_due < timezone.localdate()


class NetiquetteMeasure(models.TextChoices):
    """The sanction ladder, mildest first."""

    HIDE = "hide", _("Hide the comment")
    DELETE = "delete", _("Delete the comment")
    BLOCK = "block", _("Block the user temporarily")


MEASURE_ORDER = [value for value, _label in NetiquetteMeasure.choices]


class NetiquetteRuleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Rule"), max_length=255)
    explanation = blocks.TextBlock(label=_("Explanation"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Rule")
        template = "smgovernance/blocks/netiquette_rule_block.html"
        description = _("One rule for comments, stated neutrally.")
        preview_value = {"title": "Stay on topic", "explanation": ""}


class NetiquetteMeasureValue(blocks.StructValue):
    @property
    def measure_label(self) -> str:
        return str(NetiquetteMeasure(self["measure"]).label)


class NetiquetteMeasureBlock(blocks.StructBlock):
    measure = blocks.ChoiceBlock(choices=NetiquetteMeasure.choices, label=_("Measure"))
    applies_when = blocks.TextBlock(
        label=_("Applies when"),
        help_text=_("Which violations lead to this measure."),
    )

    class Meta:
        icon = "warning"
        label = _("Measure")
        template = "smgovernance/blocks/netiquette_measure_block.html"
        value_class = NetiquetteMeasureValue
        description = _("One step of the graded measures and when it applies.")
        preview_value = {"measure": "hide", "applies_when": "Insults."}


class NetiquettePage(ViewRestrictionsInOneQueryMixin, Page):
    """Rules for comments on the channels, with graded and reviewable measures."""

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
        features=TEXT_FEATURES,
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
        steps = [MEASURE_ORDER.index(block.value["measure"]) for block in self.measures]
        if steps != sorted(steps) or len(set(steps)) != len(steps):
            raise ValidationError(
                {
                    "measures": _(
                        "List each measure once, mildest first: hide, delete, "
                        "temporary block."
                    )
                }
            )

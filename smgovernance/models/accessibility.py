"""The accessibility statement (Erklärung zur Barrierefreiheit) with its feedback form.

The statement is required by the accessibility laws of the Länder (in Saxony the
Barrierefreie-Websites-Gesetz with BITV 2.0 / EN 301 549 / WCAG 2.1 AA); its
feedback mechanism has to be answered within one month.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from ..blocks import KnownBarrierBlock
from ..forms import FeedbackForm
from ..rules.text import LIST_FEATURES
from .contacts import ContactPoint
from .mixins import ViewRestrictionsInOneQueryMixin


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


class AccessibilityStatementPage(ViewRestrictionsInOneQueryMixin, Page):
    """The accessibility statement (Erklärung zur Barrierefreiheit) with its feedback form."""

    legal_basis = RichTextField(
        _("legal basis"), features=LIST_FEATURES, default=default_legal_basis
    )
    scope = RichTextField(
        _("scope"),
        features=LIST_FEATURES,
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
        features=LIST_FEATURES,
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

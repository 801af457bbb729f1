"""The accessibility statement (Erklärung zur Barrierefreiheit) with its feedback form.

The statement is required by the accessibility laws of the Länder (in Saxony the
Barrierefreie-Websites-Gesetz with BITV 2.0 / EN 301 549 / WCAG 2.1 AA); its
feedback mechanism has to be answered within one month.
"""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import mail_admins
from django.db import DatabaseError, models, transaction
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from ..blocks import KnownBarrierBlock
from ..forms import FeedbackForm, SitePageForm
from ..rules.feedback import DEFAULT_RATE, client_text_hash, feedback_answer_due
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


logger = logging.getLogger(__name__)

# The redirect after a POST asks for the confirmation with this query parameter.
CONFIRMATION_PARAM = "gesendet"
CONFIRMED = "1"
CONFIRMED_NO_EMAIL = "ohne-email"


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


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

    base_form_class = SitePageForm

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
    # Not from the page cache: the page holds a POST form (CSRF token) and shows
    # the confirmation after the redirect (`?gesendet=…`).
    smgovernance_cache = False
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
        """GET shows the statement and an empty form (or the confirmation after a
        submission); POST stores feedback and redirects (303) to the confirmation.

        Whatever goes wrong, the citizen's text stays in the form: too many posts
        (429) or a database that cannot store it (503, the operators are mailed)
        show the form again with the phone and e-mail alternatives.
        """
        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        if request.method != "POST":
            return self.render_feedback(
                request, FeedbackForm(), confirmation=self.confirmation(request)
            )
        form = FeedbackForm(request.POST)
        if feedback_rate_exceeded(request):
            form.is_valid()  # keep the citizen's text, bound and shown again
            return self.render_feedback(request, form, problem="rate", status=429)
        if not form.is_valid():
            return self.render_feedback(request, form)
        client = request.META.get("REMOTE_ADDR", "")
        try:
            with transaction.atomic():
                submission, stored = form.save(
                    page=self,
                    client_hash=client_text_hash(client, form.cleaned_data["message"]),
                )
        except DatabaseError as exc:
            logger.exception("Accessibility feedback could not be stored")
            self.tell_operators(request, exc)
            response = self.render_feedback(
                request, form, problem="storage", status=503
            )
            # Our own mail went out without the citizen's text; Django's request
            # log would mail the operators again, with the POST data in it.
            response._has_been_logged = True
            return response
        if stored and self.contact_email:
            self.tell_contact(request, submission)
        flag = CONFIRMED if submission.email else CONFIRMED_NO_EMAIL
        return HttpResponseSeeOther(
            f"{self.get_url(request)}?{CONFIRMATION_PARAM}={flag}#feedback-result"
        )

    def confirmation(self, request: HttpRequest) -> dict | None:
        """What the confirmation after the redirect says (from its query flag)."""
        flag = request.GET.get(CONFIRMATION_PARAM)
        if flag not in (CONFIRMED, CONFIRMED_NO_EMAIL):
            return None
        return {
            "answer_due": feedback_answer_due(timezone.localdate()),
            "email": flag == CONFIRMED,
        }

    def render_feedback(
        self,
        request: HttpRequest,
        form: FeedbackForm | None,
        confirmation: dict | None = None,
        problem: str = "",
        status: int = 200,
    ) -> TemplateResponse:
        context = self.get_context(request)
        context.update(
            form=None if confirmation else form,
            submission=confirmation,
            feedback_problem=problem,
        )
        return TemplateResponse(
            request, self.get_template(request), context, status=status
        )

    def tell_contact(self, request: HttpRequest, submission: models.Model) -> None:
        """Mail the statement's contact at once; a mail failure loses nothing."""
        admin_url = request.build_absolute_uri(
            reverse(
                "wagtailsnippets_smgovernance_feedbacksubmission:edit",
                args=[submission.pk],
            )
        )
        try:
            with translation.override(settings.LANGUAGE_CODE):
                submission.notify(self.contact_email, admin_url)
        except (OSError, SMTPException):
            logger.exception("Could not mail new feedback to %s", self.contact_email)

    def tell_operators(self, request: HttpRequest, exc: Exception) -> None:
        """The operators (ADMINS) hear that storing failed; no citizen data in it."""
        try:
            mail_admins(
                "Accessibility feedback could not be stored",
                f"Page: {request.build_absolute_uri()}\n"
                f"Error: {type(exc).__name__}: {exc}\n"
                "The citizen was shown the form again with the phone and e-mail "
                "alternatives.",
            )
        except (OSError, SMTPException):
            logger.exception("Could not mail the operators")


def feedback_rate_exceeded(request: HttpRequest) -> bool:
    """Per-client limit on feedback POSTs (django-ratelimit on the shared cache).

    When the cache is unreachable, the limit is skipped: feedback is not lost.
    """
    rate = getattr(settings, "SMGOVERNANCE_FEEDBACK_RATE", DEFAULT_RATE)
    try:
        return is_ratelimited(
            request,
            group="smgovernance.feedback",
            key="ip",
            rate=rate,
            method="POST",
            increment=True,
        )
    except Exception:
        logger.warning("Feedback rate limit skipped: cache unavailable", exc_info=True)
        return False

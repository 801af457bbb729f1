"""The public feedback form of the accessibility statement."""

from django import forms
from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..rules.feedback import FeedbackKind, feedback_answer_due


class FeedbackForm(forms.Form):
    """Report a barrier or ask for content in an accessible form (O-23).

    No CAPTCHA: it would lock out the people the form is for. A honeypot field,
    hidden from everyone, catches simple bots instead.
    """

    # Server-side validation only: the browser's own bubbles are not announced
    # reliably and cannot be styled; our error summary and field errors are.
    use_required_attribute = False

    kind = forms.ChoiceField(
        label=_("What would you like to do? (required)"),
        choices=FeedbackKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you would like to do.")},
    )
    page_url = forms.CharField(
        label=_("Address (URL) or title of the page concerned (optional)"),
        max_length=500,
        required=False,
    )
    message = forms.CharField(
        label=_("Your message (required)"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Describe the barrier or the content you need, and in which form "
            "you need it."
        ),
        error_messages={"required": _("Enter your message.")},
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We need it to answer you. Without it we cannot reply."),
        error_messages={"invalid": _("Enter an e-mail address like name@example.de.")},
    )
    # Honeypot: humans never see or reach it; bots that fill every field do.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    visible_field_names = ("kind", "page_url", "message", "name", "email")

    def visible_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.visible_field_names]

    def error_summary(self) -> list[dict[str, str]]:
        """Field label, message and the id to link to, for the summary above the form."""
        summary = []
        for name in self.visible_field_names:
            field = self[name]
            target = f"{field.auto_id}_0" if name == "kind" else field.auto_id
            for message in field.errors:
                summary.append({"id": target, "label": field.label, "message": message})
        return summary

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def save(self, page: Page) -> models.Model:
        """Store the submission. Spam gets the same answer but is not stored."""
        # By label: the model module imports this form for its page's serve().
        submission_model = apps.get_model("smgovernance", "FeedbackSubmission")
        data = {key: self.cleaned_data[key] for key in self.visible_field_names}
        received_on = timezone.now()
        submission = submission_model(
            page=page,
            received_on=received_on,
            answer_due=feedback_answer_due(timezone.localdate(received_on)),
            **data,
        )
        if not self.is_spam:
            submission.save()
        return submission

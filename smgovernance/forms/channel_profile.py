"""The channel page's admin form: a reason for every stage change, kept in the history."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..rules.stages import ChannelStage
from .site_scoped import SitePageForm


class ChannelProfilePageForm(SitePageForm):
    """Asks for a reason whenever the lifecycle stage changes, and records the change."""

    stage_change_reason = forms.CharField(
        label=_("Reason for the stage change"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required when you change the stage. It is kept in the channel's history."
        ),
    )

    def stage_changed(self) -> bool:
        if not self.instance.pk:
            return True
        return "stage" in self.changed_data

    def clean(self) -> dict:
        cleaned_data = super().clean()
        reason = (cleaned_data.get("stage_change_reason") or "").strip()
        is_new = not self.instance.pk
        if (
            self.stage_changed()
            and not reason
            and not (is_new and cleaned_data.get("stage") == ChannelStage.PLANNED)
        ):
            self.add_error(
                "stage_change_reason",
                _("You changed the stage: say why. The reason goes into the history."),
            )
        return cleaned_data

    def save(self, commit: bool = True) -> Page:
        page = super().save(commit=False)
        if self.stage_changed():
            reason = self.cleaned_data.get("stage_change_reason", "").strip()
            on = (
                self.cleaned_data.get("stage_changed_on")
                if "stage_changed_on" in self.changed_data
                else None
            )
            page.record_stage_change(reason or _("Channel created"), on=on)
        if commit:
            page.save()
            self.save_m2m()
        return page

"""The verification log of one channel, with the manual confirmation form.

Editors who may edit the channel page see every check of its profile (the log is
read-only: rows are never changed), record a manual confirmation (who, when,
what they saw) for platforms that block automated reading, and can queue a
check right away.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from ..bodies import sites_for_user
from ..models import ChannelProfilePage
from ..monitor import Outcome
from ..tasks import enqueue_verification, record_confirmation
from .site_scope import record_visible


LOG_ROWS = 200


class ConfirmationForm(forms.Form):
    checked = forms.BooleanField(
        label=_(
            "I looked at the public profile (in the browser and in the app): it "
            "links to our imprint."
        ),
        error_messages={
            "required": _(
                "Confirm that you looked at the profile and saw the link to the imprint."
            )
        },
    )
    note = forms.CharField(
        label=_("What did you check?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. the imprint field in the page info, as a visitor sees it."),
    )


def verification_url(channel: ChannelProfilePage) -> str:
    return reverse("smgovernance_admin:channel_verification", args=[channel.pk])


class ChannelVerificationView(WagtailAdminTemplateMixin, FormView):
    template_name = "smgovernance/admin/channel_verifications.html"
    form_class = ConfirmationForm
    header_icon = "tick-inverse"

    def dispatch(
        self, request: HttpRequest, *args: object, **kwargs: object
    ) -> HttpResponse:
        self.channel = get_object_or_404(ChannelProfilePage, pk=kwargs["pk"])
        if sites_for_user(request.user) and not record_visible(
            request.user, self.channel
        ):
            raise Http404  # another body's channel, as if it did not exist
        if not self.channel.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return gettext("Verification of “%(title)s”") % {"title": self.channel.title}

    def get_breadcrumbs_items(self) -> list[dict]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs: object) -> dict:
        context = super().get_context_data(**kwargs)
        rows = list(self.channel.verifications.all()[:LOG_ROWS])
        context.update(
            channel=self.channel,
            rows=rows,
            last_confirmation=self.channel.verifications.filter(
                outcome=Outcome.CONFIRMED
            ).first(),
        )
        return context

    def post(
        self, request: HttpRequest, *args: object, **kwargs: object
    ) -> HttpResponse:
        if request.POST.get("action") == "verify":
            enqueue_verification(self.channel.pk)
            messages.success(
                request, gettext("The check of the profile has been queued.")
            )
            return HttpResponseRedirect(verification_url(self.channel))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: ConfirmationForm) -> HttpResponse:
        record_confirmation(self.channel, self.request.user, form.cleaned_data["note"])
        messages.success(
            self.request,
            gettext("Your confirmation of “%(title)s” has been recorded.")
            % {"title": self.channel.title},
        )
        return HttpResponseRedirect(verification_url(self.channel))

"""The evaluation register and the awareness-action log, on wagtail-modeladmin
(the customer's choice; Wagtail itself builds new screens on viewsets, so all
modeladmin code stays in this one module).

Submitted evaluations are append-only: the edit and delete views refuse them
with a message, and corrections are new records that point to the old one.

Only who may publish the usage concept page may submit or publish an evaluation
(`user_can_submit_evaluations`); for everybody else those two fields are disabled,
so what they save is a draft that waits for the press office's approval in the
list ("submitted: no") and on the dashboard.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup
from wagtail_modeladmin.views import CreateView, DeleteView, EditView, InspectView

from ..bodies import manages_several_sites, pages_of_sites, sites_for_user
from ..models import AwarenessAction, EvaluationRecord, UsageConceptPage
from .evaluation_dossier import DossierOnSubmitMixin
from .site_scope import SiteInstanceMixin, record_visible, scoped


# The fields that make an evaluation part of the published, append-only log.
APPROVAL_FIELDS = ("submitted", "published")


def user_can_submit_evaluations(user, site=None) -> bool:
    """Whether the user may publish a usage concept page (whose evaluations these
    are) of `site`, or of any of the user's sites."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    sites = [site] if site is not None else sites_for_user(user)
    return any(
        page.permissions_for_user(user).can_publish()
        for page in UsageConceptPage.objects.filter(pages_of_sites(sites))
    )


class SitePermissionHelper(PermissionHelper):
    """A record of another site: 403 on its edit, delete and inspect views."""

    def user_can_edit_obj(self, user, obj) -> bool:
        return record_visible(user, obj) and super().user_can_edit_obj(user, obj)

    def user_can_delete_obj(self, user, obj) -> bool:
        return record_visible(user, obj) and super().user_can_delete_obj(user, obj)

    def user_can_inspect_obj(self, user, obj) -> bool:
        return record_visible(user, obj) and super().user_can_inspect_obj(user, obj)


class EvaluationPermissionHelper(SitePermissionHelper):
    """Nobody edits or deletes a submitted evaluation; corrections are new records."""

    def user_can_edit_obj(self, user, obj) -> bool:
        return not obj.submitted and super().user_can_edit_obj(user, obj)

    def user_can_delete_obj(self, user, obj) -> bool:
        return not obj.submitted and super().user_can_delete_obj(user, obj)


class AppendOnlyMixin:
    """Send the editor back to the list with a German reason instead of a bare 403."""

    def dispatch(self, request, *args, **kwargs):
        if self.instance.submitted:
            messages.error(
                request,
                gettext(
                    "This evaluation has been submitted and can no longer be changed "
                    "or deleted. Record a correction as a new evaluation instead."
                ),
            )
            return redirect(self.index_url)
        return super().dispatch(request, *args, **kwargs)


class ApprovalMixin:
    """Editors without publish rights on the concept save drafts only.

    The approval fields are disabled in their form, so the server ignores any
    value they post and keeps the stored one (a new record: not submitted, not
    published).
    """

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        site = form.instance.site if form.instance.pk else None
        if not user_can_submit_evaluations(self.request.user, site):
            for name in APPROVAL_FIELDS:
                form.fields[name].disabled = True
                form.fields[name].help_text = gettext(
                    "Only editors who may publish the usage concept can set this: "
                    "they review the draft and submit it."
                )
                if form.instance.pk is None:
                    form.initial[name] = False
        return form

    def form_valid(self, form):
        site = form.cleaned_data.get("site")
        if not user_can_submit_evaluations(self.request.user, site):
            # Disabled fields keep their initial value; this is the last word.
            for name in APPROVAL_FIELDS:
                if form.cleaned_data.get(name) and (
                    form.instance.pk is None
                    or not EvaluationRecord.objects.filter(
                        pk=form.instance.pk, **{name: True}
                    ).exists()
                ):
                    form.add_error(
                        name,
                        gettext(
                            "Only editors who may publish the usage concept can "
                            "set this."
                        ),
                    )
                    return self.form_invalid(form)
            response = super().form_valid(form)
            messages.info(
                self.request,
                gettext(
                    "The evaluation was saved as a draft. An editor who may publish "
                    "the usage concept reviews and submits it."
                ),
            )
            return response
        return super().form_valid(form)


class EvaluationCreateView(DossierOnSubmitMixin, ApprovalMixin, CreateView):
    pass


class EvaluationEditView(
    SiteInstanceMixin, DossierOnSubmitMixin, AppendOnlyMixin, ApprovalMixin, EditView
):
    pass


class EvaluationDeleteView(SiteInstanceMixin, AppendOnlyMixin, DeleteView):
    pass


class SiteEditView(SiteInstanceMixin, EditView):
    pass


class SiteDeleteView(SiteInstanceMixin, DeleteView):
    pass


class SiteInspectView(SiteInstanceMixin, InspectView):
    pass


class SiteScopedModelAdmin(ModelAdmin):
    """The list shows the records of the editor's sites."""

    permission_helper_class = SitePermissionHelper
    edit_view_class = SiteEditView
    delete_view_class = SiteDeleteView
    inspect_view_class = SiteInspectView

    def get_queryset(self, request):
        return scoped(super().get_queryset(request), request.user).select_related(
            "site"
        )

    def get_list_display(self, request) -> tuple:
        """Who manages several sites sees, and filters by, each record's site."""
        several = manages_several_sites(request.user)
        return (*super().get_list_display(request), *(("site",) if several else ()))

    def get_list_filter(self, request) -> tuple:
        several = manages_several_sites(request.user)
        return (*super().get_list_filter(request), *(("site",) if several else ()))


class EvaluationAdmin(SiteScopedModelAdmin):
    model = EvaluationRecord
    menu_label = _("Evaluations")
    menu_icon = "tasks"
    list_display = ("date", "evaluator", "next_due", "published", "submitted")
    list_filter = ("published", "submitted")
    search_fields = ("evaluator", "findings")
    inspect_view_enabled = True
    # The dossier with its recorded hash and size: what an auditor compares.
    inspect_view_fields = (
        "date",
        "evaluator",
        "findings",
        "next_due",
        "published",
        "submitted",
        "corrects",
        "dossier",
        "dossier_sha256",
        "dossier_size",
    )
    permission_helper_class = EvaluationPermissionHelper
    create_view_class = EvaluationCreateView
    edit_view_class = EvaluationEditView
    delete_view_class = EvaluationDeleteView


class AwarenessActionAdmin(SiteScopedModelAdmin):
    model = AwarenessAction
    menu_label = _("Privacy-awareness actions")
    menu_icon = "help"
    list_display = ("date", "kind", "link")
    list_filter = ("kind",)
    search_fields = ("description", "link")


class RegistersGroup(ModelAdminGroup):
    menu_label = _("Registers")
    menu_icon = "list-ul"
    menu_order = 260
    items = (EvaluationAdmin, AwarenessActionAdmin)

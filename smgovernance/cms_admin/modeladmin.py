"""The evaluation register and the awareness-action log, on wagtail-modeladmin
(the customer's choice; Wagtail itself builds new screens on viewsets, so all
modeladmin code stays in this one module).

Submitted evaluations are append-only: the edit and delete views refuse them
with a message, and corrections are new records that point to the old one.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup
from wagtail_modeladmin.views import DeleteView, EditView

from ..models import AwarenessAction, EvaluationRecord


class EvaluationPermissionHelper(PermissionHelper):
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


class EvaluationEditView(AppendOnlyMixin, EditView):
    pass


class EvaluationDeleteView(AppendOnlyMixin, DeleteView):
    pass


class EvaluationAdmin(ModelAdmin):
    model = EvaluationRecord
    menu_label = _("Evaluations")
    menu_icon = "tasks"
    list_display = ("date", "evaluator", "next_due", "published", "submitted")
    list_filter = ("published", "submitted")
    search_fields = ("evaluator", "findings")
    inspect_view_enabled = True
    permission_helper_class = EvaluationPermissionHelper
    edit_view_class = EvaluationEditView
    delete_view_class = EvaluationDeleteView


class AwarenessActionAdmin(ModelAdmin):
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

"""Each body sees and changes only its own records in the admin (see `bodies.py`).

A record of a body carries a `site`; accessibility feedback reaches its site
through the page it was sent from. Lists and choosers show the records of the
editor's sites; any admin URL of another site's record answers 404, and the
permission policy refuses it too (bulk actions ask the policy, not the views).
Platforms and their operators are shared by all bodies: everybody with the
model permission may see them, only superusers may change them.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from ..bodies import (
    has_site,
    manages_all_sites,
    manages_several_sites,
    pages_of_sites,
    site_ids_for_user,
    sites_for_user,
)
from ..compliance import SEVERITY_RANK, Finding, Severity, run_checks
from ..compliance.summary import TOP_FINDINGS, compliance_summary


def scoped(queryset: QuerySet, user) -> QuerySet:
    """The rows of `queryset` that belong to the sites the user manages (for who
    manages every site: all, feedback whose statement page was deleted included)."""
    if manages_all_sites(user):
        return queryset
    if has_site(queryset.model):
        return queryset.filter(site_id__in=site_ids_for_user(user))
    if any(field.name == "page" for field in queryset.model._meta.fields):
        return queryset.filter(pages_of_sites(sites_for_user(user), "page__"))
    return queryset


def record_visible(user, obj: Model) -> bool:
    """Whether the record belongs to one of the user's sites (shared data: always)."""
    if manages_all_sites(user):
        return True
    if hasattr(obj, "site_id"):
        return obj.site_id in site_ids_for_user(user)
    page = obj if isinstance(obj, Page) else None
    if hasattr(obj, "page_id"):
        page = obj.page
        if page is None:
            return False
    if page is not None:
        return any(
            page.path.startswith(site.root_page.path) for site in sites_for_user(user)
        )
    return True


class SiteScopedPermissionPolicy(ModelPermissionPolicy):
    """The model permissions of the user's groups, for the records of their sites."""

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        return record_visible(
            user, instance
        ) and super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        return scoped(
            super().instances_user_has_any_permission_for(user, actions), user
        )


class SharedDataPermissionPolicy(ModelPermissionPolicy):
    """Shared reference data: everybody with the model permission may view it,
    only superusers add, change or delete it."""

    def user_has_permission(self, user, action: str) -> bool:
        if action in ("add", "change", "delete"):
            return user.is_active and user.is_superuser
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return self.user_has_any_permission(user, actions)


class SiteColumnMixin:
    """Who manages several sites sees which site each record belongs to."""

    @cached_property
    def columns(self) -> list:
        columns = super().columns
        if has_site(self.model) and manages_several_sites(self.request.user):
            columns = [*columns, Column("site", label=_("website"))]
        return columns


class SiteObjectMixin:
    """An object view (edit, delete, usage, history, inspect, copy) of another
    site's record answers 404, as if it did not exist (before any permission
    check could answer otherwise)."""

    def setup(self, request, *args: object, **kwargs: object) -> None:
        pk = kwargs.get("pk")
        if pk is not None:
            obj = self.model._default_manager.filter(pk=unquote(str(pk))).first()
            if obj is not None and not record_visible(request.user, obj):
                raise Http404
        super().setup(request, *args, **kwargs)


class SiteInstanceMixin:
    """The same for wagtail-modeladmin's views of one record (`self.instance`)."""

    def dispatch(self, request, *args: object, **kwargs: object):
        if not record_visible(request.user, self.instance):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class ScopedListMixin:
    def get_object_list(self) -> QuerySet:
        return scoped(super().get_object_list(), self.request.user)


class ScopedChosenMultipleMixin:
    def get_objects(self, pks: list) -> QuerySet:
        return scoped(super().get_objects(pks), self.request.user)


class ScopedChosenMixin:
    def get_object(self, pk: object) -> Model:
        obj = super().get_object(pk)
        if not record_visible(self.request.user, obj):
            raise ObjectDoesNotExist
        return obj


class SiteScopedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = type("ScopedChooseView", (ScopedListMixin, ChooseView), {})
    choose_results_view_class = type(
        "ScopedChooseResultsView", (ScopedListMixin, ChooseResultsView), {}
    )
    chosen_view_class = type(
        "ScopedChosenView", (ScopedChosenMixin, SnippetChosenView), {}
    )
    chosen_multiple_view_class = type(
        "ScopedChosenMultipleView",
        (ScopedChosenMultipleMixin, SnippetChosenMultipleView),
        {},
    )


# The views of a snippet that show or change one record.
OBJECT_VIEWS = (
    "edit_view_class",
    "delete_view_class",
    "usage_view_class",
    "history_view_class",
    "inspect_view_class",
    "copy_view_class",
)


class SiteScopedViewSet(SnippetViewSet):
    """Snippet screens of a body's records: its lists, choosers and object views."""

    chooser_viewset_class = SiteScopedChooserViewSet

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        for name in OBJECT_VIEWS:
            view = getattr(cls, name)
            if not issubclass(view, SiteObjectMixin):
                setattr(cls, name, type(view.__name__, (SiteObjectMixin, view), {}))
        if not issubclass(cls.index_view_class, SiteColumnMixin):
            cls.index_view_class = type(
                cls.index_view_class.__name__,
                (SiteColumnMixin, cls.index_view_class),
                {},
            )

    def get_queryset(self, request) -> QuerySet:
        queryset = self.model._default_manager.all()
        if has_site(self.model):
            queryset = queryset.select_related("site")
        return scoped(queryset, request.user)


def findings_for_user(user) -> list[Finding]:
    """The findings of the sites the user manages, most severe first."""
    if manages_all_sites(user):
        return run_checks()
    findings = [f for site in sites_for_user(user) for f in run_checks(site)]
    findings.sort(key=lambda f: -SEVERITY_RANK[Severity(f.severity)])
    return findings


def summary_for_user(user) -> dict:
    """The dashboard summary (`compliance_summary`) of the user's sites together."""
    if manages_all_sites(user):
        return compliance_summary()
    summaries = [compliance_summary(site) for site in sites_for_user(user)]
    counts: dict[str, int] = {}
    for summary in summaries:
        for severity, count in summary["counts"].items():
            counts[severity] = counts.get(severity, 0) + count
    top = sorted(
        (finding for summary in summaries for finding in summary["top"]),
        key=lambda f: -SEVERITY_RANK[Severity(f["severity"])],
    )[:TOP_FINDINGS]
    if len(summaries) == 1:  # the user's one site goes without saying
        top = [{**finding, "site": ""} for finding in top]
    return {"counts": counts, "top": top, "more": sum(counts.values()) - len(top)}

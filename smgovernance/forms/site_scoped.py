"""The admin form of a body's records: only the editor's own sites and their records
can be chosen (see `smgovernance.bodies`)."""

from django import forms
from django.db.models import Model
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Page

from ..bodies import pages_of_sites, sites_for_user


def limit_choices_to_sites(fields: dict, sites: list) -> None:
    """Narrow every choice of a site, a site's record or a page to these sites."""
    site_ids = [site.pk for site in sites]
    for field in fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            continue
        model: type[Model] = queryset.model
        if model._meta.label == "wagtailcore.Site":
            field.queryset = queryset.filter(pk__in=site_ids)
        elif issubclass(model, Page):
            field.queryset = queryset.filter(pages_of_sites(sites))
        elif any(f.name == "site" for f in model._meta.fields):
            field.queryset = queryset.filter(site_id__in=site_ids)


class SiteScopedForm(WagtailAdminModelForm):
    """A record's site is one of the editor's sites (preselected when there is one),
    and what it refers to belongs to the editor's sites too."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        sites = sites_for_user(self.for_user)
        limit_choices_to_sites(self.fields, sites)
        field = self.fields.get("site")
        if field is None:
            return
        if len(sites) == 1:
            # One site: no choice to make, and nothing to show.
            field.disabled = True
            field.widget = forms.HiddenInput()
            if self.instance.pk is None:
                self.initial["site"] = sites[0].pk
        elif self.instance.pk is None and self.instance.site_id not in {
            site.pk for site in sites
        }:
            # New records start unset unless the default site is the editor's.
            self.initial["site"] = None

    def clean(self) -> dict:
        cleaned = super().clean()
        site = cleaned.get("site")
        if site is None:
            return cleaned
        # A record refers only to records of its own site.
        for name, field in self.fields.items():
            if name == "site" or not isinstance(field, forms.ModelChoiceField):
                continue
            value = cleaned.get(name)
            values = (
                value if isinstance(field, forms.ModelMultipleChoiceField) else [value]
            )
            for item in values or []:
                if item is None or not hasattr(item, "site_id"):
                    continue
                if item.site_id != site.pk:
                    self.add_error(
                        name,
                        gettext("“%(record)s” belongs to another website.")
                        % {"record": item},
                    )
                    break
        return cleaned

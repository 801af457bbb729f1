"""The admin form of a body's records: only the editor's own sites and their records
can be chosen (see `smgovernance.bodies`)."""

from django import forms
from django.db.models import Model
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import Page

from ..bodies import has_site, pages_of_sites, site_of_page, sites_for_user


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
        elif has_site(model):
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
            # One site: no choice to make, and nothing to show (the panel of a
            # field missing from the form is not shown). A new record is that site's.
            del self.fields["site"]
            if self.instance.pk is None:
                self.instance.site = sites[0]
        elif self.instance.pk is None and self.instance.site_id not in {
            site.pk for site in sites
        }:
            # New records start unset unless the default site is the editor's.
            self.initial["site"] = None

    def clean(self) -> dict:
        cleaned = super().clean()
        site_id = cleaned["site"].pk if cleaned.get("site") else self.instance.site_id
        if site_id is not None:
            refuse_other_sites(self, cleaned, site_id)
        return cleaned


def refuse_other_sites(form: forms.Form, cleaned: dict, site_id: int) -> None:
    """An error at each field that names a record of another site."""
    for name, field in form.fields.items():
        if name == "site" or not isinstance(field, forms.ModelChoiceField):
            continue
        value = cleaned.get(name)
        values = value if isinstance(field, forms.ModelMultipleChoiceField) else [value]
        for item in values or []:
            if getattr(item, "site_id", site_id) != site_id:
                form.add_error(
                    name,
                    gettext("“%(record)s” belongs to another website.")
                    % {"record": item},
                )
                break


class SitePageForm(WagtailAdminPageForm):
    """A page refers only to records of its own site (contacts, persons, archives),
    in its own fields and in its inline panels."""

    def clean(self) -> dict:
        cleaned = super().clean()
        page = self.instance if self.instance.pk else self.parent_page
        site = site_of_page(page) if page is not None and page.path else None
        if site is None:
            return cleaned
        refuse_other_sites(self, cleaned, site.pk)
        for formset in self.formsets.values():
            formset.is_valid()  # cleans the inline forms, so their values can be read
            for form in formset.forms:
                if getattr(form, "cleaned_data", None):
                    refuse_other_sites(form, form.cleaned_data, site.pk)
        return cleaned

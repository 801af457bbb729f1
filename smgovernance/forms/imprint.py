"""The imprint's admin form: publishing needs provider data and a responsible person."""

from django.utils.translation import gettext

from .site_scoped import SitePageForm


class ImprintPageForm(SitePageForm):
    """Publishing is refused without provider data or a responsible person (O-1, O-3)."""

    def clean(self) -> dict:
        cleaned_data = super().clean()
        publishing = not self.is_deferred_validation
        formset = self.formsets.get("responsible_persons")
        if formset is None:
            return cleaned_data
        formset.is_valid()  # clean the inline forms so their data can be read here
        forms = [
            form
            for form in formset.forms
            if form.has_changed() or form.instance.pk
            if not formset._should_delete_form(form)
        ]
        if len(forms) > 1:
            for form in forms:
                if not (form.cleaned_data.get("area") or "").strip():
                    form.add_error(
                        "area",
                        gettext(
                            "Several persons are named: state the area this person is responsible for."
                        ),
                    )
        if publishing:
            for form in forms:
                if not form.cleaned_data.get("meets_requirements"):
                    form.add_error(
                        "meets_requirements",
                        gettext(
                            "Confirm that the person meets the requirements of § 18 (2) sentence 3 MStV."
                        ),
                    )
            if not forms:
                self.add_error(
                    None,
                    gettext(
                        "The imprint cannot be published without a person responsible for the content (§ 18 (2) MStV)."
                    ),
                )
            missing = [
                name
                for name in self.instance.PROVIDER_FIELDS
                if name in self.fields and not cleaned_data.get(name)
            ]
            if missing:
                self.add_error(
                    None,
                    gettext(
                        "The imprint cannot be published without complete provider data (§ 5 DDG)."
                    ),
                )
        return cleaned_data

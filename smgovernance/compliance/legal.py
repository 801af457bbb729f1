"""Checks of the legal pages and records: imprint, privacy, contacts, providers."""

from collections.abc import Iterator

from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from ..models import (
    ImprintPage,
    ResponsiblePerson,
    ThirdPartyProvider,
    TransferBasis,
)
from ..rules.deadlines import verification_interval
from .helpers import (
    child_rows,
    live_page,
    page_edit_url,
    register_required_page,
    short_date,
    snippet_edit_url,
    third_country_providers,
    today,
)
from .registry import Problem, Severity, register_check


@register_check(
    "smgovernance.C006",
    Severity.WARNING,
    _("Responsible persons were confirmed within the interval"),
    concerns=(ResponsiblePerson,),
)
def person_unverified(site: Site | None) -> Iterator[Problem]:
    """O-5: names and contacts are confirmed at least once a year."""
    since = today() - verification_interval()
    stale = ResponsiblePerson.objects.for_site(site).filter(
        Q(verified_on__isnull=True) | Q(verified_on__lt=since)
    )
    for person in stale:
        yield Problem(
            gettext("The details of %(person)s have not been confirmed since %(date)s.")
            % {"person": person.name, "date": short_date(since)},
            person,
            snippet_edit_url(person),
        )


@register_check(
    "smgovernance.C007",
    Severity.WARNING,
    _("Platform operators' transfer bases were checked within the interval"),
    concerns=(ThirdPartyProvider,),
)
def provider_check_stale(site: Site | None) -> Iterator[Problem]:
    """O-27: the third-country transfer basis is re-checked yearly."""
    since = today() - verification_interval()
    for provider in third_country_providers():
        if provider.dpf_checked_on is None or provider.dpf_checked_on < since:
            yield Problem(
                gettext(
                    "The transfer basis of %(provider)s has not been checked since "
                    "%(date)s."
                )
                % {"provider": provider.name, "date": short_date(since)},
                provider,
                snippet_edit_url(provider),
            )


@register_check(
    "smgovernance.C008",
    Severity.ERROR,
    _("Third-country platform operators have a transfer basis"),
    concerns=(ThirdPartyProvider,),
)
def provider_without_transfer_basis(site: Site | None) -> Iterator[Problem]:
    """O-27, Art. 13(1)(f) GDPR: a third-country transfer needs a basis."""
    for provider in third_country_providers():
        if provider.transfer_basis in (TransferBasis.NONE, TransferBasis.NOT_NEEDED):
            yield Problem(
                gettext(
                    "%(provider)s processes data outside the EU/EEA without a "
                    "transfer basis."
                )
                % {"provider": provider.name},
                provider,
                snippet_edit_url(provider),
            )


register_required_page(
    "smgovernance.C011",
    _("The imprint is published"),
    "smgovernance.ImprintPage",
    _("The imprint is missing or not published."),
    "O-4: the imprint is always available.",
)
register_required_page(
    "smgovernance.C012",
    _("The privacy page is published"),
    "smgovernance.PrivacyPage",
    _("The privacy page is missing or not published."),
    "O-7: the privacy notices are always available.",
)
register_required_page(
    "smgovernance.C013",
    _("The alternative-contact page is published"),
    "smgovernance.AlternativeContactPage",
    _("The alternative-contact page is missing or not published."),
    "O-11: the alternative contacts are always available.",
)


@register_check(
    "smgovernance.C015",
    Severity.ERROR,
    _("The imprint is complete"),
    concerns=(ImprintPage,),
)
def imprint_incomplete(site: Site | None) -> Iterator[Problem]:
    """O-1, O-3: the provider data and a responsible person are complete (§ 5 DDG, § 18 MStV)."""
    imprint = live_page(ImprintPage, site)
    if imprint is None:
        return  # C011 reports it
    missing = [
        str(ImprintPage._meta.get_field(name).verbose_name)
        for name in ImprintPage.PROVIDER_FIELDS
        if not str(getattr(imprint, name) or "").strip()
    ]
    if not child_rows(imprint, "responsible_persons"):
        missing.append(gettext("person responsible for the content"))
    if missing:
        yield Problem(
            gettext("The imprint is incomplete: %(missing)s.")
            % {"missing": ", ".join(missing)},
            imprint,
            page_edit_url(imprint),
        )


@register_check(
    "smgovernance.C016",
    Severity.WARNING,
    _("The imprint's provider data was verified within the interval"),
    concerns=(ImprintPage,),
)
def imprint_unverified(site: Site | None) -> Iterator[Problem]:
    """O-5: the provider data is confirmed at least once a year."""
    imprint = live_page(ImprintPage, site)
    if imprint is None:
        return
    since = today() - verification_interval()
    verified = imprint.provider_verified_on
    if verified is None or verified < since:
        yield Problem(
            gettext(
                "The provider data of the imprint has not been verified since %(date)s."
            )
            % {"date": short_date(since)},
            imprint,
            page_edit_url(imprint),
        )

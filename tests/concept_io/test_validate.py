"""Import validation: every error up front, page rules included, nothing written."""

import datetime
import io
from types import SimpleNamespace

import pytest
import yaml
from django.core.management import call_command
from wagtail.models import Page

from smgovernance.concept_io import SCHEMA, ImportErrors, import_data, validate
from smgovernance.models import (
    ChannelProfilePage,
    ContactPoint,
    Platform,
    ThirdPartyProvider,
)
from smgovernance.rules.stages import unmet_requirements
from tests import factories as h


pytestmark = pytest.mark.django_db

GATE = {
    "imprint_verified_on": "2026-10-01",
    "risk_assessment_on": "2026-09-30",
    "processing_record_ref": "VVT 14/2026",
    "privacy_purposes": "Öffentlichkeitsarbeit",
    "legal_basis": "art6_1_e",
    "retention": "Sechs Monate",
}


def channel_row(slug: str, **fields: object) -> dict:
    return {
        "slug": slug,
        "title": slug.title(),
        "platform": "facebook",
        "profile_url": f"https://www.facebook.com/{slug}",
        "purpose": "<p>Information über die Region.</p>",
        "responsible_unit": "Pressestelle",
        "stage": "active",
        "alternative_contact_page": "/kontakt/",
        **GATE,
        **fields,
    }


def concept_file(*channels: dict, with_platform: bool = True) -> dict:
    """A small file: one operator, one platform (unless in the database), a contact point."""
    data: dict = {
        "schema": SCHEMA,
        "providers": [
            {
                "name": "Meta",
                "legal_name": "Meta Platforms Ireland Ltd.",
                "address": "Dublin",
                "country": "Irland",
                "transfer_basis": "dpf",
                "dpf_checked_on": "2026-11-02",
                "is_third_country": True,
            }
        ],
        "platforms": [
            {
                "slug": "facebook",
                "name": "Facebook",
                "profile_hosts": "www.facebook.com\nfacebook.com",
                "outdated_hosts": "",
                "provider": "Meta",
            }
        ],
        "contact_points": [
            {
                "name": "Pressestelle",
                "phone": "03731 799-3305",
                "email": "p@example.org",
            }
        ],
        "channels": list(channels),
    }
    if not with_platform:
        del data["providers"], data["platforms"]
    return data


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            ChannelProfilePage,
            Platform,
            ThirdPartyProvider,
            ContactPoint,
        )
    }


def run_import(data: dict, tmp_path) -> tuple[int, str]:
    path = tmp_path / "concept.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    errors = io.StringIO()
    try:
        call_command(
            "smgovernance_import", str(path), stdout=io.StringIO(), stderr=errors
        )
    except SystemExit as exit_:
        return exit_.code, errors.getvalue()
    return 0, errors.getvalue()


def test_gate_and_host_errors_of_several_rows_are_all_reported_before_writing(
    tmp_path,
):
    h.contact_page()
    data = concept_file(
        channel_row("eins", risk_assessment_on="", processing_record_ref=""),
        channel_row(
            "zwei",
            alternative_contact_page=None,
            imprint_verified_on=None,
            profile_url="https://www.facebook.com.evil.org/zwei",
        ),
    )
    before = counts()
    code, text = run_import(data, tmp_path)
    assert code == 1
    lines = text.splitlines()
    for location in (
        "channels[0].risk_assessment_on: Ein aktiver Kanal braucht eine Risikobewertung",
        "channels[0].processing_record_ref: ",
        "channels[1].alternative_contact_page: ",
        "channels[1].imprint_verified_on: ",
        "channels[1].profile_url: „www.facebook.com.evil.org“ ist keine Adresse von "
        "Facebook",
    ):
        assert any(line.startswith(location) for line in lines), (location, text)
    assert "5 Fehler; nichts wurde geschrieben." in text
    assert counts() == before

    data["channels"][0].update(GATE)
    data["channels"][1] = channel_row("zwei")
    assert run_import(data, tmp_path) == (0, "")
    assert set(ChannelProfilePage.objects.values_list("slug", flat=True)) == {
        "eins",
        "zwei",
    }


def test_profile_host_is_checked_against_the_platform_in_the_database(tmp_path):
    h.platform(profile_hosts="www.facebook.com")
    h.contact_page()
    data = concept_file(
        channel_row("eins", profile_url="https://facebook.com:8443/eins"),
        with_platform=False,
    )
    errors = validate(data)
    assert errors == [
        "channels[0].profile_url: „facebook.com“ ist keine Adresse von Facebook. "
        "Erlaubte Hosts: www.facebook.com, twitter.com."
    ]


def test_a_gate_error_says_what_the_page_editor_says(tmp_path):
    h.contact_page()
    row = channel_row(
        "eins", stage="pilot", privacy_purposes="", retention="", legal_basis=""
    )
    before = counts()
    with pytest.raises(ImportErrors) as raised:
        import_data(concept_file(row))
    assert counts() == before
    page = ChannelProfilePage(
        stage="pilot",
        alternative_contact_page_id=Page.objects.get(slug="kontakt").pk,
        imprint_verified_on=datetime.date(2026, 10, 1),
        privacy_purposes="",
        legal_basis="",
        retention="",
    )
    expected = unmet_requirements(page)
    assert set(expected) == {"privacy_purposes", "legal_basis", "retention"}
    assert raised.value.errors == [
        f"channels[0].{field}: {message}" for field, message in expected.items()
    ]
    # The same predicate on a plain object built from the row, as the import does.
    assert unmet_requirements(
        SimpleNamespace(**row, alternative_contact_page_id=1)
    ) == (expected)


def test_a_reference_that_is_not_a_name_is_an_error_not_a_crash():
    data = concept_file(channel_row("eins", platform=["facebook"]))
    data["persons"] = [{"name": "Kaiser", "contact_point": {"name": "Pressestelle"}}]
    errors = validate(data)
    assert (
        "channels[0].platform: „['facebook']“ ist in „platforms“ nicht vorhanden."
        in (errors)
    )
    assert any(e.startswith("persons[0].contact_point: ") for e in errors), errors

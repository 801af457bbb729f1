"""Editors fill the legal pages through the real admin forms: bad input gets German errors."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from smgovernance.models import (
    AlternativeContactPage,
    ContactPoint,
    ImprintPage,
    Platform,
    PrivacyPage,
    ResponsiblePerson,
)
from tests.factories import TODAY


def persons(rows: list[dict]) -> dict:
    """The persons inline: the existing rows deleted, `rows` added as new ones."""
    existing = [
        {"id": row.pk, "person": row.person_id, "DELETE": "1"}
        for imprint in ImprintPage.objects.all()
        for row in imprint.responsible_persons.all()
    ]
    return inline_formset([*existing, *rows], initial=len(existing))


def imprint_data(demo, **overrides) -> dict:
    """Valid form data for an imprint, taken from the demo records."""
    kaiser = ResponsiblePerson.objects.get(name="André Kaiser")
    schneider = ResponsiblePerson.objects.get(name="Hartmut Schneider")
    data = {
        "title": "Impressum",
        "slug": "impressum",
        "body_name": "Landkreis Mittelsachsen",
        "legal_form": "Körperschaft des öffentlichen Rechts",
        "representative_title": "Landrat",
        "representative_name": "Sven Krüger",
        "street": "Frauensteiner Straße 43",
        "postal_code": "09599",
        "city": "Freiberg",
        "email": "post@landkreis-mittelsachsen.de",
        "phone": "(03731) 799 0",
        "vat_id": "",
        "w_idnr": "",
        "supervisory_authority_name": "",
        "supervisory_authority_address": "",
        "supervisory_authority_url": "",
        "provider_verified_on": TODAY.isoformat(),
        "body": rich_text(""),
        "responsible_persons": persons(
            [
                {
                    "person": kaiser.pk,
                    "area": "Gesamtauftritt",
                    "meets_requirements": "on",
                },
                {
                    "person": schneider.pk,
                    "area": "Wirtschaft",
                    "meets_requirements": "on",
                },
            ]
        ),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def field_errors(response, name: str) -> str:
    """Text of the error messages rendered next to the field `name`."""
    document = BeautifulSoup(response.content, "html.parser")
    field = document.find(attrs={"name": name})
    assert field is not None, name
    wrapper = field.find_parent(
        attrs={"data-field-wrapper": True}
    ) or field.find_parent(class_="w-field")
    errors = wrapper.find_all(class_="error-message") if wrapper else []
    return " ".join(e.get_text(" ", strip=True) for e in errors)


@pytest.fixture
def imprint(demo):
    return ImprintPage.objects.get()


def edit(admin_client, page, data, publish=False):
    if publish:
        data["action-publish"] = "action-publish"
    return admin_client.post(f"/admin/pages/{page.pk}/edit/", data)


def assert_kept(page, revision_id: int) -> None:
    page.refresh_from_db()
    assert page.latest_revision_id == revision_id


def test_valid_imprint_publishes_through_the_admin(admin_client, imprint):
    response = edit(
        admin_client,
        imprint,
        imprint_data(None, vat_id="DE123456789", w_idnr="DE123456789-00001"),
        publish=True,
    )
    assert response.status_code == 302
    imprint.refresh_from_db()
    assert imprint.vat_id == "DE123456789"
    assert imprint.w_idnr == "DE123456789-00001"
    assert imprint.responsible_persons.count() == 2


@pytest.mark.parametrize("publish", [False, True])
def test_invalid_email_is_refused_at_the_field(admin_client, imprint, publish):
    revision = imprint.latest_revision_id
    response = edit(
        admin_client, imprint, imprint_data(None, email="post(at)landkreis"), publish
    )
    assert response.status_code == 200
    assert "gültige E-Mail-Adresse" in field_errors(response, "email")
    assert_kept(imprint, revision)


@pytest.mark.parametrize("street", ["Postfach 12 34", "postf. 1234", "P.O. Box 12"])
def test_po_box_is_refused_at_the_field(admin_client, imprint, street):
    revision = imprint.latest_revision_id
    response = edit(admin_client, imprint, imprint_data(None, street=street))
    assert response.status_code == 200
    assert "Postfach" in field_errors(response, "street")
    assert_kept(imprint, revision)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("vat_id", "DE12345678", "USt-IdNr."),
        ("vat_id", "AT123456789", "USt-IdNr."),
        ("w_idnr", "DE123456789-123", "W-IdNr."),
        ("phone", "ruf mich an", "Telefonnummer"),
    ],
)
def test_malformed_ids_are_refused_at_the_field(
    admin_client, imprint, field, value, expected
):
    revision = imprint.latest_revision_id
    response = edit(admin_client, imprint, imprint_data(None, **{field: value}))
    assert response.status_code == 200
    assert expected in field_errors(response, field)
    assert_kept(imprint, revision)


def test_several_persons_without_area_are_refused_at_each_area(admin_client, imprint):
    kaiser = ResponsiblePerson.objects.get(name="André Kaiser")
    schneider = ResponsiblePerson.objects.get(name="Hartmut Schneider")
    revision = imprint.latest_revision_id
    rows = persons(
        [
            {"person": kaiser.pk, "area": "", "meets_requirements": "on"},
            {"person": schneider.pk, "area": "", "meets_requirements": "on"},
        ]
    )
    response = edit(admin_client, imprint, imprint_data(None, responsible_persons=rows))
    assert response.status_code == 200
    for index in (2, 3):  # rows 0 and 1 are the deleted existing ones
        assert "mehrere Personen" in field_errors(
            response, f"responsible_persons-{index}-area"
        )
    assert_kept(imprint, revision)


def test_one_person_needs_no_area(admin_client, imprint):
    kaiser = ResponsiblePerson.objects.get(name="André Kaiser")
    rows = persons([{"person": kaiser.pk, "area": "", "meets_requirements": "on"}])
    response = edit(
        admin_client, imprint, imprint_data(None, responsible_persons=rows), True
    )
    assert response.status_code == 302


def test_publishing_without_a_responsible_person_is_refused(admin_client, imprint):
    revision = imprint.latest_revision_id
    data = imprint_data(None, responsible_persons=persons([]))
    response = edit(admin_client, imprint, data, publish=True)
    assert response.status_code == 200
    assert (
        "ohne eine für den Inhalt verantwortliche Person" in response.content.decode()
    )
    assert_kept(imprint, revision)
    # As a draft the same content may be saved.
    response = edit(
        admin_client, imprint, imprint_data(None, responsible_persons=persons([]))
    )
    assert response.status_code == 302
    imprint.refresh_from_db()
    assert imprint.latest_revision_id != revision
    assert imprint.has_unpublished_changes
    assert (
        ImprintPage.objects.get().responsible_persons.count() == 2
    )  # live data unchanged


def test_publishing_without_provider_data_is_refused(admin_client, imprint):
    revision = imprint.latest_revision_id
    data = imprint_data(None, body_name="", representative_name="")
    response = edit(admin_client, imprint, data, publish=True)
    assert response.status_code == 200
    assert "ohne vollständige Anbieterangaben" in response.content.decode()
    assert field_errors(response, "body_name")
    assert_kept(imprint, revision)
    assert ImprintPage.objects.get().body_name == "Landkreis Mittelsachsen"


def test_publishing_needs_the_eligibility_confirmation(admin_client, imprint):
    kaiser = ResponsiblePerson.objects.get(name="André Kaiser")
    rows = persons([{"person": kaiser.pk, "area": ""}])
    response = edit(
        admin_client, imprint, imprint_data(None, responsible_persons=rows), True
    )
    assert response.status_code == 200
    assert "§ 18 Abs. 2 Satz 3 MStV" in field_errors(
        response, "responsible_persons-2-meets_requirements"
    )


def test_only_one_imprint_per_site(admin_client, demo):
    home = Page.objects.get(slug="home")
    response = admin_client.get(f"/admin/pages/add/smgovernance/imprintpage/{home.pk}/")
    assert response.status_code in (302, 403)
    assert ImprintPage.objects.count() == 1


def test_creating_an_imprint_through_the_admin_warns_about_old_law(admin_client, demo):
    ImprintPage.objects.get().delete()
    home = Page.objects.get(slug="home")
    data = imprint_data(
        None, body=rich_text("<p>Angaben nach dem Telemediengesetz</p>")
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(
        f"/admin/pages/add/smgovernance/imprintpage/{home.pk}/", data
    )
    assert response.status_code == 302
    assert ImprintPage.objects.live().get().responsible_persons.count() == 2
    warnings = [
        str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"
    ]
    assert len(warnings) == 1 and "Telemediengesetz" in warnings[0]
    assert "Digitale-Dienste-Gesetz" in warnings[0]


@pytest.mark.parametrize("model", [ImprintPage, AlternativeContactPage, PrivacyPage])
def test_edit_views_render_in_german(admin_client, demo, model):
    page = model.objects.get()
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    text = response.content.decode()
    if model is ImprintPage:
        assert "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV" in text
        assert "Landesdirektion Sachsen" in text  # the suggestion in the help text
    if model is PrivacyPage:
        assert "Datenschutz-Aufsichtsbehörde" in text


# ---- alternative contacts and contact points ------------------------------------------


def test_contact_point_refuses_po_box_and_bad_email(admin_client, demo):
    point = ContactPoint.objects.get(name="Pressestelle")
    data = nested_form_data(
        {
            "name": point.name,
            "organisation": point.organisation,
            "phone": point.phone,
            "email": "presse-at-landkreis",
            "street": "Postfach 1234",
            "postal_code": "09599",
            "city": "Freiberg",
            "verified_on": "",
            "office_hours": inline_formset(
                [{"weekday": "0", "opens": "12:00", "closes": "08:00"}]
            ),
        }
    )
    response = admin_client.post(
        f"/admin/snippets/smgovernance/contactpoint/edit/{point.pk}/", data
    )
    assert response.status_code == 200
    assert "Postfach" in field_errors(response, "street")
    assert "gültige E-Mail-Adresse" in field_errors(response, "email")
    assert "Ende muss nach dem Beginn" in field_errors(
        response, "office_hours-0-closes"
    )
    point.refresh_from_db()
    assert point.email == "presse@landkreis-mittelsachsen.de"


def test_contact_page_needs_a_link_text_for_online_services(admin_client, demo):
    page = AlternativeContactPage.objects.get()
    point = ContactPoint.objects.get(name="Pressestelle")
    revision = page.latest_revision_id
    data = nested_form_data(
        {
            "title": "Kontakt",
            "slug": "kontakt",
            "intro": rich_text(""),
            "online_services_label": "",
            "online_services_url": "https://amt24.sachsen.de/",
            "contact_points": inline_formset([{"contact_point": point.pk}]),
            "websites": inline_formset([{"url": "keine-url", "label": "Website"}]),
            "comments": inline_formset([]),
        }
    )
    response = edit(admin_client, page, data)
    assert response.status_code == 200
    assert "Linktext" in field_errors(response, "online_services_label")
    assert "gültige Adresse" in field_errors(response, "websites-0-url")
    assert_kept(page, revision)


# ---- privacy page ------------------------------------------------------------------------


def privacy_data(**overrides) -> dict:
    facebook = Platform.objects.get(slug="facebook")
    data = {
        "title": "Datenschutz",
        "slug": "datenschutz",
        "intro": rich_text(""),
        "dpo_name": "Datenschutzbeauftragter",
        "dpo_email": "datenschutz@landkreis-mittelsachsen.de",
        "dpo_phone": "",
        "dpo_address": "",
        "complaint_authority": "Sächsische Datenschutz- und Transparenzbeauftragte",
        "complaint_authority_address": "Maternistraße 17, 01067 Dresden",
        "complaint_authority_url": "https://www.datenschutz.sachsen.de/",
        "website_purposes": "Auslieferung",
        "website_legal_basis": "art6_1_e",
        "website_recipients": "",
        "website_retention": "7 Tage",
        "vimeo_provider": "",
        "vimeo_legal_basis": "art6_1_a",
        "vimeo_retention": "",
        "platform_notes": inline_formset(
            [
                {
                    "platform": facebook.pk,
                    "joint_controllership_essence": "",
                    "arrangement_url": "",
                    "litigation_note": "VG Köln, Berufung anhängig",
                    "litigation_reviewed_on": "",
                }
            ]
        ),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_privacy_page_refuses_bad_dpo_email_and_incomplete_facebook_note(
    admin_client, demo
):
    page = PrivacyPage.objects.get()
    revision = page.latest_revision_id
    response = edit(admin_client, page, privacy_data(dpo_email="datenschutz"))
    assert response.status_code == 200
    assert "gültige E-Mail-Adresse" in field_errors(response, "dpo_email")
    assert "Wesentliche der Vereinbarung" in field_errors(
        response, "platform_notes-0-joint_controllership_essence"
    )
    assert "zuletzt geprüft" in field_errors(
        response, "platform_notes-0-litigation_reviewed_on"
    )
    assert_kept(page, revision)


def test_legal_basis_choices_leave_out_legitimate_interest(admin_client, demo):
    page = PrivacyPage.objects.get()
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    document = BeautifulSoup(response.content, "html.parser")
    options = [
        o["value"]
        for o in document.find(attrs={"name": "website_legal_basis"}).find_all("option")
    ]
    assert "art6_1_e" in options
    assert not any(value.endswith("_f") for value in options)
    response = edit(admin_client, page, privacy_data(website_legal_basis="art6_1_f"))
    assert response.status_code == 200
    assert field_errors(response, "website_legal_basis")


# ---- editor warning (O-6) ---------------------------------------------------------------


def test_editor_is_warned_about_outdated_references(admin_client, imprint):
    data = imprint_data(
        None,
        body=rich_text(
            "<p>Verantwortlich nach § 55 Abs. 2 RStV; Angaben nach § 5 TMG.</p>"
        ),
    )
    response = edit(admin_client, imprint, data, publish=True)
    assert response.status_code == 302  # a warning, not a refusal
    warnings = [
        str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"
    ]
    assert len(warnings) == 1
    text = warnings[0]
    assert text.startswith("Veraltete Rechtsverweise gefunden:")
    assert "§ 55 Abs. 2" in text and "§ 18 Abs. 2 MStV" in text
    assert "RStV" in text and "TMG" in text and "DDG" in text
    assert "Weitere Angaben" in text  # names the field


def test_no_warning_for_current_references(admin_client, imprint):
    data = imprint_data(
        None, body=rich_text("<p>Verantwortlich nach § 18 Abs. 2 MStV und § 5 DDG.</p>")
    )
    response = edit(admin_client, imprint, data, publish=True)
    assert response.status_code == 302
    assert not [
        m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"
    ]


def test_background_autosave_adds_no_warning(admin_client, imprint):
    data = imprint_data(None, body=rich_text("<p>Angaben nach § 5 TMG</p>"))
    response = admin_client.post(
        f"/admin/pages/{imprint.pk}/edit/", data, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert not list(get_messages(response.wsgi_request))

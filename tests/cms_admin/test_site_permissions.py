"""Several bodies on one installation: an editor of site B gets 403 or 404 on
every admin URL of site A's records, and never sees them in a list, a chooser or
an export (issue 17)."""

import datetime
from contextlib import suppress

import pytest
from django.urls import NoReverseMatch, reverse

from smgovernance.models import (
    AccessibilityStatementPage,
    ArchiveRecord,
    AwarenessAction,
    ContactPoint,
    EvaluationRecord,
    FeedbackSubmission,
    Platform,
    ResponsiblePerson,
    ThirdPartyProvider,
    VideoCategory,
)
from tests import factories as h


pytestmark = pytest.mark.django_db

DENIED = (403, 404)


@pytest.fixture
def records_of_a() -> dict:
    """One record of every kind in site A (the default site)."""
    point = ContactPoint.objects.create(
        name="Pressestelle A", phone="0123 4567", email="presse@a.example"
    )
    statement = AccessibilityStatementPage(
        title="Barrierefreiheit",
        slug="bf",
        assessment_date=datetime.date.today(),
        stand=datetime.date.today(),
        conformance_status="full",
        feedback_email="bf@a.example",
    )
    h.site_root().add_child(instance=statement)
    return {
        "contactpoint": point,
        "responsibleperson": ResponsiblePerson.objects.create(
            name="Anna A",
            function="Leitung",
            contact_point=point,
            phone="0123 4567",
            email="anna@a.example",
        ),
        "archiverecord": ArchiveRecord.objects.create(
            name="Archiv A", address="Straße 1\n09599 Freiberg"
        ),
        "videocategory": VideoCategory.objects.create(name="Thema A", slug="thema-a"),
        "feedbacksubmission": FeedbackSubmission.objects.create(
            page=statement,
            kind=FeedbackSubmission._meta.get_field("kind").choices[0][0],
            message="Nachricht an A",
            answer_due=datetime.date.today(),
        ),
        "evaluationrecord": EvaluationRecord.objects.create(
            date=datetime.date.today(),
            evaluator="Evaluator A",
            findings="Befund A",
            submitted=False,
        ),
        "awarenessaction": AwarenessAction.objects.create(
            date=datetime.date.today(), kind="post", description="Hinweis A"
        ),
    }


@pytest.fixture
def site_b():
    return h.other_site()


@pytest.fixture
def client_b(client, site_b):
    client.force_login(h.site_editor(site_b))
    return client


SNIPPETS = (
    "contactpoint",
    "responsibleperson",
    "archiverecord",
    "videocategory",
    "feedbacksubmission",
)
SNIPPET_OBJECT_VIEWS = ("edit", "delete", "usage", "history", "inspect", "copy")
MODELADMIN = ("evaluationrecord", "awarenessaction")
MODELADMIN_OBJECT_VIEWS = ("edit", "delete", "inspect")


def snippet_urls(name: str, pk: int) -> list[str]:
    urls = []
    for view in SNIPPET_OBJECT_VIEWS:
        with suppress(NoReverseMatch):  # the view is not enabled for this snippet
            urls.append(
                reverse(f"wagtailsnippets_smgovernance_{name}:{view}", args=[pk])
            )
    urls.append(
        reverse(f"wagtailsnippetchoosers_smgovernance_{name}:chosen", args=[pk])
    )
    return urls


def test_every_snippet_url_of_another_site_is_refused(client_b, records_of_a):
    for name in SNIPPETS:
        obj = records_of_a[name]
        urls = snippet_urls(name, obj.pk)
        assert len(urls) >= 4, name
        for url in urls:
            assert client_b.get(url).status_code in DENIED, url


def test_posts_to_another_sites_records_change_nothing(client_b, records_of_a):
    point = records_of_a["contactpoint"]
    edit = reverse("wagtailsnippets_smgovernance_contactpoint:edit", args=[point.pk])
    delete = reverse(
        "wagtailsnippets_smgovernance_contactpoint:delete", args=[point.pk]
    )
    response = client_b.post(
        edit, {"name": "Übernommen", "phone": "1", "email": "x@y.z"}
    )
    assert response.status_code in DENIED
    assert client_b.post(delete).status_code in DENIED
    point.refresh_from_db()
    assert point.name == "Pressestelle A"
    category = records_of_a["videocategory"]
    bulk = reverse(
        "wagtail_bulk_action",
        args=["smgovernance", "videocategory", "delete"],
    )
    client_b.post(f"{bulk}?id={category.pk}", {})
    assert VideoCategory.objects.filter(pk=category.pk).exists()


def test_every_modeladmin_url_of_another_site_is_refused(client_b, records_of_a):
    for name in MODELADMIN:
        obj = records_of_a[name]
        for view in MODELADMIN_OBJECT_VIEWS:
            url = f"/admin/smgovernance/{name}/{view}/{obj.pk}/"
            assert client_b.get(url).status_code in DENIED, url
        assert (
            client_b.post(f"/admin/smgovernance/{name}/delete/{obj.pk}/").status_code
            in DENIED
        )
    assert EvaluationRecord.objects.filter(evaluator="Evaluator A").exists()
    assert AwarenessAction.objects.filter(description="Hinweis A").exists()


def listing_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_lists_choosers_and_exports_show_only_the_own_sites_records(
    client_b, records_of_a, site_b
):
    own = ContactPoint.objects.create(
        site=site_b, name="Pressestelle B", phone="0999 1111", email="presse@b.example"
    )
    for name in SNIPPETS:
        url = reverse(f"wagtailsnippets_smgovernance_{name}:list")
        assert str(records_of_a[name]) not in listing_text(client_b, url), name
        assert str(records_of_a[name]) not in listing_text(
            client_b, url + "?export=csv"
        )
        chooser = reverse(f"wagtailsnippetchoosers_smgovernance_{name}:choose")
        assert str(records_of_a[name]) not in listing_text(client_b, chooser), name
    for name in MODELADMIN:
        text = listing_text(client_b, f"/admin/smgovernance/{name}/")
        assert str(records_of_a[name]) not in text
        assert "Evaluator A" not in text and "Hinweis A" not in text
    contacts = listing_text(
        client_b, reverse("wagtailsnippets_smgovernance_contactpoint:list")
    )
    assert own.name in contacts
    edit = reverse("wagtailsnippets_smgovernance_contactpoint:edit", args=[own.pk])
    assert client_b.get(edit).status_code == 200


def test_a_new_record_goes_to_the_editors_own_site(client_b, site_b):
    response = client_b.post(
        reverse("wagtailsnippets_smgovernance_contactpoint:add"),
        {
            "site": h.site_root().get_site().pk,  # ignored: the one site is fixed
            "name": "Bürgerbüro B",
            "phone": "0999 2222",
            "email": "buero@b.example",
            "office_hours-TOTAL_FORMS": "0",
            "office_hours-INITIAL_FORMS": "0",
            "office_hours-MIN_NUM_FORMS": "0",
            "office_hours-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302
    assert ContactPoint.objects.get(name="Bürgerbüro B").site == site_b


def test_a_person_cannot_point_to_another_sites_contact(client_b, records_of_a):
    response = client_b.post(
        reverse("wagtailsnippets_smgovernance_responsibleperson:add"),
        {
            "name": "Bernd B",
            "function": "Leitung",
            "contact_point": records_of_a["contactpoint"].pk,
            "phone": "0999 3333",
            "email": "bernd@b.example",
        },
    )
    assert response.status_code == 200  # the form again, with the error at the field
    assert not ResponsiblePerson.objects.filter(name="Bernd B").exists()


def test_shared_platforms_are_edited_by_superusers_only(client_b, admin_client):
    provider = h.provider()
    platform = h.platform()
    for model, obj in ((ThirdPartyProvider, provider), (Platform, platform)):
        name = model._meta.model_name
        edit = reverse(f"wagtailsnippets_smgovernance_{name}:edit", args=[obj.pk])
        add = reverse(f"wagtailsnippets_smgovernance_{name}:add")
        # Wagtail's answer to a missing permission: back to the dashboard, with
        # the reason as a message.
        assert client_b.get(edit).status_code in (302, 403)
        assert client_b.get(add).status_code in (302, 403)
        client_b.post(edit, {"name": "Übernommen"})
        assert model.objects.get(pk=obj.pk).name != "Übernommen"
        assert admin_client.get(edit).status_code == 200
    # Editors still see the shared list (they choose platforms for their channels).
    listing = reverse("wagtailsnippets_smgovernance_platform:list")
    assert client_b.get(listing).status_code == 200


def test_the_other_sites_pages_are_not_editable(client_b, records_of_a):
    statement = AccessibilityStatementPage.objects.get()
    url = reverse("wagtailadmin_pages:edit", args=[statement.pk])
    assert client_b.get(url).status_code in (302, 403)


def test_the_report_and_dashboard_show_the_own_site_only(client_b, site_b):
    report = listing_text(client_b, reverse("smgovernance_admin:report"))
    # Site A (the default site) has no imprint either, but its findings point to
    # A's records; B's editor sees no link into A's records.
    person = ResponsiblePerson.objects.create(
        name="Unbestätigt A",
        function="Leitung",
        contact_point=ContactPoint.objects.create(
            name="Stelle A", phone="0123 4567", email="a@a.example"
        ),
        phone="0123 4567",
        email="u@a.example",
        verified_on=None,
    )
    report = listing_text(client_b, reverse("smgovernance_admin:report"))
    assert person.name not in report
    dashboard = listing_text(client_b, reverse("wagtailadmin_home"))
    assert person.name not in dashboard


def test_a_page_of_site_b_cannot_name_a_contact_of_site_a(admin_client, site_b):
    """Even a superuser, who sees every site's records, gets the error at the field."""
    from tests.models.test_netiquette import netiquette_form

    contact_a = ContactPoint.objects.create(
        name="Pressestelle A", phone="0123 4567", email="presse@a.example"
    )
    contact_b = ContactPoint.objects.create(
        site=site_b, name="Pressestelle B", phone="0999 1111", email="presse@b.example"
    )
    url = f"/admin/pages/add/smgovernance/netiquettepage/{site_b.root_page.pk}/"
    form = netiquette_form(["hide", "delete"], review_contact=str(contact_a.pk))
    response = admin_client.post(url, form)
    assert response.status_code == 200
    error = response.context["form"].errors["review_contact"][0]
    assert "Pressestelle A" in error
    form = netiquette_form(["hide", "delete"], review_contact=str(contact_b.pk))
    assert admin_client.post(url, form).status_code == 302


def test_the_verification_log_of_another_sites_channel_is_refused(client_b):
    channel = h.channel("facebook")
    url = reverse("smgovernance_admin:channel_verification", args=[channel.pk])
    assert client_b.get(url).status_code in DENIED
    assert client_b.post(url, {"checked": "on", "note": "x"}).status_code in DENIED
    assert not channel.verifications.exists()


def test_who_manages_several_sites_sees_each_records_site(
    admin_client, client_b, records_of_a, site_b
):
    def headings(client, url: str) -> list[str]:
        document = h.soup(client.get(url))
        return [th.get_text(" ", strip=True) for th in document.select("thead th")]

    contacts = reverse("wagtailsnippets_smgovernance_contactpoint:list")
    assert "Website" in headings(admin_client, contacts)
    assert "Website" not in headings(client_b, contacts)
    evaluations = "/admin/smgovernance/evaluationrecord/"
    assert "Website" in headings(admin_client, evaluations)
    assert "Website" not in headings(client_b, evaluations)
    # The site field of a new record: a choice for several sites, nothing for one.
    add = reverse("wagtailsnippets_smgovernance_contactpoint:add")
    assert h.soup(admin_client.get(add)).select('select[name="site"]')
    form_b = h.soup(client_b.get(add))
    assert not form_b.select('[name="site"]')
    assert "Die Stelle (Website)" not in form_b.get_text()


def test_findings_name_their_site_for_who_manages_several(admin_client, site_b):
    report = h.soup(admin_client.get(reverse("smgovernance_admin:report")))
    assert "Website" in [th.get_text(strip=True) for th in report.select("thead th")]
    assert "Landkreis" in [td.get_text(strip=True) for td in report.select("tbody td")]
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "[Landkreis]" in dashboard

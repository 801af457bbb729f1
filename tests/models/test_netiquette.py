"""The netiquette: rules and graded, reviewable measures for comments (O-20)."""

from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from smgovernance.models import NetiquettePage


URL = "/netiquette/"
ORDER_ERROR = "die mildeste zuerst"


def netiquette_form(measures: list[str], **overrides) -> dict:
    data = {
        "title": "Netiquette",
        "slug": "netiquette-neu",
        "intro": "",
        "rules": streamfield(
            [("rule", {"title": "Bleiben Sie sachlich.", "explanation": ""})]
        ),
        "measures": streamfield(
            [
                ("measure", {"measure": measure, "applies_when": "Bei Verstößen."})
                for measure in measures
            ]
        ),
        "review_procedure": rich_text("<p>Schreiben Sie uns.</p>"),
        "review_contact": "",
        "service_hours": "Mo–Fr 9 bis 15 Uhr",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url() -> str:
    parent = Page.objects.get(depth=2)
    return f"/admin/pages/add/smgovernance/netiquettepage/{parent.pk}/"


def test_measures_in_graded_order_are_published(admin_client):
    response = admin_client.post(
        add_url(), netiquette_form(["hide", "delete", "block"])
    )
    assert response.status_code == 302, response.context["form"].errors
    assert NetiquettePage.objects.get().live


def test_measures_out_of_order_get_a_german_error_at_the_field(admin_client):
    response = admin_client.post(add_url(), netiquette_form(["block", "hide"]))
    assert response.status_code == 200
    assert ORDER_ERROR in response.context["form"].errors["measures"][0]
    assert not NetiquettePage.objects.exists()


def test_repeated_measure_is_refused(admin_client):
    response = admin_client.post(add_url(), netiquette_form(["hide", "hide"]))
    assert "measures" in response.context["form"].errors
    assert not NetiquettePage.objects.exists()


def test_rules_measures_review_and_service_hours_are_required(admin_client):
    response = admin_client.post(
        add_url(),
        netiquette_form(
            [],
            rules=streamfield([]),
            review_procedure="null",  # what Draftail sends when empty
            service_hours="",
        ),
    )
    errors = response.context["form"].errors
    assert {"rules", "measures", "review_procedure", "service_hours"} <= set(errors)
    assert not NetiquettePage.objects.exists()


def test_channels_find_the_netiquette_url_of_their_site(rf, demo):
    request = rf.get("/kanaele/")
    request.META["HTTP_HOST"] = "localhost"
    assert NetiquettePage.url_for_request(request) == URL
    NetiquettePage.objects.get().unpublish()
    assert NetiquettePage.url_for_request(request) is None


def test_admin_editors_of_both_pages_open(admin_client, demo):
    from smgovernance.models import AccessibilityStatementPage

    for model in (NetiquettePage, AccessibilityStatementPage):
        page = model.objects.get()
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200

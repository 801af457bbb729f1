"""Shared set-up for the channel tests: records, an index page, channels, admin form data."""

import datetime

from wagtail.models import Page, Site
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from home.demo import records
from smgovernance.models import (
    AlternativeContactPage,
    ChannelIndexPage,
    ChannelProfilePage,
    ChannelStage,
    NetiquettePage,
)


def make_records() -> dict:
    """Platforms, operators, contact points and persons of the demo (no pages)."""
    context: dict = {}
    records.build(context)
    return context


def make_index() -> ChannelIndexPage:
    home = Site.objects.get(is_default_site=True).root_page
    index = ChannelIndexPage(title="Kanäle", slug="kanaele", organisation_name="Kreis")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_page(slug: str, title: str | None = None) -> Page:
    """A plain live page under the home page (stands in for contact/netiquette pages)."""
    home = Site.objects.get(is_default_site=True).root_page
    page = Page(title=title or slug.title(), slug=slug)
    home.add_child(instance=page)
    return page


def make_contact_page(
    slug: str = "kontakt", title: str = "Kontakt"
) -> AlternativeContactPage:
    """A live alternative contact page under the home page (the gate needs one)."""
    home = Site.objects.get(is_default_site=True).root_page
    page = AlternativeContactPage(title=title, slug=slug)
    home.add_child(instance=page)
    return page


def make_netiquette_page(
    slug: str = "netiquette", title: str = "Netiquette"
) -> NetiquettePage:
    """A live netiquette page under the home page (channels with comments need one)."""
    home = Site.objects.get(is_default_site=True).root_page
    page = NetiquettePage(
        title=title,
        slug=slug,
        rules=[("rule", {"title": "Sachlich bleiben", "explanation": ""})],
        measures=[("measure", {"measure": "hide", "applies_when": "Beleidigungen"})],
        review_procedure="<p>Fragen Sie nach den Gründen.</p>",
        service_hours="Mo–Fr 9–15 Uhr",
    )
    home.add_child(instance=page)
    return page


def make_channel(
    index: ChannelIndexPage, context: dict, slug: str, **fields: object
) -> ChannelProfilePage:
    """A live channel; pass stage=ACTIVE together with the gate fields (GATE_FIELDS).

    An active channel without `alternative_contact_page` gets the site's contact
    page (made when missing); comments without `netiquette_page` get the netiquette.
    """
    if (
        fields.get("stage") == ChannelStage.ACTIVE
        and "alternative_contact_page" not in fields
    ):
        fields["alternative_contact_page"] = (
            AlternativeContactPage.objects.live().first() or make_contact_page()
        )
    if fields.get("comments_enabled") and "netiquette_page" not in fields:
        fields["netiquette_page"] = (
            NetiquettePage.objects.live().first() or make_netiquette_page()
        )
        fields.setdefault("service_hours", "Mo–Fr 9–15 Uhr")
    values = {
        "title": slug.title(),
        "platform": context["platforms"]["facebook"],
        "profile_url": f"https://www.facebook.com/{slug}",
        "purpose": "<p>Information über die Region.</p>",
        "responsible_unit": context["contact_points"]["wirtschaft"],
        "stage": ChannelStage.PILOT,
        **fields,
    }
    channel = ChannelProfilePage(slug=slug, **values)
    index.add_child(instance=channel)
    return channel


GATE_FIELDS = {
    "imprint_verified_on": datetime.date(2026, 10, 1),
    "risk_assessment_on": datetime.date(2026, 9, 30),
    "processing_record_ref": "VVT 14/2026",
    "privacy_purposes": "Öffentlichkeitsarbeit",
    "legal_basis": "art6_1_e",
}


def channel_form_data(context: dict, **overrides: object) -> dict:
    """POST data for the channel page's admin form (add and edit views)."""
    data = {
        "title": "Facebook",
        "slug": "facebook",
        "intro": "",
        "platform": context["platforms"]["facebook"].pk,
        "profile_url": "https://www.facebook.com/wirtschaft.in.mittelsachsen",
        "handle": "",
        "instance_operator": "",
        "responsible_unit": context["contact_points"]["wirtschaft"].pk,
        "editorial_owner": context["persons"]["schneider"].pk,
        "technical_owner": "",
        "data_subject_owner": context["persons"]["kaiser"].pk,
        "purpose": rich_text("<p>Erstkontakt mit den Zielgruppen.</p>"),
        "platform_reasons": rich_text(""),
        "type_and_scope": rich_text(""),
        "content_kinds": streamfield([("item", "Veranstaltungen")]),
        "target_groups": streamfield([("item", "Unternehmen"), ("item", "Fachkräfte")]),
        "not_offered": streamfield([]),
        "dialogue_policy": "Direktnachricht, dann Telefon oder E-Mail.",
        "interaction_features": streamfield(
            [("feature", {"name": "Kommentare", "needs_registration": True})]
        ),
        "service_hours": "Mo–Fr 9–15 Uhr",
        "netiquette_page": "",
        "website_equivalent_page": "",
        "website_equivalent_urls": streamfield([]),
        "alternative_contact_page": "",
        "body": streamfield([]),
        "online_services_name": "Amt24",
        "online_services_url": "https://amt24.sachsen.de/",
        "stage": "planned",
        "stage_changed_on": "",
        "stage_change_reason": "",
        "successors": inline_formset([]),
        "imprint_verified_on": "",
        "risk_assessment_on": "",
        "processing_record_ref": "",
        "privacy_purposes": "",
        "legal_basis": "",
        "retention": "",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(index: ChannelIndexPage) -> str:
    return f"/admin/pages/add/smgovernance/channelprofilepage/{index.pk}/"


def edit_url(page: Page) -> str:
    return f"/admin/pages/{page.pk}/edit/"

"""Page and record factories for the package's tests: the one place tests build data.

Package tests build what they need here and never import the demo site (`home`);
the demo's own tests live in tests/demo/.
"""

import datetime
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from smgovernance.concept_io import SCHEMA, import_data
from smgovernance.models import (
    AlternativeContactPage,
    ArchiveHandover,
    ArchiveRecord,
    ChannelDecision,
    ChannelIndexPage,
    ChannelProfilePage,
    ChannelStage,
    ContactPoint,
    Decision,
    EvaluationRecord,
    HandoverForm,
    LegalBasis,
    NetiquettePage,
    Platform,
    ResponsiblePerson,
    ThirdPartyProvider,
    TransferBasis,
    UsageConceptPage,
)
from smgovernance.rules.stages import STAGE_REQUIREMENTS


# -- responses ----------------------------------------------------------------------


def soup(response: HttpResponse) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def main_text(document: BeautifulSoup) -> str:
    """The text of the page's <main>, whitespace collapsed."""
    return " ".join(document.find("main").get_text(" ", strip=True).split())


def footer_links(document: BeautifulSoup) -> dict[str, str]:
    footer = document.find("footer")
    return {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}


THIRD_PARTY_LOADS = (
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("object", "data"),
    ("embed", "src"),
)


THIRD_PARTY_LOADS = (
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("object", "data"),
    ("embed", "src"),
)


def assert_loads_nothing_from_third_parties(document: BeautifulSoup) -> None:
    """No element loads from another host before consent; Vimeo links are plain."""
    assert document.find("iframe") is None
    for tag, attribute in THIRD_PARTY_LOADS:
        for element in document.find_all(tag):
            url = element.get(attribute, "")
            host = urlsplit(url).hostname
            if element.name == "link" and "alternate" in element.get("rel", []):
                assert host in (None, "localhost", "testserver"), url
                continue
            assert not url.startswith(("http:", "https:", "//")), url
    for a in document.find_all("a", href=True):
        # Links to Vimeo are plain links to vimeo.com; our own pages (such as
        # /datenschutz/#vimeo) may mention Vimeo in their address.
        host = urlsplit(a["href"]).hostname or ""
        if "vimeo" in host:
            assert a["href"].startswith("https://vimeo.com/"), a["href"]


def soup_fragment(html: str) -> BeautifulSoup:
    """Parse an HTML fragment (a block's rendering, an oEmbed answer's html)."""
    return BeautifulSoup(html, "html.parser")


# -- shared records: providers, platforms, contact points, persons --------------------

_HOURS = "[{weekday: %d, opens: '08:00', closes: '%s'}]"
_OFFICE = "organisation: Landratsamt, street: Frauensteiner Straße 43, city: Freiberg"
# A small concept file (docs/concept-schema.md) with the records channel pages use.
RECORDS_YAML = f"""
providers:
- {{name: Meta, legal_name: Meta Platforms Ireland Ltd., address: Dublin, country: Irland,
   is_third_country: true, transfer_basis: dpf, dpf_checked_on: '2026-11-02'}}
- {{name: Vimeo, legal_name: Vimeo.com Inc., address: New York, country: USA,
   is_third_country: true, transfer_basis: dpf, dpf_checked_on: '2026-11-02'}}
- {{name: X, legal_name: Twitter International Unlimited Company, address: Dublin,
   country: Irland, is_third_country: true, transfer_basis: scc,
   dpf_checked_on: '2026-11-02'}}
- {{name: social.sachsen.de, legal_name: Sächsische Staatskanzlei, address: Dresden,
   country: Deutschland, is_third_country: false, transfer_basis: not_needed}}
platforms:
- {{slug: facebook, name: Facebook, provider: Meta, joint_controllership: true,
   profile_hosts: "www.facebook.com\\nfacebook.com\\nm.facebook.com"}}
- {{slug: mastodon, name: Mastodon, provider: social.sachsen.de, is_federated: true,
   profile_hosts: "social.sachsen.de\\nsocial.bund.de"}}
- {{slug: vimeo, name: Vimeo, provider: Vimeo, profile_hosts: "vimeo.com\\nwww.vimeo.com"}}
- {{slug: x, name: X (ehemals Twitter), provider: X, profile_hosts: x.com,
   outdated_hosts: "twitter.com\\nwww.twitter.com"}}
contact_points:
- {{name: Pressestelle, phone: (03731) 799 3305, email: presse@example.org,
   postal_code: '09599', {_OFFICE}, office_hours: {_HOURS % (0, "12:00")}}}
- {{name: Referat Wirtschaftsförderung und Kreisentwicklung, phone: (03731) 799 1402,
   email: wirtschaft@example.org, postal_code: '09599', {_OFFICE},
   office_hours: {_HOURS % (1, "18:00")}}}
persons:
- {{name: André Kaiser, function: Leiter der Pressestelle, phone: (03731) 799 3305,
   email: presse@example.org, verified_on: '2026-11-02', contact_point: Pressestelle}}
- {{name: Hartmut Schneider, function: Referatsleiter, phone: (03731) 799 1410,
   email: wirtschaft@example.org, verified_on: '2026-11-02',
   contact_point: Referat Wirtschaftsförderung und Kreisentwicklung}}
"""


def records_data() -> dict:
    """The records as an importable concept file (a dict, as yaml.safe_load gives it)."""
    return {"schema": SCHEMA, **yaml.safe_load(RECORDS_YAML)}


def make_records() -> dict:
    """Providers, platforms, contact points and persons (no pages), by short key.

    Imported through the package's importer, as a site's concept file would be.
    """
    import_data(records_data())
    return {
        "providers": {
            key: ThirdPartyProvider.objects.get(name=name)
            for key, name in [
                ("meta", "Meta"),
                ("vimeo", "Vimeo"),
                ("x", "X"),
                ("mastodon-sachsen", "social.sachsen.de"),
            ]
        },
        "platforms": {platform.slug: platform for platform in Platform.objects.all()},
        "contact_points": {
            "presse": ContactPoint.objects.get(name="Pressestelle"),
            "wirtschaft": ContactPoint.objects.get(
                name__startswith="Referat Wirtschaft"
            ),
        },
        "persons": {
            "kaiser": ResponsiblePerson.objects.get(name="André Kaiser"),
            "schneider": ResponsiblePerson.objects.get(name="Hartmut Schneider"),
        },
    }


# -- pages and records ---------------------------------------------------------------


def make_index() -> ChannelIndexPage:
    home = site_root()
    index = ChannelIndexPage(title="Kanäle", slug="kanaele", organisation_name="Kreis")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_page(slug: str, title: str | None = None) -> Page:
    """A plain live page under the home page (stands in for contact/netiquette pages)."""
    home = site_root()
    page = Page(title=title or slug.title(), slug=slug)
    home.add_child(instance=page)
    return page


def make_contact_page(
    slug: str = "kontakt", title: str = "Kontakt"
) -> AlternativeContactPage:
    """A live alternative contact page under the home page (the gate needs one)."""
    home = site_root()
    page = AlternativeContactPage(title=title, slug=slug)
    home.add_child(instance=page)
    return page


def make_netiquette_page(
    slug: str = "netiquette", title: str = "Netiquette"
) -> NetiquettePage:
    """A live netiquette page under the home page (channels with comments need one)."""
    home = site_root()
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


def requirement_values() -> dict[str, object]:
    """A value for each field a stage can require (rules.stages)."""
    return {
        "alternative_contact_page": (
            AlternativeContactPage.objects.live().first() or make_contact_page()
        ),
        "imprint_verified_on": datetime.date(2026, 10, 1),
        "privacy_purposes": "Öffentlichkeitsarbeit",
        "legal_basis": LegalBasis.PUBLIC_TASK,
        "retention": "Bis zur Löschung durch die Plattform",
        "risk_assessment_on": datetime.date(2026, 9, 30),
        "processing_record_ref": "VVT 14/2026",
    }


def make_channel(
    index: ChannelIndexPage, context: dict, slug: str, **fields: object
) -> ChannelProfilePage:
    """A live channel that meets the requirements of its stage (default: pilot).

    Whatever the stage requires (rules.stages) and the test did not pass is
    filled in; comments without `netiquette_page` get the netiquette.
    """
    stage = fields.get("stage", ChannelStage.PILOT)
    missing = [
        r.field
        for r in STAGE_REQUIREMENTS
        if r.applies(stage) and r.field not in fields
    ]
    if missing:
        values = requirement_values()
        fields = {**{field: values[field] for field in missing}, **fields}
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


def stage_form_fields(stage: str, **overrides: object) -> dict[str, str]:
    """Admin form values for the fields `stage` requires (a related page by its id)."""
    values = requirement_values()
    fields = {
        r.field: getattr(values[r.field], "pk", values[r.field])
        for r in STAGE_REQUIREMENTS
        if r.applies(stage)
    }
    return {key: str(value) for key, value in {**fields, **overrides}.items()}


GATE_FIELDS = {
    "imprint_verified_on": datetime.date(2026, 10, 1),
    "risk_assessment_on": datetime.date(2026, 9, 30),
    "processing_record_ref": "VVT 14/2026",
    "privacy_purposes": "Öffentlichkeitsarbeit",
    "legal_basis": "art6_1_e",
    "retention": "Bis zur Löschung durch die Plattform",
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
        "responsible_archive": "",
        "archive_offer_interval_months": "",
        "archive_handovers": inline_formset([]),
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


TODAY = datetime.date.today()


def site_root() -> Page:
    return Site.objects.get(is_default_site=True).root_page


def provider(**fields) -> ThirdPartyProvider:
    values = {
        "name": "Meta",
        "legal_name": "Meta Platforms Ireland Ltd.",
        "address": "Dublin",
        "country": "Irland",
        "is_third_country": True,
        "transfer_basis": TransferBasis.DPF,
        "dpf_checked_on": TODAY,
        **fields,
    }
    return ThirdPartyProvider.objects.create(**values)


def platform(slug: str = "facebook", **fields) -> Platform:
    values = {
        "name": slug.title(),
        "slug": slug,
        "profile_hosts": "www.facebook.com",
        "outdated_hosts": "twitter.com",
        **fields,
    }
    if "provider" not in values:
        values["provider"] = provider()
    return Platform.objects.create(**values)


def channel_index() -> ChannelIndexPage:
    existing = ChannelIndexPage.objects.first()
    if existing:
        return existing
    index = ChannelIndexPage(title="Kanäle", slug="kanaele")
    site_root().add_child(instance=index)
    return index


def contact_page() -> Page:
    """The live alternative-contact page (the demo's, or a new one)."""
    return AlternativeContactPage.objects.live().first() or make_contact_page()


def contact_point() -> ContactPoint:
    return ContactPoint.objects.first() or ContactPoint.objects.create(
        name="Pressestelle", phone="0123", email="presse@example.org"
    )


def channel(
    slug: str = "facebook",
    plat: Platform | None = None,
    publish: bool = True,
    activated_on: datetime.date | None = None,
    **fields,
) -> ChannelProfilePage:
    """A channel through the shared helper; active ones pass the gate and have a history."""
    stage = fields.pop("stage", ChannelStage.ACTIVE)
    values = {
        "profile_url": f"https://www.facebook.com/{slug}",
        "stage": stage,
        "live": publish,
        "privacy_purposes": "Information der Öffentlichkeit",
        "legal_basis": LegalBasis.PUBLIC_TASK,
        "retention": "Bis zur Löschung durch die Plattform",
    }
    if stage == ChannelStage.ACTIVE:
        values.update(
            {k: v for k, v in GATE_FIELDS.items() if k not in ("privacy_purposes",)},
            alternative_contact_page=contact_page(),
        )
    values.update(fields)
    context = {
        "platforms": {"facebook": plat or Platform.objects.first() or platform()},
        "contact_points": {"wirtschaft": contact_point()},
    }
    page = ChannelProfilePage(stage=stage)
    page.record_stage_change("Test", on=activated_on or TODAY - datetime.timedelta(1))
    values["stage_changes"] = list(page.stage_changes.all())
    values["stage_changed_on"] = page.stage_changed_on
    page = make_channel(channel_index(), context, slug, **values)
    if publish:
        page.save_revision().publish()
    return page


def many_channels(count: int, plat: Platform) -> None:
    """`count` live channel pages, inserted in bulk (add_child per page is slow)."""
    index = channel_index()
    content_type = ContentType.objects.get_for_model(ChannelProfilePage)
    now = timezone.now()
    start = index.numchild
    pages = Page.objects.bulk_create(
        [
            Page(
                title=f"Kanal {n}",
                slug=f"kanal-{n}",
                path=Page._get_path(index.path, index.depth + 1, start + n + 1),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}kanal-{n}/",
                content_type=content_type,
                live=True,
                first_published_at=now,
                last_published_at=now,
                locale_id=index.locale_id,
            )
            for n in range(count)
        ]
    )
    for page in pages:
        ChannelProfilePage(
            page_ptr_id=page.pk,
            platform=plat,
            profile_url="https://www.facebook.com/x",
            stage=ChannelStage.ACTIVE,
            privacy_purposes="Zweck",
            legal_basis=LegalBasis.PUBLIC_TASK,
            retention="",
            updated_at=now,
        ).save_base(raw=True)
    Page.objects.filter(pk=index.pk).update(numchild=start + count)


def person(verified_on=TODAY, **fields) -> ResponsiblePerson:
    point = contact_point()
    values = {
        "name": "André Kaiser",
        "function": "Leiter der Pressestelle",
        "contact_point": point,
        "phone": "0123",
        "email": "kaiser@example.org",
        "verified_on": verified_on,
        **fields,
    }
    return ResponsiblePerson.objects.create(**values)


def concept(version_date=TODAY, live=True, **fields) -> UsageConceptPage:
    page = UsageConceptPage(
        title="Nutzungskonzept",
        slug="nutzungskonzept",
        version="2.0",
        version_date=version_date,
        preamble="<p>Präambel</p>",
        task="<p>Aufgabe</p>",
        self_commitment="<p>Selbstverpflichtung</p>",
        live=live,
        **fields,
    )
    site_root().add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


def editor(username: str = "redakteur"):
    """An active admin user without any permission of its own (groups add them)."""
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="geheim-123"
    )


def evaluation(date=TODAY, **fields) -> EvaluationRecord:
    values = {
        "date": date,
        "evaluator": "Pressestelle",
        "findings": "Alles geprüft.",
        "published": True,
        "submitted": True,
        **fields,
    }
    return EvaluationRecord.objects.create(**values)


def make_channels(home: Page) -> dict[str, ChannelProfilePage]:
    """An active and a closed test channel under /kanaele/ (created once per test).

    Their slugs differ from the demo's channels, so the demo may keep its own
    facebook and twitter pages; the keys stay "facebook" and "twitter".
    """
    index = home.get_children().filter(slug="kanaele").first()
    if index is None:
        index = ChannelIndexPage(title="Kanäle", slug="kanaele")
        home.add_child(instance=index)
        index.save_revision().publish()
    index = index.specific
    context = {
        "platforms": {platform.slug: platform for platform in Platform.objects.all()},
        "contact_points": {
            "wirtschaft": ContactPoint.objects.filter(name__icontains="Wirtschaft")
            .order_by("pk")
            .first()
        },
    }
    if not context["platforms"] or context["contact_points"]["wirtschaft"] is None:
        context = make_records()
    contact = home.get_children().filter(slug="kontakt").first() or make_page("kontakt")
    channels = {}
    for key, platform, url, fields in [
        (
            "facebook",
            "facebook",
            "https://www.facebook.com/wirtschaftsregion",
            {
                "stage": ChannelStage.ACTIVE,
                "alternative_contact_page": contact,
                **GATE_FIELDS,
            },
        ),
        (
            "twitter",
            "x",
            "https://x.com/wirtschaft_ms",
            {"stage": ChannelStage.CLOSED},
        ),
    ]:
        slug = f"test-{key}"
        existing = ChannelProfilePage.objects.child_of(index).filter(slug=slug).first()
        if existing is None:
            existing = make_channel(
                index,
                context,
                slug,
                title=f"Wirtschaftsregion auf {key.title()}",
                platform=context["platforms"][platform],
                profile_url=url,
                **fields,
            )
            existing.save_revision().publish()
        channels[key] = existing
    return channels


def page_form(title: str, slug: str, blocks: list, **extra: object) -> dict:
    """POST data for the ContentPage add/edit form, publishing the page."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": extra.pop("intro", "Einleitung."),
            "body": streamfield(blocks),
            **extra,
        }
    )


def text(html: str):
    return ("text", rich_text(html))


def list_block(values: list) -> dict:
    """Form data of a ListBlock (like streamfield() without block types)."""
    data: dict = {"count": len(values)}
    for index, value in enumerate(values):
        data[str(index)] = {"value": value, "deleted": "", "order": index, "id": ""}
    return data


# -- channels of every stage, for the legal pages ------------------------------------

PUBLIC_CHANNELS = {
    "test-pilot": "pilot",
    "test-active": "active",
    "test-dormant": "dormant",
}
HIDDEN_CHANNELS = {"test-planned": "planned", "test-closed": "closed"}


PUBLIC_CHANNELS = {
    "test-pilot": "pilot",
    "test-active": "active",
    "test-dormant": "dormant",
}


HIDDEN_CHANNELS = {"test-planned": "planned", "test-closed": "closed"}


def published_channel_index() -> Page:
    """The channel index, made and published under the home page when missing."""
    index = ChannelIndexPage.objects.first()
    if index is None:
        home = Page.objects.get(slug="home")
        index = ChannelIndexPage(title="Kanäle", slug="kanaele")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def records_by_key() -> dict:
    """The demo's records, keyed as `tests.factories.make_channel` expects."""
    return {
        "platforms": {platform.slug: platform for platform in Platform.objects.all()},
        "contact_points": {
            "wirtschaft": ContactPoint.objects.get(
                name="Referat Wirtschaftsförderung und Kreisentwicklung"
            )
        },
    }


def gate_fields(stage: str) -> dict:
    """What an active channel needs besides the privacy facts (O-17)."""
    if stage != ChannelStage.ACTIVE:
        return {}
    return {
        **GATE_FIELDS,
        "alternative_contact_page": AlternativeContactPage.objects.get(),
    }


def add_channel(
    slug: str,
    stage: str,
    platform: str = "facebook",
    index: Page | None = None,
    **fields: object,
) -> ChannelProfilePage:
    context = records_by_key()
    host = context["platforms"][platform].host_list[0]
    values = {
        **gate_fields(stage),
        "title": f"Kanal {slug}",
        "platform": context["platforms"][platform],
        "profile_url": f"https://{host}/{slug}",
        "handle": f"@{slug}",
        "stage": stage,
        "privacy_purposes": f"Öffentlichkeitsarbeit über {slug}",
        "legal_basis": "art6_1_e",
        "retention": f"Beiträge bis zur Löschung ({slug})",
        **fields,
    }
    channel = make_channel(index or published_channel_index(), context, slug, **values)
    channel.save_revision().publish()
    return channel


def instance_operator() -> ThirdPartyProvider:
    """The operator of a federated instance (a provider without third-country transfer)."""
    return ThirdPartyProvider.objects.create(
        name="social.bund.de",
        legal_name="BfDI (Betreiber der Instanz social.bund.de)",
        address="Graurheindorfer Straße 153, 53117 Bonn",
        country="Deutschland",
        is_third_country=False,
        transfer_basis=TransferBasis.NOT_NEEDED,
    )


def backdate_evaluations(days: int = 400) -> None:
    """Move every evaluation `days` into the past (and its next due date with it).

    Time travel for tests: a plain queryset, past the log's append-only guards.
    """
    day = TODAY - datetime.timedelta(days=days)
    unlock_evaluation_log()
    QuerySet(EvaluationRecord).update(date=day, next_due=day + datetime.timedelta(365))


def wipe_evaluations() -> None:
    """Delete every evaluation, for tests that start from an empty database (a
    plain queryset, past the log's append-only guards)."""
    unlock_evaluation_log()
    records = QuerySet(EvaluationRecord)
    while records.exists():  # corrections first: `corrects` protects what they correct
        records.filter(corrections__isnull=True).delete()


def unlock_evaluation_log() -> None:
    """On PostgreSQL, let this test's transaction past the log's trigger."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL smgovernance.evaluation_log_unlocked = 'on'")


def archive(**fields) -> ArchiveRecord:
    values = {"name": "Kreisarchiv", "address": "Straße 1\n09599 Freiberg", **fields}
    return ArchiveRecord.objects.create(**values)


def handover(channel: ChannelProfilePage, **fields) -> ArchiveHandover:
    """One handover of the channel's posts to its archive."""
    values = {
        "handed_over_on": TODAY,
        "period_from": datetime.date(2018, 5, 1),
        "period_to": TODAY,
        "form": HandoverForm.EXPORT,
        "reference": "Az. 1",
        "handed_over_by": "Pressestelle",
        **fields,
    }
    return ArchiveHandover.objects.create(page=channel, **values)


def archived_concept(
    day: datetime.date = datetime.date(2026, 5, 2),
) -> EvaluationRecord:
    """A published concept with a closed channel (handed over to the archive) and a
    dormant one (no archive), and a submitted evaluation of `day` deciding on both."""
    records = make_records()
    concept_page = concept(version_date=day, responsible_bodies="<p>Der Kreis.</p>")
    concept_page.responsible_persons = [records["persons"]["kaiser"]]
    concept_page.contact_points = [records["contact_points"]["presse"]]
    concept_page.save_revision().publish()
    closed = channel(
        "x-kanal",
        plat=records["platforms"]["x"],
        stage=ChannelStage.CLOSED,
        activated_on=datetime.date(2026, 4, 1),
        title="X: @kreis",
        profile_url="https://x.com/kreis",
        responsible_archive=archive(phone="03731 7990"),
        archive_offer_interval_months=6,
        archive_handovers=[
            ArchiveHandover(
                handed_over_on=datetime.date(2026, 4, 20),
                period_from=datetime.date(2018, 5, 1),
                period_to=datetime.date(2026, 4, 1),
                form=HandoverForm.WARC,
                reference="Az. 047.2/2026",
                handed_over_by="Pressestelle",
            )
        ],
    )
    dormant = channel(
        "mastodon",
        plat=records["platforms"]["mastodon"],
        stage=ChannelStage.DORMANT,
        title="Mastodon",
        profile_url="https://social.sachsen.de/@kreis",
        instance_operator=records["providers"]["mastodon-sachsen"],
        **GATE_FIELDS,
    )
    return evaluation(
        date=day,
        evaluator="Pressestelle und Referat Wirtschaft",
        findings="X wird eingestellt, Mastodon ruht.",
        decisions=[
            ChannelDecision(
                channel=closed, decision=Decision.DISCONTINUE, reasons="Zu riskant."
            ),
            ChannelDecision(channel=dormant, decision=Decision.PAUSE, reasons="Ruht."),
        ],
    )


def other_site(hostname: str = "landkreis.example", name: str = "Landkreis") -> Site:
    """A second body: its own root page below the tree root and its own Site."""
    root = Page.get_first_root_node().add_child(
        instance=Page(title=name, slug=hostname.replace(".", "-"))
    )
    return Site.objects.create(
        hostname=hostname, port=80, root_page=root, site_name=name
    )


def site_editor(site: Site, username: str = "redaktion-b"):
    """An editor of one site: page permissions on its root, and every model
    permission of the extension's records (the site scope narrows them)."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name=f"Redaktion {site.hostname}")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="smgovernance"),
    )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=site.root_page,
            permission=Permission.objects.get(codename=codename),
        )
    user = editor(username)
    user.groups.add(group)
    return user


# An imprint row of the import file (a provider and one confirmed responsible person),
# for the tests that import a concept into one site of several.
IMPRINT_ROW = {
    "slug": "impressum",
    "title": "Impressum",
    "body_name": "Landkreis",
    "representative_title": "Landrat",
    "representative_name": "Dirk Neubauer",
    "street": "Frauensteiner Straße 43",
    "postal_code": "09599",
    "city": "Freiberg",
    "email": "post@example.org",
    "phone": "(03731) 799 0",
    "provider_verified_on": TODAY.isoformat(),
    "responsible_persons": [{"person": "André Kaiser", "meets_requirements": True}],
}

"""Small builders for the concept tests (kept apart from other features' helpers)."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, Site

from smgovernance.models import (
    AlternativeContactPage,
    ChannelIndexPage,
    ChannelProfilePage,
    ChannelStage,
    ContactPoint,
    EvaluationRecord,
    LegalBasis,
    Platform,
    ResponsiblePerson,
    ThirdPartyProvider,
    TransferBasis,
    UsageConceptPage,
)
from tests.channel_helpers import GATE_FIELDS, make_channel, make_contact_page


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

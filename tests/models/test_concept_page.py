"""The usage concept page renders the live concept from the records."""

import datetime

import pytest
from django.utils import timezone

from smgovernance.models import (
    ChannelDecision,
    ChannelProfilePage,
    Decision,
    UsageConceptPage,
)
from tests import factories as h
from tests.factories import soup


pytestmark = pytest.mark.django_db


def test_channel_sections_and_decisions_render_live(client):
    page = h.concept()
    channel = h.channel("facebook")
    h.channel("entwurf", publish=False)
    evaluation = h.evaluation()
    ChannelDecision.objects.create(
        evaluation=evaluation,
        channel=channel,
        decision=Decision.PAUSE,
        reasons="Wenig Reichweite",
    )
    h.evaluation(date=h.TODAY - datetime.timedelta(days=1), published=False)
    document = soup(client.get(page.url))
    sections = document.select(".concept-channel")
    assert [s["id"] for s in sections] == ["kanal-facebook"]
    assert sections[0].find("a", href="https://www.facebook.com/facebook")
    rows = document.select(".concept-decisions tbody tr")
    assert [r.get_text(" ", strip=True) for r in rows] == [
        "Facebook Ruhen lassen Wenig Reichweite"
    ]
    assert (
        len(document.select(".concept-evaluation")) == 1
    )  # the unpublished one is left out
    channel.title = "Facebook (neu)"
    channel.save_revision().publish()
    document = soup(client.get(page.url))
    assert document.select_one("#kanal-facebook h3").get_text() == "Facebook (neu)"


def test_stand_is_the_latest_change_of_what_the_page_shows(client):
    page = h.concept()
    old = timezone.now() - datetime.timedelta(days=40)
    type(page).objects.filter(pk=page.pk).update(last_published_at=old)
    page = UsageConceptPage.objects.get(pk=page.pk)
    assert page.stand() == timezone.localtime(old).date()
    channel = h.channel("facebook")
    assert page.stand() == timezone.localtime(channel.last_published_at).date()
    document = soup(client.get(page.url))
    expected = timezone.localtime(channel.last_published_at).date().strftime("%d.%m.%Y")
    assert document.select_one(".concept-stand").get_text() == f"Stand: {expected}"


def test_concept_page_query_count_does_not_grow_with_channels(
    client, django_assert_max_num_queries
):
    page = h.concept()
    for slug in ("facebook", "instagram", "threads"):
        h.channel(slug)
    evaluation = h.evaluation()
    for channel in page.channels():
        ChannelDecision.objects.create(
            evaluation=evaluation, channel=channel, decision="continue", reasons="Gut"
        )
    client.get(page.url)
    with django_assert_max_num_queries(25):
        assert client.get(page.url).status_code == 200


def test_channel_section_shows_the_channel_facts_from_the_record(client, demo):
    document = soup(client.get("/nutzungskonzept/"))
    section = document.select_one("#kanal-facebook")
    text = section.get_text(" ", strip=True)
    channel = ChannelProfilePage.objects.get(slug="facebook")
    for fact in (
        "Erstkontakt mit den Zielgruppen",  # purpose
        "25- bis 55-Jährigen",  # reasons for the platform
        "als „Community“ angelegt",  # type and scope
        "Fördermittelberatungen im Einzelfall",  # not offered
        "per Direktnachricht",  # dialogue policy
        "Mo, Mi, Fr 8–12 Uhr",  # service hours
        channel.responsible_unit.name,
        channel.editorial_owner.name,
        channel.data_subject_owner.name,
        "Aktiv",
    ):
        assert fact in text, fact
    targets = [li.get_text() for li in section.select(".channel-facts__targets li")]
    assert targets[:2] == ["Unternehmen", "Investoren"]
    assert section.select(".channel-facts__content li")
    features = section.select_one(".channel-facts__features").get_text()
    assert "Kommentare: nur mit Registrierung auf der Plattform" in features
    # Changed in the record, changed on the concept page: nothing is typed twice.
    channel.service_hours = "Nur dienstags"
    channel.save_revision().publish()
    document = soup(client.get("/nutzungskonzept/"))
    hours = document.select_one("#kanal-facebook .channel-facts__hours").get_text()
    assert hours == "Nur dienstags"


def test_concept_page_queries_stay_flat_with_many_channels(
    client, django_assert_max_num_queries
):
    page = h.concept()
    for n in range(8):
        h.channel(f"kanal-{n}")
    client.get(page.url)
    with django_assert_max_num_queries(15):
        assert client.get(page.url).status_code == 200

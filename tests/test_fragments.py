"""The fragment cache of the listing pages: same bytes, and a change re-renders
exactly the sections that show the changed record."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smgovernance.models import ChannelProfilePage, Platform, ResponsiblePerson
from smgovernance.models.public_channels import public_channels


LISTING_PAGES = {
    "/impressum/": "smgovernance/includes/imprint_channel.html",
    "/datenschutz/": "smgovernance/includes/privacy_channel.html",
    "/kanaele/": "smgovernance/includes/channel_index_item.html",
    "/nutzungskonzept/": "smgovernance/includes/concept_channel_item.html",
}


@pytest.fixture
def uncached(settings):
    settings.SMGOVERNANCE_CACHE_ENABLED = False  # the page cache: render every time


def sections_rendered(response, template: str) -> int:
    return [t.name for t in response.templates].count(template)


@pytest.mark.parametrize("path", LISTING_PAGES)
def test_html_is_byte_identical_with_and_without_fragments(
    demo, client, uncached, settings, path
):
    settings.SMGOVERNANCE_FRAGMENT_CACHE = False
    plain = client.get(path)
    assert plain.status_code == 200
    assert sections_rendered(plain, LISTING_PAGES[path]) >= 2
    settings.SMGOVERNANCE_FRAGMENT_CACHE = True
    cold = client.get(path)
    warm = client.get(path)
    assert cold.content == plain.content
    assert warm.content == plain.content


@pytest.mark.parametrize("path", LISTING_PAGES)
def test_unchanged_sections_come_from_the_cache(demo, client, uncached, path):
    client.get("/")  # warm the per-process lookups (site, locale)
    with CaptureQueriesContext(connection) as cold_queries:
        cold = client.get(path)
    assert sections_rendered(cold, LISTING_PAGES[path]) >= 2
    with CaptureQueriesContext(connection) as warm_queries:
        warm = client.get(path)
    assert sections_rendered(warm, LISTING_PAGES[path]) == 0
    # The channel rows are not loaded, only their change stamps.
    assert len(warm_queries) < len(cold_queries)


def test_a_platform_change_re_renders_only_its_channels(demo, client, uncached):
    for path in LISTING_PAGES:
        client.get(path)
    platform = Platform.objects.get(slug="facebook")
    platform.name = "Facebook (Meta)"
    platform.save()
    imprint = client.get("/impressum/")
    shown = list(public_channels(ChannelProfilePage.objects.first()))
    on_platform = [c for c in shown if c.platform_id == platform.pk]
    assert 0 < len(on_platform) < len(shown)
    assert sections_rendered(imprint, LISTING_PAGES["/impressum/"]) == len(on_platform)
    assert "Facebook (Meta)" in imprint.content.decode()
    privacy = client.get("/datenschutz/")
    assert sections_rendered(privacy, LISTING_PAGES["/datenschutz/"]) == len(
        on_platform
    )
    concept = client.get("/nutzungskonzept/")
    live_on_platform = ChannelProfilePage.objects.live().filter(platform=platform)
    assert (
        sections_rendered(concept, LISTING_PAGES["/nutzungskonzept/"])
        == live_on_platform.count()
    )
    again = client.get("/impressum/")
    assert sections_rendered(again, LISTING_PAGES["/impressum/"]) == 0


def test_a_contact_change_re_renders_the_concept_sections_naming_it(
    demo, client, uncached
):
    client.get("/nutzungskonzept/")
    channel = ChannelProfilePage.objects.live().exclude(editorial_owner=None).first()
    person = channel.editorial_owner
    live = ChannelProfilePage.objects.live()
    naming = (
        live.filter(editorial_owner=person)
        | live.filter(technical_owner=person)
        | live.filter(data_subject_owner=person)
    )
    person.function = "Leitung Pressestelle (neu)"
    person.save()
    concept = client.get("/nutzungskonzept/")
    assert (
        sections_rendered(concept, LISTING_PAGES["/nutzungskonzept/"])
        == naming.distinct().count()
    )
    assert "Leitung Pressestelle (neu)" in concept.content.decode()
    assert ResponsiblePerson.objects.filter(pk=person.pk).exists()


def test_a_channel_change_re_renders_only_that_channel(demo, client, uncached):
    client.get("/kanaele/")
    channel = ChannelProfilePage.objects.live().order_by("path").first()
    channel.title = f"{channel.title} (umbenannt)"
    channel.save_revision().publish()
    index = client.get("/kanaele/")
    assert sections_rendered(index, LISTING_PAGES["/kanaele/"]) == 1
    assert "(umbenannt)" in index.content.decode()

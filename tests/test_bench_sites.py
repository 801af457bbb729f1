"""The seeding of `bench/sites.py` (several bodies): 3 sites with 2 channels each.

The first body comes through the concept import, the others are bulk copies of
it; both must give each site its own tree and records, pointing only into it.
"""

import pytest
from django.test import Client
from wagtail.models import Page, Site

from bench import seed_sites, sites
from home.models import HomePage
from smgovernance.concept_io import export_data
from smgovernance.models import (
    ArchiveRecord,
    AwarenessAction,
    ChannelProfilePage,
    ContactPoint,
    EvaluationRecord,
    ImprintPage,
    ResponsiblePerson,
    UsageConceptPage,
)


pytestmark = pytest.mark.django_db

RECORDS = [ContactPoint, ResponsiblePerson, ArchiveRecord, EvaluationRecord]
CHILDREN = {"kontakt", "netiquette", "impressum", "kanaele", "nutzungskonzept"}


def in_tree(page: Page | None, site: Site) -> bool:
    return page is not None and page.path.startswith(site.root_page.path)


def test_steps_of_the_growth_run():
    assert sites.steps(400) == [50, 100, 200, 400]
    assert sites.steps(3) == [1, 3]


def check_concept_file(demo: Site) -> None:
    """Cut to 2 channels with every reference to the others; grown to 6."""
    two = seed_sites.template_data(demo, 2)
    slugs = [row["slug"] for row in two["channels"]]
    assert len(slugs) == 2
    for action in two["awareness_actions"]:
        assert set(action["channels"]) <= set(slugs)
    for evaluation in two["evaluations"]:
        assert {d["channel"] for d in evaluation["decisions"]} <= set(slugs)
    six = seed_sites.template_data(demo, 6)["channels"]
    assert len({row["slug"] for row in six}) == 6
    assert len({row["profile_url"] for row in six}) == 6
    assert not any("register_id" in row for row in six)


def check_trees_and_records(demo: Site, bodies: list[Site]) -> None:
    assert [site.hostname for site in bodies] == [
        "body-1.localhost",
        "body-2.localhost",
        "body-3.localhost",
    ]
    assert Site.objects.count() == 4
    assert Page.find_problems() == ([], [], [], [], [])  # treebeard's own check
    register_ids = ChannelProfilePage.objects.values_list("register_id", flat=True)
    assert len(set(register_ids)) == len(register_ids)
    for site in bodies:
        root = site.root_page.specific
        assert isinstance(root, HomePage) and root.depth == 2
        assert {p.slug for p in root.get_children()} == CHILDREN
        channels = list(ChannelProfilePage.objects.live().descendant_of(root))
        assert len(channels) == 2
        for model in RECORDS:
            assert model.objects.for_site(site).count() == (
                model.objects.for_site(demo).count()
            ), model
        assert AwarenessAction.objects.for_site(site).count() == 1
        for channel in channels:
            assert channel.get_parent().slug == "kanaele"
            assert in_tree(channel.netiquette_page, site)
            assert in_tree(channel.alternative_contact_page, site)
            for name in ("responsible_unit", "editorial_owner", "responsible_archive"):
                record = getattr(channel, name)
                assert record is None or record.site_id == site.pk, name
        imprint = ImprintPage.objects.descendant_of(root).get()
        assert {i.person.site_id for i in imprint.responsible_persons.all()} == {
            site.pk
        }
        concept = UsageConceptPage.objects.descendant_of(root).get()
        assert {p.site_id for p in concept.responsible_persons.all()} == {site.pk}
        for evaluation in EvaluationRecord.objects.for_site(site):
            for decision in evaluation.decisions.all():
                assert in_tree(decision.channel, site)
        for action in AwarenessAction.objects.for_site(site):
            assert all(in_tree(c, site) for c in action.channels.all())


def check_pages(bodies: list[Site]) -> None:
    """The bench's page measurement: both copies answer with the same queries."""
    second, third = sites.measure_pages(bodies[1]), sites.measure_pages(bodies[2])
    assert set(second) == {
        "home",
        "imprint",
        "channel index",
        "usage concept",
        "channel",
    }
    for label, entry in second.items():
        assert entry["status"] == third[label]["status"] == 200, label
        assert entry["queries"] == third[label]["queries"], label
    response = Client(HTTP_HOST="body-3.localhost").get("/impressum/")
    assert response.status_code == 200
    assert response.wsgi_request.path == "/impressum/"


def test_seeded_bodies_have_their_own_trees_records_and_pages(demo, monkeypatch):
    """One demo load for all checks: the import makes body 1, copies the others."""
    monkeypatch.setattr(sites, "REPEATS", 1)
    check_concept_file(demo)
    bodies = seed_sites.seed(demo, 3, 2)
    check_trees_and_records(demo, bodies)
    # The copy is the imported body again: the same concept file comes out.
    assert export_data(site=bodies[2]) == export_data(site=bodies[0])
    check_pages(bodies)

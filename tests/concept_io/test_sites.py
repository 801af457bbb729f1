"""smgovernance_export --site / smgovernance_import --site: one body's concept,
imported into an empty second site without touching the first."""

import io

import pytest
import yaml
from django.core.management import call_command
from wagtail.models import Page, Site

from smgovernance.concept_io import SCHEMA, export_data, import_data
from smgovernance.models import (
    ChannelIndexPage,
    ChannelProfilePage,
    ContactPoint,
    EvaluationRecord,
    ImprintPage,
    ResponsiblePerson,
    UsageConceptPage,
)
from tests import factories as h


pytestmark = pytest.mark.django_db

HOST = "zweite.example.org"
IMPRINT = h.IMPRINT_ROW


def empty_site(hostname: str = HOST) -> Site:
    """A new body: a root page without children below the tree root."""
    root = Page.get_first_root_node().add_child(title="Zweite", slug="zweite")
    return Site.objects.create(hostname=hostname, root_page=root, site_name="Zweite")


def command(name: str, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(name, *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def pages_of(site: Site) -> list[tuple]:
    """What an import could change about a site's pages."""
    return list(
        Page.objects.descendant_of(site.root_page, inclusive=True)
        .order_by("path")
        .values_list("pk", "path", "url_path", "live", "latest_revision_id", "numchild")
    )


def records_of(site: Site) -> list:
    return [
        *ContactPoint.objects.filter(site=site).values_list("pk", "name", "updated_at"),
        *ResponsiblePerson.objects.filter(site=site).values_list(
            "pk", "name", "updated_at"
        ),
        *EvaluationRecord.objects.filter(site=site).values_list("pk", "date"),
    ]


@pytest.fixture
def first() -> Site:
    """The default site: records, imprint, concept, a closed and a dormant channel
    (no page links, so the file fits any site) and a submitted evaluation."""
    h.archived_concept()
    import_data({"schema": SCHEMA, "imprint": IMPRINT})
    return Site.objects.get(is_default_site=True)


def test_import_into_an_empty_site_builds_its_concept_and_leaves_the_first(
    first, tmp_path
):
    path = tmp_path / "konzept.yaml"
    code, _out, _err = command("smgovernance_export", "--output", str(path))
    assert code == 0
    exported = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert exported == export_data(site=first)
    pages_before, records_before = pages_of(first), records_of(first)
    second = empty_site()

    code, out, err = command("smgovernance_import", str(path), "--site", HOST)
    assert code == 0, err
    assert "importiert" in out or "imported" in out

    root = second.root_page
    index = ChannelIndexPage.objects.child_of(root).get()
    assert {c.slug for c in ChannelProfilePage.objects.child_of(index)} == {
        "x-kanal",
        "mastodon",
    }  # the same slugs as the first site's channels
    assert ImprintPage.objects.child_of(root).live().count() == 1
    assert UsageConceptPage.objects.child_of(root).live().count() == 1
    assert ContactPoint.objects.filter(site=second).count() == 2
    assert ResponsiblePerson.objects.filter(site=second).count() == 2
    evaluation = EvaluationRecord.objects.get(site=second)
    assert {d.channel.get_parent().pk for d in evaluation.decisions.all()} == {index.pk}
    concept = UsageConceptPage.objects.child_of(root).get()
    assert {p.site_id for p in concept.responsible_persons.all()} == {second.pk}
    assert export_data(site=second) == exported

    assert pages_of(first) == pages_before
    assert records_of(first) == records_before
    assert export_data(site=first) == exported

    # Again: the second site's rows are updated in place, the first's stay as they are.
    code, _out, err = command("smgovernance_import", str(path), "--site", HOST)
    assert code == 0, err
    assert ChannelProfilePage.objects.in_site(second).count() == 2
    assert pages_of(first) == pages_before
    assert records_of(first) == records_before


def test_export_with_a_site_writes_only_that_sites_concept(first):
    second = empty_site()
    import_data(
        {
            "schema": SCHEMA,
            "contact_points": [
                {"name": "Bürgerbüro", "phone": "0371 488 0", "email": "b@example.org"}
            ],
        },
        site=second,
    )
    code, out, _err = command("smgovernance_export", "--site", f"{HOST}:80")
    assert code == 0
    data = yaml.safe_load(out)
    assert [c["name"] for c in data["contact_points"]] == ["Bürgerbüro"]
    assert data["channels"] == [] and "concept" not in data
    assert {p["slug"] for p in data["platforms"]} >= {"x", "mastodon"}  # shared
    code, out, _err = command("smgovernance_export")
    assert "Bürgerbüro" not in out and "x-kanal" in out


def test_page_links_to_pages_the_empty_site_lacks_are_errors(first, tmp_path):
    """A file naming /kontakt/ fits only a site that has that page."""
    h.channel("facebook")  # active: links the first site's /kontakt/
    path = tmp_path / "konzept.yaml"
    path.write_text(yaml.safe_dump(export_data()), encoding="utf-8")
    second = empty_site()
    pages_before = pages_of(first)
    code, _out, err = command("smgovernance_import", str(path), "--site", HOST)
    assert code == 1
    assert "alternative_contact_page" in err and "/kontakt/" in err
    assert not second.root_page.get_children().exists()
    assert not ContactPoint.objects.filter(site=second).exists()
    assert pages_of(first) == pages_before


def test_register_ids_of_the_first_site_are_refused_at_the_row(first, tmp_path):
    data = export_data()
    for row in data["channels"]:
        page = ChannelProfilePage.objects.in_site(first).get(slug=row["slug"])
        row["register_id"] = str(page.register_id)
    path = tmp_path / "konzept.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    second = empty_site()
    code, _out, err = command("smgovernance_import", str(path), "--site", HOST)
    assert code == 1
    lines = err.splitlines()
    assert any(line.startswith("channels[0].register_id: ") for line in lines)
    assert any(line.startswith("channels[1].register_id: ") for line in lines)
    assert "Traceback" not in err and "IntegrityError" not in err
    assert not second.root_page.get_children().exists()
    assert not ContactPoint.objects.filter(site=second).exists()


@pytest.mark.parametrize("name", ["smgovernance_export", "smgovernance_import"])
def test_an_unknown_site_is_a_usage_error(first, tmp_path, name):
    path = tmp_path / "konzept.yaml"
    path.write_text(yaml.safe_dump(export_data()), encoding="utf-8")
    args = [str(path)] if name == "smgovernance_import" else []
    code, out, err = command(name, *args, "--site", "unbekannt.example.org")
    assert code == 2
    assert "unbekannt.example.org" in err and out == ""
    assert Site.objects.count() == 1

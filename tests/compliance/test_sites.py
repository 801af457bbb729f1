"""Several bodies on one installation: each Wagtail Site is checked on its own."""

import datetime
import io
import json

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from smgovernance.bodies import site_of_page
from smgovernance.compliance import (
    SEVERITY_RANK,
    Severity,
    findings_for,
    run_checks,
    run_checks_for,
)
from smgovernance.compliance.summary import compliance_summary, summary_key
from smgovernance.concept_io import SCHEMA, import_data
from smgovernance.models import (
    ChannelProfilePage,
    ContentPage,
    EvaluationRecord,
    ImprintPage,
    ResponsiblePerson,
    ThirdPartyProvider,
)
from tests import factories as h


pytestmark = pytest.mark.django_db

LONG_AGO = h.TODAY - datetime.timedelta(days=800)


def second_site(hostname: str = "zweite.example.org", name: str = "Zweite") -> Site:
    """A second body: its own root page below the tree root, its own hostname."""
    root = Page.get_first_root_node().add_child(title=name, slug=hostname.split(".")[0])
    return Site.objects.create(hostname=hostname, root_page=root, site_name=name)


IMPRINT = h.IMPRINT_ROW

# The second body: a contact point, a person not confirmed for years, a dormant
# channel with the same slug as the first body's channel; no imprint, no evaluation.
SECOND_BODY = {
    "schema": SCHEMA,
    "contact_points": [
        {"name": "Bürgerbüro", "phone": "0371 488 0", "email": "buero@zweite.example"}
    ],
    "persons": [
        {
            "name": "Erika Muster",
            "function": "Leiterin des Bürgerbüros",
            "phone": "0371 488 1",
            "email": "muster@zweite.example",
            "verified_on": LONG_AGO.isoformat(),
            "contact_point": "Bürgerbüro",
        }
    ],
    "channels": [
        {
            "slug": "facebook",
            "title": "Facebook der Zweiten",
            "platform": "facebook",
            "profile_url": "https://www.facebook.com/zweite",
            "purpose": "<p>Information.</p>",
            "responsible_unit": "Bürgerbüro",
            "stage": "dormant",
            "stage_changed_on": "2026-01-05",
            **h.GATE_FIELDS,
        }
    ],
}


@pytest.fixture
def sites() -> tuple[Site, Site]:
    """The default site with imprint, concept, a current evaluation (unpublished)
    and a channel; a second site with its own records and a channel of its own."""
    first = Site.objects.get(is_default_site=True)
    h.make_records()
    import_data({"schema": SCHEMA, "imprint": IMPRINT})
    h.concept()
    h.evaluation(published=False)
    h.channel("facebook")
    second = second_site()
    import_data(SECOND_BODY, site=second)
    ChannelProfilePage.objects.in_site(second).update(retention="")  # C009
    return first, second


def key(findings) -> list[tuple]:
    return [(f.check_id, f.message, f.url) for f in findings]


def by_check(findings) -> dict[str, list]:
    found: dict[str, list] = {}
    for f in findings:
        found.setdefault(f.check_id, []).append(f)
    return found


def belongs_to(obj: object, site: Site) -> bool:
    if isinstance(obj, Page):
        return site_of_page(obj) == site
    if isinstance(obj, ThirdPartyProvider):
        return True  # the platform operators are shared by all bodies
    return obj is None or obj.site_id == site.pk


def test_a_site_run_reports_only_that_sites_findings(sites):
    first, second = sites
    one, two = by_check(run_checks(first)), by_check(run_checks(second))

    # The second body has no imprint and no evaluation; the first has both.
    assert "smgovernance.C011" not in one and len(two["smgovernance.C011"]) == 1
    assert "smgovernance.C002" not in one and len(two["smgovernance.C002"]) == 1
    # The first body's latest evaluation is unpublished; the second has none.
    [unpublished] = one["smgovernance.C003"]
    assert unpublished.obj == EvaluationRecord.objects.get(site=first)
    assert "smgovernance.C003" not in two
    # Responsible persons: only the second body's is stale.
    [stale] = two["smgovernance.C006"]
    assert stale.obj == ResponsiblePerson.objects.get(name="Erika Muster")
    assert "smgovernance.C006" not in one
    # Each body's channel, both with the slug "facebook", in its own run.
    [incomplete] = two["smgovernance.C009"]
    assert site_of_page(incomplete.obj) == second
    assert "smgovernance.C009" not in one
    for site, findings in ((first, one), (second, two)):
        for found in findings.values():
            assert all(f.site == site for f in found)
            assert all(belongs_to(f.obj, site) for f in found), found


def test_without_a_site_every_site_is_checked_on_its_own(sites):
    first, second = sites  # "localhost" sorts before "zweite.example.org"
    expected = sorted(
        run_checks(first) + run_checks(second),
        key=lambda f: -SEVERITY_RANK[Severity(f.severity)],
    )
    findings = run_checks()
    assert [(f.site, *k) for f, k in zip(findings, key(findings), strict=True)] == [
        (f.site, *k) for f, k in zip(expected, key(expected), strict=True)
    ]
    ranks = [SEVERITY_RANK[Severity(f.severity)] for f in findings]
    assert ranks == sorted(ranks, reverse=True)
    imprint_missing = [f for f in findings if f.check_id == "smgovernance.C011"]
    assert [f.site for f in imprint_missing] == [second]


def test_a_site_without_an_imprint_is_reported_though_another_has_one(sites):
    first, second = sites
    assert ImprintPage.objects.live().in_site(first).exists()
    messages = [f.message for f in run_checks() if f.check_id == "smgovernance.C011"]
    assert len(messages) == 1
    persons = [{"person": "Erika Muster", "meets_requirements": True}]
    imprint = {**IMPRINT, "responsible_persons": persons}
    import_data({"schema": SCHEMA, "imprint": imprint}, site=second)
    assert [f for f in run_checks() if f.check_id == "smgovernance.C011"] == []


def test_one_site_runs_as_before():
    """One site: no site query, the findings of a run over all records and pages."""
    h.make_records()
    h.concept()
    h.evaluation(published=False)
    h.channel("facebook")
    first = Site.objects.select_related("root_page").get()
    run_checks()  # warm-up: Wagtail caches the site root paths
    with CaptureQueriesContext(connection) as queries:
        findings = run_checks()
    assert not any("wagtailcore_site" in q["sql"] for q in queries)
    assert {f.site for f in findings} == {None}
    assert key(findings) == key(run_checks(first))
    assert {f.site for f in run_checks(first)} == {first}


def test_the_editor_gets_the_findings_of_the_pages_own_site(sites):
    first, second = sites
    full = run_checks()
    compared = 0
    for site in (first, second):
        own = run_checks(site)
        for page in Page.objects.filter(depth__gt=1).specific():
            if site_of_page(page) != site:
                continue
            assert key(run_checks_for(page, site)) == key(findings_for(page, own))
            assert key(run_checks_for(page)) == key(findings_for(page, full))
            compared += bool(findings_for(page, own))
    person = ResponsiblePerson.objects.get(name="Erika Muster")
    assert key(run_checks_for(person)) == key(findings_for(person, full)) != []
    assert compared >= 2


def test_unknown_contacts_are_those_of_the_pages_site(sites):
    """C027: a phone number of the other body's records is unknown on this site."""
    first, second = sites
    page = ContentPage(
        title="Aktuelles",
        slug="aktuelles",
        body=[("text", RichText("<p>Rufen Sie 0371 488 1 an.</p>"))],
    )
    first.root_page.add_child(instance=page)
    [unknown] = [f for f in run_checks(first) if f.check_id == "smgovernance.C027"]
    assert "0371 488 1" in unknown.message
    assert findings_for(page, run_checks()) == [unknown]
    page.body = [("text", RichText("<p>Rufen Sie (03731) 799 3305 an.</p>"))]
    page.save(update_fields=["body"])
    assert [f for f in run_checks(first) if f.check_id == "smgovernance.C027"] == []


def test_a_site_of_two_keeps_the_query_budget(django_assert_max_num_queries):
    """As many queries for one body of two as for the only body (30 for 2,000 channels)."""
    plat = h.platform()
    h.concept()
    h.evaluation()
    h.person()
    h.many_channels(2000, plat)
    second = second_site()
    import_data(SECOND_BODY, site=second)
    second = Site.objects.select_related("root_page").get(pk=second.pk)
    with django_assert_max_num_queries(30):
        two = run_checks(second)
    first = Site.objects.select_related("root_page").get(is_default_site=True)
    with django_assert_max_num_queries(30):
        one = run_checks(first)
    assert len(by_check(one)["smgovernance.C009"]) == 2000
    assert "smgovernance.C009" not in by_check(two)
    assert len(by_check(two)["smgovernance.C005"]) == 1  # its own channel only


def test_dashboard_summaries_are_kept_per_site_and_dropped_together(sites):
    first, second = sites
    summaries = {site: compliance_summary(site) for site in (first, second, None)}
    assert summaries[first] != summaries[second]
    errors = summaries[None]["counts"]["error"]
    assert errors == (
        summaries[first]["counts"].get("error", 0)
        + summaries[second]["counts"]["error"]
    )
    for site, summary in summaries.items():
        assert cache.get(summary_key(site)) == summary
        with CaptureQueriesContext(connection) as queries:
            assert compliance_summary(site) == summary
        assert len(queries) == 0
    h.person(name="Neu", verified_on=None, site=second)  # a record changes
    assert all(cache.get(summary_key(site)) is None for site in summaries)
    warnings = summaries[second]["counts"]["warning"]
    assert compliance_summary(second)["counts"]["warning"] == warnings + 1
    assert compliance_summary(first) == summaries[first]


# -- manage.py smgovernance_check --site --------------------------------------------


def check_command(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("smgovernance_check", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_check_command_names_the_site_of_each_finding(sites):
    first, second = sites
    code, out, _err = check_command("--format", "json", "--fail-on", "warning")
    assert code == 1
    data = json.loads(out)
    assert {row["site"] for row in data} == {first.hostname, second.hostname}
    [imprint] = [row for row in data if row["check_id"] == "smgovernance.C011"]
    assert imprint["site"] == "zweite.example.org"
    assert len(data) == len(run_checks())
    code, out, _err = check_command()
    lines = [line for line in out.splitlines() if "smgovernance.C011" in line]
    assert len(lines) == 1 and "[zweite.example.org]" in lines[0]


def test_check_command_with_a_site_reports_only_that_site(sites):
    first, second = sites
    code, out, _err = check_command("--site", "zweite.example.org", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert "site" not in data[0]
    assert [row["message"] for row in data] == [
        str(f.message) for f in run_checks(second)
    ]
    code, out, _err = check_command("--site", f"{first.hostname}:{first.port}")
    assert "smgovernance.C011" not in out and "smgovernance.C003" in out
    assert "[" + first.hostname not in out


@pytest.mark.parametrize("host", ["unbekannt.example.org", "zweite.example.org:81"])
def test_check_command_refuses_an_unknown_site_with_exit_2(sites, host):
    code, out, err = check_command("--site", host)
    assert code == 2 and out == ""
    assert host in err


def test_check_command_refuses_an_ambiguous_host_with_exit_2(sites):
    first, _second = sites
    other = Page.get_first_root_node().add_child(title="Dritte", slug="dritte")
    Site.objects.create(hostname=first.hostname, port=8080, root_page=other)
    code, _out, err = check_command("--site", first.hostname)
    assert code == 2 and first.hostname in err
    code, _out, _err = check_command("--site", f"{first.hostname}:8080")
    assert code == 1  # the third site has no concept, no imprint …


def test_a_finding_about_shared_data_is_reported_once_for_all_sites(sites):
    """The platform operators are shared: their findings are the same in every
    site's run, and the run over all sites names them once."""
    h.provider(name="Fernbetreiber", transfer_basis="none", dpf_checked_on=None)
    first, second = sites
    for site in sites:
        assert {"smgovernance.C007", "smgovernance.C008"} <= set(
            by_check(run_checks(site))
        )
    found = by_check(run_checks())
    for check_id in ("smgovernance.C007", "smgovernance.C008"):
        about = [f for f in found[check_id] if f.obj.name == "Fernbetreiber"]
        assert len(about) == 1
        assert about[0].site is None

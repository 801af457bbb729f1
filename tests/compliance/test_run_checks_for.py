"""The page editor's findings: only the checks about the page, same findings as a full run."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from smgovernance.compliance import CHECKS, findings_for, run_checks, run_checks_for
from smgovernance.compliance.summary import compliance_summary, summary_key
from smgovernance.models import ChannelProfilePage, ImprintPage
from tests import factories as h


def channel_without_retention() -> ChannelProfilePage:
    """A live channel whose privacy notice lacks the retention (error C009).

    The editor refuses to save such a channel, so the row is changed directly.
    """
    page = h.channel("instagram")
    ChannelProfilePage.objects.filter(pk=page.pk).update(retention="")
    page.refresh_from_db()
    return page


def key(findings):
    return sorted((f.check_id, f.message, f.url) for f in findings)


def test_every_check_names_what_it_concerns():
    assert all(check.concerns for check in CHECKS)


def test_same_findings_as_a_full_run_for_every_demo_page(demo):
    ChannelProfilePage.objects.filter(slug="facebook").update(retention="")
    ImprintPage.objects.update(body="<p>Angaben nach dem TMG</p>")
    full = run_checks()
    assert full
    pages = [page.specific for page in Page.objects.filter(depth__gt=1)]
    compared = 0
    for page in pages:
        expected = key(findings_for(page, full))
        assert key(run_checks_for(page)) == expected, page.url_path
        compared += bool(expected)
    assert compared >= 2  # the channel and the imprint have findings


@pytest.mark.django_db
def test_channel_editor_findings_do_not_grow_with_the_channels():
    """Opening a channel runs its checks over that channel only: queries stay flat."""
    page = channel_without_retention()
    h.many_channels(5, page.platform)
    run_checks_for(page)  # warm-up: Wagtail caches the site root paths
    with CaptureQueriesContext(connection) as few:
        findings = run_checks_for(page)
    h.many_channels(60, page.platform)
    with CaptureQueriesContext(connection) as many:
        assert key(run_checks_for(page)) == key(findings)
    assert len(many) == len(few)
    assert any("Datenschutzhinweise" in f.message for f in findings)


@pytest.mark.django_db
def test_opening_a_channel_in_the_editor_has_a_query_budget(
    admin_client, django_assert_max_num_queries
):
    page = channel_without_retention()
    h.many_channels(60, page.platform)
    admin_client.get(f"/admin/pages/{page.pk}/edit/")  # warm-up (permissions, site)
    with django_assert_max_num_queries(60):
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "Datenschutzhinweise des Kanals" in response.content.decode()


@pytest.mark.django_db
def test_dashboard_summary_is_recomputed_after_a_change():
    from django.core.cache import cache

    page = h.channel("instagram")
    before = compliance_summary()
    assert cache.get(summary_key()) == before
    with CaptureQueriesContext(connection) as queries:
        assert compliance_summary() == before  # read from the cache
    assert len(queries) == 0
    page.title = "Instagram (neu)"
    page.save_revision().publish()  # a publish drops the summary
    assert cache.get(summary_key()) is None
    assert compliance_summary() == before
    ChannelProfilePage.objects.filter(pk=page.pk).update(retention="")
    page.refresh_from_db()
    page.save(clean=False)  # a new error must not hide behind the cache
    assert compliance_summary()["counts"]["error"] == (
        before["counts"].get("error", 0) + 1
    )


@pytest.mark.django_db
def test_dashboard_shows_the_summary(admin_client):
    channel_without_retention()
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    counts = compliance_summary()["counts"]
    assert counts["error"] >= 1

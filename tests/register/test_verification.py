"""Each outcome of a profile check: a row in the log and the finding that goes with it.

The platforms are fake servers on 127.0.0.1 (pytest-httpserver); the monitor runs
offline, so nothing but the rerouted hosts can be asked.
"""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from smgovernance.compliance import run_checks
from smgovernance.models.register import AppendOnlyError, ChannelVerification
from smgovernance.monitor import Outcome
from smgovernance.tasks import check_channel, record_confirmation, verify_channel
from tests.factories import channel, platform
from tests.monitor.fakes import (
    imprint_field,
    mastodon_account,
    serve_mastodon_account,
)


MASTODON = "social.example"


@pytest.fixture
def site_host(db):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname = "www.kreis.example"
    site.save()
    return site.hostname


@pytest.fixture
def mastodon_channel(site_host):
    plat = platform(
        "mastodon",
        name="Mastodon",
        profile_hosts=MASTODON,
        outdated_hosts="",
        is_federated=True,
    )
    return channel(
        "mastodon",
        plat,
        profile_url=f"https://{MASTODON}/@kreis",
        handle=f"@kreis@{MASTODON}",
        instance_operator=plat.provider,
    )


@pytest.fixture
def facebook_channel(site_host):
    return channel("facebook", platform("facebook", outdated_hosts=""))


def findings(check_id: str) -> list[str]:
    return [f.message for f in run_checks() if f.check_id == check_id]


def test_verified_profile_gives_a_row_and_no_finding(
    reroute, httpserver, mastodon_channel, client
):
    reroute(MASTODON)
    serve_mastodon_account(httpserver, mastodon_account([imprint_field()]))
    row = check_channel(mastodon_channel)
    assert row.outcome == Outcome.VERIFIED
    assert ChannelVerification.objects.filter(channel=mastodon_channel).count() == 1
    assert not [
        f
        for f in run_checks()
        if f.obj == mastodon_channel
        and f.check_id
        in {
            "smgovernance.C028",
            "smgovernance.C029",
            "smgovernance.C033",
            "smgovernance.C034",
            "smgovernance.C035",
        }
    ]


def test_link_missing_gives_the_imprint_finding(reroute, httpserver, mastodon_channel):
    reroute(MASTODON)
    serve_mastodon_account(httpserver, mastodon_account([]))
    assert check_channel(mastodon_channel).outcome == Outcome.LINK_MISSING
    [message] = findings("smgovernance.C028")
    assert "Das Mastodon-Profil verweist nicht auf das Impressum" in message


def test_link_elsewhere_gives_the_imprint_finding(
    reroute, httpserver, mastodon_channel
):
    reroute(MASTODON)
    serve_mastodon_account(
        httpserver, mastodon_account([imprint_field(host="fake.example")])
    )
    assert check_channel(mastodon_channel).outcome == Outcome.POINTS_ELSEWHERE
    [message] = findings("smgovernance.C028")
    assert "fake.example" in message


def test_missing_rel_me_gives_its_finding(reroute, httpserver, mastodon_channel):
    reroute(MASTODON)
    serve_mastodon_account(
        httpserver, mastodon_account([imprint_field(verified=False)])
    )
    assert check_channel(mastodon_channel).outcome == Outcome.NO_REL_ME
    [message] = findings("smgovernance.C034")
    assert 'rel="me"' in message


def test_three_unreachable_checks_give_the_unreachable_finding(
    reroute, httpserver, mastodon_channel
):
    reroute(MASTODON)
    serve_mastodon_account(httpserver, {"error": "down"}, status=503)
    check_channel(mastodon_channel)
    check_channel(mastodon_channel)
    assert findings("smgovernance.C029") == []
    check_channel(mastodon_channel)
    [message] = findings("smgovernance.C029")
    assert "Profil seit 3 Prüfungen nicht erreichbar" in message
    assert ChannelVerification.objects.filter(outcome=Outcome.UNREACHABLE).count() == 3


def test_a_manual_confirmation_breaks_the_unreachable_streak(
    reroute, httpserver, mastodon_channel, admin_user
):
    reroute(MASTODON)
    serve_mastodon_account(httpserver, {"error": "down"}, status=503)
    for _ in range(3):
        check_channel(mastodon_channel)
    record_confirmation(mastodon_channel, admin_user)
    assert findings("smgovernance.C029") == []


def test_handle_changed_gives_its_finding(reroute, httpserver, mastodon_channel):
    reroute(MASTODON)
    serve_mastodon_account(
        httpserver,
        mastodon_account(
            [imprint_field()], moved={"url": "https://social.other.example/@kreis"}
        ),
    )
    row = check_channel(mastodon_channel)
    assert row.outcome == Outcome.HANDLE_CHANGED
    assert row.new_url == "https://social.other.example/@kreis"
    [message] = findings("smgovernance.C033")
    assert "Handle hat sich geändert" in message


def test_gone_profile_gives_its_finding(reroute, httpserver, facebook_channel):
    reroute("www.facebook.com")
    httpserver.expect_request("/facebook").respond_with_data("", status=410)
    assert check_channel(facebook_channel).outcome == Outcome.GONE
    [message] = findings("smgovernance.C033")
    assert "existiert nicht mehr" in message


def test_not_checkable_profile_asks_for_a_manual_confirmation(
    reroute, httpserver, facebook_channel
):
    reroute("www.facebook.com")
    httpserver.expect_request("/facebook").respond_with_data("<div id=app></div>")
    assert check_channel(facebook_channel).outcome == Outcome.NOT_CHECKABLE
    [finding] = [f for f in run_checks() if f.check_id == "smgovernance.C035"]
    assert "nicht automatisch geprüft werden" in finding.message
    assert (
        finding.url
        == f"/admin/smgovernance/channels/{facebook_channel.pk}/verification/"
    )


def test_manual_confirmation_older_than_a_year_is_due(
    reroute, httpserver, facebook_channel, admin_user
):
    reroute("www.facebook.com")
    httpserver.expect_request("/facebook").respond_with_data("<div id=app></div>")
    ChannelVerification.objects.create(
        channel=facebook_channel,
        outcome=Outcome.CONFIRMED,
        confirmed_by="Hartmut Schneider",
        checked_at=timezone.now() - datetime.timedelta(days=400),
    )
    check_channel(facebook_channel)
    [message] = findings("smgovernance.C035")
    assert "Manuelle Bestätigung älter als ein Jahr" in message
    assert "Hartmut Schneider" in message
    record_confirmation(facebook_channel, admin_user, "Impressum im Seiteninfo-Feld")
    assert findings("smgovernance.C035") == []


def test_the_log_is_append_only(facebook_channel, admin_user):
    row = record_confirmation(facebook_channel, admin_user)
    row.reason = "geändert"
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    with pytest.raises(AppendOnlyError):
        ChannelVerification.objects.filter(pk=row.pk).update(reason="x")
    with pytest.raises(AppendOnlyError):
        ChannelVerification.objects.all().delete()
    assert ChannelVerification.objects.get(pk=row.pk).reason != "geändert"


def test_publishing_a_channel_queues_a_check(
    settings, facebook_channel, django_capture_on_commit_callbacks
):
    settings.SMGOVERNANCE_MONITOR_OFFLINE = True
    settings.SMGOVERNANCE_PLATFORM_ORIGINS = {}
    with django_capture_on_commit_callbacks(execute=True):
        facebook_channel.save_revision().publish()
    row = ChannelVerification.objects.get(channel=facebook_channel)
    assert row.outcome == Outcome.UNREACHABLE
    assert "offline" in row.reason


def test_the_task_checks_one_channel(reroute, httpserver, facebook_channel):
    reroute("www.facebook.com")
    httpserver.expect_request("/facebook").respond_with_data(
        '<a href="https://www.kreis.example/impressum/">Impressum</a>'
    )
    result = verify_channel.enqueue(facebook_channel.pk)
    assert result.return_value == Outcome.VERIFIED


def test_command_queues_one_check_per_public_channel(
    reroute, httpserver, facebook_channel
):
    reroute("www.facebook.com")
    httpserver.expect_request("/facebook").respond_with_data("", status=404)
    channel("geplant", stage="planned")
    out = io.StringIO()
    call_command("smgovernance_verify_channels", stdout=out)
    assert "1 Prüfung(en) eingereiht." in out.getvalue()
    assert list(ChannelVerification.objects.values_list("outcome", flat=True)) == [
        Outcome.GONE
    ]


def test_command_now_and_unknown_channel(reroute, httpserver, facebook_channel):
    reroute("www.facebook.com")
    httpserver.expect_request("/facebook").respond_with_data("", status=404)
    out = io.StringIO()
    call_command(
        "smgovernance_verify_channels", "--now", "--channel", "facebook", stdout=out
    )
    assert "Profil gelöscht" in out.getvalue()
    with pytest.raises(CommandError, match="gibt-es-nicht"):
        call_command("smgovernance_verify_channels", "--channel", "gibt-es-nicht")

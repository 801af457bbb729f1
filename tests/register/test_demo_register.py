"""The demo's register: offline checks, manual confirmations, the planned Mastodon channel."""

import io

from django.core.management import call_command

from smgovernance.compliance import run_checks
from smgovernance.models import ChannelProfilePage
from smgovernance.models.register import ChannelVerification
from smgovernance.monitor import Outcome


def test_demo_has_a_planned_mastodon_channel(demo):
    mastodon = ChannelProfilePage.objects.get(platform__slug="mastodon")
    assert mastodon.stage == "planned"
    assert mastodon.live


def test_demo_checks_offline_and_confirms_facebook_x_and_vimeo_by_hand(demo):
    for slug in ("facebook", "twitter", "vimeo"):
        rows = ChannelVerification.objects.filter(channel__slug=slug)
        outcomes = set(rows.values_list("outcome", flat=True))
        assert Outcome.UNREACHABLE in outcomes  # offline: no request left the machine
        confirmation = rows.get(outcome=Outcome.CONFIRMED)
        assert confirmation.confirmed_by
    assert not ChannelVerification.objects.filter(channel__slug="mastodon").exists()


def test_loading_the_demo_twice_keeps_one_confirmation_per_channel(demo):
    call_command("load_demo", stdout=io.StringIO())
    assert ChannelVerification.objects.filter(outcome=Outcome.CONFIRMED).count() == 3


def test_demo_has_no_monitor_findings(demo):
    ids = {
        "smgovernance.C028",
        "smgovernance.C029",
        "smgovernance.C033",
        "smgovernance.C034",
        "smgovernance.C035",
    }
    assert [f.message for f in run_checks() if f.check_id in ids] == []

"""The demo's 2026 evaluation has its dossier; the X channel's pause is followed by a
handover to the Staatsarchiv Leipzig."""

import io

import pytest
import yaml
from bs4 import BeautifulSoup
from django.core.management import call_command
from pypdf import PdfReader
from wagtail.documents import get_document_model

from smgovernance.compliance import Severity, run_checks
from smgovernance.models import ChannelProfilePage, ChannelStage, EvaluationRecord


pytestmark = pytest.mark.django_db

ARCHIVE = "Sächsisches Staatsarchiv, Staatsarchiv Leipzig"


def test_concept_page_links_the_dossier_of_the_2026_evaluation(demo, client):
    evaluation = EvaluationRecord.objects.get(date="2026-11-02")
    response = client.get("/nutzungskonzept/")
    page = BeautifulSoup(response.content, "html.parser")
    [link] = page.select(".concept-dossiers a")
    assert link.get_text(strip=True) == (
        f"Fassung vom 2. November 2026 (PDF, {evaluation.dossier_kilobytes} kB)"
    )
    download = client.get(link["href"])
    assert download.status_code == 200
    pdf = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    data = yaml.safe_load(pdf.attachments["nutzungskonzept-2026-11-02.yaml"][0])
    assert [c["slug"] for c in data["channels"]] == [
        "facebook",
        "twitter",
        "vimeo",
        "mastodon",
    ]
    assert 'pdfaid:part="3"' in pdf.xmp_metadata.stream.get_data().decode()
    assert "/StructTreeRoot" in pdf.trailer["/Root"]

    facts = page.select_one("#kanal-twitter .concept-channel-archive")
    assert facts.get_text(strip=True) == ARCHIVE
    handover = page.select_one("#kanal-twitter .concept-channel-handover")
    assert handover.get_text(strip=True).startswith("15. Oktober 2026")


def test_load_demo_twice_keeps_one_dossier_and_verify_passes(demo, capsys):
    first = EvaluationRecord.objects.get().dossier_sha256
    call_command("load_demo", stdout=io.StringIO())
    assert get_document_model().objects.count() == 1
    assert EvaluationRecord.objects.get().dossier_sha256 == first
    call_command("smgovernance_dossier", "--verify")  # exits 0: no SystemExit
    assert "Dossier unverändert" in capsys.readouterr().out


def test_paused_x_channel_was_handed_over_and_no_archive_error(demo):
    twitter = ChannelProfilePage.objects.get(slug="twitter")
    assert twitter.stage == ChannelStage.DORMANT
    [handover] = twitter.archive_handovers.all()
    assert twitter.responsible_archive.name == ARCHIVE
    assert handover.handed_over_on > twitter.stage_changed_on
    assert str(handover.period_from) == "2018-05-01"
    findings = run_checks()
    assert not [f for f in findings if f.severity == Severity.ERROR]
    archive_checks = {"smgovernance.C030", "smgovernance.C031", "smgovernance.C032"}
    on_twitter = [
        f for f in findings if f.check_id in archive_checks and f.obj == twitter
    ]
    assert on_twitter == []
    assert not [f for f in findings if f.check_id == "smgovernance.C032"]

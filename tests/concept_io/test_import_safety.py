"""The import never deletes what the file leaves out, tells what it would change,
reports every failure as the German error list, and cleans rich text (issue 13,
items 5, 9 and 10)."""

import io

import pytest
import yaml
from django.core.management import call_command

from smgovernance.concept_io import SCHEMA, export_data
from smgovernance.models import (
    ChannelProfilePage,
    ContactPoint,
    EvaluationRecord,
    ImprintPage,
    ThirdPartyProvider,
    UsageConceptPage,
)


pytestmark = pytest.mark.django_db


def run(tmp_path, data: object, *options: str, raw: bytes | None = None):
    """Run the command; returns (exit code, stdout, stderr)."""
    path = tmp_path / "concept.yaml"
    if raw is None:
        raw = yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    path.write_bytes(raw)
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("smgovernance_import", str(path), *options, stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def channel_facts(slug: str) -> dict:
    row = next(c for c in export_data()["channels"] if c["slug"] == slug)
    return {
        key: row[key]
        for key in ("content_kinds", "target_groups", "stage_changes", "body")
    }


def partial_file() -> dict:
    """The demo's Facebook channel and a contact point, without their lists."""
    data = export_data()
    channel = next(c for c in data["channels"] if c["slug"] == "facebook")
    for key in ("content_kinds", "target_groups", "stage_changes", "successors"):
        del channel[key]
    point = next(p for p in data["contact_points"] if p.get("office_hours"))
    del point["office_hours"]
    return {"schema": SCHEMA, "channels": [channel], "contact_points": [point]}, point


def test_a_key_missing_from_the_file_leaves_the_data_unchanged(demo, tmp_path):
    before = channel_facts("facebook")
    assert before["content_kinds"] and before["target_groups"]
    data, point = partial_file()
    hours = ContactPoint.objects.get(name=point["name"]).office_hours.count()
    code, _out, err = run(tmp_path, data)
    assert code == 0, err
    assert channel_facts("facebook") == before
    assert ContactPoint.objects.get(name=point["name"]).office_hours.count() == hours


def test_replace_empties_what_the_file_leaves_out(demo, tmp_path):
    data, point = partial_file()
    code, _out, err = run(tmp_path, data, "--replace")
    assert code == 0, err
    facts = channel_facts("facebook")
    assert facts["content_kinds"] == facts["target_groups"] == []
    assert facts["stage_changes"] == []
    assert not ContactPoint.objects.get(name=point["name"]).office_hours.exists()


def test_dry_run_prints_each_objects_change_in_german_and_writes_nothing(
    demo, tmp_path
):
    data = export_data()
    data["concept"]["title"] = "Neuer Titel"
    data["providers"].append({**data["providers"][0], "name": "Neuer Anbieter"})
    before = yaml.safe_dump(export_data())
    code, out, err = run(tmp_path, data, "--dry-run")
    assert code == 0, err
    lines = out.splitlines()
    assert "geändert: concept „nutzungskonzept“" in lines
    assert "neu: providers „Neuer Anbieter“" in lines
    assert "unverändert: channels „facebook“" in lines
    assert "Probelauf: Es wurde nichts geschrieben." in lines
    assert yaml.safe_dump(export_data()) == before
    assert not ThirdPartyProvider.objects.filter(name="Neuer Anbieter").exists()


def test_a_latin1_file_is_an_error_in_the_list_not_a_traceback(demo, tmp_path):
    text = yaml.safe_dump(
        {"schema": SCHEMA, "concept": {"title": "Übersicht"}}, allow_unicode=True
    )
    code, _out, err = run(tmp_path, None, raw=text.encode("latin-1"))
    assert code == 1
    assert "nicht UTF-8" in err
    assert "Traceback" not in err and "nichts wurde geschrieben" in err


def test_a_colliding_concept_slug_is_an_error_in_the_list(demo, tmp_path):
    data = export_data()
    data["concept"]["slug"] = "kontakt"  # the contact page has this slug
    code, _out, err = run(tmp_path, {"schema": SCHEMA, "concept": data["concept"]})
    assert code == 1
    assert err.startswith("concept"), err
    assert "nichts wurde geschrieben" in err
    assert UsageConceptPage.objects.count() == 1


def evaluation_rows() -> list[dict]:
    row = {
        "evaluator": "Pressestelle",
        "findings": "Geprüft.",
        "next_due": None,
        "published": False,
        "submitted": False,
        "decisions": [],
    }
    return [
        {**row, "date": "2026-02-01", "corrects": None},
        {
            **row,
            "date": "2026-03-01",
            "corrects": {"date": "2026-02-01", "evaluator": "Pressestelle"},
        },
    ]


def test_a_correction_may_come_before_what_it_corrects_in_the_file(db, tmp_path):
    first, correction = evaluation_rows()
    code, _out, err = run(
        tmp_path, {"schema": SCHEMA, "evaluations": [correction, first]}
    )
    assert code == 0, err
    assert EvaluationRecord.objects.get(
        date="2026-03-01"
    ).corrects.date.isoformat() == ("2026-02-01")


def test_an_evaluation_correcting_a_later_one_or_a_cycle_is_refused(db, tmp_path):
    first, correction = evaluation_rows()
    first["corrects"] = {"date": "2026-03-01", "evaluator": "Pressestelle"}
    code, _out, err = run(
        tmp_path, {"schema": SCHEMA, "evaluations": [first, correction]}
    )
    assert code == 1
    assert "evaluations[0].corrects: eine Korrektur kann nicht älter" in err
    assert "Zyklus" in err
    assert "Traceback" not in err
    assert not EvaluationRecord.objects.exists()


HOSTILE = (
    '<p>Text<script>alert(1)</script><img src="x" onerror="alert(2)">'
    '<a href="javascript:alert(3)" onclick="alert(4)">Link</a></p>'
    '<form action="https://evil.example/"><input name="pin"></form>'
)


def assert_clean(html: str) -> None:
    for bad in (
        "<script",
        "alert(",
        "onerror",
        "onclick",
        "<form",
        "<input",
        "javascript:",
    ):
        assert bad not in html, (bad, html)


def test_rich_text_from_the_file_passes_the_whitelist(client, demo, tmp_path):
    data = export_data()
    channel = next(c for c in data["channels"] if c["slug"] == "facebook")
    channel["purpose"] = HOSTILE
    channel["body"] = [{"type": "text", "value": HOSTILE}]
    data["imprint"]["body"] = HOSTILE
    data["concept"]["preamble"] = HOSTILE
    code, _out, err = run(tmp_path, data)
    assert code == 0, err
    page = ChannelProfilePage.objects.get(slug="facebook")
    assert "Text" in page.purpose
    assert_clean(page.purpose)
    assert_clean(page.body.raw_data[0]["value"])
    assert_clean(ImprintPage.objects.get().body)
    assert_clean(UsageConceptPage.objects.get().preamble)
    rendered = client.get("/kanaele/facebook/").content.decode()
    assert "Text" in rendered
    assert "alert(" not in rendered

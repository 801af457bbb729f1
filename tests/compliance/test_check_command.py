"""manage.py smgovernance_check: exit codes, JSON and the usage error."""

import datetime
import io
import json

import pytest
from django.core.management import ManagementUtility, call_command

from smgovernance.models import (
    ImprintPage,
    Platform,
    UsageConceptPage,
)
from tests import factories as h
from tests.factories import backdate_evaluations


pytestmark = pytest.mark.django_db


def check_command(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("smgovernance_check", *args, stdout=out, stderr=io.StringIO())
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def test_check_command_exits_0_on_the_demo(demo):
    code, out = check_command()
    assert code == 0 and "Keine Befunde" in out


def test_check_command_exits_1_with_json_when_the_evaluation_is_backdated(demo):
    backdate_evaluations()
    code, out = check_command("--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data and set(data[0]) == {"check_id", "severity", "message", "object", "url"}
    overdue = next(f for f in data if f["check_id"] == "smgovernance.C002")
    assert overdue["severity"] == "error"
    assert "Evaluation ist überfällig" in overdue["message"]
    assert overdue["url"].startswith("/admin/")


def test_check_command_exits_1_when_the_concept_is_unpublished(demo):
    UsageConceptPage.objects.get().unpublish()
    code, out = check_command()
    assert code == 1 and "smgovernance.C001" in out


def test_check_command_exits_1_when_the_imprint_is_unpublished(demo):
    imprint = ImprintPage.objects.get()
    imprint.unpublish()
    code, out = check_command()
    assert code == 1
    assert "Das Impressum fehlt oder ist nicht veröffentlicht." in out
    assert f"/admin/pages/{imprint.pk}/edit/" in out


def test_check_command_links_the_register_when_the_evaluation_is_backdated(demo):
    backdate_evaluations()
    code, out = check_command()
    assert code == 1
    assert "Die jährliche Evaluation ist überfällig" in out
    assert "/admin/smgovernance/evaluationrecord/create/" in out


def test_check_command_exits_1_when_a_channel_goes_active_after_the_concept(demo):
    concept = UsageConceptPage.objects.get()
    h.channel(
        "linkedin",
        plat=Platform.objects.get(slug="linkedin"),
        profile_url="https://www.linkedin.com/company/wirtschaft-mittelsachsen",
        activated_on=concept.version_date + datetime.timedelta(days=1),
    )
    code, out = check_command()
    assert code == 1
    assert "„Linkedin“" in out and "Nutzungskonzept" in out
    assert f"/admin/pages/{concept.pk}/edit/" in out


def test_check_command_fail_on_warning(demo):
    h.person(name="Neu", verified_on=None)
    assert check_command()[0] == 0
    assert check_command("--fail-on", "warning")[0] == 1


def test_check_command_usage_error_exits_2(demo):
    with pytest.raises(SystemExit) as exit_:
        ManagementUtility(
            ["manage.py", "smgovernance_check", "--format", "xml"]
        ).execute()
    assert exit_.value.code == 2

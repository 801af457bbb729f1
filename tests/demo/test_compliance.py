"""The demo passes every compliance check with no error."""

import pytest

from smgovernance.compliance import Severity, run_checks


pytestmark = pytest.mark.django_db


def test_demo_has_no_error_findings(demo):
    assert [f for f in run_checks() if f.severity == Severity.ERROR] == []

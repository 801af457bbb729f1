"""The demo's data lives in one concept file: exporting the demo gives it back."""

import io

import pytest
import yaml
from django.core.management import call_command


pytestmark = pytest.mark.django_db


def test_demo_file_is_what_the_demo_exports(demo, tmp_path):
    """The demo's data lives in one concept file: exporting the demo gives it back."""
    from home.demo.records import DATA_FILE

    out = tmp_path / "export.yaml"
    call_command("smgovernance_export", "-o", str(out), stdout=io.StringIO())
    assert yaml.safe_load(out.read_text()) == yaml.safe_load(DATA_FILE.read_text())

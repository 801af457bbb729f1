"""The page editor warns about the findings that concern the page being edited."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from tests import factories as h


pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date(2020, 1, 1)


def banners(admin_client, page) -> str:
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    document = BeautifulSoup(response.content, "html.parser")
    return " ".join(item.get_text(" ") for item in document.select(".messages li"))


def test_page_editor_warns_about_findings_on_that_page(admin_client):
    page = h.channel("instagram", imprint_verified_on=LONG_AGO)
    assert "Impressumslink" in banners(admin_client, page)
    other = h.channel("facebook")
    assert "Impressumslink" not in banners(admin_client, other)


def normalised(element) -> str:
    return " ".join(element.get_text(" ").split())


def test_checks_panel_and_banners_show_the_same_findings(admin_client):
    """Before, the banner reported an error while the checks panel said 0 problems."""
    page = h.channel("instagram", imprint_verified_on=LONG_AGO)
    editor = BeautifulSoup(
        admin_client.get(f"/admin/pages/{page.pk}/edit/").content, "html.parser"
    )
    banners = [normalised(item) for item in editor.select(".messages li")]
    # The checks panel runs axe over the preview: one element per finding.
    preview = BeautifulSoup(
        admin_client.get(f"/admin/pages/{page.pk}/view_draft/").content,
        "html.parser",
    )
    items = preview.select("[data-smg-check]")
    assert items, "the checks panel would report 0 problems"
    panel = [normalised(item) for item in items]
    assert any("Impressumslink" in text for text in panel)
    # Every banner is in the panel, and every finding in the panel is a banner.
    assert len(banners) == len(panel)
    for text in panel:
        assert any(banner.endswith(text) for banner in banners), text
    # Each reported check has an axe rule in the checks panel's configuration.
    config = json.loads(editor.find(id="checker-axe-configuration").string)
    rule_ids = {rule["id"] for rule in config["spec"]["rules"]}
    assert {item["data-smg-check"] for item in items} <= rule_ids
    assert {item["data-smg-check"] for item in items} <= set(
        config["options"]["runOnly"]
    )
    # Visitors never see the findings.
    public = BeautifulSoup(admin_client.get(page.url).content, "html.parser")
    assert public.select("[data-smg-check]") == []

"""The demo's legal pages: current law only, and load_demo keeps one of each."""

import io

import pytest
from django.core.management import call_command

from smgovernance.compliance.legal_references import find_outdated_references
from smgovernance.models import (
    ImprintPage,
    PrivacyPage,
)
from tests.factories import soup


@pytest.mark.parametrize("url", ["/impressum/", "/datenschutz/", "/kontakt/"])
def test_demo_legal_pages_cite_current_law_only(client, demo, url):
    text = soup(client.get(url)).find("main").get_text(" ", strip=True)
    assert find_outdated_references(text) == []
    if url == "/impressum/":
        assert "§ 5 DDG" in text and "§ 18 Abs. 2 MStV" in text


def test_load_demo_twice_keeps_one_of_each(demo):
    call_command("load_demo", stdout=io.StringIO())
    assert ImprintPage.objects.count() == 1
    imprint = ImprintPage.objects.get()
    assert imprint.responsible_persons.count() == 2
    assert PrivacyPage.objects.get().platform_notes.count() == 1

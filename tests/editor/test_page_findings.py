"""The page editor warns about the findings that concern the page being edited."""

import pytest
from bs4 import BeautifulSoup

from tests import factories as h


pytestmark = pytest.mark.django_db


def test_page_editor_warns_about_findings_on_that_page(admin_client):
    page = h.channel("instagram", retention="")
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    text = BeautifulSoup(response.content, "html.parser").get_text(" ")
    assert "Datenschutzhinweise des Kanals" in text
    other = h.channel("facebook")
    response = admin_client.get(f"/admin/pages/{other.pk}/edit/")
    assert "Datenschutzhinweise des Kanals" not in response.content.decode()

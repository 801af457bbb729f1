"""The demo's usage concept page shows Mittelsachsen's concept."""

import pytest

from tests.factories import soup


pytestmark = pytest.mark.django_db


def test_demo_concept_page_shows_the_concept(client, demo):
    document = soup(client.get("/nutzungskonzept/"))
    assert document.find("h1").get_text() == "Nutzungskonzept Social Media"
    headings = [h2.get_text() for h2 in document.find_all("h2")]
    assert headings == [
        "Präambel",
        "Aufgabe und Anliegen",
        "Verantwortliche Stellen",
        "Kanäle",
        "Selbstverpflichtung",
        "Evaluationen",
    ]
    documents = [li.get_text() for li in document.select(".concept-documents li")]
    assert len(documents) == 3 and documents[2].endswith("(2018) – RA Knebel, Leipzig")
    assert "André Kaiser" in document.select_one(".concept-persons").get_text()
    assert document.find("h3", string="Evaluation vom 02.11.2026")
    assert "Fassung 2.0, beschlossen am 02.11.2026" in document.select_one(
        ".concept-meta"
    ).get_text(" ", strip=True)
    links = {link["href"] for link in document.find_all("link", rel="stylesheet")}
    assert "/static/smgovernance/css/print.css" in links
    assert (
        document.find("link", href="/static/smgovernance/css/print.css")["media"]
        == "print"
    )

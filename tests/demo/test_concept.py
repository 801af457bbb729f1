"""The demo's usage concept page shows Mittelsachsen's concept."""

import pytest

from tests.factories import soup


pytestmark = pytest.mark.django_db


def test_demo_concept_page_shows_the_concept(client, demo):
    document = soup(client.get("/nutzungskonzept/"))
    assert document.find("h1").get_text() == "Nutzungskonzept Social Media"
    headings = [h2.get_text() for h2 in document.select("h2.concept-section-title")]
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
    assert document.find("h3", string="Evaluation vom 2. November 2026")
    title_block = document.select_one(".concept-title-block").get_text(" ", strip=True)
    for fact in (
        "Landkreis Mittelsachsen",
        "Fassung 2.0",
        "Beschlossen am 2. November 2026",
        "Beschlossen durch Landrat des Landkreises Mittelsachsen",
        "Stand 2. November 2026",
    ):
        assert fact in title_block, fact
    toc = [a["href"] for a in document.select(".concept-toc a")]
    assert toc[:4] == ["#praeambel", "#aufgabe", "#verantwortlich", "#kanaele"]
    assert all(document.find(id=href[1:]) for href in toc)
    links = {link["href"] for link in document.find_all("link", rel="stylesheet")}
    assert "/static/smgovernance/css/print.css" in links
    assert (
        document.find("link", href="/static/smgovernance/css/print.css")["media"]
        == "print"
    )
    # The running header and page numbers: a stylesheet with this concept's data.
    running = document.find("link", href="/nutzungskonzept/druck-css/")
    assert running["media"] == "print"
    response = client.get(running["href"])
    assert response["Content-Type"].startswith("text/css")
    css = response.content.decode()
    assert "counter(page)" in css and "counter(pages)" in css
    assert '"Nutzungskonzept Social Media"' in css
    assert '"Landkreis Mittelsachsen"' in css

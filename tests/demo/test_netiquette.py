"""The demo's netiquette: rules, graded measures, review and service hours."""

from tests.factories import soup


URL = "/netiquette/"


def test_demo_netiquette_lists_rules_graded_measures_review_and_hours(client, demo):
    document = soup(client.get(URL))
    main = document.find("main")
    assert main.find("h1").get_text(strip=True) == "Netiquette"
    headings = [h.get_text(strip=True) for h in main.find_all("h2")]
    assert headings == [
        "Regeln für Kommentare",
        "Abgestufte Maßnahmen",
        "Begründung und Überprüfung",
        "Servicezeiten",
    ]
    rules = main.find("ol", class_="smg-rules").find_all("li")
    assert len(rules) >= 5
    measures = [
        li.strong.get_text(strip=True)
        for li in main.find("ol", class_="smg-measures").find_all("li")
    ]
    assert measures == [
        "Kommentar ausblenden",
        "Kommentar löschen",
        "Befristete Sperre",
    ]
    text = main.get_text(" ", strip=True)
    assert "Überprüfung" in text and "Gründen" in text
    assert main.find("a", href="mailto:presse@landkreis-mittelsachsen.de")
    assert "Öffnungszeiten" in text
    # Politically neutral: the rules apply to every opinion alike.
    assert "unabhängig von der politischen" in text

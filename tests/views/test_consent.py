"""The visitor's consents: managed and revocable without JavaScript."""

from tests.factories import footer_links, soup


SKILLED = "/videos/fachkraefte-fuer-die-region/"


def test_footer_offers_consent_management_that_works_without_javascript(client, demo):
    links = footer_links(soup(client.get(SKILLED)))
    assert links["Einwilligungen verwalten"] == "/einwilligungen/"
    document = soup(client.get("/einwilligungen/"))
    assert document.find("h1").get_text(strip=True) == "Einwilligungen verwalten"
    assert "ohne Kennung" in document.get_text()
    assert document.find("button", attrs={"data-vimeo-revoke": True}).has_attr("hidden")

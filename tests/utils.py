"""Helpers shared by the tests."""

from bs4 import BeautifulSoup
from django.http import HttpResponse


def soup(response: HttpResponse) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def footer_links(document: BeautifulSoup) -> dict[str, str]:
    footer = document.find("footer")
    return {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}

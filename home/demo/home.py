"""The home page of the economic-region site, pointed to by the default Site."""

import os
from urllib.parse import urlsplit

from wagtail.models import Locale, Page, Site

from home.models import HomePage


INTRO = (
    "Unternehmen, Wissenschaft und Fachkräfte: Der Landkreis Mittelsachsen stellt "
    "seine Wirtschaftsregion vor – als attraktiven Ort zum Leben und Arbeiten."
)

BODY = [
    ("heading", "Standortmarketing für Mittelsachsen"),
    (
        "paragraph",
        "<p>Zu den Aufgaben des Referates Wirtschaftsförderung und Kreisentwicklung gehört "
        "das Standortmarketing: die Kommunikation mit den Unternehmen des Landkreises, die "
        "Darstellung der Wirtschaftsregion mit den Säulen Wirtschaft – Wissenschaft – "
        "Fachkräfte nach innen und über die Landkreisgrenzen hinaus und die Information "
        "der Öffentlichkeit.</p>",
    ),
    ("heading", "Soziale Medien ergänzen diese Website"),
    (
        "paragraph",
        "<p>Die Nutzung sozialer Medien ist Teil des Standortmarketings und dient "
        "ausschließlich der Information der Öffentlichkeit. Verwaltungsdienstleistungen "
        "werden dort nicht erbracht. Alle Informationen finden Sie auch auf dieser "
        "Website; persönlich erreichen Sie uns über die Kontaktseite.</p>",
    ),
]


def demo_address() -> tuple[str, int]:
    """Where `make demo` serves: DEMO_URL, else the HOST and PORT of the Makefile.

    The Site record carries this address, so the imprint's anchors, the oEmbed
    answer and the JSON-LD point at pages that are really served.
    """
    url = os.environ.get("DEMO_URL", "").strip()
    if url:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        default_port = 443 if parts.scheme == "https" else 80
        return parts.hostname or "127.0.0.1", parts.port or default_port
    host = os.environ.get("HOST", "").strip() or "127.0.0.1"
    port = os.environ.get("PORT", "").strip()
    return host, int(port) if port.isdigit() else 8000


def build(context: dict) -> None:
    Locale.objects.get_or_create(language_code="de")
    root = Page.get_first_root_node()
    if root is None:  # a flushed database (transactional tests) has no tree root
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    # The economic region's home page ("home"); the county portal has its own.
    home = HomePage.objects.filter(depth=2, slug="home").first()
    if home is None:
        # Replace Wagtail's "Welcome" placeholder page with our home page.
        # An update, not save(): saving would queue search and reference index
        # jobs for a page that is deleted below, and the worker would fail them.
        root.get_children().filter(slug="home").update(slug="welcome-placeholder")
        home = HomePage(title="Wirtschaftsregion Mittelsachsen", slug="home")
        root.add_child(instance=home)
    home.title = "Wirtschaftsregion Mittelsachsen"
    home.seo_title = "Wirtschaftsregion Mittelsachsen"
    home.intro = INTRO
    home.body = BODY
    home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    site.hostname, site.port = demo_address()
    site.site_name = "Wirtschaftsregion Mittelsachsen"
    site.root_page = home
    site.save()
    for page in (
        root.get_children().exclude(pk=home.pk).filter(slug="welcome-placeholder")
    ):
        page.delete()
    context["home"] = home

"""Imprint, contact page and privacy notices of the demo site (/impressum/, /kontakt/, /datenschutz/).

Facts from the 2018 concept, brought up to date per obligations.md §H: § 18 Abs. 2 MStV
instead of § 55 Abs. 2 RStV, Landrat Sven Krüger (elected 26.01.2025) instead of
Matthias Damm. The channel lists are generated from the channel pages.
"""

import datetime

from smgovernance.models import (
    AlternativeContactPage,
    AlternativeContactPoint,
    AlternativeContactWebsite,
    ImprintPage,
    PlatformPrivacyNote,
    PrivacyPage,
)

from .records import import_sections
from .utils import upsert_child


CONTACT_INTRO = (
    "<p>Unsere Kanäle in sozialen Medien dienen der Information über die "
    "Wirtschaftsregion. Für Ihr persönliches Anliegen erreichen Sie uns sicher per "
    "Telefon, E-Mail oder Post – zu den Öffnungszeiten des Landratsamtes auch "
    "persönlich.</p>"
)

WEBSITES = [
    (
        "https://www.wirtschaft-in-mittelsachsen.de/",
        "www.wirtschaft-in-mittelsachsen.de",
    ),
    ("https://www.landkreis-mittelsachsen.de/", "www.landkreis-mittelsachsen.de"),
]

PRIVACY = {
    "title": "Datenschutz",
    "intro": (
        "<p>Hier informieren wir nach Art. 13 DSGVO über die Verarbeitung "
        "personenbezogener Daten auf dieser Website, auf jedem unserer Kanäle in "
        "sozialen Medien und bei eingebetteten Videos.</p>"
    ),
    # Demo value: the real DPO contact must be confirmed with the Landratsamt.
    "dpo_name": "Datenschutzbeauftragter des Landratsamtes Mittelsachsen",
    "dpo_email": "datenschutz@landkreis-mittelsachsen.de",
    "website_purposes": (
        "Auslieferung der Seiten und Sicherheit des Servers (Server-Protokolle mit "
        "IP-Adresse, Zeitpunkt und abgerufener Adresse)."
    ),
    "website_recipients": "",
    "website_retention": (
        "Server-Protokolle werden nach 7 Tagen gelöscht, sofern sie nicht zur "
        "Aufklärung eines Sicherheitsvorfalls benötigt werden."
    ),
    "vimeo_retention": "",
}

FACEBOOK_NOTE = {
    "insights_deactivated": False,
    "joint_controllership_essence": (
        "Für die Seiten-Statistiken (Page Insights) sind der Landkreis und Meta "
        "Platforms Ireland Ltd. gemeinsam verantwortlich. Meta übernimmt nach der "
        "Vereinbarung die Hauptverantwortung, erfüllt die Informationspflichten und "
        "beantwortet Anfragen zu Ihren Rechten; Sie können sich aber auch an uns wenden."
    ),
    "arrangement_url": (
        "https://www.facebook.com/legal/terms/page_controller_addendum"
    ),
    "litigation_note": (
        "Ob öffentliche Stellen Facebook-Seiten datenschutzkonform betreiben können, "
        "ist gerichtlich nicht abschließend geklärt: Das Urteil des VG Köln vom "
        "17.07.2025 (13 K 1419/23) ist nach Berufung des BfDI nicht rechtskräftig; "
        "in Sachsen ist ein Verfahren der Staatskanzlei vor dem VG Dresden anhängig."
    ),
    "litigation_reviewed_on": datetime.date(2026, 11, 2),
}


def build(context: dict) -> None:
    home = context["home"]
    contact_points = context["contact_points"]
    platforms = context["platforms"]

    # Provider data and responsible persons come from the demo concept file.
    import_sections("imprint")
    imprint = ImprintPage.objects.child_of(home).get(slug="impressum")

    contact = _page(
        home,
        AlternativeContactPage,
        "kontakt",
        {
            "title": "Kontakt",
            "intro": CONTACT_INTRO,
            "online_services_label": "Amt24 – Verwaltungsleistungen online",
            "online_services_url": "https://amt24.sachsen.de/",
        },
    )
    contact.contact_points.set(
        [
            AlternativeContactPoint(contact_point=contact_points[key])
            for key in ("presse", "wirtschaft")
        ]
    )
    contact.websites.set(
        [AlternativeContactWebsite(url=url, label=label) for url, label in WEBSITES]
    )
    contact.save_revision().publish()

    privacy = _page(
        home,
        PrivacyPage,
        "datenschutz",
        {**PRIVACY, "vimeo_provider": context["providers"]["vimeo"]},
    )
    privacy.platform_notes.set(
        [PlatformPrivacyNote(platform=platforms["facebook"], **FACEBOOK_NOTE)]
    )
    privacy.save_revision().publish()

    context.update(imprint=imprint, contact=contact, privacy=privacy)


def _page(home, model, slug: str, fields: dict):
    """The page with its scalar fields; inline rows are set by the caller afterwards."""
    existing = home.get_children().filter(slug=slug).first()
    if existing is None:
        page = model(slug=slug, **fields)
        home.add_child(instance=page)
        return page
    return upsert_child(home, model, slug, **fields)

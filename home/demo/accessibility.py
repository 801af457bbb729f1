"""The accessibility statement and the netiquette of the demo site, in German.

The statement is honest about the site's state: partially accessible, with the
barriers the demo content really has (videos without audio description, the
2018 concept as a non-accessible PDF, content on third-party platforms).
"""

import datetime

from django.utils import translation

from smgovernance.models import (
    AccessibilityStatementPage,
    AssessmentMethod,
    ConformanceStatus,
    NetiquettePage,
)
from smgovernance.models.accessibility import (
    default_enforcement_name,
    default_enforcement_procedure,
    default_legal_basis,
)

from .utils import upsert_child


SCOPE = (
    "<p>Diese Erklärung gilt für die Website der Wirtschaftsregion Mittelsachsen "
    "(www.wirtschaft-in-mittelsachsen.de) einschließlich der einbettbaren "
    "Videoansichten (Adressen der Form /videos/&lt;Name des Videos&gt;/embed/), die "
    "auf anderen Websites des Landkreises Mittelsachsen in einem Rahmen angezeigt "
    "werden.</p>"
)

KNOWN_BARRIERS = [
    (
        "barrier",
        {
            "item": "Videos ohne Audiodeskription",
            "reason": (
                "Die Videos der Wirtschaftsregion werden bisher ohne "
                "Audiodeskription veröffentlicht. Für neue Produktionen prüfen wir "
                "eine Audiodeskription."
            ),
            "alternative": (
                '<p>Zu jedem Video gibt es auf seiner <a href="/videos/">Videoseite</a> '
                "ein Transkript, das ohne Zustimmung zum Laden des Videos lesbar ist.</p>"
            ),
        },
    ),
    (
        "barrier",
        {
            "item": "PDF-Fassung des Nutzungskonzepts Social Media (2018)",
            "reason": (
                "Das PDF-Dokument wurde 2018 erstellt und ist nicht barrierefrei "
                "(keine Struktur-Tags, keine festgelegte Lesereihenfolge). Es wird "
                "nicht mehr überarbeitet."
            ),
            "alternative": (
                "<p>Der Inhalt steht als barrierefreie HTML-Seite bereit: "
                '<a href="/nutzungskonzept/">Nutzungskonzept Social Media</a>.</p>'
            ),
        },
    ),
    (
        "barrier",
        {
            "item": "Inhalte auf Plattformen Dritter (Facebook, X, Vimeo)",
            "reason": (
                "Diese Plattformen werden von anderen Unternehmen betrieben. Auf die "
                "Barrierefreiheit ihrer Websites, Apps und Videoplayer hat der "
                "Landkreis keinen Einfluss."
            ),
            "alternative": (
                "<p>Alle Informationen, die wir in sozialen Medien veröffentlichen, "
                "finden Sie auch auf dieser Website; unsere Videos mit Transkript "
                'auf den <a href="/videos/">Videoseiten</a>.</p>'
            ),
        },
    ),
]

NETIQUETTE_INTRO = (
    "Wir freuen uns über Ihre Fragen, Hinweise und Kommentare auf unseren Kanälen. "
    "Damit dort ein sachlicher Austausch möglich bleibt, gelten die folgenden Regeln "
    "für alle Kanäle der Wirtschaftsregion Mittelsachsen, auf denen Kommentare "
    "möglich sind. Sie gelten für alle Beiträge gleich – unabhängig von der "
    "politischen, weltanschaulichen oder religiösen Meinung, die darin geäußert "
    "wird. Kritik an der Verwaltung ist ausdrücklich erlaubt."
)

RULES = [
    (
        "Bleiben Sie sachlich und respektvoll.",
        "Keine Beleidigungen, Drohungen oder Herabwürdigungen – weder gegenüber "
        "anderen Nutzerinnen und Nutzern noch gegenüber Dritten.",
    ),
    (
        "Keine Diskriminierung.",
        "Keine Äußerungen, die Menschen wegen ihrer Herkunft, ihres Geschlechts, "
        "ihrer Religion oder Weltanschauung, einer Behinderung, ihres Alters oder "
        "ihrer sexuellen Identität herabsetzen.",
    ),
    (
        "Keine rechtswidrigen Inhalte.",
        "Zum Beispiel Aufrufe zu Gewalt, Volksverhetzung oder Verletzungen von "
        "Urheber- und Persönlichkeitsrechten.",
    ),
    (
        "Bleiben Sie beim Thema.",
        "Kommentare sollen sich auf den jeweiligen Beitrag beziehen.",
    ),
    (
        "Keine Werbung und kein Spam.",
        "Keine kommerzielle Werbung, keine Werbung für Parteien, Wählervereinigungen "
        "oder Kandidierende, keine Kettenbriefe und keine wiederholten gleichlautenden "
        "Beiträge.",
    ),
    (
        "Keine persönlichen Daten.",
        "Veröffentlichen Sie keine Adressen, Telefonnummern oder andere persönliche "
        "Daten – weder eigene noch fremde. Für Anliegen, bei denen es um Ihre Daten "
        "geht, nutzen Sie bitte die Kontaktwege auf unserer Kontaktseite.",
    ),
]

MEASURES = [
    (
        "hide",
        "Bei einem ersten oder leichten Verstoß, etwa Werbung, Spam, Beiträgen ohne "
        "Bezug zum Thema oder veröffentlichten persönlichen Daten, blenden wir den "
        "Kommentar aus, soweit die Plattform das erlaubt.",
    ),
    (
        "delete",
        "Kommentare mit rechtswidrigem Inhalt, Beleidigungen, Drohungen oder "
        "Diskriminierung sowie wiederholte Verstöße löschen wir. Rechtswidrige "
        "Inhalte sichern wir vorher, soweit das für eine Anzeige nötig ist.",
    ),
    (
        "block",
        "Wer trotz Hinweis wiederholt und schwerwiegend gegen diese Regeln verstößt, "
        "kann als letztes Mittel befristet, höchstens für 30 Tage, von der "
        "Kommentarfunktion ausgeschlossen werden. Dauerhafte Sperren sprechen wir "
        "nicht aus.",
    ),
]

REVIEW = (
    "<p>Sie können jederzeit nach den Gründen für eine Maßnahme fragen und verlangen, "
    "dass wir sie überprüfen. Schreiben Sie dazu an die Pressestelle und nennen Sie "
    "den Kanal, das Datum und – wenn möglich – den betroffenen Kommentar. Wir prüfen "
    "die Maßnahme erneut, antworten Ihnen innerhalb eines Monats mit Begründung und "
    "heben sie auf, wenn sie nicht gerechtfertigt war.</p>"
)

SERVICE_HOURS = (
    "Wir betreuen unsere Kanäle zu den Öffnungszeiten des Landratsamtes: Montag, "
    "Mittwoch und Freitag 8:00–12:00 Uhr, Dienstag und Donnerstag 8:00–18:00 Uhr. "
    "Außerhalb dieser Zeiten, an Wochenenden und Feiertagen lesen und moderieren wir "
    "Kommentare nicht. In Notfällen wählen Sie bitte 110 oder 112."
)


def build(context: dict) -> None:
    home = context["home"]
    contacts = context["contact_points"]
    with translation.override("de"):
        upsert_child(
            home,
            AccessibilityStatementPage,
            "barrierefreiheit",
            title="Erklärung zur Barrierefreiheit",
            legal_basis=default_legal_basis(),
            scope=SCOPE,
            conformance_status=ConformanceStatus.PARTIAL,
            known_barriers=KNOWN_BARRIERS,
            assessment_method=AssessmentMethod.SELF,
            assessment_date=datetime.date(2026, 10, 20),
            stand=datetime.date(2026, 11, 2),
            feedback_contact=contacts["wirtschaft"],
            enforcement_name=default_enforcement_name(),
            enforcement_procedure=default_enforcement_procedure(),
        )
    build_netiquette(home, contacts)


def build_netiquette(home, contacts: dict) -> None:
    """The netiquette below `home` (each site's channels with comments need one)."""
    with translation.override("de"):
        upsert_child(
            home,
            NetiquettePage,
            "netiquette",
            title="Netiquette",
            intro=NETIQUETTE_INTRO,
            rules=[
                ("rule", {"title": title, "explanation": text}) for title, text in RULES
            ],
            measures=[
                ("measure", {"measure": measure, "applies_when": text})
                for measure, text in MEASURES
            ],
            review_procedure=REVIEW,
            review_contact=contacts["presse"],
            service_hours=SERVICE_HOURS,
        )

"""The channel index and the three channels of the 2018 concept (section 5).

Facts are the concept's; those obligations.md §H marks outdated are updated:
Twitter is now X (x.com), Facebook is run by Meta. Facebook and Vimeo become
active only when the gate (O-17) can pass, i.e. when the alternative-contact
page /kontakt/ exists; otherwise they stay in the pilot stage.
"""

import datetime

from wagtail.models import Page

from smgovernance.models import (
    ChannelIndexPage,
    ChannelProfilePage,
    ChannelStage,
    ChannelStageChange,
    LegalBasis,
)

from .utils import upsert_child


CONCEPT_DATE = datetime.date(2018, 5, 1)
GATE_DATE = datetime.date(2026, 10, 15)
AMT24 = "https://amt24.sachsen.de/"
OUR_WEBSITES = [
    (
        "link",
        {
            "text": "www.wirtschaft-in-mittelsachsen.de",
            "url": "https://www.wirtschaft-in-mittelsachsen.de/",
        },
    ),
    (
        "link",
        {
            "text": "www.landkreis-mittelsachsen.de",
            "url": "https://www.landkreis-mittelsachsen.de/",
        },
    ),
]
DIALOGUE = (
    "Ein Dialog wird nicht einsehbar für Dritte per Direktnachricht angeboten. Dort "
    "schlagen wir einen Wechsel zu Telefon oder E-Mail vor. Bitte senden Sie uns über "
    "die Plattform keine persönlichen Daten."
)
SERVICE_HOURS = (
    "Während der Öffnungszeiten des Landratsamtes Mittelsachsen: Mo, Mi, Fr 8–12 Uhr, "
    "Di und Do 8–18 Uhr. Nachrichten außerhalb dieser Zeiten beantworten wir am "
    "nächsten Arbeitstag."
)
PRIVACY_PURPOSES = (
    "Information der Öffentlichkeit über die Wirtschaftsregion Mittelsachsen "
    "(Standortmarketing); Beantwortung von Nachrichten."
)
RETENTION = (
    "Nachrichten löschen wir, sobald die Anfrage erledigt ist, spätestens nach sechs "
    "Monaten. Was die Plattform speichert, bestimmt ihr Betreiber."
)


def items(*texts: str) -> list[tuple[str, str]]:
    return [("item", text) for text in texts]


def features(*pairs: tuple[str, bool]) -> list[tuple[str, dict]]:
    return [
        ("feature", {"name": name, "needs_registration": reg}) for name, reg in pairs
    ]


def channel_specs(context: dict) -> list[dict]:
    platforms = context["platforms"]
    persons = context["persons"]
    wirtschaft = context["contact_points"]["wirtschaft"]
    owners = {
        "responsible_unit": wirtschaft,
        "editorial_owner": persons["schneider"],
        "technical_owner": persons["schneider"],
        "data_subject_owner": persons["kaiser"],
    }
    common = {
        **owners,
        "dialogue_policy": DIALOGUE,
        "service_hours": SERVICE_HOURS,
        "website_equivalent_urls": OUR_WEBSITES,
        "online_services_url": AMT24,
        "online_services_name": "Amt24 – Online-Dienste der sächsischen Verwaltung",
        "privacy_purposes": PRIVACY_PURPOSES,
        "legal_basis": LegalBasis.PUBLIC_TASK,
        "retention": RETENTION,
    }
    return [
        {
            **common,
            "slug": "facebook",
            "title": "Facebook: Wirtschaft in Mittelsachsen",
            "platform": platforms["facebook"],
            "profile_url": "https://www.facebook.com/wirtschaft.in.mittelsachsen",
            "handle": "wirtschaft.in.mittelsachsen",
            "intro": (
                "Auf Facebook informieren wir über die Wirtschaftsregion Mittelsachsen "
                "als Arbeits- und Lebensort."
            ),
            "purpose": (
                "<p>Die Facebook-Seite ergänzt Internetauftritt, Printprodukte und "
                "Veranstaltungen. Sie informiert über Aktivitäten aus der Wirtschaftsregion "
                "Mittelsachsen, Neuigkeiten aus der Wirtschaft und Mittelsachsen als "
                "Arbeits- und Lebensort. Zweck ist vor allem, einen Erstkontakt mit den "
                "Zielgruppen herzustellen und das Image der Wirtschaftsregion zu stärken.</p>"
            ),
            "platform_reasons": (
                "<p>Facebook ist bei den 25- bis 55-Jährigen weit verbreitet und hat dort "
                "eine große Reichweite. Beiträge können kommentiert werden; so können wir "
                "mit Fach- und Führungskräften sowie Unternehmen in Dialog treten. "
                "Öffentliche Beiträge sind auch ohne Registrierung lesbar.</p>"
            ),
            "type_and_scope": (
                "<p>Der Kanal ist als „Community“ angelegt und informiert über aktuelle "
                "Themen aus der regionalen Wirtschaft.</p>"
            ),
            "content_kinds": items(
                "Hinweise auf aktuelle Veranstaltungen wirtschaftsfördernder Institutionen",
                "Vorstellung von aktuellen Projekten",
                "Wissenswertes aus der regionalen Wirtschaft, z. B. Statistiken, Preise "
                "und Auszeichnungen, Branchen- und Produktvielfalt",
            ),
            "target_groups": items(
                "Unternehmen",
                "Investoren",
                "Fachkräfte",
                "Rückkehrer",
                "Bleibewillige",
                "Jobsuchende",
            ),
            "not_offered": items(
                "Verwaltungsleistungen und Anträge",
                "Fördermittelberatungen im Einzelfall",
            ),
            "interaction_features": features(
                ("Öffentliche Beiträge lesen", False),
                ("Kommentare", True),
                ("Direktnachrichten", True),
            ),
            "comments_enabled": True,
            "active": True,
            "history": [
                (
                    ChannelStage.ACTIVE,
                    CONCEPT_DATE,
                    "Betrieb nach dem Nutzungskonzept (Stand Mai 2018).",
                ),
            ],
        },
        {
            **common,
            "slug": "twitter",
            "title": "Twitter (heute X): @mswirtschaft",
            "platform": platforms["x"],
            "profile_url": "https://x.com/mswirtschaft",
            "handle": "@mswirtschaft",
            "intro": (
                "Twitter heißt seit 2023 X; der Kanal ist unter x.com/mswirtschaft "
                "erreichbar. Wir nutzen ihn derzeit nur in Notfällen."
            ),
            "purpose": (
                "<p>Der Kanal ergänzt Internetauftritt, Pressemitteilungen, Printprodukte "
                "und Veranstaltungen. Er informiert direkt, schnell und tagaktuell über "
                "Meldungen aus der Wirtschaftsregion Mittelsachsen und erhöht ihre "
                "Sichtbarkeit.</p>"
            ),
            "platform_reasons": (
                "<p>2018 hatte Twitter eine große Reichweite bei Firmen und "
                "wissenschaftlich-technisch orientierten Nutzern. Dass X ohne Anmeldung "
                "nutzbar ist, trifft heute nicht mehr sicher zu.</p>"
            ),
            "type_and_scope": (
                "<p>Kurznachrichten über aktuelle Themen aus der regionalen Wirtschaft.</p>"
            ),
            "content_kinds": items(
                "Aktuelle Meldungen zu den Aktivitäten aus der Wirtschaftsregion Mittelsachsen",
                "Hinweise auf aktuelle Veranstaltungen und Projekte",
                "Hinweise aus der regionalen Wirtschaft, z. B. Statistiken, Preise und "
                "Auszeichnungen, Branchen und Produkte",
            ),
            "target_groups": items(
                "Existenzgründer", "Jungunternehmer", "Journalisten", "Multiplikatoren"
            ),
            "not_offered": items(
                "Fördermittelberatungen im Einzelfall",
                "Verwaltungsleistungen und Anträge",
            ),
            "interaction_features": features(
                ("Beiträge lesen", True),
                ("Antworten und Direktnachrichten", True),
            ),
            "comments_enabled": False,
            "active": False,
            "history": [
                (
                    ChannelStage.ACTIVE,
                    CONCEPT_DATE,
                    "Betrieb nach dem Nutzungskonzept (Stand Mai 2018).",
                ),
                (
                    ChannelStage.DORMANT,
                    datetime.date(2026, 10, 1),
                    "Nur noch für Notfälle: Der Zustand des Kontos ist nicht bestätigt, und "
                    "die Nutzungsbedingungen von X haben sich geändert. Die jährliche "
                    "Evaluation entscheidet über Weiterführung oder Einstellung.",
                ),
            ],
        },
        {
            **common,
            "slug": "vimeo",
            "title": "Vimeo: Videos aus Mittelsachsen",
            "platform": platforms["vimeo"],
            "profile_url": "https://vimeo.com/user16758230",
            "handle": "user16758230",
            "intro": (
                "Auf Vimeo veröffentlichen wir die Videos, die der Landkreis für das "
                "Standortmarketing erstellen lässt."
            ),
            "purpose": (
                "<p>Der Vimeo-Kanal ist die zentrale Plattform für die Videos des "
                "Landkreises Mittelsachsen zum Standortmarketing. Er ergänzt Internetauftritt, "
                "Pressemitteilungen, Printprodukte und Veranstaltungen und erhöht die "
                "Reichweite der Informationen.</p>"
            ),
            "platform_reasons": (
                "<p>Vimeo ist werbefrei; die Videos werden auf unserer Website erst nach "
                "einem Klick geladen.</p>"
            ),
            "type_and_scope": (
                "<p>Der Kanal stellt die vom Referat Wirtschaftsförderung und "
                "Kreisentwicklung in Auftrag gegebenen Videos zentral dar.</p>"
            ),
            "content_kinds": items(
                "Videos über Unternehmen",
                "Videos über Fachkräfte",
                "Videos über Nachhaltigkeit",
                "Mittelsachsen als Arbeits- und Lebensort",
                "Projektdokumentationen",
            ),
            "target_groups": items(
                "Unternehmen", "Fachkräfte", "Interessierte Öffentlichkeit"
            ),
            "not_offered": items("Verwaltungsleistungen und Anträge"),
            "interaction_features": features(("Videos ansehen", False)),
            "comments_enabled": False,
            "active": True,
            "history": [
                (
                    ChannelStage.ACTIVE,
                    CONCEPT_DATE,
                    "Betrieb nach dem Nutzungskonzept (Stand Mai 2018).",
                ),
            ],
        },
    ]


def live_child(parent: Page, slug: str) -> Page | None:
    return parent.get_children().live().filter(slug=slug).first()


def build(context: dict) -> None:
    home = context["home"]
    index = upsert_child(
        home,
        ChannelIndexPage,
        "kanaele",
        title="Unsere Kanäle in sozialen Medien",
        intro=(
            "Hier finden Sie alle Kanäle der Wirtschaftsregion Mittelsachsen in sozialen "
            "Medien, geordnet nach ihrer Stufe: wozu wir sie nutzen, wer sie betreut und "
            "wie Sie uns stattdessen erreichen."
        ),
        organisation_name="Landkreis Mittelsachsen",
    )
    contact = live_child(home, "kontakt")
    netiquette = live_child(home, "netiquette")
    channels = {}
    for spec in channel_specs(context):
        spec = dict(spec)
        slug = spec.pop("slug")
        history = spec.pop("history")
        gate_possible = contact is not None
        if spec.pop("active") and not gate_possible:
            history = [
                *history,
                (
                    ChannelStage.PILOT,
                    GATE_DATE,
                    "Zurück in die Pilotphase, bis die Seite mit den alternativen "
                    "Kontaktmöglichkeiten veröffentlicht ist.",
                ),
            ]
        stage, since, _reason = history[-1]
        comments = spec["comments_enabled"]
        if comments and netiquette is None:
            spec["comments_enabled"] = False  # no netiquette page yet in this build
        channels[slug] = upsert_child(
            index,
            ChannelProfilePage,
            slug,
            **spec,
            stage=stage,
            stage_changed_on=since,
            stage_changes=[
                ChannelStageChange(stage=s, changed_on=on, reason=reason, sort_order=i)
                for i, (s, on, reason) in enumerate(history)
            ],
            alternative_contact_page=contact,
            netiquette_page=netiquette,
            imprint_verified_on=GATE_DATE,
            risk_assessment_on=datetime.date(2026, 9, 30),
            processing_record_ref="VVT Nr. 14/2026 (Öffentlichkeitsarbeit, soziale Medien)",
        )
    context["channel_index"] = index
    context["channels"] = channels

"""The usage concept page (/nutzungskonzept/), its 2026 evaluation and an awareness action.

Texts from the 2018 concept (shared/seeds), §1, §2, §3 and §6; legal references
updated (§ 18 Abs. 2 MStV instead of § 55 Abs. 2 RStV, the current Landrat).
"""

import datetime

from smgovernance.models import (
    AwarenessAction,
    AwarenessKind,
    ChannelDecision,
    ChannelProfilePage,
    ConceptDocument,
    Decision,
    EvaluationRecord,
    UsageConceptPage,
)

from .utils import upsert_child


PREAMBLE = (
    "<p>Internet und soziale Medien erfreuen sich in der breiten Bevölkerung nach wie vor "
    "enormer Beliebtheit. Soziale Netzwerke dienen nicht nur der zwischenmenschlichen "
    "Interaktion, sondern werden zunehmend auch als Informationsquellen genutzt. "
    "Insbesondere jüngere Menschen greifen zur Informationsbeschaffung immer seltener auf "
    "konventionelle Printprodukte zurück.</p>"
    "<p>Der Landkreis Mittelsachsen möchte sich im Sinne einer zeitgemäßen und bürgernahen "
    "Verwaltung auf diese Situation einstellen.</p>"
    "<p>Zu den Aufgaben des Referates Wirtschaftsförderung und Kreisentwicklung gehört das "
    "Standortmarketing. Die Kommunikation mit den Unternehmen des Landkreises, die "
    "Darstellung der Wirtschaftsregion mit den Säulen Wirtschaft – Wissenschaft – Fachkräfte "
    "nach innen und über die Landkreisgrenzen hinaus und die Information der Öffentlichkeit "
    "stellen das breite Themenfeld des Standortmarketings dar.</p>"
    "<p>Die Wahrung des wirtschaftlichen Gesamtinteresses verlangt bei dieser Themen- und "
    "Adressatenbreite ein zielgruppenspezifisches Absetzen der Botschaften. Dazu ist ein "
    "differenziertes Kanalangebot notwendig.</p>"
    "<p>Die aktive Nutzung von sozialen Medien ist Teil des Standortmarketings der "
    "Landkreisverwaltung und dient ausschließlich der Information der Öffentlichkeit. "
    "Konkrete Verwaltungsdienstleistungen werden dadurch nicht erbracht.</p>"
)

DOCUMENTS = [
    (
        "Marketingkonzept für die Wirtschaftsregion Mittelsachsen",
        "M&M Mediation und Marketing",
        2017,
    ),
    (
        "Strategie für den Umgang mit Social Media",
        "MIKOMI Institut für Mittelstandskooperation der Hochschule Mittweida",
        2017,
    ),
    (
        "Leitfaden zur rechtskonformen Umsetzung der Social-Media-Strategie für die "
        "Wirtschaftsregion Mittelsachsen",
        "RA Knebel, Leipzig",
        2018,
    ),
]

TASK = (
    "<p>Der Bereich Presse und Öffentlichkeitsarbeit obliegt der Pressestelle des "
    "Landratsamtes Mittelsachsen. Im Bereich des Standortmarketings wird die Pressestelle "
    "durch das Referat Wirtschaftsförderung und Kreisentwicklung fachlich unterstützt.</p>"
    "<p>Die Darstellung des Landkreises Mittelsachsen als attraktiver Lebens- und "
    "Arbeitsort ist zentrales Anliegen des Standort- und Regionalmarketings.</p>"
)

RESPONSIBLE_BODIES = (
    "<p>Landkreis Mittelsachsen, Frauensteiner Straße 43, 09599 Freiberg, vertreten durch "
    "den Landrat Sven Krüger, Landratsamt Mittelsachsen, Frauensteiner Straße 43, "
    "09599 Freiberg.</p>"
    "<p>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV sind der Leiter der "
    "Pressestelle und – für den Bereich Wirtschaft und Social Media – der Referatsleiter "
    "Wirtschaftsförderung und Kreisentwicklung:</p>"
)

SELF_COMMITMENT = (
    "<p>Dieses Nutzungskonzept wird einmal im Jahr von uns hinsichtlich des Ob und Wie der "
    "Nutzung evaluiert. Gegebenenfalls erfolgt eine anlassbezogene Aktualisierung bei der "
    "Inbetriebnahme neuer Kanäle. Die Nutzer werden von uns regelmäßig hinsichtlich der "
    "Risiken für ihr Recht auf informationelle Selbstbestimmung sensibilisiert.</p>"
)

VERSION = "2.0"
VERSION_DATE = datetime.date(2026, 11, 2)
EVALUATION_DATE = datetime.date(2026, 11, 2)
EVALUATOR = "Referat Wirtschaftsförderung und Kreisentwicklung mit der Pressestelle"
FINDINGS = (
    "Die Kanäle wurden auf Zweck, Reichweite, Aufwand und Datenschutz geprüft. "
    "Impressum, Datenschutzhinweise und alternative Kontakte wurden aktualisiert; "
    "veraltete Rechtsgrundlagen (RStV, TMG) wurden ersetzt."
)
DECISIONS = {
    # channel slug: (decision, reasons); channels not in the demo are left out.
    "facebook": (
        Decision.CONTINUE,
        "Erreicht Unternehmen und Fachkräfte der Region; Insights sind deaktiviert.",
    ),
    "twitter": (
        Decision.PAUSE,
        "Twitter ist jetzt X; geringe Reichweite, der Kanal ruht und wird nur noch "
        "in Ausnahmefällen bespielt.",
    ),
    "x": (
        Decision.PAUSE,
        "Geringe Reichweite; der Kanal ruht und wird nur noch in Ausnahmefällen bespielt.",
    ),
    "vimeo": (
        Decision.CONTINUE,
        "Videos werden nur nach Einwilligung geladen; Transkripte liegen vor.",
    ),
}
DEFAULT_DECISION = (Decision.CONTINUE, "Zweck und Nutzen bestätigt.")

AWARENESS = {
    "date": datetime.date(2026, 11, 2),
    "kind": AwarenessKind.PINNED,
    "link": "https://www.wirtschaft-in-mittelsachsen.de/datenschutz/",
    "description": (
        "Angehefteter Hinweis auf allen Kanälen: Die Plattformen verarbeiten Daten "
        "außerhalb unseres Einflusses; bitte keine personenbezogenen Daten über soziale "
        "Medien senden – sichere Kontaktwege stehen auf der Kontaktseite."
    ),
}


def build(context: dict) -> None:
    persons = context["persons"]
    contact_points = context["contact_points"]
    page = upsert_child(
        context["home"],
        UsageConceptPage,
        "nutzungskonzept",
        title="Nutzungskonzept Social Media",
        version=VERSION,
        version_date=VERSION_DATE,
        preamble=PREAMBLE,
        task=TASK,
        responsible_bodies=RESPONSIBLE_BODIES,
        self_commitment=SELF_COMMITMENT,
        evaluation_owner=persons["schneider"],
        evaluation_deputy=persons["kaiser"],
    )
    page.documents = [
        ConceptDocument(title=title, author=author, year=year)
        for title, author, year in DOCUMENTS
    ]
    page.responsible_persons = [persons["kaiser"], persons["schneider"]]
    page.contact_points = [contact_points["presse"], contact_points["wirtschaft"]]
    page.save_revision().publish()

    channels = list(ChannelProfilePage.objects.live().order_by("path"))
    evaluation = EvaluationRecord.objects.filter(
        date=EVALUATION_DATE, evaluator=EVALUATOR
    ).first()
    if evaluation is None:  # submitted evaluations are append-only: create once
        evaluation = EvaluationRecord(
            date=EVALUATION_DATE,
            evaluator=EVALUATOR,
            findings=FINDINGS,
            published=True,
            submitted=True,
        )
        evaluation.decisions = [
            ChannelDecision(
                channel=channel,
                decision=DECISIONS.get(channel.slug, DEFAULT_DECISION)[0],
                reasons=DECISIONS.get(channel.slug, DEFAULT_DECISION)[1],
            )
            for channel in channels
        ]
        evaluation.save()

    action, _created = AwarenessAction.objects.update_or_create(
        date=AWARENESS["date"], kind=AWARENESS["kind"], defaults=AWARENESS
    )
    action.channels.set(channels)
    context["concept_page"] = page

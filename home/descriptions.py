"""Meta descriptions: the page's own, else its plain introduction, else a default per type.

The defaults are the demo site's German texts (the `home` app has no catalog).
"""

from django.utils.text import Truncator
from wagtail.models import Page


# model label -> description used when a page of that type has none of its own
DEFAULTS: dict[str, str] = {
    "home.HomePage": (
        "Die Wirtschaftsregion im Netz: Unternehmen, Fachkräfte, Videos und unsere "
        "Kanäle in sozialen Medien."
    ),
    "smgovernance.ChannelIndexPage": (
        "Unsere offiziellen Kanäle in sozialen Medien: wo wir aktiv sind, was wir dort "
        "veröffentlichen und wie Sie uns ohne soziale Medien erreichen."
    ),
    "smgovernance.ChannelProfilePage": (
        "Offizieller Kanal „{title}“: Zweck, Inhalte, Ansprechpartner und Hinweise "
        "zum Datenschutz."
    ),
    "smgovernance.ImprintPage": (
        "Impressum: wer diese Website und unsere Kanäle in sozialen Medien anbietet, "
        "wer verantwortlich ist und wie Sie uns erreichen."
    ),
    "smgovernance.PrivacyPage": (
        "Datenschutzhinweise für diese Website, unsere Kanäle in sozialen Medien und "
        "eingebettete Videos."
    ),
    "smgovernance.AlternativeContactPage": (
        "So erreichen Sie uns ohne soziale Medien: Telefon, E-Mail, Sprechzeiten und "
        "Online-Dienste."
    ),
    "smgovernance.AccessibilityStatementPage": (
        "Erklärung zur Barrierefreiheit dieser Website: was noch nicht barrierefrei "
        "ist und wie Sie uns eine Barriere melden."
    ),
    "smgovernance.NetiquettePage": (
        "Regeln für Kommentare auf unseren Kanälen in sozialen Medien und wie wir "
        "Beiträge moderieren."
    ),
    "smgovernance.UsageConceptPage": (
        "Unser Nutzungskonzept für soziale Medien: Ziele, Kanäle, Zuständigkeiten, "
        "Regeln und Bewertung."
    ),
    "smgovernance.VideoIndexPage": (
        "Videos über die Region, jedes mit Transkript. Ein Video wird erst nach Ihrem "
        "Klick von Vimeo geladen."
    ),
    "smgovernance.VideoPage": "Video „{title}“ mit Transkript.",
    "smgovernance.ContentPage": "{title}: Informationen der Wirtschaftsregion.",
}
SEARCH_DESCRIPTION = "Durchsuchen Sie alle Seiten dieser Website."
MAX_LENGTH = 200


def meta_description(page: Page | None, fallback: str = "") -> str:
    """The description of `page` for `<meta name="description">`, never empty if avoidable."""
    if page is None:
        return fallback
    if page.search_description:
        return page.search_description
    intro = getattr(page, "intro", "")
    if isinstance(intro, str) and intro and "<" not in intro:
        return Truncator(" ".join(intro.split())).chars(MAX_LENGTH)
    default = DEFAULTS.get(page._meta.label)
    if default:
        return default.format(title=page.title)
    return fallback or page.title

"""Video categories from the concept (§5.3.2), the video index and demo video pages.

The county's real Vimeo IDs are not in the seeds: the pages use Vimeo's well-known
sample video and say so visibly ("Demo-Inhalt").
"""

import datetime

from smgovernance.models import VideoCategory, VideoIndexPage, VideoPage

from .utils import upsert_child


CATEGORIES = [
    ("unternehmen", "Unternehmen"),
    ("fachkraefte", "Fachkräfte"),
    ("nachhaltigkeit", "Nachhaltigkeit"),
    ("arbeits-und-lebensort", "Mittelsachsen als Arbeits- und Lebensort"),
    ("projektdokumentationen", "Projektdokumentationen"),
]

DEMO_NOTE = (
    "<p><strong>Demo-Inhalt: Video-ID beispielhaft.</strong> Die Seite zeigt Vimeos "
    "Beispielvideo; die echten Videos des Landkreises werden hier eingetragen.</p>"
)

VIDEOS = [
    {
        "slug": "leben-und-arbeiten-in-mittelsachsen",
        "title": "Leben und Arbeiten in Mittelsachsen",
        "video_url": "https://vimeo.com/76979871",
        "publication_date": datetime.date(2024, 5, 14),
        "categories": ["arbeits-und-lebensort", "fachkraefte"],
        "search_description": "Warum Fachkräfte und Familien in Mittelsachsen gut leben und arbeiten.",
        "description": DEMO_NOTE
        + "<p>Zwischen Freiberg, Döbeln und Mittweida: Menschen erzählen, warum sie in "
        "Mittelsachsen arbeiten und leben – kurze Wege, bezahlbarer Wohnraum und "
        "Betriebe, die Perspektiven bieten.</p>",
        "transcript": (
            "<p><em>[Luftaufnahme über dem Erzgebirgsvorland, Morgenstimmung.]</em></p>"
            "<p>Sprecherin: Mittelsachsen liegt mitten zwischen Dresden, Leipzig und "
            "Chemnitz. Wer hier arbeitet, ist schnell in der Stadt – und genauso schnell "
            "im Grünen.</p>"
            "<p><em>[Eine Ingenieurin in einer Werkhalle in Freiberg.]</em></p>"
            "<p>Ingenieurin: Ich bin nach dem Studium an der Bergakademie geblieben, weil "
            "ich hier Verantwortung bekomme und meine Familie ein Zuhause gefunden hat.</p>"
            "<p>Sprecherin: Kitaplätze, Schulen und bezahlbarer Wohnraum machen die "
            "Region für Familien attraktiv. Mittelsachsen – ein guter Ort zum Leben und "
            "Arbeiten.</p>"
        ),
        "captions_available": True,
        "caption_language": "de",
    },
    {
        "slug": "fachkraefte-fuer-die-region",
        "title": "Fachkräfte für die Region",
        "video_url": "https://player.vimeo.com/video/76979871?h=8272103f6e",
        "publication_date": datetime.date(2023, 10, 2),
        "categories": ["fachkraefte", "unternehmen"],
        "search_description": "Ausbildung und Karriere in mittelständischen Betrieben des Landkreises.",
        "description": DEMO_NOTE
        + "<p>Auszubildende und Fachkräfte aus mittelständischen Betrieben berichten "
        "von ihrem Weg. Das Video ist auf Vimeo nicht öffentlich gelistet.</p>",
        "transcript": (
            "<p><em>[Ein Auszubildender an einer CNC-Fräse in Mittweida.]</em></p>"
            "<p>Auszubildender: Ich habe hier meine Ausbildung zum Zerspanungsmechaniker "
            "begonnen. Die Betriebe suchen Leute – und man wird übernommen.</p>"
            "<p><em>[Gespräch in einem Büro der Wirtschaftsförderung.]</em></p>"
            "<p>Sprecher: Die Wirtschaftsförderung des Landkreises unterstützt "
            "Unternehmen bei der Suche nach Fachkräften und Rückkehrern, etwa mit "
            "Messen, Praktikumsbörsen und Beratung.</p>"
        ),
        "captions_available": False,
        "caption_language": "de",
        "start_time": "0:05",
    },
]


def build(context: dict) -> None:
    categories = {}
    for slug, name in CATEGORIES:
        category, _created = VideoCategory.objects.update_or_create(
            slug=slug, defaults={"name": name}
        )
        categories[slug] = category
    index = upsert_child(
        context["home"],
        VideoIndexPage,
        "videos",
        title="Videos",
        show_in_menus=True,
        intro=(
            "<p>Videos über die Wirtschaftsregion Mittelsachsen. Sie werden erst nach "
            "Ihrem Klick von Vimeo geladen; Transkripte stehen direkt auf dieser Website.</p>"
        ),
    )
    pages = {}
    for spec in VIDEOS:
        fields = {k: v for k, v in spec.items() if k not in ("slug", "categories")}
        fields["categories"] = [categories[slug] for slug in spec["categories"]]
        pages[spec["slug"]] = upsert_child(index, VideoPage, spec["slug"], **fields)
    context["video_index"] = index
    context["video_pages"] = pages
    context["video_categories"] = categories

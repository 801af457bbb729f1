"""Two content pages built only from the governance block library, each using
every block (the Vimeo block with Vimeo's sample video, marked as demo content).

Texts follow the 2018 concept (Präambel, Säulen Wirtschaft – Wissenschaft –
Fachkräfte, target groups of the channels). Contacts and channels are chosen
from the records, never typed in.
"""

import io
import json

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from smgovernance.models import ChannelProfilePage, ContentPage
from smgovernance.rules.stages import PUBLIC_STAGES

from .utils import upsert_child


IMAGE_TITLE = "Demo: Säulen der Wirtschaftsregion"
CHANNEL_SLUGS = ["facebook", "twitter", "x", "mastodon", "vimeo"]
AMT24 = "https://amt24.sachsen.de/"
DEMO_VIDEO = "https://vimeo.com/76979871"


def demo_image():
    """A locally drawn picture of the three pillars (no download, created once)."""
    Image = get_image_model()
    existing = Image.objects.filter(title=IMAGE_TITLE).first()
    if existing is not None:
        return existing
    if Collection.get_first_root_node() is None:  # a flushed database has no root
        Collection.add_root(name="Root")
    picture = PILImage.new("RGB", (960, 480), (238, 245, 251))
    draw = ImageDraw.Draw(picture)
    for index, colour in enumerate([(0, 90, 156), (0, 122, 94), (138, 75, 0)]):
        left = 120 + index * 260
        draw.rectangle([left, 140, left + 180, 400], fill=colour)
    draw.rectangle([80, 100, 880, 140], fill=(40, 40, 40))
    draw.rectangle([80, 400, 880, 430], fill=(40, 40, 40))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = Image(title=IMAGE_TITLE)
    image.file = ImageFile(buffer, name="saeulen-wirtschaftsregion.png")
    image.save()
    return image


def demo_channels(home: Page) -> list[int]:
    """Channel pages under /kanaele/, if the channel pages exist in this build."""
    index = home.get_children().filter(slug="kanaele").first()
    if index is None:
        return []
    # Only channels citizens can follow: a planned channel is not on a platform yet.
    channels = ChannelProfilePage.objects.child_of(index).filter(
        slug__in=CHANNEL_SLUGS, stage__in=PUBLIC_STAGES
    )
    by_slug = {channel.slug: channel.pk for channel in channels}
    return [by_slug[slug] for slug in CHANNEL_SLUGS if slug in by_slug]


def block(block_type: str, value: object) -> dict:
    return {"type": block_type, "value": value}


def demo_video(title: str, transcript: str) -> dict:
    """A Vimeo block with Vimeo's sample video, marked as demo content in its title."""
    return block(
        "vimeo",
        {
            "video": DEMO_VIDEO,
            "title": f"Demo-Video: {title}",
            "poster": None,
            "transcript": "<p><b>Demo-Inhalt:</b> Hier steht beispielhaft Vimeos "
            "Beispielvideo; das echte Video des Landkreises wird hier eingetragen.</p>"
            + transcript,
            "captions_available": False,
            "caption_language": "de",
            "start_time": "",
        },
    )


def build(context: dict) -> None:
    home = context["home"]
    contacts = context["contact_points"]
    image = demo_image()
    channels = demo_channels(home)

    fachkraefte_body = [
        block(
            "text",
            "<p>Der Landkreis Mittelsachsen ist ein attraktiver Ort zum Leben und "
            "Arbeiten. Das Referat Wirtschaftsförderung und Kreisentwicklung "
            "unterstützt Unternehmen bei der Suche nach Fachkräften und Menschen, "
            "die in der Region arbeiten möchten.</p>"
            "<h2>Für wen wir informieren</h2>"
            "<ul><li>Fachkräfte und Jobsuchende</li><li>Rückkehrer und Menschen, "
            "die in der Region bleiben wollen</li><li>Unternehmen und Investoren</li>"
            "<li>Schülerinnen und Schüler auf dem Weg in die Ausbildung</li></ul>"
            "<h3>Ausbildung und Beruf</h3>"
            "<p>Wir informieren über Wirtschafts- und Ausbildungsthemen und über "
            "Mittelsachsen als Arbeits- und Lebensort.</p>",
        ),
        block(
            "image",
            {"image": image.pk, "alt_text": "", "decorative": True, "caption": ""},
        ),
        demo_video(
            "Ausbildung in Mittelsachsen",
            "<p><i>[Ein Auszubildender an einer Fräsmaschine.]</i></p>"
            "<p>Sprecher: Die Betriebe in Mittelsachsen bilden aus und übernehmen "
            "ihre Auszubildenden.</p>",
        ),
        block(
            "note",
            {
                "kind": "warning",
                "heading": "Keine persönlichen Daten über soziale Medien",
                "heading_level": "2",
                "text": "<p>Bitte senden Sie uns über soziale Medien keine "
                "Bewerbungsunterlagen oder andere persönliche Daten. Nutzen Sie "
                "dafür Telefon oder E-Mail.</p>",
            },
        ),
        block("contact", {"contact_point": contacts["wirtschaft"].pk}),
        block(
            "call_to_action",
            {
                "text": "Anträge und Verwaltungsleistungen finden Sie im Serviceportal "
                "des Freistaates Sachsen.",
                "page": None,
                "url": AMT24,
                "link_label": "Zum Serviceportal Amt24",
            },
        ),
    ]
    if channels:
        fachkraefte_body.insert(
            5,
            block(
                "channel_links",
                {"heading": "Neuigkeiten auf unseren Kanälen", "channels": channels},
            ),
        )
    fachkraefte = upsert_child(
        home,
        ContentPage,
        "fachkraefte",
        title="Fachkräfte",
        intro="Arbeiten und leben in Mittelsachsen: Informationen für Fachkräfte, "
        "Rückkehrer und Unternehmen.",
        body=json.dumps(fachkraefte_body),
        show_in_menus=True,
    )

    region_body = [
        block(
            "text",
            "<p>Zu den Aufgaben des Referates Wirtschaftsförderung und "
            "Kreisentwicklung gehört das Standortmarketing: die Kommunikation mit "
            "den Unternehmen des Landkreises, die Darstellung der Wirtschaftsregion "
            "nach innen und über die Landkreisgrenzen hinaus und die Information der "
            "Öffentlichkeit.</p>"
            "<h2>Die drei Säulen der Wirtschaftsregion</h2>"
            "<ol><li><b>Wirtschaft</b>: Unternehmen, Investoren und "
            "Existenzgründungen</li><li><b>Wissenschaft</b>: Hochschulen und "
            "Forschung in der Region</li><li><b>Fachkräfte</b>: Arbeiten, Ausbildung "
            "und Leben in Mittelsachsen</li></ol>",
        ),
        block(
            "image",
            {
                "image": image.pk,
                "alt_text": "Schaubild: drei Säulen – Wirtschaft, Wissenschaft und "
                "Fachkräfte – tragen gemeinsam die Wirtschaftsregion.",
                "decorative": False,
                "caption": "Die Säulen Wirtschaft – Wissenschaft – Fachkräfte",
            },
        ),
        block(
            "note",
            {
                "kind": "info",
                "heading": "Soziale Medien ergänzen diese Website",
                "heading_level": "2",
                "text": "<p>Die Nutzung sozialer Medien dient ausschließlich der "
                "Information der Öffentlichkeit. Verwaltungsleistungen erbringen wir "
                "dort nicht; alle Informationen finden Sie auch auf dieser "
                "Website.</p>",
            },
        ),
        demo_video(
            "Die Wirtschaftsregion stellt sich vor",
            "<p><i>[Luftaufnahme über Freiberg.]</i></p>"
            "<p>Sprecherin: Wirtschaft, Wissenschaft und Fachkräfte – das sind die "
            "Säulen der Wirtschaftsregion Mittelsachsen.</p>",
        ),
        block(
            "text",
            "<h2>Ihr Kontakt</h2><p>Fragen zum Standort beantwortet das Referat "
            "Wirtschaftsförderung und Kreisentwicklung.</p>",
        ),
        block("contact", {"contact_point": contacts["wirtschaft"].pk}),
        block(
            "call_to_action",
            {
                "text": "Was die Region Fachkräften und Unternehmen bietet.",
                "page": fachkraefte.pk,
                "url": "",
                "link_label": "Mehr über Fachkräfte in Mittelsachsen",
            },
        ),
    ]
    if channels:
        region_body.insert(
            6,
            block(
                "channel_links",
                {
                    "heading": "Die Wirtschaftsregion in sozialen Medien",
                    "channels": channels,
                },
            ),
        )
    region = upsert_child(
        home,
        ContentPage,
        "wirtschaftsregion",
        # Not the site's name: the header's home link already reads so.
        title="Über die Wirtschaftsregion",
        intro="Wirtschaft – Wissenschaft – Fachkräfte: die Säulen der "
        "Wirtschaftsregion Mittelsachsen.",
        body=json.dumps(region_body),
        show_in_menus=True,
    )
    context["content_pages"] = {"fachkraefte": fachkraefte, "wirtschaftsregion": region}

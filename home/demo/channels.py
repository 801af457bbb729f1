"""The channel index, the three channels of the 2018 concept (section 5) and a planned
Mastodon channel (the concept's privacy-friendly option to evaluate, O-14).

The channels live in `mittelsachsen.yaml`, with their whole concept, gate and history.
Facts are the concept's; those obligations.md §H marks outdated are updated: Twitter
is now X (x.com), Facebook is run by Meta. Facebook and Vimeo are active: their gate
(O-17) needs the alternative-contact page /kontakt/, so this step runs after the legal
pages (STEPS in __init__.py).
"""

from smgovernance.models import ChannelIndexPage, ChannelProfilePage

from .records import import_sections
from .utils import upsert_child


def build(context: dict) -> None:
    index = upsert_child(
        context["home"],
        ChannelIndexPage,
        "kanaele",
        title="Unsere Kanäle in sozialen Medien",
        intro=(
            "Hier finden Sie alle Kanäle der Wirtschaftsregion Mittelsachsen in sozialen "
            "Medien. Sie sehen, wozu wir sie nutzen und wer sie betreut. Und Sie sehen, "
            "wie Sie uns auch ohne soziale Medien erreichen."
        ),
        organisation_name="Landkreis Mittelsachsen",
        organisation_genitive="des Landkreises Mittelsachsen",
        show_in_menus=True,
    )
    import_sections("channels")
    context["channel_index"] = index
    context["channels"] = {
        channel.slug: channel
        for channel in ChannelProfilePage.objects.child_of(index).order_by("path")
    }

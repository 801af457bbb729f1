"""Helpers for the content page tests: channel pages and admin form data."""

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from smgovernance.models import (
    ChannelIndexPage,
    ChannelProfilePage,
    ChannelStage,
    ContactPoint,
    Platform,
)
from tests.channel_helpers import GATE_FIELDS, make_channel, make_page, make_records


def make_channels(home: Page) -> dict[str, ChannelProfilePage]:
    """An active and a closed test channel under /kanaele/ (created once per test).

    Their slugs differ from the demo's channels, so the demo may keep its own
    facebook and twitter pages; the keys stay "facebook" and "twitter".
    """
    index = home.get_children().filter(slug="kanaele").first()
    if index is None:
        index = ChannelIndexPage(title="Kanäle", slug="kanaele")
        home.add_child(instance=index)
        index.save_revision().publish()
    index = index.specific
    context = {
        "platforms": {platform.slug: platform for platform in Platform.objects.all()},
        "contact_points": {
            "wirtschaft": ContactPoint.objects.filter(name__icontains="Wirtschaft")
            .order_by("pk")
            .first()
        },
    }
    if not context["platforms"] or context["contact_points"]["wirtschaft"] is None:
        context = make_records()
    contact = home.get_children().filter(slug="kontakt").first() or make_page("kontakt")
    channels = {}
    for key, platform, url, fields in [
        (
            "facebook",
            "facebook",
            "https://www.facebook.com/wirtschaftsregion",
            {
                "stage": ChannelStage.ACTIVE,
                "alternative_contact_page": contact,
                **GATE_FIELDS,
            },
        ),
        (
            "twitter",
            "x",
            "https://x.com/wirtschaft_ms",
            {"stage": ChannelStage.CLOSED},
        ),
    ]:
        slug = f"test-{key}"
        existing = ChannelProfilePage.objects.child_of(index).filter(slug=slug).first()
        if existing is None:
            existing = make_channel(
                index,
                context,
                slug,
                title=f"Wirtschaftsregion auf {key.title()}",
                platform=context["platforms"][platform],
                profile_url=url,
                **fields,
            )
            existing.save_revision().publish()
        channels[key] = existing
    return channels


def page_form(title: str, slug: str, blocks: list, **extra: object) -> dict:
    """POST data for the ContentPage add/edit form, publishing the page."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": extra.pop("intro", "Einleitung."),
            "body": streamfield(blocks),
            **extra,
        }
    )


def text(html: str):
    return ("text", rich_text(html))


def list_block(values: list) -> dict:
    """Form data of a ListBlock (like streamfield() without block types)."""
    data: dict = {"count": len(values)}
    for index, value in enumerate(values):
        data[str(index)] = {"value": value, "deleted": "", "order": index, "id": ""}
    return data

"""Helpers for the content page tests: channel pages and admin form data."""

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from smgovernance.models import (
    ChannelIndexPage,
    ChannelProfilePage,
    ChannelStage,
    Platform,
)


def make_channels(home: Page) -> dict[str, ChannelProfilePage]:
    """An active and a closed channel under /kanaele/ (created once per test)."""
    index = home.get_children().filter(slug="kanaele").first()
    if index is None:
        index = ChannelIndexPage(title="Kanäle", slug="kanaele")
        home.add_child(instance=index)
        index.save_revision().publish()
    index = index.specific
    channels = {}
    for slug, platform, url, stage in [
        (
            "facebook",
            "facebook",
            "https://www.facebook.com/wirtschaftsregion",
            ChannelStage.ACTIVE,
        ),
        ("twitter", "x", "https://x.com/wirtschaft_ms", ChannelStage.CLOSED),
    ]:
        existing = ChannelProfilePage.objects.child_of(index).filter(slug=slug).first()
        if existing is None:
            existing = ChannelProfilePage(
                title=f"Wirtschaftsregion auf {slug.title()}",
                slug=slug,
                platform=Platform.objects.get(slug=platform),
                profile_url=url,
                stage=stage,
            )
            index.add_child(instance=existing)
            existing.save_revision().publish()
        channels[slug] = existing
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

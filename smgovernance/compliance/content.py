"""Checks of a page's StreamField content that editors see while writing (C027).

Plain functions over a page (saved or an unsaved preview): no request, no admin.
The page editor shows the findings (see `smgovernance.editor`); check C027 runs
the same functions over all live content pages.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from ..blocks import AccessibleImageBlock
from ..bodies import site_of_page
from ..models import ChannelProfilePage, ContactPoint, ContentPage, ResponsiblePerson
from ..rules.phone import phone_digits
from ..rules.stages import ChannelStage
from ..rules.text import EMAIL_PATTERN, PHONE_PATTERN, VIMEO_PATTERN
from .helpers import page_edit_url, pages
from .registry import Problem, Severity, memo, register_check


CLOSED_CHANNEL = "smg-closed-channel"
UNKNOWN_PHONE = "smg-unknown-phone"
UNKNOWN_EMAIL = "smg-unknown-email"
VIMEO_IN_TEXT = "smg-vimeo-in-text"
IMAGE_WITHOUT_ALT = "smg-image-without-alt"

# Title and how to fix, per check: shown in the editor's checks panel.
CHECKS: dict[str, dict] = {
    CLOSED_CHANNEL: {
        "title": _("Link to a closed channel"),
        "help": _("Remove the channel or link its successor instead."),
    },
    UNKNOWN_PHONE: {
        "title": _("Phone number not in the contact records"),
        "help": _(
            "Use a contact block, or correct the number to match a contact point "
            "or responsible person."
        ),
    },
    UNKNOWN_EMAIL: {
        "title": _("E-mail address not in the contact records"),
        "help": _(
            "Use a contact block, or correct the address to match a contact point "
            "or responsible person."
        ),
    },
    VIMEO_IN_TEXT: {
        "title": _("Vimeo address in rich text"),
        "help": _(
            "Remove it from the text and use the Vimeo video block, which loads "
            "the video only after consent."
        ),
    },
    IMAGE_WITHOUT_ALT: {
        "title": _("Image without alternative text"),
        "help": _("Add an alternative text or mark the image as decorative."),
    },
}

TAG_PATTERN = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class ContentFinding:
    """One problem in a page's content; `message` is German and says what to fix."""

    check_id: str
    severity: str  # "error" | "warning" | "info"
    message: str
    page: Page | None = field(default=None, compare=False)
    block_id: str | None = None

    @property
    def title(self) -> str:
        return str(CHECKS[self.check_id]["title"])

    @property
    def help(self) -> str:
        return str(CHECKS[self.check_id]["help"])


def known_contacts(site: Site | None = None) -> tuple[set[str], set[str]]:
    """Phone numbers (as digits) and e-mail addresses (lower case) of the site's
    contact points and responsible persons (None: of all sites)."""
    phones: set[str] = set()
    emails: set[str] = set()
    rows = (
        ContactPoint.objects.for_site(site)
        .order_by()
        .values_list("phone", "email")
        .union(
            ResponsiblePerson.objects.for_site(site)
            .order_by()
            .values_list("phone", "email")
        )
    )
    for phone, email in rows:  # one query for both tables
        phones.add(phone_digits(phone))
        emails.add(email.strip().lower())
    return phones, emails


def iter_blocks(
    value: object, block: blocks.Block
) -> Iterator[tuple[blocks.Block, object, str | None]]:
    """Every (block, value, top-level block id) inside a StreamField value, depth first."""

    def walk(block, value, block_id):
        yield block, value, block_id
        if isinstance(block, blocks.StreamBlock):
            for child in value:
                yield from walk(child.block, child.value, block_id or child.id)
        elif isinstance(block, blocks.StructBlock):
            for name, child_block in block.child_blocks.items():
                yield from walk(child_block, value.get(name), block_id)
        elif isinstance(block, blocks.ListBlock):
            for child in value:
                yield from walk(block.child_block, child, block_id)

    yield from walk(block, value, None)


def stream_values(page: Page) -> Iterator[tuple[blocks.Block, StreamValue]]:
    for model_field in page._meta.get_fields():
        if isinstance(model_field, StreamField):
            value = getattr(page, model_field.name)
            if value is not None:
                yield model_field.stream_block, value


def is_closed_channel(page: object) -> bool:
    if isinstance(page, Page) and not isinstance(page, ChannelProfilePage):
        if page.specific_class is not ChannelProfilePage:
            return False
        page = page.specific
    return isinstance(page, ChannelProfilePage) and page.stage == ChannelStage.CLOSED


def rich_text_findings(
    source: str,
    phones: set[str],
    emails: set[str],
    page: Page | None,
    block_id: str | None,
) -> list[ContentFinding]:
    findings: list[ContentFinding] = []
    text = TAG_PATTERN.sub(" ", source)
    for match in VIMEO_PATTERN.finditer(source):
        findings.append(
            ContentFinding(
                VIMEO_IN_TEXT,
                "error",
                gettext(
                    "The text contains the Vimeo address “%(url)s”. Use the Vimeo video block instead."
                )
                % {"url": match.group(0)},
                page,
                block_id,
            )
        )
    for match in PHONE_PATTERN.finditer(text):
        number = match.group(0).strip()
        if len(phone_digits(number)) >= 6 and phone_digits(number) not in phones:
            findings.append(
                ContentFinding(
                    UNKNOWN_PHONE,
                    "warning",
                    gettext(
                        "The phone number “%(phone)s” matches no contact point or "
                        "responsible person."
                    )
                    % {"phone": number},
                    page,
                    block_id,
                )
            )
    for address in sorted(set(EMAIL_PATTERN.findall(text))):
        if address.lower() not in emails:
            findings.append(
                ContentFinding(
                    UNKNOWN_EMAIL,
                    "warning",
                    gettext(
                        "The e-mail address “%(email)s” matches no contact point or "
                        "responsible person."
                    )
                    % {"email": address},
                    page,
                    block_id,
                )
            )
    page_ids = [
        int(pk) for pk in re.findall(r'linktype="page"[^>]*\bid="(\d+)"', source)
    ]
    page_ids += [
        int(pk) for pk in re.findall(r'\bid="(\d+)"[^>]*linktype="page"', source)
    ]
    if page_ids:
        for channel in ChannelProfilePage.objects.filter(pk__in=page_ids):
            if is_closed_channel(channel):
                findings.append(closed_channel_finding(channel, page, block_id))
    return findings


def closed_channel_finding(
    channel: Page, page: Page | None, block_id: str | None
) -> ContentFinding:
    return ContentFinding(
        CLOSED_CHANNEL,
        "warning",
        gettext("The channel “%(channel)s” is closed.") % {"channel": channel.title},
        page,
        block_id,
    )


def image_lacks_alt(value: object) -> bool:
    return bool(
        value is not None
        and value.get("image")
        and not value.get("decorative")
        and not (value.get("alt_text") or "").strip()
    )


def page_contacts(page: Page) -> tuple[set[str], set[str]]:
    """The contacts of the body whose tree holds the page (all, for a new page)."""
    return known_contacts(site_of_page(page) if page.path else None)


def check_page(
    page: Page,
    load_contacts: Callable[[], tuple[set[str], set[str]]] | None = None,
) -> list[ContentFinding]:
    """All content findings of one page (its StreamFields, including unsaved edits).

    The phone numbers and addresses are checked against the contacts of the
    page's site; `load_contacts` lets a run over many pages load them once.
    """
    if load_contacts is None:
        load_contacts = partial(page_contacts, page)
    findings: list[ContentFinding] = []
    contacts: tuple[set[str], set[str]] | None = None
    for stream_block, stream_value in stream_values(page):
        for block, value, block_id in iter_blocks(stream_value, stream_block):
            if isinstance(block, blocks.RichTextBlock) and value is not None:
                if contacts is None:
                    contacts = load_contacts()
                findings += rich_text_findings(
                    value.source or "", *contacts, page, block_id
                )
            elif isinstance(block, blocks.PageChooserBlock) and is_closed_channel(
                value
            ):
                findings.append(closed_channel_finding(value, page, block_id))
            elif isinstance(block, AccessibleImageBlock) and image_lacks_alt(value):
                findings.append(
                    ContentFinding(
                        IMAGE_WITHOUT_ALT,
                        "error",
                        gettext("An image has no alternative text."),
                        page,
                        block_id,
                    )
                )
    return findings


@register_check(
    "smgovernance.C027",
    Severity.WARNING,
    _("Content pages pass the editor's content checks"),
    concerns=(ContentPage,),
)
def content_findings(site: Site | None) -> Iterator[Problem]:
    """The editor's content checks (closed channels, unknown contacts …) over live pages."""

    def contacts() -> tuple[set[str], set[str]]:
        return memo(
            ("known_contacts", site.pk if site else None),
            partial(known_contacts, site),
        )

    for page in pages(ContentPage, site).live().order_by("path"):
        for finding in check_page(page, load_contacts=contacts):
            yield Problem(
                gettext("Page “%(page)s”: %(message)s")
                % {"page": page.title, "message": finding.message},
                page,
                page_edit_url(page),
            )

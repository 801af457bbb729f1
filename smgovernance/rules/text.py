"""Rich-text feature sets and text patterns, each defined once."""

import re


# Short prose fields of records (channel purpose, notes on a contact).
PLAIN_FEATURES = ["bold", "italic", "link", "ul"]
# Prose with lists (accessibility statement, netiquette, notes).
LIST_FEATURES = ["bold", "italic", "ol", "ul", "link"]
# Legal pages: a sub-heading level below the page's sections.
LEGAL_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]
# Transcripts and free content inside a page section.
SECTION_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]
# Content pages: the full outline below the page title.
CONTENT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link"]

# A Vimeo address or embed code pasted where only text belongs.
VIMEO_PATTERN = re.compile(r"(?:https?://)?(?:[\w-]+\.)?vimeo\.com[^\s\"'<]*", re.I)
IFRAME_PATTERN = re.compile(r"<iframe", re.I)
PHONE_PATTERN = re.compile(r"(?<![\w.])(?:\+|0)[\d()/\- \u00a0]{5,}\d")
EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def mentions_vimeo(source: str) -> bool:
    """Whether text holds a Vimeo address or embed code (it belongs in a Vimeo block)."""
    return bool(
        VIMEO_PATTERN.search(source or "") or IFRAME_PATTERN.search(source or "")
    )


# Inline emphasis and links only (short rich-text parts of blocks and intros).
INLINE_FEATURES = ["bold", "italic", "link"]

"""Accessibility rules for media (Directive (EU) 2016/2102)."""

import datetime


# Prerecorded media published before this day are exempt from the accessibility
# requirements (Art. 1(4)(a)); later ones need a transcript.
TRANSCRIPT_REQUIRED_FROM = datetime.date(2020, 9, 23)


def transcript_required(published_on: datetime.date | None) -> bool:
    """Whether a video published on that day needs a transcript."""
    return bool(published_on and published_on >= TRANSCRIPT_REQUIRED_FROM)

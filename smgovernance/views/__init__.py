"""Public views of the extension, one module per family; `urls.py` routes to them.

- `oembed.py`: the oEmbed provider for our video pages (`/oembed/`)
- `consent.py`: the visitor's consents, revocable without JavaScript (`/einwilligungen/`)
- `register.py`: the official-channel register (`<channel index>/verzeichnis.json`, `.csv`)
- `bluesky.py`: the DID of a Bluesky channel on our domain (`/.well-known/atproto-did`)

The frameable embed view is a route of the video page itself; its response is
built in `smgovernance/embedding.py`.
"""

from .bluesky import atproto_did
from .consent import consent_page
from .oembed import find_video_page, oembed_endpoint
from .register import register_file


__all__ = [
    "atproto_did",
    "consent_page",
    "find_video_page",
    "oembed_endpoint",
    "register_file",
]

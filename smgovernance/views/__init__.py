"""Public views of the extension, one module per family; `urls.py` routes to them.

- `oembed.py`: the oEmbed provider for our video pages (`/oembed/`)
- `consent.py`: the visitor's consents, revocable without JavaScript (`/einwilligungen/`)

The frameable embed view is a route of the video page itself; its response is
built in `smgovernance/embedding.py`.
"""

from .consent import consent_page
from .oembed import find_video_page, oembed_endpoint


__all__ = ["consent_page", "find_video_page", "oembed_endpoint"]

"""Forms of the extension: the public feedback form and the page editors' base forms.

One module per form family. Forms never import models: where one needs a model
it asks `django.apps.apps` for it by label when it runs.
"""

from .channel_profile import ChannelProfilePageForm
from .feedback import FeedbackForm
from .imprint import ImprintPageForm
from .site_scoped import SitePageForm, SiteScopedForm, limit_choices_to_sites
from .video import VideoPageForm, is_blank_html


__all__ = [
    "ChannelProfilePageForm",
    "FeedbackForm",
    "ImprintPageForm",
    "SitePageForm",
    "SiteScopedForm",
    "VideoPageForm",
    "is_blank_html",
    "limit_choices_to_sites",
]

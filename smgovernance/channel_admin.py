"""Editor feedback for channel pages, registered as Wagtail hooks in wagtail_hooks.py."""

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import ChannelProfilePage
from .models.platforms import profile_url_host


def warn_outdated_profile_host(request: HttpRequest, page: Page) -> None:
    """After saving: tell the editor when the profile URL uses a replaced host.

    The address is accepted (the old host still redirects), but it should be
    updated, e.g. twitter.com to x.com.
    """
    page = page.specific
    if isinstance(page, ChannelProfilePage) and page.uses_outdated_host():
        messages.warning(
            request,
            _(
                "The profile address of “%(title)s” uses the outdated host %(host)s. "
                "Please change it to the current address (%(hosts)s)."
            )
            % {
                "title": page.title,
                "host": profile_url_host(page.profile_url),
                "hosts": ", ".join(page.platform.host_list),
            },
        )

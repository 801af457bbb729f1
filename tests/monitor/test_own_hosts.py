"""With several bodies, a channel's profile must link to its own body's site."""

import pytest
from wagtail.models import Page, Site

from smgovernance.tasks import target_for
from tests import factories as h


pytestmark = pytest.mark.django_db


def test_a_link_to_another_bodys_site_is_not_ours():
    site_b = h.other_site("landkreis.example")
    Site.objects.create(hostname="www.landkreis.example", root_page=site_b.root_page)
    channel_a = h.channel("facebook")
    channel_b = h.channel("twitter")
    channel_b.move(site_b.root_page, "last-child")
    channel_b = Page.objects.get(pk=channel_b.pk).specific
    default = Site.objects.get(is_default_site=True)
    assert target_for(channel_a).own_hosts == (default.hostname,)
    assert set(target_for(channel_b).own_hosts) == {
        "landkreis.example",
        "www.landkreis.example",
    }

"""The demo's content pages: every block, the demo's channels, no findings."""

import pytest
from bs4 import BeautifulSoup

from smgovernance import blocks as smg_blocks
from smgovernance.compliance import content as content_checks
from smgovernance.models import ContentPage


pytestmark = pytest.mark.django_db


def test_demo_content_pages_have_no_findings(demo):
    for page in ContentPage.objects.all():
        assert content_checks.check_page(page) == [], page


def test_demo_content_pages_use_every_block_with_the_demo_channels(client, demo):
    for slug in ("wirtschaftsregion", "fachkraefte"):
        page = ContentPage.objects.get(slug=slug)
        assert {b.block_type for b in page.body} == {
            name for name, _b in smg_blocks.GOVERNANCE_BLOCKS
        }, slug
        video = next(b.value for b in page.body if b.block_type == "vimeo")
        assert video["title"].startswith("Demo-Video")
        assert video.canonical_url == "https://vimeo.com/76979871"
        links = next(b.value for b in page.body if b.block_type == "channel_links")
        assert [c.slug for c in links["channels"]] == ["facebook", "twitter", "vimeo"]
        document = BeautifulSoup(client.get(page.url).content, "html.parser")
        assert document.select_one("[data-vimeo-consent] button[data-vimeo-load]")
        assert document.find("iframe") is None
        assert document.find("script", src=lambda s: s and "vimeo-consent" in s)
        dormant = document.select_one(".smg-channels__item--dormant")
        assert "Notfällen" in dormant.get_text()
        assert dormant.find("a", href="https://x.com/mswirtschaft")

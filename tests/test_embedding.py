"""SMGOVERNANCE_EMBED_ORIGINS: the system check and the embed view agree on every entry.

Both use `smgovernance.embedding.is_origin`. Before, the check had its own rule:
user info and bad ports passed it and were then dropped from the header at runtime.
"""

import pytest
from django.core import checks
from wagtail.models import Site

from smgovernance.embedding import embed_origins, is_origin
from smgovernance.models import VideoIndexPage, VideoPage


GOOD_ORIGINS = [
    "https://www.example.org",
    "https://example.org/",
    "HTTPS://Example.ORG",
    "http://localhost:8000",
    "http://127.0.0.1:8080",
    "https://*.example.org",
    "https://xn--mnchen-3ya.de",
]
BAD_ORIGINS = [
    "https://user@example.org",  # user info
    "https://user:secret@example.org",
    "https://@example.org",
    "https://example.org:99999",  # port out of range
    "https://example.org:http",  # port not a number
    "https://example.org:",  # empty port
    "https://example.org/path",  # path
    "https://example.org//",
    "https://example.org?x=1",  # query
    "https://example.org/?",
    "https://example.org#top",  # fragment
    " https://example.org",  # whitespace
    "https://example.org\n",
    "https://exa\tmple.org",
    "https://example.org; script-src *",  # ";" would add a directive
    "https://example.org;",
    "https://a.example,https://b.example",
    "https://'self'",
    "example.org",  # no scheme
    "ftp://example.org",
    "https://",
    "https://münchen.de",  # must be written as xn--mnchen-3ya.de
    "https://[::1]:8443",  # a CSP source cannot name an IPv6 address
    "https://exa_mple.org",
    "",
    None,
    8080,
]


def embed_check_errors() -> list[str]:
    """The ids of the extension's messages from Django's real check registry."""
    return [
        message.id
        for message in checks.run_checks(tags=[checks.Tags.security])
        if message.id.startswith("smgovernance.")
    ]


@pytest.fixture
def video_page(db) -> VideoPage:
    root = Site.objects.get(is_default_site=True).root_page
    index = VideoIndexPage(title="Videos", slug="videos-test")
    root.add_child(instance=index)
    index.save_revision().publish()
    page = VideoPage(
        title="Film", slug="film", video_url="vimeo.com/76979871", transcript="<p>T</p>"
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def frame_ancestors(client, page: VideoPage) -> list[str]:
    """The frame-ancestors sources the embed view actually sends."""
    response = client.get(page.url + "embed/")
    assert response.status_code == 200
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        if name == "frame-ancestors":
            return sources
    raise AssertionError("no frame-ancestors directive")


@pytest.mark.parametrize("origin", BAD_ORIGINS, ids=repr)
def test_a_bad_origin_is_reported_by_the_check_and_dropped_at_runtime(
    origin, settings, client, video_page
):
    settings.SMGOVERNANCE_EMBED_ORIGINS = [origin]
    assert embed_check_errors() == ["smgovernance.E002"]
    assert not is_origin(origin)
    assert embed_origins() == []
    assert frame_ancestors(client, video_page) == ["'self'"]


@pytest.mark.parametrize("origin", GOOD_ORIGINS)
def test_a_good_origin_passes_the_check_and_may_frame_the_embed_view(
    origin, settings, client, video_page
):
    settings.SMGOVERNANCE_EMBED_ORIGINS = [origin, "https://user@example.org"]
    assert embed_check_errors() == ["smgovernance.E002"]  # only the second entry
    settings.SMGOVERNANCE_EMBED_ORIGINS = [origin]
    assert embed_check_errors() == []
    assert embed_origins() == [origin.rstrip("/")]
    assert frame_ancestors(client, video_page) == ["'self'", origin.rstrip("/")]


def test_a_string_instead_of_a_list_is_an_error(settings):
    settings.SMGOVERNANCE_EMBED_ORIGINS = "https://www.example.org"
    assert embed_check_errors() == ["smgovernance.E001"]


def test_no_origins_means_only_the_site_itself_may_frame(settings, client, video_page):
    settings.SMGOVERNANCE_EMBED_ORIGINS = []
    assert embed_check_errors() == []
    assert frame_ancestors(client, video_page) == ["'self'"]

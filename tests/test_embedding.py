"""Embed origins: the system check, the site setting and the embed view agree on every
entry, and a site's own list replaces SMGOVERNANCE_EMBED_ORIGINS for that site.

Both use `smgovernance.embedding.is_origin`. Before, the check had its own rule:
user info and bad ports passed it and were then dropped from the header at runtime.
"""

import pytest
from django.contrib.auth.models import Permission
from django.core import checks
from wagtail.models import Page, Site

from smgovernance.embedding import embed_origins, is_origin
from smgovernance.models import EmbedSettings, VideoIndexPage, VideoPage


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
    """The ids of the extension's errors from Django's real check registry (an
    http: origin is a valid origin; in production it is warned about, W011)."""
    return [
        message.id
        for message in checks.run_checks(tags=[checks.Tags.security])
        if message.id.startswith("smgovernance.E")
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


# -- per site: the EmbedSettings site setting ---------------------------------------

PARTNER = "https://partner.example"
GLOBAL = "https://global.example"


@pytest.fixture
def second_site_video(db) -> VideoPage:
    """A video page on a second site (body), served at b.example."""
    root = Page.get_first_root_node()
    home = Page(title="Zweite Behörde", slug="zweite-behoerde")
    root.add_child(instance=home)
    Site.objects.create(hostname="b.example", port=80, root_page=home)
    index = VideoIndexPage(title="Videos", slug="videos")
    home.add_child(instance=index)
    index.save_revision().publish()
    page = VideoPage(
        title="Film B",
        slug="film-b",
        video_url="vimeo.com/76979871",
        transcript="<p>T</p>",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def ancestors_at(client, url: str, host: str) -> list[str]:
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, (url, host)
    policy = response["Content-Security-Policy"]
    return next(
        directive.split()[1:]
        for directive in policy.split(";")
        if directive.split()[:1] == ["frame-ancestors"]
    )


def settings_url(site: Site) -> str:
    return f"/admin/settings/smgovernance/embedsettings/{site.pk}/"


def test_a_sites_own_origins_replace_the_setting_only_for_that_site(
    settings, client, video_page, second_site_video
):
    settings.SMGOVERNANCE_EMBED_ORIGINS = [GLOBAL]
    default = Site.objects.get(is_default_site=True)
    EmbedSettings.objects.create(
        site=default, embed_origins=f"{PARTNER}/\n\n  https://second.example:8443 \n"
    )
    assert ancestors_at(client, video_page.url + "embed/", "localhost") == [
        "'self'",
        PARTNER,
        "https://second.example:8443",
    ]
    # The other site has no list of its own: the installation's setting applies.
    assert ancestors_at(client, "/videos/film-b/embed/", "b.example") == [
        "'self'",
        GLOBAL,
    ]
    assert embed_origins() == [GLOBAL]  # the system checks read the setting
    # An empty list is no list: the setting applies again.
    EmbedSettings.objects.filter(site=default).update(embed_origins=" \n")
    assert embed_origins(default) == [GLOBAL]


def test_the_setting_form_refuses_a_line_that_is_no_origin(
    admin_client, client, video_page
):
    default = Site.objects.get(is_default_site=True)
    response = admin_client.post(
        settings_url(default),
        {"embed_origins": f"{PARTNER}\nhttps://user@evil.example"},
    )
    assert response.status_code == 200  # the form again, with the error
    form = response.context["form"]
    assert list(form.errors) == ["embed_origins"]
    assert "https://user@evil.example" in form.errors["embed_origins"][0]
    assert PARTNER not in form.errors["embed_origins"][0]
    assert not EmbedSettings.objects.filter(embed_origins__contains="evil").exists()
    assert ancestors_at(client, video_page.url + "embed/", "localhost") == ["'self'"]


def test_saving_the_setting_purges_the_cached_embed_view(
    settings, admin_client, client, video_page
):
    settings.SMGOVERNANCE_EMBED_ORIGINS = []
    url = video_page.url + "embed/"
    assert client.get(url)["X-Cache"] == "MISS"
    assert client.get(url)["X-Cache"] == "HIT"
    default = Site.objects.get(is_default_site=True)
    response = admin_client.post(settings_url(default), {"embed_origins": PARTNER})
    assert response.status_code == 302
    assert ancestors_at(client, url, "localhost") == ["'self'", PARTNER]


def test_only_users_with_the_change_permission_edit_the_setting(
    client, django_user_model, video_page
):
    user = django_user_model.objects.create_user("redakteur", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    default = Site.objects.get(is_default_site=True)
    response = client.post(settings_url(default), {"embed_origins": PARTNER})
    assert response.status_code in (302, 403)
    assert not EmbedSettings.objects.filter(embed_origins=PARTNER).exists()
    user.user_permissions.add(Permission.objects.get(codename="change_embedsettings"))
    user = django_user_model.objects.get(pk=user.pk)  # fresh permission cache
    client.force_login(user)
    assert (
        client.post(settings_url(default), {"embed_origins": PARTNER}).status_code
        == 302
    )
    assert EmbedSettings.objects.get(site=default).embed_origins == PARTNER

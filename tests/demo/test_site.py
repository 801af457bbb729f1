"""The demo site, settings and layout every other feature builds on."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page

from config.settings.base import env_list
from tests.factories import footer_links, soup


ROOT = Path(__file__).resolve().parents[2]


def run_python(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean_env.update(env or {})
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_home_page_is_german_and_accessible_markup(client, demo):
    document = soup(client.get("/"))
    assert document.html["lang"] == "de"
    skip = document.find("a", class_="skip-link")
    assert skip["href"] == "#inhalt"
    assert document.find(id="inhalt").name == "main"
    assert document.find("header") and document.find("footer")
    assert document.find("h1").get_text(strip=True) == "Wirtschaftsregion Mittelsachsen"
    assert "Standortmarketing" in document.get_text()


def test_home_page_loads_nothing_from_third_parties(client, demo):
    document = soup(client.get("/"))
    for tag, attribute in (
        ("script", "src"),
        ("link", "href"),
        ("img", "src"),
        ("iframe", "src"),
    ):
        for element in document.find_all(tag):
            url = element.get(attribute, "")
            assert not url.startswith(("http:", "https:", "//")), url


def test_footer_links_resolve_and_missing_pages_are_left_out(client, demo):
    document = soup(client.get("/"))
    for href in footer_links(document).values():
        assert client.get(href).status_code == 200, href
    # Removing a legal page takes its link out instead of leaving it broken.
    for page in Page.objects.live().filter(depth__gt=2):
        page.unpublish()
    # Only the consent link stays: it is a view of the package, never a missing page.
    assert footer_links(soup(client.get("/"))) == {
        "Einwilligungen verwalten": "/einwilligungen/"
    }


def test_unknown_url_gives_german_404(client, demo):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_public_pages_carry_a_strict_content_security_policy(client, demo):
    policy = client.get("/")["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "script-src 'self'" in policy


def test_admin_login_works_and_is_german(client, admin_user):
    login_page = client.get("/admin/login/")
    assert login_page.status_code == 200
    assert 'lang="de"' in login_page.content.decode()
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "password"}, follow=True
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Abmelden" in body or "Konto" in body
    assert response.wsgi_request.user.is_authenticated


def test_load_demo_twice_gives_the_same_tree(db):
    call_command("load_demo", stdout=io.StringIO())
    first = list(
        Page.objects.order_by("path").values_list(
            "path", "slug", "title", "content_type"
        )
    )
    call_command("load_demo", stdout=io.StringIO())
    second = list(
        Page.objects.order_by("path").values_list(
            "path", "slug", "title", "content_type"
        )
    )
    assert first == second
    assert tuple(Page.objects.filter(depth=2).values_list("slug", flat=True)) == (
        "home",
    )


def test_embed_origins_come_from_a_comma_separated_variable(monkeypatch):
    monkeypatch.setenv(
        "SMGOVERNANCE_EMBED_ORIGINS", " https://a.example, ,https://b.example "
    )
    assert env_list("SMGOVERNANCE_EMBED_ORIGINS") == [
        "https://a.example",
        "https://b.example",
    ]


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_variables(missing):
    env = {"DJANGO_SECRET_KEY": "x" * 60, "DJANGO_ALLOWED_HOSTS": "example.org"}
    del env[missing]
    result = run_python("-c", "import config.settings.production", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_settings_pass_the_deploy_check():
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "k" * 30 + "-production-" + "z" * 30,
        "DJANGO_ALLOWED_HOSTS": "www.example.org",
    }
    result = run_python(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_main_navigation_leads_to_the_channels_and_the_concept(client, demo):
    navigation = soup(client.get("/")).find(
        "nav", attrs={"aria-label": "Hauptnavigation"}
    )
    hrefs = {a["href"] for a in navigation.find_all("a")}
    assert {"/kanaele/", "/nutzungskonzept/", "/videos/"} <= hrefs
    for href in hrefs:
        assert client.get(href).status_code == 200

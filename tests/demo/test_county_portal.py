"""The county portal: the demo's second site, served by the same runserver at
landkreis.localhost, with its own pages, records, channels and register."""

import io
import json

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage
from smgovernance.models import (
    ArchiveRecord,
    ChannelProfilePage,
    ContactPoint,
    ImprintPage,
    Platform,
    ResponsiblePerson,
    ThirdPartyProvider,
)
from tests.factories import main_text, soup


COUNTY = "landkreis.localhost:8000"
VIMEO = "https://vimeo.com/user16758230"
FACEBOOK = "https://www.facebook.com/wirtschaft.in.mittelsachsen"
X = "https://x.com/mswirtschaft"


@pytest.fixture
def county_demo(db, settings, monkeypatch):
    """Both demo sites, as `make demo` builds them (runserver on port 8000)."""
    for name in ("DEMO_URL", "HOST", "PORT"):
        monkeypatch.delenv(name, raising=False)
    settings.DEMO_COUNTY_PORTAL = True
    call_command("load_demo", stdout=io.StringIO())
    return Site.objects.get(hostname="landkreis.localhost")


def host_of(site: Site) -> str:
    return f"{site.hostname}:{site.port}"


def get(client, host: str, url: str):
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, (host, url, response.status_code)
    return response


def register(client, host: str) -> dict:
    return json.loads(get(client, host, "/kanaele/verzeichnis.json").content)


def test_both_sites_serve_their_own_pages_and_registers(client, county_demo):
    region = Site.objects.get(is_default_site=True)
    assert (region.hostname, region.port) == ("127.0.0.1", 8000)
    assert host_of(county_demo) == COUNTY
    assert county_demo.site_name == "Landkreis Mittelsachsen"
    assert isinstance(county_demo.root_page.specific, HomePage)
    # Wagtail matches the Site by host and port, as the browser sends them.
    assert (
        Site.find_for_request(client.get("/", HTTP_HOST=COUNTY).wsgi_request)
        == county_demo
    )

    for host, title in (
        ("127.0.0.1:8000", "Wirtschaftsregion Mittelsachsen"),
        (COUNTY, "Landkreis Mittelsachsen"),
    ):
        home = soup(get(client, host, "/"))
        assert home.find("h1").get_text(strip=True) == title, host
        for url in ("/impressum/", "/kanaele/", "/kontakt/", "/datenschutz/"):
            get(client, host, url)

    region_register = register(client, "127.0.0.1:8000")
    county_register = register(client, COUNTY)
    assert {c["profile_url"] for c in region_register["channels"]} == {
        FACEBOOK,
        X,
        VIMEO,
    }
    assert {c["profile_url"] for c in county_register["channels"]} == {FACEBOOK, X}
    assert county_register["publisher"]["url"] == f"http://{COUNTY}/"
    for channel in county_register["channels"]:
        assert channel["page_url"].startswith(f"http://{COUNTY}/kanaele/")
        assert channel["imprint_url"].startswith(f"http://{COUNTY}/impressum/#kanal-")
    # The portal's pages are copies with identifiers of their own.
    region_ids = {c["id"] for c in region_register["channels"]}
    assert region_ids.isdisjoint(c["id"] for c in county_register["channels"])

    channels = soup(get(client, COUNTY, "/kanaele/"))
    links = {a["href"] for a in channels.find("main").find_all("a", href=True)}
    assert {"/kanaele/facebook/", "/kanaele/twitter/"} <= links
    assert "/kanaele/vimeo/" not in links
    assert client.get("/kanaele/vimeo/", HTTP_HOST=COUNTY).status_code == 404


def test_the_county_imprint_names_the_landratsamt_and_only_its_channels(
    client, county_demo
):
    text = main_text(soup(get(client, COUNTY, "/impressum/")))
    assert "Landkreis Mittelsachsen" in text
    assert "Sven Krüger" in text and "André Kaiser" in text
    assert "Frauensteiner Straße 43" in text
    assert "wirtschaft.in.mittelsachsen" in text and "mswirtschaft" in text
    assert "user16758230" not in text and "Vimeo" not in text
    # The economic region's imprint still lists its Vimeo channel.
    assert "user16758230" in main_text(
        soup(get(client, "127.0.0.1:8000", "/impressum/"))
    )
    # The portal's records are its own rows; platforms are shared.
    for model in (ContactPoint, ResponsiblePerson, ArchiveRecord):
        assert model.objects.for_site(county_demo).exists(), model
    county_channels = ChannelProfilePage.objects.in_site(county_demo)
    assert {c.responsible_unit.site_id for c in county_channels} == {county_demo.pk}
    assert Platform.objects.filter(slug="facebook").count() == 1


def test_load_demo_twice_duplicates_nothing_on_either_site(db, settings):
    settings.DEMO_COUNTY_PORTAL = True

    def state() -> tuple:
        counts = tuple(
            model.objects.count()
            for model in (
                Site,
                HomePage,
                ImprintPage,
                ChannelProfilePage,
                ContactPoint,
                ResponsiblePerson,
                ArchiveRecord,
                Platform,
                ThirdPartyProvider,
            )
        )
        tree = list(
            Page.objects.order_by("path").values_list("path", "slug", "content_type")
        )
        ids = sorted(
            str(i)
            for i in ChannelProfilePage.objects.values_list("register_id", flat=True)
        )
        return counts, tree, ids

    call_command("load_demo", stdout=io.StringIO())
    first = state()
    call_command("load_demo", stdout=io.StringIO())
    assert state() == first
    assert first[0][:4] == (2, 2, 2, 6)  # two sites; 4 + 2 channel pages
    assert set(Page.objects.filter(depth=2).values_list("slug", flat=True)) == {
        "home",
        "landkreis",
    }


def test_the_county_portals_editors_see_only_its_records(client, county_demo):
    """Group permissions per site: the portal's editors manage its pages and
    records, not the economic region's."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("kreisportal", password="x")
    user.groups.add(Group.objects.get(name="Redaktion Kreisportal"))
    client.force_login(user)
    contacts = client.get("/admin/snippets/smgovernance/contactpoint/")
    assert contacts.status_code == 200
    names = {c.name for c in contacts.context["object_list"]}
    assert names == set(
        ContactPoint.objects.filter(site=county_demo).values_list("name", flat=True)
    )
    assert names
    region_contact = ContactPoint.objects.exclude(site=county_demo).first()
    edit = f"/admin/snippets/smgovernance/contactpoint/edit/{region_contact.pk}/"
    assert client.get(edit).status_code == 404
    region_imprint = ImprintPage.objects.exclude(
        path__startswith=county_demo.root_page.path
    ).get()
    page_edit = f"/admin/pages/{region_imprint.pk}/edit/"
    assert client.get(page_edit).status_code in (302, 403)
    county_imprint = ImprintPage.objects.get(
        path__startswith=county_demo.root_page.path
    )
    assert client.get(f"/admin/pages/{county_imprint.pk}/edit/").status_code == 200

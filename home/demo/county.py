"""The county portal: a second site (the Landratsamt's website) on the same installation.

Everything it shows comes from `landkreis.yaml`: the site, its home page, imprint,
contact, privacy and netiquette pages, and the channel pages it has as its own
copies of rows in `mittelsachsen.yaml` (see the file's head for why). Records are
imported into this site through the concept importer (`import_data(..., site=)`);
platforms and their operators are shared with the economic-region site. Idempotent:
pages are found by slug below the portal's home page, records by their natural key
within the site.
"""

from pathlib import Path

from wagtail.models import Page, Site

from home.models import HomePage, SiteIdentity
from smgovernance.models import (
    AlternativeContactPage,
    AlternativeContactPoint,
    AlternativeContactWebsite,
    ChannelIndexPage,
    ContactPoint,
    PlatformPrivacyNote,
    PrivacyPage,
)

from .accessibility import build_netiquette
from .home import demo_address
from .legal import FACEBOOK_NOTE, _page
from .records import concept_data, import_sections, read_yaml
from .utils import upsert_child


DATA_FILE = Path(__file__).with_name("landkreis.yaml")
SECTION_KEYS = {
    "contact_points": "name",
    "persons": "name",
    "archives": "name",
    "channels": "slug",
}


def county_data() -> dict:
    return read_yaml(DATA_FILE)


def shared_rows(section: str) -> list[dict]:
    """The rows of the economic region's file that the portal has as its own."""
    wanted = county_data()["from_economic_region"][section]
    key = SECTION_KEYS[section]
    rows = {row[key]: row for row in concept_data()[section]}
    return [rows[name] for name in wanted]


def build(context: dict) -> None:
    data = county_data()
    site = portal_site(data)
    home = site.root_page.specific
    records = {
        name: shared_rows(name) for name in ("contact_points", "persons", "archives")
    }
    import_sections(*records, "imprint", data={**records, **data}, site=site)
    contacts = {point.name: point for point in ContactPoint.objects.for_site(site)}
    contact_page(home, data["contact"], contacts)
    privacy_page(home, data["privacy"], context["platforms"])
    build_netiquette(home, {"presse": contacts["Pressestelle"]})
    upsert_child(
        home, ChannelIndexPage, "kanaele", show_in_menus=True, **data["channel_index"]
    )
    import_sections("channels", data={"channels": shared_rows("channels")}, site=site)
    identity = SiteIdentity.for_site(site)
    identity.site_name = data["site"]["site_name"]
    identity.body_name = data["site"]["body_name"]
    identity.description = " ".join(data["site"]["description"].split())
    identity.save()
    context["county_site"] = site


def portal_site(data: dict) -> Site:
    """The portal's Site and home page, created the first time."""
    fields = data["home"]
    root = Page.get_first_root_node()
    home = root.get_children().filter(slug=fields["slug"]).first()
    if home is None:
        home = HomePage(title=fields["title"], slug=fields["slug"])
        root.add_child(instance=home)
    home = home.specific
    home.title = home.seo_title = fields["title"]
    home.intro = " ".join(fields["intro"].split())
    home.body = [(kind, " ".join(text.split())) for kind, text in fields["body"]]
    home.save_revision().publish()
    hostname = data["site"]["hostname"]
    site = Site.objects.filter(root_page=home).first() or Site(root_page=home)
    # The same runserver serves both sites: the portal answers on its port.
    site.hostname, site.port = hostname, demo_address()[1]
    site.site_name = data["site"]["site_name"]
    site.is_default_site = False
    site.save()
    return site


def contact_page(home: Page, fields: dict, contacts: dict) -> None:
    scalars = {
        key: value
        for key, value in fields.items()
        if key not in ("contact_points", "websites")
    }
    page = _page(home, AlternativeContactPage, "kontakt", scalars)
    page.contact_points.set(
        [
            AlternativeContactPoint(contact_point=contacts[name])
            for name in fields["contact_points"]
        ]
    )
    page.websites.set(
        [
            AlternativeContactWebsite(url=item["url"], label=item["label"])
            for item in fields["websites"]
        ]
    )
    page.save_revision().publish()


def privacy_page(home: Page, fields: dict, platforms: dict) -> None:
    page = _page(home, PrivacyPage, "datenschutz", dict(fields))
    page.platform_notes.set(
        [PlatformPrivacyNote(platform=platforms["facebook"], **FACEBOOK_NOTE)]
    )
    page.save_revision().publish()

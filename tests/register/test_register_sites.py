"""Several bodies on one installation: each site's register lists only its channels."""

import csv
import io
import json

from wagtail.models import Page, Site

from smgovernance.models import ChannelIndexPage, ChannelStage, Platform
from tests.factories import contact_point, make_channel, platform


def site_with_channel(hostname: str, body: str, slug: str) -> str:
    """A site at `hostname` with a channel index and one dormant channel; its URL."""
    home = Page(title=body, slug=hostname.split(".")[0])
    Page.get_first_root_node().add_child(instance=home)
    Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=body)
    index = ChannelIndexPage(title="Kanäle", slug="kanaele", organisation_name=body)
    home.add_child(instance=index)
    index.save_revision().publish()
    context = {
        "platforms": {"facebook": Platform.objects.first() or platform()},
        "contact_points": {"wirtschaft": contact_point()},
    }
    url = f"https://www.facebook.com/{slug}"
    channel = make_channel(
        index, context, slug, stage=ChannelStage.DORMANT, profile_url=url
    )
    channel.save_revision().publish()
    return url


def register(client, host: str) -> tuple[dict, list[dict]]:
    data = json.loads(client.get("/kanaele/verzeichnis.json", HTTP_HOST=host).content)
    response = client.get("/kanaele/verzeichnis.csv", HTTP_HOST=host)
    assert response.status_code == 200
    rows = list(
        csv.DictReader(
            io.StringIO(response.content.decode("utf-8-sig"), newline=""),
            delimiter=";",
        )
    )
    return data, rows


def test_each_sites_register_lists_only_its_own_channels(client, db):
    county = site_with_channel("kreis.example", "Landkreis", "kreis")
    region = site_with_channel("region.example", "Wirtschaftsregion", "region")
    for host, own, other in (
        ("kreis.example", county, region),
        ("region.example", region, county),
    ):
        data, rows = register(client, host)
        assert [c["profile_url"] for c in data["channels"]] == [own], host
        assert [row["profile_url"] for row in rows] == [own], host
        assert data["publisher"]["url"] == f"http://{host}/"
        assert other not in json.dumps(data)
        assert all(
            c["page_url"].startswith(f"http://{host}/kanaele/")
            for c in data["channels"]
        )

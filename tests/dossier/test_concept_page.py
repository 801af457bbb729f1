"""The concept page lists the dossiers of the published evaluations."""

import datetime

import pytest
from bs4 import BeautifulSoup

from smgovernance.dossier import create_dossier
from tests import factories as h


pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 5, 2)


def dossier_links(client) -> list[tuple[str, str]]:
    page = BeautifulSoup(client.get("/nutzungskonzept/").content, "html.parser")
    return [
        (a.get_text(strip=True), a["href"]) for a in page.select(".concept-dossiers a")
    ]


def test_published_dossiers_are_listed_with_date_and_size(client):
    evaluation = h.archived_concept(DAY)
    assert dossier_links(client) == []  # cached now, without a dossier

    document = create_dossier(evaluation)
    evaluation.refresh_from_db()
    [(text, href)] = dossier_links(client)  # the new document purged the cache
    assert text == f"Fassung vom 2. Mai 2026 (PDF, {evaluation.dossier_kilobytes} kB)"
    assert href == document.url
    assert evaluation.dossier_kilobytes == round(evaluation.dossier_size / 1000)

    hidden = h.evaluation(date=DAY.replace(day=20), published=False)
    create_dossier(hidden)
    assert len(dossier_links(client)) == 1


def test_concept_page_names_each_channels_archive_and_last_handover(client):
    h.archived_concept(DAY)
    page = BeautifulSoup(client.get("/nutzungskonzept/").content, "html.parser")
    archive = page.select_one("#kanal-x-kanal .concept-channel-archive")
    handover = page.select_one("#kanal-x-kanal .concept-channel-handover")
    assert archive.get_text(strip=True) == "Kreisarchiv"
    assert handover.get_text(strip=True) == (
        "20. April 2026, mit den Beiträgen bis 1. April 2026"
    )
    none = page.select_one("#kanal-mastodon .concept-channel-archive")
    assert none.get_text(strip=True) == "Es ist kein zuständiges Archiv genannt."

"""Several bodies on one installation: a body's public pages show its own records."""

import pytest

from smgovernance.models import UsageConceptPage, VideoCategory, VideoIndexPage
from tests import factories as h
from tests.factories import soup


pytestmark = pytest.mark.django_db


def test_a_concept_lists_only_its_own_bodys_evaluations(client):
    page_a = h.concept()
    site_b = h.other_site("landkreis.example")
    page_b = UsageConceptPage(
        title="Nutzungskonzept B",
        slug="nutzungskonzept",
        version="1.0",
        version_date=h.TODAY,
        preamble="<p>Präambel</p>",
        task="<p>Aufgabe</p>",
        self_commitment="<p>Selbstverpflichtung</p>",
    )
    site_b.root_page.add_child(instance=page_b)
    page_b.save_revision().publish()
    h.evaluation(evaluator="Evaluator A")
    h.evaluation(evaluator="Evaluator B", site=site_b)
    text_a = soup(client.get(page_a.url)).get_text()
    text_b = soup(
        client.get("/nutzungskonzept/", HTTP_HOST="landkreis.example")
    ).get_text()
    assert "Evaluator A" in text_a and "Evaluator B" not in text_a
    assert "Evaluator B" in text_b and "Evaluator A" not in text_b


def test_the_video_index_offers_only_its_own_bodys_categories(client):
    index = VideoIndexPage(title="Videos", slug="videos")
    h.site_root().add_child(instance=index)
    index.save_revision().publish()
    site_b = h.other_site("landkreis.example")
    VideoCategory.objects.create(name="Wirtschaft", slug="wirtschaft")
    VideoCategory.objects.create(name="Kreistag", slug="kreistag", site=site_b)
    text = soup(client.get(index.url)).get_text()
    assert "Wirtschaft" in text and "Kreistag" not in text

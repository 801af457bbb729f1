"""The evaluation dossier: a PDF/A-3b with tags and the concept's YAML, stored once,
whose recorded hash finds any later change."""

import datetime
import hashlib
import io

import pytest
import yaml
from django.core.management import call_command
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Site

from smgovernance.concept_io import SCHEMA, export_data, import_data
from smgovernance.dossier import (
    DossierError,
    create_dossier,
    missing_dossiers,
    render_html,
    render_pdf,
    yaml_name,
)
from smgovernance.models import (
    ArchiveHandover,
    ArchiveRecord,
    AwarenessAction,
    ChannelProfilePage,
    ContactPoint,
    EvaluationRecord,
    Platform,
    ResponsiblePerson,
    SubmittedEvaluationError,
    ThirdPartyProvider,
    UsageConceptPage,
)
from tests import factories as h


pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 5, 2)


@pytest.fixture(scope="session")
def httpserver_listen_address():
    return ("127.0.0.1", 8161)


@pytest.fixture
def evaluation() -> EvaluationRecord:
    return h.archived_concept(DAY)


def read(document) -> PdfReader:
    with document.open_file() as handle:
        return PdfReader(io.BytesIO(handle.read()))


def test_dossier_is_pdf_a_3b_tagged_german_with_the_concept_yaml(evaluation):
    document = create_dossier(evaluation)
    reader = read(document)

    xmp = reader.xmp_metadata.stream.get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert 'pdfuaid:part="1"' in xmp
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/Lang"] == "de"
    assert catalog["/OutputIntents"][0]["/S"] == "/GTS_PDFA1"
    fonts = [
        font.get_object()
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    ]
    for font in fonts:  # PDF/A: every font embedded
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor

    assert list(reader.attachments) == ["nutzungskonzept-2026-05-02.yaml"]
    embedded = yaml.safe_load(reader.attachments[yaml_name(evaluation)][0])
    assert embedded == export_data()

    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Beschlossen am" in text and "2. Mai 2026" in text
    assert "Beschlossen durch" in text and "Pressestelle und Referat Wirtschaft" in text
    assert "Inhalt" in text and "Präambel" in text and "Rechtsgrundlagen" in text
    assert "Seite 1 von" in text
    assert "X: @kreis" in text and "Mastodon" in text
    assert "Az. 047.2/2026" in text and "Kreisarchiv" in text  # the archive handover
    assert "Einstellen" in text and "Zu riskant." in text  # the decisions


def test_dossier_is_stored_once_in_its_collection_with_hash_and_size(evaluation):
    document = create_dossier(evaluation)
    evaluation.refresh_from_db()
    with document.open_file() as handle:
        data = handle.read()
    assert evaluation.dossier == document
    assert evaluation.dossier_sha256 == hashlib.sha256(data).hexdigest()
    assert evaluation.dossier_size == len(data) == document.file_size
    assert document.collection.name == "Evaluationsdossiers"
    assert document.file.name.endswith(".pdf")
    assert "nutzungskonzept-dossier-2026-05-02" in document.file.name

    # Asked again, it is the same document: never a second one, never replaced.
    assert create_dossier(evaluation) == document
    assert get_document_model().objects.count() == 1
    assert Collection.objects.filter(name="Evaluationsdossiers").count() == 1
    evaluation.dossier_sha256 = "0" * 64
    with pytest.raises(SubmittedEvaluationError):
        evaluation.save()


def test_embedded_yaml_imports_into_an_empty_database_and_reproduces_the_concept(
    evaluation,
):
    document = create_dossier(evaluation)
    data = yaml.safe_load(read(document).attachments[yaml_name(evaluation)][0])
    concept = export_data()

    # Empty the database down to what `migrate` leaves: the root and the site root.
    site_root = Site.objects.get(is_default_site=True).root_page
    h.wipe_evaluations()
    for page in Page.objects.filter(depth__gt=site_root.depth):
        if Page.objects.filter(pk=page.pk).exists():
            page.delete()
    for model in (
        AwarenessAction,
        ArchiveRecord,
        ResponsiblePerson,
        ContactPoint,
        Platform,
        ThirdPartyProvider,
    ):
        model.objects.all().delete()
    assert not ChannelProfilePage.objects.exists()
    assert not UsageConceptPage.objects.exists()

    import_data(data)
    assert export_data() == concept
    handover = ArchiveHandover.objects.get()
    assert handover.reference == "Az. 047.2/2026"
    assert handover.page.responsible_archive.name == "Kreisarchiv"


def test_verify_passes_and_fails_after_one_byte_is_changed(evaluation, capsys):
    document = create_dossier(evaluation)
    call_command("smgovernance_dossier", "--verify")
    assert "unverändert" in capsys.readouterr().out

    path = document.file.path
    with open(path, "r+b") as handle:
        handle.seek(1000)
        byte = handle.read(1)
        handle.seek(1000)
        handle.write(bytes([byte[0] ^ 0x01]))
    with pytest.raises(SystemExit) as exit_info:
        call_command("smgovernance_dossier", "--verify")
    assert exit_info.value.code == 1
    assert "verändert" in capsys.readouterr().err


def test_verify_fails_when_the_file_is_missing(evaluation, capsys):
    document = create_dossier(evaluation)
    document.file.storage.delete(document.file.name)
    with pytest.raises(SystemExit) as exit_info:
        call_command("smgovernance_dossier", "--verify")
    assert exit_info.value.code == 1
    assert "fehlt" in capsys.readouterr().err


def test_generate_produces_missing_dossiers_and_replaces_none(evaluation, capsys):
    assert list(missing_dossiers()) == [evaluation]
    call_command("smgovernance_dossier", "--generate")
    evaluation.refresh_from_db()
    first = (evaluation.dossier_id, evaluation.dossier_sha256)
    assert first[0] is not None
    assert list(missing_dossiers()) == []

    call_command("smgovernance_dossier", "--generate")
    evaluation.refresh_from_db()
    assert (evaluation.dossier_id, evaluation.dossier_sha256) == first
    assert "hat ihr Dossier" in capsys.readouterr().out


def test_draft_evaluation_gets_no_dossier(evaluation):
    draft = h.evaluation(date=DAY + datetime.timedelta(1), submitted=False)
    with pytest.raises(DossierError):
        create_dossier(draft)
    assert list(missing_dossiers()) == [evaluation]


def test_without_a_published_concept_the_error_says_so():
    draft = h.evaluation(date=DAY)
    with pytest.raises(DossierError, match="kein veröffentlichtes Nutzungskonzept"):
        render_pdf(draft)


def test_dossier_fetches_nothing_from_the_network(evaluation, httpserver):
    """An image in the concept's text is not fetched: only data: URLs are."""
    httpserver.expect_request("/bild.png").respond_with_data(b"", status=404)
    concept = UsageConceptPage.objects.get()
    concept.preamble = (
        f'<p>Text</p><p><img src="{httpserver.url_for("/bild.png")}" alt=""></p>'
    )
    concept.save_revision().publish()
    pdf = render_pdf(evaluation)
    assert pdf.startswith(b"%PDF-1.7")
    assert httpserver.log == []


# -- several bodies ------------------------------------------------------------------

SECOND_BODY = {
    "schema": SCHEMA,
    "contact_points": [
        {
            "name": "Bürgerbüro Zweite",
            "phone": "0371 488 0",
            "email": "buero@zweite.example",
            "street": "Markt 1",
        }
    ],
    "persons": [
        {
            "name": "Erika Muster",
            "function": "Leiterin des Bürgerbüros",
            "phone": "0371 488 1",
            "email": "muster@zweite.example",
            "contact_point": "Bürgerbüro Zweite",
        }
    ],
    "channels": [
        {
            "slug": "mastodon",
            "title": "Mastodon der Zweiten",
            "platform": "mastodon",
            "profile_url": "https://social.sachsen.de/@zweite",
            "instance_operator": "social.sachsen.de",
            "purpose": "<p>Information.</p>",
            "responsible_unit": "Bürgerbüro Zweite",
            "stage": "dormant",
            "stage_changed_on": "2026-01-05",
            **h.GATE_FIELDS,
        }
    ],
    "concept": {
        "slug": "nutzungskonzept",
        "title": "Nutzungskonzept der Zweiten",
        "version": "1.0",
        "version_date": "2026-01-05",
        "preamble": "<p>Präambel</p>",
        "task": "<p>Aufgabe</p>",
        "self_commitment": "<p>Selbstverpflichtung</p>",
        "evaluation_owner": "Erika Muster",
        "responsible_persons": ["Erika Muster"],
        "contact_points": ["Bürgerbüro Zweite"],
    },
}


def test_the_dossier_of_a_second_bodys_evaluation_shows_that_body(evaluation):
    """The evaluation's site decides the concept, channels, contacts and the YAML."""
    root = Page.get_first_root_node().add_child(title="Zweite", slug="zweite")
    second = Site.objects.create(
        hostname="zweite.example.org", root_page=root, site_name="Die Zweite"
    )
    import_data(SECOND_BODY, site=second)
    other = h.evaluation(date=DAY, evaluator="Bürgerbüro Zweite", site=second)

    html = render_html(other)
    assert "Nutzungskonzept der Zweiten" in html and "Die Zweite" in html
    assert "Mastodon der Zweiten" in html and "Erika Muster" in html
    assert "Bürgerbüro Zweite" in html and "Markt 1" in html
    assert "André Kaiser" not in html and "X: @kreis" not in html
    assert "Frauensteiner" not in html and "Pressestelle" not in html

    document = create_dossier(other)
    data = yaml.safe_load(read(document).attachments[yaml_name(other)][0])
    assert data == export_data(site=second)
    # Each body's dossiers in a collection of its own, inside the dossier collection.
    assert document.collection.name == "Die Zweite"
    assert document.collection.get_parent().name == "Evaluationsdossiers"
    assert data["concept"]["title"] == "Nutzungskonzept der Zweiten"
    # The first body's dossier is still its own.
    first = render_html(evaluation)
    assert "X: @kreis" in first and "Mastodon der Zweiten" not in first


def test_without_a_published_concept_of_its_own_site_the_error_says_so(evaluation):
    """The first body's concept does not stand in for a second body's."""
    root = Page.get_first_root_node().add_child(title="Zweite", slug="zweite")
    second = Site.objects.create(hostname="zweite.example.org", root_page=root)
    other = h.evaluation(date=DAY, site=second)
    with pytest.raises(DossierError, match="kein veröffentlichtes Nutzungskonzept"):
        render_pdf(other)

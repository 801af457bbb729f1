"""O-6: references to repealed law and stale names are found, current ones are not."""

import pytest
from django.utils import translation

from smgovernance.compliance.legal_references import (
    find_outdated_references,
    find_outdated_references_in_page,
)
from smgovernance.models import ImprintPage, PlatformPrivacyNote, PrivacyPage


@pytest.mark.parametrize(
    ("text", "match", "replacement"),
    [
        ("Verantwortlich nach § 55 Abs. 2", "§ 55 Abs. 2", "§ 18 Abs. 2 MStV"),
        ("gemäß §55 Absatz 2", "§55 Absatz 2", "§ 18 Abs. 2 MStV"),
        ("nach dem RStV.", "RStV", "MStV"),
        ("der Rundfunkstaatsvertrag gilt", "Rundfunkstaatsvertrag", "MStV"),
        ("Angaben gemäß § 5 TMG", "TMG", "DDG"),
        ("nach dem Telemediengesetz", "Telemediengesetz", "DDG"),
        ("§ 25 TTDSG", "TTDSG", "TDDDG"),
        (
            "zertifiziert nach dem EU-US Privacy Shield",
            "Privacy Shield",
            "EU-US Data Privacy Framework",
        ),
        ("privacy-shield", "privacy-shield", "EU-US Data Privacy Framework"),
        (
            "Betreiber: Facebook Inc., Menlo Park",
            "Facebook Inc.",
            "Meta Platforms, Inc.",
        ),
        (
            "Facebook Ireland Ltd., Dublin",
            "Facebook Ireland Ltd.",
            "Meta Platforms Ireland Ltd.",
        ),
        (
            "Facebook Ireland Limited",
            "Facebook Ireland Limited",
            "Meta Platforms Ireland Ltd.",
        ),
        ("https://twitter.com/mswirtschaft", "twitter.com", "x.com"),
        ("www.twitter.com/mswirtschaft", "www.twitter.com", "x.com"),
        ("<p>Nach <b>§ 5 TMG</b></p>", "TMG", "DDG"),
        ("<p>§&nbsp;55&nbsp;Abs.&nbsp;2</p>", "§ 55 Abs. 2", "§ 18 Abs. 2 MStV"),
    ],
)
def test_outdated_references_are_found(text, match, replacement):
    findings = find_outdated_references(text)
    assert [f.match for f in findings] == [match]
    assert findings[0].replacement == replacement
    with translation.override("de"):
        assert find_outdated_references(text)[0].explanation  # German explanation
    assert findings[0].explanation


def test_non_breaking_spaces_are_normalised():
    findings = find_outdated_references("§\xa055\xa0Abs.\xa02 RStV")
    assert [f.replacement for f in findings] == ["§ 18 Abs. 2 MStV", "MStV"]


@pytest.mark.parametrize(
    "text",
    [
        "Verantwortlich nach § 18 Abs. 2 MStV",
        "MStV",
        "Angaben gemäß § 5 DDG",
        "§ 25 TDDDG",
        "EU-US Data Privacy Framework",
        "Meta Platforms Ireland Ltd.",
        "Meta Platforms, Inc.",
        "https://x.com/mswirtschaft",
        "https://www.facebook.com/wirtschaft.in.mittelsachsen",
        "RStVx und TMGs sind keine Abkürzungen",
        "XTMG, TMG-Modul",  # parts of other words or identifiers
        "mytwitter.com.example",
        "§ 55 Abs. 3",
        "§ 155 Abs. 2",
        "",
    ],
)
def test_current_references_are_not_reported(text):
    assert find_outdated_references(text) == []


def test_findings_come_in_order_of_appearance():
    text = "Facebook Inc. und twitter.com nach § 5 TMG und § 55 Abs. 2 RStV"
    assert [f.replacement for f in find_outdated_references(text)] == [
        "Meta Platforms, Inc.",
        "x.com",
        "DDG",
        "§ 18 Abs. 2 MStV",
        "MStV",
    ]


def test_explanation_is_german_in_a_german_request():
    with translation.override("de"):
        finding = find_outdated_references("§ 5 TMG")[0]
    assert "Digitale-Dienste-Gesetz" in finding.explanation
    assert "ersetzt" in finding.explanation


def test_page_scan_covers_fields_rich_text_and_inline_rows(demo):
    imprint = ImprintPage.objects.get()
    imprint.body = "<p>Angaben nach § 5 TMG</p>"
    imprint.representative_name = "Vertreter"  # a clean field stays clean
    with translation.override("de"):
        findings = find_outdated_references_in_page(imprint)
    assert [(f.field, f.match) for f in findings] == [("Weitere Angaben", "TMG")]

    privacy = PrivacyPage.objects.get()
    note = PlatformPrivacyNote.objects.get()
    note.litigation_note = "Vereinbarung mit Facebook Ireland Ltd."
    note.save()
    privacy.website_recipients = "Daten gehen unter dem Privacy Shield in die USA"
    with translation.override("de"):
        findings = find_outdated_references_in_page(privacy)
    assert {(f.field, f.match) for f in findings} == {
        ("Website: Empfänger", "Privacy Shield"),
        ("Hinweis zu laufenden Gerichtsverfahren", "Facebook Ireland Ltd."),
    }

"""Where findings show up in the admin: the dashboard panel and the report with CSV."""

import csv
import io

import pytest

from smgovernance.compliance import run_checks
from tests import factories as h
from tests.factories import backdate_evaluations, soup


pytestmark = pytest.mark.django_db


def test_dashboard_panel_counts_findings(admin_client, demo):
    backdate_evaluations()
    document = soup(admin_client.get("/admin/"))
    panel = document.find(id="smgovernance-compliance-content")
    counts = [
        a.get_text(" ", strip=True) for a in panel.select(".smgovernance-counts a")
    ]
    assert counts == ["1 Fehler", "0 Warnungen", "0 Hinweise"]
    assert panel.find("a", string="Prüfbericht öffnen")["href"] == (
        "/admin/smgovernance/compliance/"
    )


def test_dashboard_panel_names_the_most_serious_findings_with_links(admin_client, demo):
    backdate_evaluations()  # one error
    for n in range(6):  # six warnings: persons not verified
        h.person(name=f"Neu {n}", verified_on=None)
    findings = run_checks()
    document = soup(admin_client.get("/admin/"))
    panel = document.find(id="smgovernance-compliance-content")
    items = panel.select(".smgovernance-top li")
    # Up to five, errors first, each with a link to fix it.
    assert len(items) == 5
    assert items[0].get_text(" ", strip=True).startswith("Fehler:")
    assert all(
        item.get_text(" ", strip=True).startswith("Warnung:") for item in items[1:]
    )
    for item, finding in zip(items, findings, strict=False):
        assert finding.message in item.get_text(" ", strip=True)
        link = item.find("a")
        assert link["href"] == (
            finding.url or f"/admin/smgovernance/compliance/?check={finding.check_id}"
        )
        assert admin_client.get(link["href"]).status_code == 200
    more = len(findings) - 5
    assert f"und {more} weitere Befunde im Prüfbericht" in panel.get_text(" ")
    counts = [
        a.get_text(" ", strip=True) for a in panel.select(".smgovernance-counts a")
    ]
    warnings = sum(f.severity == "warning" for f in findings)
    assert counts[:2] == ["1 Fehler", f"{warnings} Warnungen"]


def test_report_filters_and_csv(admin_client, demo):
    backdate_evaluations()
    h.person(name="Neu", verified_on=None)
    document = soup(admin_client.get("/admin/smgovernance/compliance/"))
    rows = document.select("tr.finding")
    assert {r["class"][1] for r in rows} == {"finding--error", "finding--warning"}
    assert {r.find("td").get_text(strip=True) for r in rows} == {"Fehler", "Warnung"}
    assert "Prüfbericht" in document.select_one("header").get_text(" ", strip=True)
    document = soup(
        admin_client.get("/admin/smgovernance/compliance/?severity=warning")
    )
    assert {r["class"][1] for r in document.select("tr.finding")} == {
        "finding--warning"
    }
    document = soup(
        admin_client.get("/admin/smgovernance/compliance/?check=smgovernance.C002")
    )
    assert len(document.select("tr.finding")) == 1
    response = admin_client.get("/admin/smgovernance/compliance/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode())))
    assert table[0] == ["Prüfung", "Schweregrad", "Meldung", "Objekt", "Link"]
    assert {row[0] for row in table[1:]} == {"smgovernance.C002", "smgovernance.C006"}

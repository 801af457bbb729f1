"""Where findings show up in the admin: the dashboard panel and the report with CSV."""

import csv
import io

import pytest

from tests import factories as h
from tests.factories import backdate_evaluations, soup


pytestmark = pytest.mark.django_db


def test_dashboard_panel_counts_findings(admin_client, demo):
    backdate_evaluations()
    document = soup(admin_client.get("/admin/"))
    panel = document.find(id="smgovernance-compliance-content")
    counts = [a.get_text(" ", strip=True) for a in panel.select("li a")]
    assert counts == ["Fehler: 1", "Warnung: 0", "Hinweis: 0"]
    assert panel.find("a", string="Prüfbericht öffnen")["href"] == (
        "/admin/smgovernance/compliance/"
    )


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

import pytest

from tests.browser.conftest import axe_violations, describe
from tests.factories import add_channel


pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("url", ["/impressum/", "/kontakt/", "/datenschutz/"])
def test_legal_pages_stay_on_loopback_and_pass_axe(
    live_server, demo, recorded_page, url
):
    add_channel("browser-aktiv", "active")
    add_channel("browser-ruhend", "dormant", platform="x")
    page = recorded_page.page
    page.goto(live_server.url + url)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1
    assert recorded_page.external_requests == []
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_channel_deep_link_lands_on_the_channel_entry(live_server, demo, recorded_page):
    add_channel("browser-aktiv", "active")
    page = recorded_page.page
    page.goto(live_server.url + "/impressum/#kanal-browser-aktiv")
    entry = page.locator("#kanal-browser-aktiv")
    assert entry.is_visible()
    assert entry.locator("h3").inner_text() == "Facebook: Kanal browser-aktiv"
    # Citizens get the imprint, not the editors' copy tools.
    assert page.locator("main input, main textarea, main button").count() == 0


def test_copy_button_in_the_channel_editor_copies_the_imprint_text(
    live_server, demo, recorded_page, django_user_model, settings
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0  # no autosave racing the test database
    channel = add_channel("browser-aktiv", "active")
    django_user_model.objects.create_superuser(
        "redaktion", "r@example.org", "pw-123456"
    )
    page = recorded_page.page
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "redaktion")
    page.fill("input[name=password]", "pw-123456")
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.goto(f"{live_server.url}/admin/pages/{channel.pk}/edit/")
    page.wait_for_load_state("networkidle")
    page.get_by_role("tab", name="Stufe und Datenschutz").click()
    field = page.get_by_label(
        "Text für das Impressumsfeld von „Facebook: Kanal browser-aktiv“"
    )
    assert "Landkreis Mittelsachsen" in field.input_value()
    button = page.locator("#impressum-kanal-browser-aktiv").get_by_role(
        "button", name="Text kopieren"
    )
    assert button.is_visible()
    button.click()
    page.wait_for_function(
        "document.getElementById('kanal-browser-aktiv-text-status').textContent !== ''"
    )
    assert page.locator("#kanal-browser-aktiv-text-status").inner_text() in (
        "In die Zwischenablage kopiert.",
        "Markiert: mit Strg+C kopieren.",
    )
    selected = page.evaluate(
        "(() => { const f = document.activeElement; return f.value.substring(f.selectionStart, f.selectionEnd); })()"
    )
    assert "Landkreis Mittelsachsen" in selected


def test_fact_terms_do_not_overlap_their_values_at_1280_px(
    live_server, demo, recorded_page
):
    """ "Datenschutzbeauftragte(r)" ran into its value on a wide screen."""
    page = recorded_page.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/datenschutz/")
    overlaps = page.evaluate(
        """() => [...document.querySelectorAll("dl.facts dt")].flatMap((dt) => {
            const dd = dt.nextElementSibling;
            if (!dd || dd.tagName !== "DD") return [];
            const term = dt.getBoundingClientRect();
            const value = dd.getBoundingClientRect();
            const sideBySide = Math.abs(term.top - value.top) < 2;
            const tooWide = dt.scrollWidth > dt.clientWidth + 1;
            return sideBySide && (term.right > value.left + 1 || tooWide)
                ? [dt.textContent.trim()] : [];
        })"""
    )
    assert overlaps == []

"""The public page cache: anonymous visitors get stored pages, nobody else does,
and every change to published content purges them."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from home.models import HomePage
from smgovernance import cache as page_cache
from smgovernance.models import (
    AccessibilityStatementPage,
    AwarenessAction,
    ChannelIndexPage,
    ChannelProfilePage,
    ContactPoint,
    FeedbackSubmission,
    OfficeHours,
    Platform,
    ResponsiblePerson,
    ThirdPartyProvider,
    VideoCategory,
    VideoIndexPage,
)


def cached(client: Client, url: str = "/") -> str:
    """GET `url` and return the X-Cache header ("" when the cache was bypassed)."""
    response = client.get(url)
    assert response.status_code in (200, 404), response.status_code
    return response.get("X-Cache", "")


def add_index(parent: Page, slug: str = "testkanaele") -> ChannelIndexPage:
    page = ChannelIndexPage(title="Kanäle", slug=slug, intro="Alle Kanäle.")
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def home(demo) -> HomePage:
    return HomePage.objects.get()


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("redaktion", "r@example.org", "x")


def test_second_anonymous_get_comes_from_the_cache_without_queries(
    client, demo, django_assert_num_queries
):
    first = client.get("/")
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second.status_code == 200


def test_cached_response_replays_every_header_exactly(client, demo):
    first = client.get("/")
    second = client.get("/")
    without_marker = {k: v for k, v in first.headers.items() if k != "X-Cache"}
    assert {k: v for k, v in second.headers.items() if k != "X-Cache"} == without_marker
    assert "frame-ancestors 'self'" in second["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "SAMEORIGIN"


def test_a_page_with_its_own_csp_gets_its_own_csp_back(client, demo, monkeypatch):
    """The embed view widens frame-ancestors; the cache must not swap policies."""
    original_serve = HomePage.serve

    def serve_frameable(self, request, *args, **kwargs):
        response = original_serve(self, request, *args, **kwargs)
        response._csp_replace = {"frame-ancestors": ["https://partner.example"]}
        return response

    monkeypatch.setattr(HomePage, "serve", serve_frameable)
    add_index(HomePage.objects.get())
    client.get("/")
    client.get("/testkanaele/")
    home_hit, index_hit = client.get("/"), client.get("/testkanaele/")
    assert home_hit["X-Cache"] == index_hit["X-Cache"] == "HIT"
    assert (
        "frame-ancestors https://partner.example" in home_hit["Content-Security-Policy"]
    )
    assert "frame-ancestors 'self'" in index_hit["Content-Security-Policy"]


def test_head_is_answered_from_a_cached_get(client, demo):
    client.get("/")
    response = client.head("/")
    assert response["X-Cache"] == "HIT"
    assert response.content == b""


def test_host_is_part_of_the_key(client, demo):
    assert cached(client, "/") == "MISS"
    response = client.get("/", HTTP_HOST="example.org")
    assert response["X-Cache"] == "MISS"


def test_undeclared_query_parameters_get_the_cached_plain_page(client, demo):
    """A cache buster's random parameters never cause a render (issue 13.2)."""
    first = client.get("/")
    assert first["X-Cache"] == "MISS"
    for query in ("?seite=2", "?utm_source=x&b=1", "?zufall=8f3a1"):
        response = client.get("/" + query)
        assert response["X-Cache"] == "HIT", query
        assert response.content == first.content


def test_undeclared_parameters_first_request_stores_the_plain_page(client, demo):
    assert cached(client, "/?zufall=1") == "MISS"
    assert cached(client, "/") == "HIT"
    assert cached(client, "/?zufall=2") == "HIT"


def test_declared_query_parameters_are_part_of_the_key(client, demo):
    """The video list declares its category filter (`cache_query_params`)."""
    param = VideoIndexPage.CATEGORY_PARAM
    assert VideoIndexPage.cache_query_params == (param,)
    plain = client.get("/videos/")
    assert plain["X-Cache"] == "MISS"
    slug = VideoCategory.objects.first().slug
    filtered = client.get(f"/videos/?{param}={slug}")
    assert filtered["X-Cache"] == "MISS"
    assert filtered.content != plain.content
    again = client.get(f"/videos/?{param}={slug}&utm_source=newsletter")
    assert again["X-Cache"] == "HIT"
    assert again.content == filtered.content
    assert cached(client, "/videos/?utm_source=newsletter") == "HIT"


def test_publish_purges(client, home):
    assert cached(client) == "MISS"
    home.intro = "Neue Einleitung nach der Veröffentlichung."
    home.save_revision().publish()
    response = client.get("/")
    assert response["X-Cache"] == "MISS"
    assert "Neue Einleitung" in response.content.decode()


def test_saving_a_draft_keeps_the_cache(client, home):
    assert cached(client) == "MISS"
    home.intro = "Nur ein Entwurf."
    home.save_revision()
    response = client.get("/")
    assert response["X-Cache"] == "HIT"
    assert "Nur ein Entwurf" not in response.content.decode()


def test_publishing_through_the_admin_purges(client, home, editor):
    assert cached(client) == "MISS"
    editor_client = Client()
    editor_client.force_login(editor)
    response = editor_client.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    form = response.context["form"]
    data = {
        name: form[name].value()
        for name in form.fields
        if form[name].value() is not None
    }
    data.update(
        {
            "title": home.title,
            "slug": home.slug,
            "intro": "Im Admin geändert.",
            "body-count": "0",
            "action-publish": "action-publish",
        }
    )
    response = editor_client.post(f"/admin/pages/{home.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get("/")
    assert page["X-Cache"] == "MISS"
    assert "Im Admin geändert." in page.content.decode()


def test_unpublish_purges(client, home):
    index = add_index(home)
    assert cached(client, "/testkanaele/") == "MISS"
    assert cached(client, "/testkanaele/") == "HIT"
    index.unpublish()
    assert client.get("/testkanaele/").status_code == 404


def test_move_purges(client, home):
    parent = add_index(home, slug="alt")
    child = add_index(parent, slug="testkanaele")
    assert cached(client, "/alt/testkanaele/") == "MISS"
    assert cached(client, "/alt/testkanaele/") == "HIT"
    Page.objects.get(pk=child.pk).move(home, pos="last-child")
    old_url = client.get("/alt/testkanaele/")
    assert old_url.status_code in (301, 404)  # Wagtail may leave a redirect
    assert old_url.get("X-Cache") is None
    assert client.get("/testkanaele/").status_code == 200


def test_delete_purges(client, home):
    index = add_index(home)
    assert cached(client, "/testkanaele/") == "MISS"
    assert cached(client, "/testkanaele/") == "HIT"
    index.delete()
    assert client.get("/testkanaele/").status_code == 404


def _change_records() -> list:
    """One change per shared record type of the demo (the imprint etc. show them)."""
    provider = ThirdPartyProvider.objects.first()
    platform = Platform.objects.first()
    point = ContactPoint.objects.first()
    person = ResponsiblePerson.objects.first()
    hours = OfficeHours.objects.first()

    def rename_provider():
        provider.name = "Umbenannt"
        provider.save()

    def rename_platform():
        platform.name = "Umbenannt"
        platform.save()

    def change_phone():
        point.phone = "(03731) 000"
        point.save()

    def verify_person():
        person.verified_on = datetime.date(2027, 1, 1)
        person.save()

    def delete_hours():
        hours.delete()

    return [rename_provider, rename_platform, change_phone, verify_person, delete_hours]


@pytest.mark.parametrize("index", range(5))
def test_changing_a_shared_record_purges(client, demo, index):
    change = _change_records()[index]
    assert cached(client) == "MISS"
    assert cached(client) == "HIT"
    change()
    assert cached(client) == "MISS"


def test_every_public_model_of_the_package_purges_on_save_and_delete(db):
    """Future smgovernance models are covered without registering them anywhere;
    models that declare they are no public content are left out."""

    def connected(signal, uid: str, model) -> bool:
        return any(entry[0] == (uid, id(model)) for entry in signal.receivers)

    for model in apps.get_app_config("smgovernance").get_models():
        public = page_cache.purges_page_cache(model)
        uid = "smgovernance-page-cache"
        assert connected(post_save, f"{uid}-save", model) == public, model
        assert connected(post_delete, f"{uid}-del", model) == public, model
    assert not page_cache.purges_page_cache(FeedbackSubmission)
    assert not page_cache.purges_page_cache(AwarenessAction)
    assert not page_cache.purges_page_cache(AwarenessAction.channels.through)


def test_a_feedback_submission_does_not_change_the_generation(client, demo):
    """Issue 18.3: a citizen's feedback must not empty the whole site cache."""
    assert cached(client) == "MISS"
    generation = page_cache.current_generation()
    statement = AccessibilityStatementPage.objects.live().first()
    FeedbackSubmission.objects.create(
        page=statement,
        kind=FeedbackSubmission._meta.get_field("kind").choices[0][0],
        message="Der Kontrast der Fußzeile ist zu gering.",
        answer_due=datetime.date.today(),
    )
    assert page_cache.current_generation() == generation
    assert cached(client) == "HIT"


def test_an_awareness_record_does_not_purge(client, demo):
    assert cached(client) == "MISS"
    action = AwarenessAction.objects.create(
        date=datetime.date.today(), kind="pinned", description="Hinweis"
    )
    action.channels.set(ChannelProfilePage.objects.all()[:1])
    action.delete()
    assert cached(client) == "HIT"


def test_logged_in_editor_never_gets_or_fills_the_cache(client, demo, editor):
    editor_client = Client()
    editor_client.force_login(editor)
    # The editor's page is not stored for visitors ...
    assert editor_client.get("/").get("X-Cache") is None
    assert cached(client) == "MISS"
    # ... and the editor never gets the visitors' stored page.
    assert cached(client) == "HIT"
    assert editor_client.get("/").get("X-Cache") is None


def test_a_visitor_holding_a_csrftoken_cookie_gets_cached_pages(client, demo):
    """Issue 18.3: the CSRF cookie (set for a year by the feedback form) never
    changes a page without a form."""
    assert cached(client) == "MISS"
    visitor = Client()
    visitor.cookies["csrftoken"] = "a" * 32
    assert cached(visitor) == "HIT"


def test_a_page_with_a_form_is_never_stored(client, demo):
    """The accessibility statement carries the feedback form and its CSRF token."""
    url = AccessibilityStatementPage.objects.live().first().url
    for visitor in (client, Client()):
        response = visitor.get(url)
        assert b"csrfmiddlewaretoken" in response.content
        assert response.get("X-Cache") is None
    holder = Client()
    holder.cookies["csrftoken"] = "b" * 32
    assert holder.get(url).get("X-Cache") is None
    assert holder.get(url).get("X-Cache") is None


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_requests_with_a_session_or_admin_cookie_bypass(client, demo, cookie):
    assert cached(client) == "MISS"
    visitor = Client()
    visitor.cookies[cookie] = "abc"
    assert cached(visitor) == ""
    assert cached(visitor) == ""


def test_previews_never_see_the_cached_page(home):
    # Wagtail runs previews through the middleware on a dummy request for the
    # page's real URL (host "localhost" in the demo), without cookies.
    client = Client(HTTP_HOST="localhost")
    assert cached(client) == "MISS"
    assert cached(client) == "HIT"
    home.intro = "Vorschau eines Entwurfs."
    preview = home.make_preview_request()
    assert preview.get("X-Cache") is None
    assert "Vorschau eines Entwurfs." in preview.content.decode()
    # ... and a preview does not fill the cache for visitors.
    assert "Vorschau eines Entwurfs." not in client.get("/").content.decode()


def test_admin_preview_view_is_not_cached(home, editor):
    editor_client = Client()
    editor_client.force_login(editor)
    response = editor_client.get(f"/admin/pages/{home.pk}/edit/preview/")
    assert response.get("X-Cache") is None


def test_post_is_never_cached(client, demo):
    client.get("/")
    response = client.post("/", {})
    assert response.get("X-Cache") is None


def test_pages_opt_out_with_a_class_attribute(client, demo, monkeypatch):
    monkeypatch.setattr(HomePage, "smgovernance_cache", False, raising=False)
    assert cached(client) == ""
    assert cached(client) == ""


def test_private_or_no_store_responses_are_not_stored(client, demo, monkeypatch):
    original_serve = HomePage.serve

    def serve_private(self, request, *args, **kwargs):
        response = original_serve(self, request, *args, **kwargs)
        response["Cache-Control"] = "private"
        return response

    monkeypatch.setattr(HomePage, "serve", serve_private)
    assert cached(client) == ""
    assert cached(client) == ""


def test_responses_setting_a_cookie_are_not_stored(client, demo, monkeypatch):
    original_serve = HomePage.serve

    def serve_with_cookie(self, request, *args, **kwargs):
        response = original_serve(self, request, *args, **kwargs)
        response.set_cookie("besuch", "1")
        return response

    monkeypatch.setattr(HomePage, "serve", serve_with_cookie)
    assert cached(client) == ""
    assert "besuch" in Client().get("/").cookies


def test_not_found_and_password_protected_pages_are_not_stored(client, home):
    assert cached(client, "/gibt-es-nicht/") == ""
    index = add_index(home)
    PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    Client().get("/testkanaele/")
    assert Client().get("/testkanaele/").get("X-Cache") is None


def test_the_cache_can_be_switched_off(client, demo, settings):
    settings.SMGOVERNANCE_CACHE_ENABLED = False
    assert cached(client) == ""
    assert cached(client) == ""


def test_an_evicted_generation_never_revives_old_pages(client, home):
    assert cached(client) == "MISS"
    page_cache.page_cache().delete(page_cache.GENERATION_KEY)
    assert cached(client) == "MISS"

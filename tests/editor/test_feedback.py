"""All editor feedback comes from one after-save handler, through the real admin."""

import pytest
from bs4 import BeautifulSoup
from wagtail import hooks

from smgovernance.editor import after_save_page, warn_about_page_findings
from smgovernance.models import ChannelProfilePage
from tests.factories import (
    add_url,
    channel_form_data,
    edit_url,
    make_index,
    make_records,
)


pytestmark = pytest.mark.django_db


def own_hooks(name: str) -> list:
    return [
        fn for fn in hooks.get_hooks(name) if fn.__module__.startswith("smgovernance")
    ]


def test_one_handler_gives_all_feedback_after_saving():
    """Before, three handlers per hook (host, legal references, content) each wrote messages."""
    assert own_hooks("after_edit_page") == [after_save_page]
    assert own_hooks("after_create_page") == [after_save_page]
    assert own_hooks("before_edit_page") == [warn_about_page_findings]


def warnings(response) -> list[str]:
    document = BeautifulSoup(response.content, "html.parser")
    return [
        " ".join(item.get_text(" ").split())
        for item in document.select(".messages li.warning, .messages .warning")
    ]


def test_saving_a_channel_warns_about_its_outdated_host_with_port(admin_client):
    """`https://twitter.com:443/…` is accepted and warned about, as C010 reports it."""
    context = make_records()
    index = make_index()
    data = channel_form_data(
        context,
        title="Twitter",
        slug="twitter",
        platform=context["platforms"]["x"].pk,
        profile_url="https://twitter.com:443/mswirtschaft",
        retention="Bis zur Löschung",
    )
    response = admin_client.post(add_url(index), data, follow=True)
    assert response.status_code == 200
    page = ChannelProfilePage.objects.get(slug="twitter")
    assert any("veralteten Host twitter.com" in w for w in warnings(response))
    # Autosave asks for JSON: no messages pile up unseen.
    response = admin_client.post(
        edit_url(page), data, HTTP_ACCEPT="application/json", follow=False
    )
    session_messages = list(response.wsgi_request._messages)
    assert not [m for m in session_messages if "veralteten Host" in str(m)]

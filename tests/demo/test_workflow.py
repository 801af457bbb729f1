"""The demo's groups and approval workflow: the Pressestelle approves."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data

from smgovernance.models import (
    ChannelIndexPage,
    UsageConceptPage,
)


pytestmark = pytest.mark.django_db


def user_in(group_name: str, django_user_model):
    user = django_user_model.objects.create_user("wf", "wf@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_wirtschaftsfoerderung_cannot_publish_the_concept_or_channel_index(
    client, demo, django_user_model
):
    from home.demo import workflow  # the demo seeds the groups and the workflow

    index = ChannelIndexPage.objects.get()
    workflow.build({"home": demo.root_page})  # idempotent, as load_demo runs it

    client.force_login(user_in("Wirtschaftsförderung", django_user_model))
    concept = UsageConceptPage.objects.get()
    response = client.post(
        f"/admin/pages/{concept.pk}/edit/",
        {"title": "Geändert", "slug": "nutzungskonzept", "action-publish": "1"},
    )
    assert response.status_code in (302, 403)
    assert Page.objects.get(pk=concept.pk).title == "Nutzungskonzept Social Media"

    title = index.title
    data = nested_form_data(
        {"title": "Geänderte Kanäle", "slug": "kanaele", "intro": ""}
    )
    response = client.post(
        f"/admin/pages/{index.pk}/edit/", {**data, "action-publish": "1"}
    )
    index.refresh_from_db()
    assert index.title == title  # saved as a draft at most, not published
    response = client.post(
        f"/admin/pages/{index.pk}/edit/", {**data, "action-submit": "1"}
    )
    index.refresh_from_db()
    assert index.title == title
    state = index.workflow_states.get()
    assert state.current_task_state.task.name == "Freigabe Pressestelle"


def test_workflow_covers_the_concept_page(demo):
    concept = UsageConceptPage.objects.get()
    assert concept.get_workflow().name == "Freigabe durch die Pressestelle"
    assert list(
        Group.objects.filter(name__in=["Pressestelle", "Wirtschaftsförderung"])
        .values_list("name", flat=True)
        .order_by("name")
    ) == ["Pressestelle", "Wirtschaftsförderung"]

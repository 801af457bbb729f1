"""Purge the page cache on every change that can alter a public page.

Each model declares whether it is public content with the class attribute
``purges_page_cache`` (default True): form submissions and records that no page
shows (accessibility feedback, awareness log) set it to False, so a citizen's
submission never empties the cache of the whole site. Signals fire in whatever
process saves (a worker, `manage.py shell`, the import command, scheduled
publishing); the generation they replace is shared by all processes.
"""

from typing import Any

from django.apps import apps
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from .generation import cache_setting, purge_now_and_on_commit


# Page fields that only the draft/revision machinery writes: saving them does not
# change what the public sees, so they do not purge.
DRAFT_ONLY_FIELDS = {
    "comments",
    "wagtail_admin_comments",
    "latest_revision_created_at",
    "draft_title",
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


def purges_page_cache(model: type[Model]) -> bool:
    """Whether changes to `model` can alter a public page (its own declaration).

    An auto-created many-to-many table follows the model that declares the field.
    """
    declared = getattr(model, "purges_page_cache", None)
    if declared is not None:
        return bool(declared)
    if model._meta.auto_created:
        return purges_page_cache(model._meta.auto_created)
    return True


def _page_saved(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return  # a draft or a lock: the public page is unchanged
    purge_now_and_on_commit()


def _content_changed(sender: Any, **kwargs: Any) -> None:
    purge_now_and_on_commit()


def _purge_models() -> list[type[Model]]:
    """Models whose changes can alter public pages."""
    models = [
        *apps.get_app_config("smgovernance").get_models(include_auto_created=True),
        Site,
    ]
    if apps.is_installed("wagtail.images"):
        models.append(get_image_model())
    if apps.is_installed("wagtail.documents"):
        models.append(get_document_model())
    for label in cache_setting("PURGE_MODELS", ()):
        models.append(apps.get_model(label))
    return [model for model in models if purges_page_cache(model)]


def connect_signals() -> None:
    """Connect the purge to every model that is public content.

    Connected per sender (not to every model), so Django keeps its fast bulk
    deletes for unrelated models such as sessions.
    """
    uid = "smgovernance-page-cache"
    page_published.connect(_content_changed, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(_content_changed, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(_content_changed, dispatch_uid=f"{uid}-moved")
    page_models = {
        model for model in {Page, *get_page_models()} if purges_page_cache(model)
    }
    for model in page_models:
        post_save.connect(_page_saved, sender=model, dispatch_uid=f"{uid}-save")
    for model in page_models | set(_purge_models()):
        pre_delete.connect(_content_changed, sender=model, dispatch_uid=f"{uid}-pre")
        post_delete.connect(_content_changed, sender=model, dispatch_uid=f"{uid}-del")
        if model not in page_models:
            post_save.connect(
                _content_changed, sender=model, dispatch_uid=f"{uid}-save"
            )
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if purges_page_cache(through):
                m2m_changed.connect(
                    _content_changed, sender=through, dispatch_uid=f"{uid}-m2m"
                )

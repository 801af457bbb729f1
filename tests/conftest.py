import io
import os

import pytest
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file


# Playwright's sync API runs an event loop in the test thread; Django's ORM must
# still be allowed there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: no page cached by an earlier test."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def image(db) -> Image:
    """A stored test image (a small PNG) for image blocks."""
    return Image.objects.create(title="Test", file=get_test_image_file())


@pytest.fixture
def demo(db):
    """The Mittelsachsen demo site, as `make demo` builds it."""
    call_command("load_demo", stdout=io.StringIO())
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)

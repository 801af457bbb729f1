"""Several processes on one SQLite file, as in the documented production setup.

- Issue 13.1: a publish from another process (`manage.py shell`, the import,
  scheduled publishing) reaches every worker: no stale page, without Redis.
- Issue 13.4: concurrent saves and publishes never fail with "database is locked".

The processes use `tests.process_settings`: the database and the cache exactly as
the shipped settings build them from DATABASE_URL (a file here) without REDIS_URL.
"""

import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

SETUP = """
from wagtail.models import Page, Site
from home.models import HomePage
root = Page.objects.get(depth=1)
home = HomePage(title="Impressum alt", slug="start")
root.add_child(instance=home)
home.save_revision().publish()
Site.objects.update(root_page=home)
"""

PUBLISH = """
from home.models import HomePage
page = HomePage.objects.get()
page.title = {title!r}
page.save_revision().publish()
"""

# Saves a draft (as the editor's autosave does) and publishes, `rounds` times.
EDIT_AND_PUBLISH = """
from home.models import HomePage
page = HomePage.objects.get()
for number in range({rounds}):
    page = HomePage.objects.get(pk=page.pk)
    page.intro = "Entwurf {name} " + str(number)
    page.save_revision()
    page.title = "Impressum {name} " + str(number)
    page.save_revision().publish()
print("done")
"""


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603  (our own manage.py)
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> dict:
    """A migrated file database with one published home page."""
    directory = tmp_path_factory.mktemp("processes")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.process_settings",
        "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}",
    }
    env.pop("REDIS_URL", None)
    for args in (("migrate", "--noinput"), ("shell", "-c", SETUP)):
        result = manage(env, *args)
        assert result.returncode == 0, result.stderr
    return env


@contextmanager
def worker(env: dict) -> Iterator[str]:
    """One application process (a gunicorn worker's equivalent) on a free port."""
    process = subprocess.Popen(  # noqa: S603  (our own server)
        [PYTHON, "-m", "tests.serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        port = int(process.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def fetch(base: str, path: str = "/") -> tuple[int, str, str]:
    """Status, X-Cache header and body of an anonymous GET."""
    request = urllib.request.Request(  # noqa: S310  (http on loopback)
        base + path, headers={"Host": "localhost"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            body = response.read().decode()
            return response.status, response.headers.get("X-Cache", ""), body
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Cache", ""), error.read().decode()


def test_a_publish_from_another_process_reaches_every_worker(project):
    with worker(project) as first, worker(project) as second:
        for base in (first, second):
            fetch(base)
            status, cache, body = fetch(base)
            assert (status, cache) == (200, "HIT")
            assert "Impressum alt" in body
        result = manage(project, "shell", "-c", PUBLISH.format(title="Impressum neu"))
        assert result.returncode == 0, result.stderr
        for base in (first, second):
            status, _cache, body = fetch(base)
            assert status == 200
            assert "Impressum neu" in body, base
            assert "Impressum alt" not in body


def test_concurrent_saves_and_publishes_never_lock_the_database(project):
    """Three processes save drafts and publish at once while a worker serves."""
    with worker(project) as base:
        writers = [
            subprocess.Popen(  # noqa: S603  (our own manage.py)
                [
                    PYTHON,
                    "manage.py",
                    "shell",
                    "-c",
                    EDIT_AND_PUBLISH.format(name=name, rounds=15),
                ],
                cwd=ROOT,
                env=project,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for name in ("A", "B", "C")
        ]
        statuses = []
        while any(writer.poll() is None for writer in writers):
            statuses.append(fetch(base)[0])
        results = [writer.communicate(timeout=300) for writer in writers]
    for writer, (stdout, stderr) in zip(writers, results, strict=True):
        assert "database is locked" not in stderr
        assert writer.returncode == 0, stderr
        assert stdout.strip().endswith("done")
    assert set(statuses) <= {200}, statuses

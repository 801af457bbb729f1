"""smgovernance works in a Wagtail site that has neither `home` nor `config`."""

import ast
import os
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "smgovernance"


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "tests.reusable_site.settings"
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_system_checks_pass_without_the_demo_site():
    result = run("-m", "django", "check", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_migrations_are_complete_without_the_demo_site():
    result = run(
        "-m", "django", "makemigrations", "smgovernance", "--check", "--dry-run"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pages_migrate_and_render_without_the_demo_site():
    result = run("-m", "tests.reusable_site.render_check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK")


def test_package_never_imports_the_demo_site():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in {"home", "config"}, f"{path}: {name}"

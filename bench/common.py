"""Shared by run.py and load.py: a throw-away production-like site, gunicorn, a load generator.

Everything stays on 127.0.0.1; every server started here is stopped here.
"""

import http.client
import io
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def prepare_environment() -> Path:
    """Set the environment of a production-like site in a temp dir; return the dir."""
    workdir = Path(tempfile.mkdtemp(prefix="smgovernance-bench-"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "BENCH_DB": str(workdir / "bench.sqlite3"),
            "BENCH_STATIC_ROOT": str(workdir / "static"),
        }
    )
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return workdir


def setup_django_site() -> None:
    """Migrate, load the demo, collect static files (whitenoise's manifest)."""
    import django

    django.setup()
    from django.core.management import call_command

    quiet = io.StringIO()
    call_command("migrate", interactive=False, verbosity=0, stdout=quiet)
    call_command("load_demo", stdout=quiet)
    call_command("collectstatic", interactive=False, verbosity=0, stdout=quiet)


@contextmanager
def count_queries() -> Iterator[list[int]]:
    """Count the queries run inside (`[n]`), by a wrapper: Django's query log keeps
    only the last 9,000 queries, and a request resets it."""
    from django.db import connection

    count = [0]

    def counter(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        yield count


def cleanup(workdir: Path) -> None:
    shutil.rmtree(workdir, ignore_errors=True)


def free_port() -> int:
    """A free port on 127.0.0.1: from BENCH_PORTS ("8240-8259") when set, else any."""
    first, _, last = os.environ.get("BENCH_PORTS", "0-0").partition("-")
    for port in range(int(first), int(last or first) + 1):
        with socket.socket() as sock:
            try:
                sock.bind((HOST, port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError(f"no free port in BENCH_PORTS={os.environ['BENCH_PORTS']}")


@contextmanager
def gunicorn(page_cache: bool = True, workers: int = 2) -> Iterator[int]:
    """Run gunicorn on 127.0.0.1 with the bench settings; yield its port."""
    from django.db import connections

    connections.close_all()  # SQLite: no open transaction of ours while it runs
    port = free_port()
    env = {
        **os.environ,
        "BENCH_PAGE_CACHE": "on" if page_cache else "off",
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(workers),
            "--bind",
            f"{HOST}:{port}",
            "--log-level",
            "warning",
            "config.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                conn = http.client.HTTPConnection(HOST, port, timeout=5)
                conn.request("GET", "/")
                conn.getresponse().read()
                conn.close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def fetch(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def generate_load(
    port: int, paths: list[str], connections: int, seconds: float
) -> dict:
    """`connections` threads, each sending GETs one after another for `seconds`.

    Paths are taken round-robin. Any exception or non-200 answer is an error.
    Bounded: every thread stops at the deadline; sockets time out after 10 s.
    """
    deadline = time.monotonic() + seconds
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def worker(offset: int) -> None:
        local: list[float] = []
        local_errors: list[str] = []
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        count = offset
        while time.monotonic() < deadline:
            path = paths[count % len(paths)]
            count += 1
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    local.append(time.perf_counter() - started)
                else:
                    local_errors.append(f"{path}: HTTP {response.status}")
            except (OSError, http.client.HTTPException) as error:
                local_errors.append(f"{path}: {type(error).__name__}")
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=10)
        conn.close()
        with lock:
            latencies.extend(local)
            errors.extend(local_errors)

    started = time.monotonic()
    threads = [
        threading.Thread(target=worker, args=(i,), daemon=True)
        for i in range(connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 30)
    elapsed = time.monotonic() - started
    return {
        "connections": connections,
        "seconds": round(elapsed, 1),
        "requests": len(latencies),
        "errors": len(errors),
        "error_samples": sorted(set(errors))[:5],
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "latency_p50_ms": round(statistics.median(latencies) * 1000, 1)
        if latencies
        else None,
        "latency_p99_ms": round(percentile(latencies, 0.99) * 1000, 1)
        if latencies
        else None,
    }


def static_path() -> str:
    """The hashed URL whitenoise serves for the site's stylesheet."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    return staticfiles_storage.url("css/site.css")

"""Load run (not CI, not tests): 50 connections for 60 s against gunicorn, 0 errors.

Starts its own production-like site and gunicorn (2 workers) on 127.0.0.1, sends
GETs round-robin to every live public page and a static file, prints the result
and exits 1 on any error. It stops by itself after BENCH_LOAD_SECONDS (default 60);
BENCH_LOAD_CONNECTIONS (default 50) sets the connections.

    .venv/bin/python bench/load.py
"""

import json
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common


SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("BENCH_LOAD_CONNECTIONS", "50"))


def public_paths() -> list[str]:
    from wagtail.models import Page

    paths = []
    for page in Page.objects.live().public().filter(depth__gt=1):
        url = page.get_url()
        if url:
            paths.append(urlsplit(url).path)
    return paths


def main() -> int:
    workdir = common.prepare_environment()
    try:
        common.setup_django_site()
        with common.gunicorn(page_cache=True) as port:
            paths = [
                path
                for path in public_paths()
                if common.fetch(port, path)[0] == 200  # pages that render today
            ]
            paths.append(common.static_path())
            print(
                f"{CONNECTIONS} connections for {SECONDS:g} s over {paths}", flush=True
            )
            result = common.generate_load(port, paths, CONNECTIONS, SECONDS)
        print(json.dumps(result, indent=2))
        return 0 if result["errors"] == 0 and result["requests"] > 0 else 1
    finally:
        common.cleanup(workdir)


if __name__ == "__main__":
    sys.exit(main())

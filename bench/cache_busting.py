"""A visitor's throughput while another client busts the cache (issue 13.2).

Builds the production-like demo site of `bench/common.py` (gunicorn, 2 workers,
the shipped production settings without Redis: the database cache, rate limits
on), then measures one visitor reading cached pages:

1. alone;
2. beside an ordinary second client reading the same pages (the fair share of a
   saturated server, for reference);
3. beside a cache-busting client requesting random query strings (the attack
   of issue 13.2; the target ratio >= 0.5 applies here);
4. beside a client forcing renders: random values of a declared parameter
   (`/videos/?kategorie=…`) and random missing paths, until it gets 429.
Every other client has as many connections as the visitor.

Prints both throughputs and their ratio; exits 1 when the ratio is below 0.5.
Uses wrk (Debian package, installed by `make bench-deps`) and says so; without
wrk, a Python thread loop (weaker, so figures are not comparable).

    python bench/cache_busting.py [--seconds 10]
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    HOST,
    cleanup,
    generate_load,
    gunicorn,
    prepare_environment,
    setup_django_site,
)


VISITOR_PATHS = ["/", "/impressum/", "/datenschutz/", "/kanaele/"]
MINIMUM_RATIO = 0.5
# Both clients equally aggressive: on a saturated server a second client of any
# kind takes about half; the buster must cost no more than that.
CONNECTIONS = 4

# wrk scripts of the cache busters: every request a new random address.
# "query": random query strings on cached pages (the attack of issue 13.2);
# "render": random values of a declared parameter and random missing paths,
# which do render until the rate limit answers 429.
BUSTER_LUA = """
math.randomseed(os.time())
local paths = {%s}
request = function()
  local path = paths[math.random(#paths)]
  return wrk.format("GET", string.format(path, math.random(1, 1000000000)))
end
"""
BUSTERS = {
    "query": ["/?r=%d", "/impressum/?utm_source=%d", "/kanaele/?x=%d"],
    "render": ["/videos/?kategorie=k%d", "/fehlt-%d/"],
}


# wrk script of the visitor: the same few pages, round-robin.
VISITOR_LUA = """
local paths = {%s}
local index = 0
request = function()
  index = index %% #paths + 1
  return wrk.format("GET", paths[index])
end
"""


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def run_wrk(port: int, script: Path, seconds: int, connections: int) -> dict:
    """Run wrk with a Lua script; parse requests/s and non-2xx answers."""
    result = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(script),
            f"http://{HOST}:{port}/",
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    output = result.stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    latency = None
    if p99:
        factor = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
        latency = round(float(p99.group(1)) * factor, 1)
    return {
        "requests_per_second": float(rate.group(1)) if rate else 0.0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "latency_p99_ms": latency,
    }


def python_buster(port: int, seconds: float, connections: int) -> threading.Thread:
    """Fallback buster: threads requesting random addresses until the deadline."""
    deadline = time.monotonic() + seconds

    def bust() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        while time.monotonic() < deadline:
            number = random.randrange(10**9)
            path = random.choice(
                [f"/?r={number}", f"/videos/?kategorie=k{number}", f"/fehlt-{number}/"]
            )
            try:
                conn.request("GET", path)
                conn.getresponse().read()
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=10)
        conn.close()

    threads = [threading.Thread(target=bust, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    return threads


def wrk_in_background(port: int, script: Path, seconds: int) -> subprocess.Popen:
    return subprocess.Popen(
        [
            "wrk",
            "-t1",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "-s",
            str(script),
            f"http://{HOST}:{port}/",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def background_figures(process: subprocess.Popen, seconds: int) -> dict:
    output, _ = process.communicate(timeout=seconds + 60)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    refused = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {
        "requests_per_second": float(rate.group(1)) if rate else 0.0,
        "non_2xx": int(refused.group(1)) if refused else 0,
    }


def measure(port: int, seconds: int, tool: str) -> dict:
    """The visitor's figures alone, beside an ordinary second client (the fair
    share of a saturated server), and beside the cache buster."""
    workdir = Path(tempfile.mkdtemp(prefix="smgovernance-busting-"))
    visitor_script = workdir / "visitor.lua"
    visitor_script.write_text(
        VISITOR_LUA % ", ".join(json.dumps(path) for path in VISITOR_PATHS)
    )
    buster_scripts = {}
    for name, paths in BUSTERS.items():
        buster_scripts[name] = workdir / f"buster-{name}.lua"
        buster_scripts[name].write_text(
            BUSTER_LUA % ", ".join(json.dumps(path) for path in paths)
        )

    def visitor() -> dict:
        if tool == "wrk":
            return run_wrk(port, visitor_script, seconds, CONNECTIONS)
        return generate_load(port, VISITOR_PATHS, CONNECTIONS, seconds=seconds)

    def beside(script: Path) -> tuple[dict, dict]:
        if tool == "wrk":
            other = wrk_in_background(port, script, seconds + 4)
            time.sleep(2)  # the other client is at full speed before we measure
            figures = visitor()
            return figures, background_figures(other, seconds + 4)
        threads = python_buster(port, seconds + 4, CONNECTIONS)
        time.sleep(2)
        figures = visitor()
        for thread in threads:
            thread.join(timeout=30)
        return figures, {}

    alone = visitor()
    with_ordinary, ordinary = beside(visitor_script)
    busted, buster = beside(buster_scripts["query"])
    busted_render, buster_render = beside(buster_scripts["render"])
    shutil.rmtree(workdir, ignore_errors=True)

    def ratio(figures: dict) -> float:
        base = alone["requests_per_second"]
        return round(figures["requests_per_second"] / base, 2) if base else 0.0

    return {
        "tool": tool,
        "seconds": seconds,
        "connections_per_client": CONNECTIONS,
        "visitor_alone": alone,
        "visitor_beside_ordinary_client": with_ordinary,
        "ordinary_client": ordinary,
        "visitor_under_busting": busted,
        "buster": buster,
        "ratio_ordinary": ratio(with_ordinary),
        "ratio": ratio(busted),
        "visitor_under_render_busting": busted_render,
        "render_buster": buster_render,
        "ratio_render": ratio(busted_render),
        "load_average": [round(value, 2) for value in os.getloadavg()],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    arguments = parser.parse_args()
    tool = "wrk" if wrk_available() else "python"
    workdir = prepare_environment()
    try:
        print("Building the demo site ...", file=sys.stderr, flush=True)
        setup_django_site()
        with gunicorn(page_cache=True, workers=2) as port:
            for path in VISITOR_PATHS:  # warm the cache
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
                conn.request("GET", path)
                conn.getresponse().read()
                conn.close()
            figures = measure(port, arguments.seconds, tool)
    finally:
        cleanup(workdir)
    print(json.dumps(figures, indent=2))
    alone = figures["visitor_alone"]["requests_per_second"]
    busted = figures["visitor_under_busting"]["requests_per_second"]
    verdict = "met" if figures["ratio"] >= MINIMUM_RATIO else "MISSED"
    print(
        f"visitor alone {alone:.0f} req/s, under cache busting {busted:.0f} req/s: "
        f"ratio {figures['ratio']:.2f} (target >= {MINIMUM_RATIO}, {verdict}; "
        f"beside an ordinary second client {figures['ratio_ordinary']:.2f}, "
        f"beside a client forcing renders {figures['ratio_render']:.2f}; "
        f"tool {tool}, load average {figures['load_average'][0]})"
    )
    return 0 if figures["ratio"] >= MINIMUM_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())

"""Reading wrk's report (bench/loadtool.py), from outputs as wrk 4 prints them."""

from bench.loadtool import parse_wrk


# wrk pads one-letter units ("s") with a trailing blank, so a latency of seconds
# ends its line with one; a run where few requests finished looks like this.
SLOW_RUN = "\n".join(
    [
        "Running 5s test @ http://127.0.0.1:40123/impressum/",
        "  2 threads and 16 connections",
        "  Thread Stats   Avg      Stdev     Max   +/- Stdev",
        "    Latency   812.35ms  401.20ms   1.92s    66.67%",
        "    Req/Sec     1.00      0.00     1.00    100.00%",
        "  Latency Distribution",
        "     50%  703.11ms",
        "     75%    1.10s ",
        "     90%    1.92s ",
        "     99%    1.92s ",
        "  9 requests in 5.01s, 4.51MB read",
        "Requests/sec:      1.80",
        "Transfer/sec:      0.90MB",
    ]
)

FAST_RUN = """Running 5s test @ http://127.0.0.1:40123/kanaele/facebook/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    40.02ms   10.11ms 120.50ms   80.00%
    Req/Sec   400.00     50.00   500.00     70.00%
  Latency Distribution
     50%   38.50ms
     75%   45.00ms
     90%   52.00ms
     99%   98.20ms
  4000 requests in 5.00s, 30.00MB read
  Non-2xx or 3xx responses: 3
  Socket errors: connect 0, read 1, write 0, timeout 2
Requests/sec:    800.00
Transfer/sec:      6.00MB
"""


def test_latencies_in_seconds_with_wrks_trailing_blank_are_read():
    result = parse_wrk(SLOW_RUN)
    assert result["requests"] == 9
    assert result["latency_p50_ms"] == 703.11
    assert result["latency_p99_ms"] == 1920.0


def test_requests_latencies_and_errors_are_read():
    result = parse_wrk(FAST_RUN)
    assert result == {
        "requests": 4000,
        "requests_per_second": 800.0,
        "latency_p50_ms": 38.5,
        "latency_p99_ms": 98.2,
        "errors": 6,
    }


def test_a_report_without_a_latency_distribution_has_no_percentiles():
    output = "  0 requests in 5.00s, 0.00B read\nRequests/sec:      0.00\n"
    result = parse_wrk(output)
    assert (result["latency_p50_ms"], result["latency_p99_ms"]) == (None, None)

"""Shared helpers for the peer M/M/c benchmarks (argument parsing, Erlang C, JSON).

Kept free of simulation-library imports so that it costs nothing inside the
timed region.
"""
import json
import math
import resource
import sys

USAGE = "usage: {prog} SERVERS LAMBDA MU ARRIVALS SEED"


def parse_args(argv):
    """Parse `SERVERS LAMBDA MU ARRIVALS SEED`; exit 2 with a usage line on error."""
    prog = argv[0] if argv else "mmc"
    try:
        if len(argv) != 6:
            raise ValueError("expected 5 arguments")
        c = int(argv[1])
        lam = float(argv[2])
        mu = float(argv[3])
        n = int(argv[4])
        seed = int(argv[5])
        if c < 1 or n < 1 or seed < 1:
            raise ValueError("SERVERS, ARRIVALS and SEED must be >= 1")
        if not (lam > 0 and mu > 0 and math.isfinite(lam) and math.isfinite(mu)):
            raise ValueError("LAMBDA and MU must be finite and > 0")
    except ValueError as exc:
        print(USAGE.format(prog=prog), file=sys.stderr)
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    return c, lam, mu, n, seed


def erlang_c_wait(c, lam, mu):
    """Exact M/M/c mean wait in queue (Erlang C), or None if the queue is unstable."""
    a = lam / mu
    if a >= c:
        return None
    b = 1.0  # Erlang B with 0 servers
    for k in range(1, c + 1):
        b = a * b / (k + a * b)
    pc = c * b / (c - a * (1.0 - b))
    return pc / (c * mu - lam)


def peak_rss_kib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def emit(tool, c, lam, mu, n, events, wall, mean_wait, **extra):
    """Print the one-line JSON result (same keys as the C yardstick, then extras)."""
    out = {
        "tool": tool,
        "servers": c,
        "lambda": lam,
        "mu": mu,
        "arrivals": n,
        "events": events,
        "wall_seconds": wall,
        "events_per_second": events / wall if wall > 0 else None,
        "mean_wait": mean_wait,
        "erlang_c_wait": erlang_c_wait(c, lam, mu),
        "peak_rss_kib": peak_rss_kib(),
    }
    out.update(extra)
    print(json.dumps(out, separators=(",", ":")))

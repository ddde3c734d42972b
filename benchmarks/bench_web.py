"""Latency of the web server over a store of 1,000,000 synthetic events, under 20 clients.

Builds the synthetic store of ``bench_tension.py`` (or reuses ``--db`` if it already holds
that many events), starts ``wardrums serve`` on loopback in its own process, times one cold
request per endpoint (empty cache), then lets 20 concurrent clients loop over the endpoints
and prints p50/p95/max latency per endpoint; then requests nobody asked before (event
pages at random offsets, random pairs' series) to show the cost of a cache miss under load:

    python benchmarks/bench_web.py                              # 1,000,000 events
    python benchmarks/bench_web.py --db /tmp/b.duckdb --events 100000 --rounds 5
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_tension import _populate  # noqa: E402

from wardrums.analysis import refresh  # noqa: E402
from wardrums.store import open_store  # noqa: E402

ENDPOINTS = ("/api/events?limit=50", "/api/dyads", "/api/tension/C00/C01", "/api/alerts",
             "/", "/pair/C00/C01")


def _store(path: Path, n_events: int) -> None:
    with open_store(path) as store:
        if store.counts()["events"] != n_events:
            t0 = time.perf_counter()
            _populate(store, n_events)
            print(f"generated {n_events:,} synthetic events in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        if refresh(store).rebuilt:
            print(f"built incidents in {time.perf_counter() - t0:.1f} s")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(path: Path, port: int) -> subprocess.Popen:
    code = "from wardrums.web.cli import serve; serve()"
    proc = subprocess.Popen([sys.executable, "-c", code, "--db", str(path), "--port",
                             str(port), "--no-classifier"], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/openapi.json", timeout=2)
            return proc
        except httpx.HTTPError:
            if proc.poll() is not None:
                raise SystemExit("the server exited before answering") from None
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start within 10 minutes")


def _client(base: str, rounds: int, seed: int, out: dict[str, list[float]],
            lock: threading.Lock, errors: list[str]) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=300) as c:
        for _ in range(rounds):
            order = list(ENDPOINTS)
            rng.shuffle(order)
            for url in order:
                t0 = time.perf_counter()
                r = c.get(url)
                dt = time.perf_counter() - t0
                with lock:
                    out[url].append(dt)
                    if r.status_code != 200:
                        errors.append(f"{url}: {r.status_code}")


def _uncached(base: str, n: int, seed: int, out: dict[str, list[float]],
              lock: threading.Lock, errors: list[str]) -> None:
    """Requests no other client makes: event pages at random offsets, random pairs' series."""
    rng = random.Random(1000 + seed)
    with httpx.Client(base_url=base, timeout=300) as c:
        for _ in range(n):
            a, b = rng.sample(range(60), 2)
            for label, url in (("/api/events?limit=50&offset=<random>",
                                f"/api/events?limit=50&offset={rng.randrange(999_950)}"),
                               ("/api/tension/<random pair>", f"/api/tension/C{a:02d}/C{b:02d}")):
                t0 = time.perf_counter()
                r = c.get(url)
                dt = time.perf_counter() - t0
                with lock:
                    out[label].append(dt)
                    if r.status_code not in (200, 404):
                        errors.append(f"{url}: {r.status_code}")


def _table(out: dict[str, list[float]]) -> None:
    print(f"  {'endpoint':<40} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for url, values in out.items():
        print(f"  {url:<40} {_pct(values, 50) * 1000:8.1f} {_pct(values, 95) * 1000:8.1f} "
              f"{max(values) * 1000:8.1f}")


def _rss(pid: int) -> str:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return "unknown (no /proc)"
    peak = next((ln.split(":")[1].strip() for ln in status.splitlines()
                 if ln.startswith("VmHWM")), "?")
    now = next((ln.split(":")[1].strip() for ln in status.splitlines()
                if ln.startswith("VmRSS")), "?")
    return f"resident {now}, peak {peak}"


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(
        values) > 1 else values[0]


def _concurrently(n: int, work) -> float:
    """Run ``work(i)`` for i in 0..n-1 on n threads at once; return the wall-clock seconds."""
    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", help="store file (default: a temporary file)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=10, help="passes over the endpoints each")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory() if args.db is None else None
    path = Path(args.db) if args.db else Path(tmp.name) / "bench.duckdb"
    _store(path, args.events)
    port = _free_port()
    t0 = time.perf_counter()
    proc = _serve(path, port)
    print(f"server up in {time.perf_counter() - t0:.1f} s on http://127.0.0.1:{port}/")
    base = f"http://127.0.0.1:{port}"
    try:
        print(f"\ncold (first request, empty cache){'':<8}seconds")
        with httpx.Client(base_url=base, timeout=600) as c:
            for url in ENDPOINTS:
                t = time.perf_counter()
                status = c.get(url).status_code
                print(f"  {url:<40} {time.perf_counter() - t:7.2f}  ({status})")
        out: dict[str, list[float]] = {u: [] for u in ENDPOINTS}
        lock, errors = threading.Lock(), []
        wall = _concurrently(args.clients, lambda i: _client(base, args.rounds, i, out, lock,
                                                              errors))
        n = sum(len(v) for v in out.values())
        print(f"\n{args.clients} clients x {args.rounds} rounds: {n} requests in {wall:.1f} s "
              f"({n / wall:.0f} req/s), {len(errors)} not 200")
        _table(out)
        for e in errors[:5]:
            print(f"  error: {e}")
        fresh: dict[str, list[float]] = {"/api/events?limit=50&offset=<random>": [],
                                         "/api/tension/<random pair>": []}
        errors.clear()
        wall = _concurrently(args.clients, lambda i: _uncached(base, 3, i, fresh, lock, errors))
        print(f"\n{args.clients} clients, 3 uncached requests of each kind: "
              f"{wall:.1f} s, {len(errors)} errors")
        _table(fresh)
        for e in errors[:5]:
            print(f"  error: {e}")
        print(f"server memory: {_rss(proc.pid)}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()

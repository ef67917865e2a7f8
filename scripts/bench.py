#!/usr/bin/env python3
"""Whole-process benchmark of the accord binary.

Prints, for one corpus and dictionary set: start-up time, coding
throughput (sentences/s) on one thread and on every core, peak RSS, ingest
and re-ingest time, and the per-sentence cost at 1x, 10x and 100x the corpus
(copies with changed ids). Every number is the median of --runs runs, and
ratios are to baselines measured in the same run (`accord --version` for
start-up, the one-thread run for scaling, the 1x corpus for scale).

    python3 scripts/bench.py                      # the Wikipedia corpus in ../shared
    python3 scripts/bench.py --corpus my.jsonl --runs 3 --scales 1,10
    python3 scripts/bench.py --data path/to/dictionaries

Needs a release build (cargo build --release); stdlib only.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run(cmd, stdin=None, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (seconds, peak RSS in MB, stdout bytes or None).

    Peak RSS comes from GNU time when present: a child's own ru_maxrss also
    counts the memory of the Python process it was forked from."""
    full = [GNU_TIME, "-f", "accord-bench-rss %M"] + cmd if GNU_TIME else cmd
    start = time.perf_counter()
    p = subprocess.Popen(full, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    out = p.stdout.read() if stdout == subprocess.PIPE else None
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    secs = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed ({code}): {err.decode(errors='replace')[-500:]}")
    rss = usage.ru_maxrss / 1024.0
    for line in err.decode(errors="replace").splitlines():
        if line.startswith("accord-bench-rss "):
            rss = int(line.split()[1]) / 1024.0
    return secs, rss, out


def median_run(cmd, runs, stdin_path=None):
    times, rss = [], []
    for _ in range(runs):
        f = open(stdin_path, "rb") if stdin_path else None
        t, m, _ = run(cmd, stdin=f)
        if f:
            f.close()
        times.append(t)
        rss.append(m)
    return statistics.median(times), max(rss)


def scaled_corpus(src, k, tmp):
    """The corpus repeated k times, each item with a distinct id. The store
    keys an article by its text, so copy c also ends its text with c spaces:
    distinct articles that code exactly as the original."""
    path = os.path.join(tmp, f"corpus-{k}x.jsonl")
    with open(src, "rb") as f:
        lines = [l for l in f.read().splitlines() if l.strip()]
    with open(path, "wb") as out:
        for copy in range(k):
            for i, line in enumerate(lines):
                item = json.loads(line)
                item["id"] = f"{copy}-{i + 1}"
                item["text"] = item.get("text", "") + " " * copy
                out.write(json.dumps(item).encode() + b"\n")
    return path


def sentences_in(accord, data, corpus, tmp):
    db = os.path.join(tmp, "count.db")
    if os.path.exists(db):
        os.remove(db)
    t, rss, _ = run(accord + data + ["ingest", "--db", db, corpus])
    _, _, out = run(accord + ["stats", "--format", "jsonl", "--db", db], stdout=subprocess.PIPE)
    os.remove(db)
    return json.loads(out)["sentences"], t, rss


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--accord", default=os.path.join(ROOT, "target/release/accord"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "../shared/corpora/wikipedia-current-events-2025-2026.jsonl"))
    ap.add_argument("--data", help="dictionary directory in accord's format (default: the built-in dictionaries)")
    ap.add_argument("--dict", help="TABARI/PETRARCH/Phoenix dictionaries for `code` (a file, directory or .dictset); ingest rows then use the built-in ones")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scales", default="1,10,100")
    a = ap.parse_args()
    if not os.path.exists(a.accord):
        sys.exit(f"bench: {a.accord} not found; run `cargo build --release` first")
    if not os.path.exists(a.corpus):
        sys.exit(f"bench: corpus {a.corpus} not found")
    accord = [a.accord]
    data = ["--data", a.data] if a.data else []
    # `code` takes --dict after the subcommand; ingest codes with --data or the built-in dictionaries.
    code_dict = ["--dict", a.dict] if a.dict else []
    cores = os.cpu_count() or 1
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        short = os.path.join(tmp, "short.txt")
        with open(short, "w") as f:
            f.write("Kazakhstan joins the Abraham Accords\n\nGenerated on: 2025-11-06\n\nPresident Trump held a call with Prime Minister Netanyahu and President Tokayev.\n")
        base, _ = median_run(accord + ["--version"], max(a.runs, 10))
        # The first run may compile the dictionary cache; start-up is measured warm.
        run(accord + data + ["code"] + code_dict + ["--format", "jsonl", short])
        start, start_rss = median_run(accord + data + ["code"] + code_dict + ["--format", "jsonl", short], max(a.runs, 10))
        rows.append(("start-up (one short article)", f"{start * 1000:.1f} ms", f"{start / base:.1f}x `accord --version` ({base * 1000:.1f} ms)", f"{start_rss:.1f} MB"))
        per_sentence = {}
        n1, _, ingest_rss = sentences_in(accord, data, a.corpus, tmp)
        for k in [int(x) for x in a.scales.split(",")]:
            corpus = a.corpus if k == 1 else scaled_corpus(a.corpus, k, tmp)
            n = n1 * k
            runs = a.runs if k < 100 else max(1, a.runs // 2)
            t1, rss1 = median_run(accord + data + ["code"] + code_dict + ["--threads", "1", "--format", "jsonl", corpus], runs)
            tn, rssn = median_run(accord + data + ["code"] + code_dict + ["--threads", "0", "--format", "jsonl", corpus], runs)
            per_sentence[k] = t1 / n
            scale_note = "" if k == 1 else f", {per_sentence[k] / per_sentence[1]:.2f}x the 1x cost per sentence"
            rows.append((f"code {k}x, 1 thread ({n} sentences)", f"{n / t1:,.0f} sentences/s", f"{t1:.2f} s{scale_note}", f"{rss1:.1f} MB"))
            rows.append((f"code {k}x, {cores} threads", f"{n / tn:,.0f} sentences/s", f"{t1 / tn:.2f}x the 1-thread run", f"{rssn:.1f} MB"))
            db = os.path.join(tmp, "bench.db")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            ti, rssi, _ = run(accord + data + ["ingest", "--db", db, corpus])
            tr, _, _ = run(accord + data + ["ingest", "--db", db, corpus])
            rows.append((f"ingest {k}x (new db)", f"{ti:.2f} s", f"re-ingest {tr:.2f} s ({tr / ti:.2f}x)", f"{max(rssi, ingest_rss):.1f} MB"))
            if k != 1:
                os.remove(corpus)
    w = [max(len(r[i]) for r in rows) for i in range(4)]
    print(f"{'measure':<{w[0]}}  {'median':<{w[1]}}  {'context':<{w[2]}}  peak RSS")
    for r in rows:
        print(f"{r[0]:<{w[0]}}  {r[1]:<{w[1]}}  {r[2]:<{w[2]}}  {r[3]}")


if __name__ == "__main__":
    main()

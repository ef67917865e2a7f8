#!/usr/bin/env python3
"""Code a JSONL corpus on Apache Spark by piping partitions through accord.

accord's `code --format jsonl -` is a stateless filter: JSONL articles in on
stdin, one JSON event a line out, each carrying its article's `id`. Spark's
`RDD.pipe` runs one accord process per partition, so the work spreads over a
cluster with no accord-specific code on the executors.

    python3 scripts/spark_pipe.py INPUT.jsonl OUTPUT.jsonl \
        [--accord target/release/accord] [--partitions 4] [--master local[2]]

Items without an `id` get their 1-based line number as one, so every event
can be joined back to its input line. On a cluster, ship the binary with
`spark-submit --files target/release/accord` and pass `--accord ./accord`
(see docs/spark.md).
"""

import argparse
import json
import os
import shlex
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--accord", default="target/release/accord")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--extra", default="", help="extra arguments for `accord code`, e.g. '--data DIR'")
    a = ap.parse_args()
    from pyspark.sql import SparkSession  # imported late: --help works without PySpark

    accord = os.path.abspath(a.accord) if os.path.exists(a.accord) else a.accord
    spark = (
        SparkSession.builder.master(a.master)
        .appName("accord-code")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")

    def with_id(pair):
        line, index = pair
        item = json.loads(line)
        item.setdefault("id", str(index + 1))
        return json.dumps(item, ensure_ascii=False)

    lines = sc.textFile(a.input).filter(lambda l: l.strip())
    items = lines.zipWithIndex().map(with_id).repartition(a.partitions)
    command = " ".join(shlex.quote(w) for w in [accord, "code", "--format", "jsonl", "--threads", "1"] + a.extra.split() + ["-"])
    events = items.pipe(command)
    out = events.collect()
    spark.stop()
    with open(a.output, "w", encoding="utf-8") as f:
        for line in out:
            f.write(line + "\n")
    print(f"spark_pipe: {len(out)} events from {a.partitions} partitions", file=sys.stderr)


if __name__ == "__main__":
    main()

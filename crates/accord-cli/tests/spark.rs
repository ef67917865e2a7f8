//! accord as a stateless streaming filter under Apache Spark: the events a
//! corpus gets when its partitions are piped through `accord code` by
//! PySpark (local mode) are the events of the direct run.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn spark_pipe_gives_the_direct_run_events() {
    let has_pyspark = Command::new("python3")
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_pyspark {
        eprintln!("skipped: PySpark is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    // Input: the Wikipedia corpus's first 3,000 items when present, else our samples as JSONL; every item gets an id.
    let corpus = root().join("../shared/corpora/wikipedia-current-events-2025-2026.jsonl");
    let mut input = String::new();
    if corpus.exists() {
        let text = std::fs::read_to_string(&corpus).expect("corpus reads");
        for (i, line) in text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(3000)
            .enumerate()
        {
            let mut v: serde_json::Value = serde_json::from_str(line).expect("corpus line is JSON");
            v["id"] = serde_json::json!(format!("w{}", i + 1));
            input.push_str(&v.to_string());
            input.push('\n');
        }
    } else {
        for entry in std::fs::read_dir(root().join("samples")).expect("samples") {
            let p = entry.expect("entry").path();
            let text = std::fs::read_to_string(&p).expect("sample reads");
            let id = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("x")
                .to_string();
            input.push_str(
                &serde_json::json!({"id": id, "text": text, "date": "2025-11-06"}).to_string(),
            );
            input.push('\n');
        }
    }
    let input_path = dir.path().join("in.jsonl");
    std::fs::write(&input_path, &input).expect("write input");
    let direct = Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["code", "--format", "jsonl"])
        .arg(&input_path)
        .output()
        .expect("accord runs");
    assert!(
        direct.status.success(),
        "{}",
        String::from_utf8_lossy(&direct.stderr)
    );
    let out_path = dir.path().join("out.jsonl");
    let spark = Command::new("python3")
        .arg(root().join("scripts/spark_pipe.py"))
        .arg(&input_path)
        .arg(&out_path)
        .args([
            "--accord",
            env!("CARGO_BIN_EXE_accord"),
            "--partitions",
            "3",
            "--master",
            "local[2]",
        ])
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .output()
        .expect("python runs");
    assert!(
        spark.status.success(),
        "spark job failed: {}",
        String::from_utf8_lossy(&spark.stderr)
    );
    let mut a: Vec<String> = String::from_utf8_lossy(&direct.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    let mut b: Vec<String> = std::fs::read_to_string(&out_path)
        .expect("spark output")
        .lines()
        .map(str::to_string)
        .collect();
    assert!(!a.is_empty(), "the direct run codes events");
    // Partitions may come back in any order; each event is identical and names its input article.
    a.sort();
    b.sort();
    assert_eq!(a.len(), b.len());
    assert!(a == b, "spark events differ from the direct run");
    let ids: std::collections::HashSet<String> = input
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["id"].as_str().map(str::to_string))
        .collect();
    for line in &b {
        let v: serde_json::Value = serde_json::from_str(line).expect("event JSON");
        assert!(
            v["article"].as_str().is_some_and(|id| ids.contains(id)),
            "event joins back to an input id: {line}"
        );
    }
}

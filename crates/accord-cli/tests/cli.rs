//! End-to-end tests of the `accord` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The binary, with its dictionary cache under the build's target
/// directory, so tests leave nothing in the user's cache.
fn accord() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_accord"));
    c.env(
        "ACCORD_CACHE",
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("accord-cache"),
    );
    c
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared(rel: &str) -> Option<PathBuf> {
    let p = root().join("../shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/{rel} is absent");
        None
    }
}

fn run(cmd: &mut Command) -> Output {
    cmd.stdin(Stdio::null()).output().expect("accord runs")
}

/// Runs `cmd` with `input` on its stdin.
fn run_with_stdin(cmd: &mut Command, input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write");
    child.wait_with_output().expect("wait")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn events(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

fn piece<'a>(e: &'a serde_json::Value, which: &str) -> &'a str {
    let text = e["text"].as_str().unwrap_or_default();
    let s = &e["spans"][which];
    let (a, b) = (
        s[0].as_u64().unwrap_or(0) as usize,
        s[1].as_u64().unwrap_or(0) as usize,
    );
    text.get(a..b)
        .unwrap_or_else(|| panic!("span {which} {a}..{b} outside the sentence"))
}

/// The events the seed story must yield, checked on the seed itself and on
/// our own retelling of it. `call_date` is the day the call is dated (the
/// article date: neither text dates the call itself); the summit is "on
/// Thursday", 2025-11-06, in both.
fn check_seed_story(evs: &[serde_json::Value], call_date: &str) {
    let find = |src: &str, tgt: &str, pred: &dyn Fn(&str) -> bool| {
        evs.iter().find(|e| {
            e["source"] == src && e["target"] == tgt && pred(e["code"].as_str().unwrap_or(""))
        })
    };
    let all: Vec<String> = evs
        .iter()
        .map(|e| format!("{} {} {}", e["source"], e["target"], e["code"]))
        .collect();
    for tgt in ["ISRGOV", "KAZGOV"] {
        let e = find("USAGOV", tgt, &|c| c == "041")
            .unwrap_or_else(|| panic!("USAGOV -> {tgt} 041 missing: {all:?}"));
        assert_eq!(e["date"], call_date);
        assert!(
            piece(e, "source").contains("Trump") || piece(e, "source").eq_ignore_ascii_case("he"),
            "source span {:?}",
            piece(e, "source")
        );
        assert!(
            piece(e, "target").contains(if tgt == "ISRGOV" {
                "Netanyahu"
            } else {
                "Tokayev"
            }),
            "target span {:?}",
            piece(e, "target")
        );
        assert_eq!(e["root"], "04");
        assert_eq!(e["plover"], "CONSULT");
    }
    let summit = find("USAGOV", "KAZGOV", &|c| c == "043" || c == "044")
        .unwrap_or_else(|| panic!("summit 043/044 with Kazakhstan missing: {all:?}"));
    assert_eq!(summit["date"], "2025-11-06");
    assert!(
        find("USAGOV", "CASGOV", &|c| c == "043" || c == "044").is_some(),
        "the Central Asian leaders as a group: {all:?}"
    );
    assert!(
        !evs.iter().any(|e| e["code"] == "010"),
        "no bare 010: {all:?}"
    );
}

#[test]
fn seed_article_yields_the_story_events() {
    let Some(seed) = shared("seed/kazakhstan-abraham-accords.txt") else {
        return;
    };
    let o = run(accord()
        .args(["code", "--format", "jsonl", "--date", "2025-11-06"])
        .arg(&seed));
    assert!(o.status.success(), "{}", stderr(&o));
    let evs = events(&o);
    check_seed_story(&evs, "2025-11-06");
    let summit = evs
        .iter()
        .find(|e| e["target"] == "KAZGOV" && e["code"] == "043")
        .expect("checked above");
    assert_eq!(piece(summit, "verb"), "hosted");
    let rel = evs
        .iter()
        .find(|e| {
            e["code"].as_str().is_some_and(|c| c.starts_with("05"))
                && e["source"] == "KAZ"
                && e["target"] == "ISR"
        })
        .unwrap_or_else(|| panic!("05x Kazakhstan -> Israel relations missing"));
    assert_eq!(
        rel["date"],
        serde_json::json!({"from": "1992-01-01", "to": "1992-12-31"})
    );
    assert_eq!(piece(rel, "verb"), "established");
}

#[test]
fn our_retelling_yields_the_same_story() {
    let o = run(accord()
        .args(["code", "--format", "jsonl"])
        .arg(root().join("samples/kazakhstan-joins-accords.txt")));
    assert!(o.status.success(), "{}", stderr(&o));
    let evs = events(&o);
    check_seed_story(&evs, "2025-11-07");
    // "The four countries that joined in 2020 ... each agreed to normalize relations with Israel."
    for member in ["ARE", "BHR", "MAR", "SDN"] {
        let e = evs
            .iter()
            .find(|e| e["source"] == member && e["target"] == "ISR" && e["root"] == "05")
            .unwrap_or_else(|| panic!("{member} -> ISR 05x missing"));
        assert_eq!(
            e["date"],
            serde_json::json!({"from": "2020-01-01", "to": "2020-12-31"})
        );
    }
}

#[test]
fn table_and_csv_formats() {
    let sample = root().join("samples/kazakhstan-joins-accords.txt");
    let o = run(accord().args(["code"]).arg(&sample));
    assert!(o.status.success());
    let t = stdout(&o);
    assert!(t.starts_with("DATE"), "{t}");
    assert!(t.contains("USAGOV") && t.contains("041"), "{t}");
    let o = run(accord().args(["code", "--format", "csv"]).arg(&sample));
    let c = stdout(&o);
    let mut lines = c.lines();
    let header = lines.next().unwrap_or_default();
    assert!(
        header.starts_with("article,sentence,date_from,date_to,source,target,code"),
        "{header}"
    );
    let cols = header.split(',').count();
    assert!(lines.clone().count() >= 3);
    for l in lines.filter(|l| !l.contains('"')) {
        assert_eq!(l.split(',').count(), cols, "{l}");
    }
}

#[test]
fn missing_date_warns_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    for n in ["a", "b"] {
        std::fs::write(
            dir.path().join(format!("{n}.txt")),
            "Israel attacked Lebanon. Egypt condemned Israel.",
        )
        .expect("write");
    }
    let o = run(accord().args(["code", "--format", "jsonl"]).arg(dir.path()));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o).matches("warning:").count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("a.txt has no date"), "{}", stderr(&o));
    let evs = events(&o);
    assert!(!evs.is_empty());
    assert!(evs.iter().all(|e| e["date"].is_null()));
}

#[test]
fn malformed_inputs_are_reported_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    std::fs::write(
        p.join("a-good.txt"),
        "Title\n\nSource Article\nGenerated on: 2025-03-01\n\nIsrael attacked Lebanon.\n",
    )
    .expect("write");
    std::fs::write(p.join("b-empty.txt"), "").expect("write");
    std::fs::write(
        p.join("c-badutf8.txt"),
        b"First line\nIsrael \xff\xfe attacked\n",
    )
    .expect("write");
    std::fs::write(p.join("d-binary.txt"), b"\x00\x01\x02ELF").expect("write");
    std::fs::write(p.join("e.jsonl"), "{\"id\":\"j1\",\"text\":\"Egypt condemned Israel.\",\"date\":\"2025-03-02\"}\nnot json at all\n{\"id\":\"j3\",\"text\":\"Iran threatened Israel.\",\"date\":\"2025-03-03\"}\n").expect("write");
    let db = p.join("t.db");
    let o = run(accord().args(["ingest", "--db"]).arg(&db).arg(p));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("b-empty.txt: empty file"), "{err}");
    assert!(err.contains("c-badutf8.txt:2: invalid UTF-8"), "{err}");
    assert!(err.contains("d-binary.txt: binary file"), "{err}");
    assert!(err.contains("e.jsonl:2: not valid JSON"), "{err}");
    let o = run(accord()
        .args(["events", "--format", "jsonl", "--db"])
        .arg(&db));
    let evs = events(&o);
    let articles: std::collections::BTreeSet<&str> =
        evs.iter().filter_map(|e| e["article"].as_str()).collect();
    assert_eq!(
        articles.into_iter().collect::<Vec<_>>(),
        ["a-good", "j1", "j3"]
    );
}

#[test]
fn ingest_is_idempotent_and_queries_filter() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("t.db");
    let samples = root().join("samples");
    let o = run(accord().args(["ingest", "--db"]).arg(&db).arg(&samples));
    assert!(o.status.success(), "{}", stderr(&o));
    let stats = |db: &Path| {
        stdout(&run(accord()
            .args(["stats", "--format", "jsonl", "--db"])
            .arg(db)))
    };
    let first: serde_json::Value = serde_json::from_str(&stats(&db)).expect("json");
    assert_eq!(first["articles"], 5);
    assert!(first["events"].as_u64().unwrap_or(0) > 5, "{first}");
    let o = run(accord()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&samples)
        .arg(root().join("samples/kazakhstan-joins-accords.txt")));
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("ingested 0 new articles (6 already stored)"),
        "{}",
        stderr(&o)
    );
    let second: serde_json::Value = serde_json::from_str(&stats(&db)).expect("json");
    assert_eq!(first, second);
    // Query by actor and date.
    let o = run(accord()
        .args([
            "events",
            "--actor",
            "KAZ",
            "--since",
            "2025-11-01",
            "--format",
            "csv",
            "--db",
        ])
        .arg(&db));
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = stdout(&o);
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert!(!rows.is_empty(), "{csv}");
    assert!(rows.iter().all(|r| r.contains("KAZ")), "{csv}");
    let o = run(accord()
        .args([
            "events",
            "--actor",
            "KAZ",
            "--until",
            "1999-12-31",
            "--format",
            "jsonl",
            "--db",
        ])
        .arg(&db));
    let old = events(&o);
    assert!(
        old.iter()
            .all(|e| e["date"]["from"].as_str().is_some_and(|d| d < "2000")),
        "{old:?}"
    );
    let o = run(accord()
        .args(["events", "--db"])
        .arg(dir.path().join("missing.db")));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("run `accord ingest` first"));
}

#[test]
fn dictionary_errors_name_file_and_line_and_coding_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::create_dir_all(d.join("actors")).expect("mkdir");
    std::fs::create_dir_all(d.join("verbs")).expect("mkdir");
    std::fs::create_dir_all(d.join("cameo")).expect("mkdir");
    std::fs::write(
        d.join("cameo/codes.txt"),
        "190\t-10.0\t4\tASSAULT\tUse force\n",
    )
    .expect("write");
    std::fs::write(
        d.join("actors/c.txt"),
        "country ISR\n    name: Israel\ncountry LBN\n    name: Lebanon\n    capital Beirut\n",
    )
    .expect("write");
    std::fs::write(
        d.join("verbs/v.verbs"),
        "verb attack\n    190 * +\n    19x * with\n",
    )
    .expect("write");
    let o = run(accord().arg("--data").arg(d).args(["dict", "check"]));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("c.txt:5: error"), "{err}");
    assert!(err.contains("v.verbs:3: error"), "{err}");
    let o = run_with_stdin(
        accord().arg("--data").arg(d).args([
            "code",
            "--format",
            "jsonl",
            "--date",
            "2025-01-01",
            "-",
        ]),
        b"Israel attacked Lebanon.",
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "bad dictionary lines make the exit status 2"
    );
    let evs = events(&o);
    assert_eq!(evs.len(), 1, "{}", stdout(&o));
    assert_eq!(
        (
            evs[0]["source"].as_str(),
            evs[0]["target"].as_str(),
            evs[0]["code"].as_str()
        ),
        (Some("ISR"), Some("LBN"), Some("190"))
    );
}

#[test]
fn built_in_dictionaries_are_clean_and_large_enough() {
    let o = run(accord().args(["dict", "check"]));
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stdout(&o);
    let num = |label: &str| -> u64 {
        let before = s.split(label).next().unwrap_or_default();
        before
            .rsplit([' ', ','])
            .find(|w| !w.is_empty())
            .and_then(|w| w.parse().ok())
            .unwrap_or(0)
    };
    assert!(num(" patterns") >= 1500, "{s}");
    assert!(num(" people") >= 300, "{s}");
    assert!(num(" countries and regions") >= 250, "{s}");
}

#[test]
fn wikipedia_corpus_ingests_once() {
    let Some(corpus) = shared("corpora/wikipedia-current-events-2025-2026.jsonl") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let o = run(accord().args(["ingest", "--db"]).arg(&db).arg(&corpus));
    assert!(o.status.success(), "{}", stderr(&o));
    let stats = || -> serde_json::Value {
        serde_json::from_str(&stdout(&run(accord()
            .args(["stats", "--format", "jsonl", "--db"])
            .arg(&db))))
        .expect("json")
    };
    let first = stats();
    // Items with the same text are one article.
    let text = std::fs::read_to_string(&corpus).expect("corpus reads");
    let distinct: std::collections::HashSet<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        first["articles"].as_u64(),
        Some(distinct.len() as u64),
        "{first}"
    );
    assert!(first["sentences"].as_u64().unwrap_or(0) > 12000, "{first}");
    // Floor for coverage, raised as the dictionaries improve.
    assert!(first["events"].as_u64().unwrap_or(0) >= 1500, "{first}");
    let o = run(accord().args(["ingest", "--db"]).arg(&db).arg(&corpus));
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("ingested 0 new articles (10271 already stored)"),
        "{}",
        stderr(&o)
    );
    assert!(distinct.len() < 10271, "the corpus repeats some texts");
    assert_eq!(stats(), first);
}

#[test]
fn stdin_jsonl_streams_one_article_at_a_time() {
    use std::io::{BufRead, BufReader, Write};
    let mut child = accord()
        .args(["code", "--format", "jsonl", "--batch", "1", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let first =
        serde_json::json!({"id": "k1", "date": "2025-03-01", "text": "Israel attacked Lebanon."});
    writeln!(stdin, "{first}").expect("write");
    stdin.flush().expect("flush");
    // The event arrives while stdin is still open: accord is a streaming filter.
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let got = lines.next().and_then(Result::ok);
        let _ = tx.send(got);
        lines.count()
    });
    let got = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("an event before stdin closes")
        .expect("a line");
    let v: serde_json::Value = serde_json::from_str(&got).expect("json");
    assert_eq!(
        (
            v["article"].as_str(),
            v["source"].as_str(),
            v["target"].as_str()
        ),
        (Some("k1"), Some("ISR"), Some("LBN"))
    );
    writeln!(
        stdin,
        "{}",
        serde_json::json!({"id": "k2", "date": "2025-03-02", "text": "Egypt condemned Israel."})
    )
    .expect("write");
    drop(stdin);
    let rest = reader.join().expect("reader");
    assert_eq!(rest, 1, "the second article's event follows");
    assert!(child.wait().expect("wait").success());
}

#[test]
fn compiled_dictionaries_are_cached_and_never_stale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    for sub in ["actors", "verbs", "cameo"] {
        std::fs::create_dir_all(data.join(sub)).expect("mkdir");
    }
    std::fs::write(
        data.join("cameo/codes.txt"),
        "190\t-10.0\t4\tASSAULT\tUse force\n111\t-2.0\t3\tACCUSE\tCriticize\n",
    )
    .expect("write");
    std::fs::write(
        data.join("actors/c.txt"),
        "country ISR\n    name: Israel\ncountry LBN\n    name: Lebanon\n",
    )
    .expect("write");
    std::fs::write(data.join("verbs/v.verbs"), "verb attack\n    190 * +\n").expect("write");
    let cache = dir.path().join("cache");
    let code = || {
        let o = run_with_stdin(
            accord()
                .arg("--data")
                .arg(&data)
                .args(["code", "--format", "jsonl", "--date", "2025-01-01", "-"])
                .env("ACCORD_CACHE", &cache),
            b"Israel attacked Lebanon.",
        );
        assert!(o.status.success());
        events(&o)
            .into_iter()
            .map(|e| e["code"].as_str().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(code(), ["190"]);
    let entries = || std::fs::read_dir(&cache).map(|d| d.count()).unwrap_or(0);
    assert_eq!(entries(), 1, "the compiled dictionary was cached");
    assert_eq!(code(), ["190"], "a cache hit codes the same");
    assert_eq!(entries(), 1);
    // Edit a source: the cached copy must not be used.
    std::fs::write(data.join("verbs/v.verbs"), "verb attack\n    111 * +\n").expect("write");
    assert_eq!(code(), ["111"]);
    assert_eq!(entries(), 2);
}

#[test]
fn gdelt_and_plover_formats() {
    let sample = root().join("samples/kazakhstan-joins-accords.txt");
    let o = run(accord()
        .args(["code", "--format", "gdelt", "--date", "2025-11-06"])
        .arg(&sample));
    assert!(o.status.success(), "{}", stderr(&o));
    let g = stdout(&o);
    let rows: Vec<&str> = g.lines().collect();
    assert!(rows.len() >= 3, "{g}");
    for r in &rows {
        assert_eq!(r.split('\t').count(), 61, "{r}");
    }
    // Actor1Code, Actor2Code and EventCode of the phone call.
    assert!(
        rows.iter().any(|r| {
            let c: Vec<&str> = r.split('\t').collect();
            c[5] == "USAGOV" && c[15] == "ISRGOV" && c[26] == "041"
        }),
        "{g}"
    );
    let o = run(accord()
        .args(["code", "--format", "plover", "--date", "2025-11-06"])
        .arg(&sample));
    let p: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let call = p
        .iter()
        .find(|e| e["cameo"] == "041")
        .unwrap_or_else(|| panic!("{p:?}"));
    assert_eq!(call["event_type"], "CONSULT");
    assert_eq!(call["mode"], "phone");
    assert_eq!(call["actor"]["country"], "USA");
    assert_eq!(call["actor"]["sector"], "GOV");
    assert_eq!(call["recipient"]["code"], "ISRGOV");
    let hosted = p.iter().find(|e| e["cameo"] == "043");
    assert_eq!(
        hosted.map(|e| &e["mode"]),
        Some(&serde_json::json!("visit"))
    );
}

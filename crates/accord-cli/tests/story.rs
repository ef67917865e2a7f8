//! End-to-end tests of the story commands: `members`, `relations`,
//! `sources`, `quotes`, `check`, on the seed (when ../shared is present)
//! and on articles of our own.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn accord(db: &Path, args: &[&str]) -> (String, String, bool) {
    let o = Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(args)
        .arg("--db")
        .arg(db)
        .stdin(Stdio::null())
        .output()
        .expect("accord runs");
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        o.status.success(),
    )
}

fn json(db: &Path, args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    let (out, err, ok) = accord(db, &a);
    assert!(ok, "accord {args:?} failed: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("bad JSON from {args:?}: {e}\n{out}"))
}

fn ingest(db: &Path, input: &Path, date: Option<&str>) {
    let mut args = vec!["ingest", input.to_str().unwrap_or_default()];
    if let Some(d) = date {
        args.extend(["--date", d]);
    }
    let (_, err, ok) = accord(db, &args);
    assert!(ok, "ingest failed: {err}");
}

fn member<'a>(rows: &'a Value, code: &str) -> Option<&'a Value> {
    rows.as_array()?.iter().find(|r| r["member"] == code)
}

fn steps(row: &Value) -> Vec<(String, Value)> {
    row["steps"]
        .as_array()
        .map(|s| {
            s.iter()
                .map(|x| {
                    (
                        x["step"].as_str().unwrap_or("").to_string(),
                        x["date"].clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The "what it must show", on a store holding one of the two tellings.
fn check_store(db: &Path, article: &str) {
    let rows = json(db, &["members", "Abraham Accords", "--as-of", "2025-11-07"]);
    let codes: Vec<&str> = rows
        .as_array()
        .map(|r| r.iter().filter_map(|x| x["member"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(codes.len(), 5, "{rows:#}");
    for c in ["ARE", "BHR", "MAR", "SDN"] {
        let r = member(&rows, c).unwrap_or_else(|| panic!("{c} missing: {rows:#}"));
        assert_eq!(r["status"], "member", "{r:#}");
        assert!(
            steps(r).iter().any(|(s, _)| s == "normalized"),
            "{c} normalized relations with Israel on joining: {r:#}"
        );
        for s in r["steps"].as_array().into_iter().flatten() {
            assert!(
                s["evidence"].as_str().is_some_and(|e| e.len() > 20),
                "{s:#}"
            );
            assert_eq!(s["article"], article);
        }
    }
    let kaz = member(&rows, "KAZ").expect("KAZ listed");
    assert_eq!(kaz["status"], "announced");
    let st = steps(kaz);
    assert!(
        st.contains(&("announced".into(), Value::from("2025-11-06"))),
        "{st:?}"
    );
    assert!(
        st.iter().any(|(s, _)| s == "planned"),
        "signing ceremony pending: {st:?}"
    );
    // Before the announcement Kazakhstan is no member.
    let before = json(db, &["members", "Abraham Accords", "--as-of", "2025-11-05"]);
    assert!(member(&before, "KAZ").is_none(), "{before:#}");

    let rel = json(db, &["relations", "KAZ", "ISR"]);
    let kinds: Vec<(String, Value)> = rel["relations"]
        .as_array()
        .map(|r| {
            r.iter()
                .map(|x| {
                    (
                        x["kind"].as_str().unwrap_or("").to_string(),
                        x["date"].clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert!(kinds.contains(&(
        "established".into(),
        serde_json::json!({"from": "1992-01-01", "to": "1992-12-31"})
    )));
    assert!(kinds.contains(&(
        "agreements".into(),
        serde_json::json!({"from": "1994-01-01", "to": "1996-12-31"})
    )));
    let mut areas: Vec<&str> = rel["cooperation"]
        .as_array()
        .map(|r| r.iter().filter_map(|x| x["detail"].as_str()).collect())
        .unwrap_or_default();
    areas.sort();
    assert_eq!(
        areas,
        ["cybersecurity", "defense", "energy", "food technology"]
    );
    assert_eq!(
        json(db, &["relations", "isr", "kaz"])["relations"],
        rel["relations"]
    );

    let src = json(db, &["sources", article]);
    let src = src.as_array().cloned().unwrap_or_default();
    assert!(
        src.iter().any(|s| s["kind"] == "anonymous"
            && s["count"] == 3
            && s["nationality"] == "USA"
            && s["outlet"]
                .as_str()
                .is_some_and(|o| o.contains("Associated Press"))),
        "{src:#?}"
    );
    assert!(
        src.iter()
            .any(|s| s["kind"] == "social_media" && s["name"] == "Donald Trump"),
        "{src:#?}"
    );

    let quotes = json(db, &["quotes", "--speaker", "trump", "--article", article]);
    let quotes = quotes.as_array().cloned().unwrap_or_default();
    assert!(!quotes.is_empty());
    for q in &quotes {
        assert_eq!(q["speaker"], "Donald Trump");
        let (text, span) = (q["evidence"].as_str().unwrap_or(""), &q["span"]);
        let (a, b) = (
            span[0].as_u64().unwrap_or(0) as usize,
            span[1].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(
            text.get(a..b),
            q["quote"].as_str(),
            "span points at the quote"
        );
    }

    let claims = json(db, &["check", article]);
    let distance = claims
        .as_array()
        .and_then(|c| c.iter().find(|x| x["kind"] == "distance"))
        .unwrap_or_else(|| panic!("distance claim: {claims:#}"));
    assert_eq!(distance["verdict"], "not_supported", "{distance:#}");
    let km = |c: &str| {
        distance["figures"]
            .as_array()
            .and_then(|f| f.iter().find(|x| x["country"] == c))
            .and_then(|x| x["capital_km"].as_f64())
            .unwrap_or_else(|| panic!("{c}: {distance:#}"))
    };
    assert!(km("MAR") > km("KAZ"), "Rabat-Jerusalem > Astana-Jerusalem");
    assert!(distance["figures"][0]["centroid_km"].as_f64().is_some());
}

#[test]
fn the_seed_through_the_story_commands() {
    let seed = root().join("../shared/seed/kazakhstan-abraham-accords.txt");
    if !seed.exists() {
        eprintln!("skipped: ../shared/seed/kazakhstan-abraham-accords.txt is absent");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    ingest(&db, &seed, Some("2025-11-06"));
    check_store(&db, "kazakhstan-abraham-accords");
    let quotes = json(&db, &["quotes"]);
    assert!(
        quotes
            .as_array()
            .into_iter()
            .flatten()
            .any(|q| q["speaker_kind"] == "anonymous"
                && q["quote"] == "completely changed the paradigm"),
        "{quotes:#}"
    );
    // Ingesting again stores nothing twice.
    ingest(&db, &seed, Some("2025-11-06"));
    check_store(&db, "kazakhstan-abraham-accords");
}

#[test]
fn our_retelling_and_the_relation_check_across_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("r.db");
    let sample = root().join("samples/kazakhstan-joins-accords.txt");
    ingest(&db, &sample, None);
    check_store(&db, "kazakhstan-joins-accords");
    let claims = json(&db, &["check", "kazakhstan-joins-accords"]);
    let arr = claims.as_array().cloned().unwrap_or_default();
    // "The four countries that joined in 2020": Sudan's announcement was in October 2020.
    let joined: Vec<&Value> = arr
        .iter()
        .filter(|c| {
            c["kind"] == "membership" && c["claim"].as_str().is_some_and(|s| s.contains("joined"))
        })
        .collect();
    assert_eq!(joined.len(), 4, "{claims:#}");
    assert!(
        joined.iter().all(|c| c["verdict"] == "supported"),
        "{claims:#}"
    );
    let est = arr
        .iter()
        .find(|c| {
            c["kind"] == "relation"
                && c["claim"]
                    .as_str()
                    .is_some_and(|s| s.contains("established"))
        })
        .expect("relation claim");
    assert_eq!(est["verdict"], "unknown", "nothing else stored yet");
    // A second article dating the relation differently makes it contested.
    let other = dir.path().join("other.txt");
    std::fs::write(
        &other,
        "Kazakh ties\n\nSource Article\nGenerated on: 2025-11-08\n\nKazakhstan established diplomatic relations with Israel in 1993.\n",
    )
    .expect("write");
    ingest(&db, &other, None);
    let claims = json(&db, &["check", "kazakhstan-joins-accords"]);
    let est = claims
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|c| {
                    c["kind"] == "relation"
                        && c["claim"]
                            .as_str()
                            .is_some_and(|s| s.contains("established"))
                })
                .cloned()
        })
        .expect("relation claim");
    assert_eq!(est["verdict"], "not_supported", "{est:#}");
    assert_eq!(est["figures"][0]["date"]["from"], "1993-01-01");
}

#[test]
fn withdrawals_and_formats() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let fixtures = root().join("crates/accord-story/tests/fixtures");
    ingest(&db, &fixtures, None);
    let ecowas = json(&db, &["members", "ECOWAS"]);
    for c in ["BFA", "MLI", "NER"] {
        let r = member(&ecowas, c).unwrap_or_else(|| panic!("{c}: {ecowas:#}"));
        assert_eq!(r["status"], "withdrawn");
    }
    let nato = json(&db, &["members", "NATO", "--as-of", "2023-01-01"]);
    assert!(
        member(&nato, "FIN").is_none(),
        "Finland joined in April 2023: {nato:#}"
    );
    let nato = json(&db, &["members", "NATO"]);
    assert_eq!(
        member(&nato, "FIN").map(|r| &r["status"]),
        Some(&Value::from("member"))
    );
    let with_ref = json(&db, &["members", "NATO", "--reference"]);
    assert!(
        with_ref.as_array().is_some_and(|a| a.len() >= 32),
        "{with_ref:#}"
    );
    let claims = json(&db, &["check", "sahel-ecowas-nato"]);
    assert!(
        claims
            .as_array()
            .into_iter()
            .flatten()
            .any(|c| c["kind"] == "membership"
                && c["verdict"] == "supported"
                && c["claim"]
                    .as_str()
                    .is_some_and(|s| s.contains("Burkina Faso"))),
        "{claims:#}"
    );
    // Every format runs; CSV has a header and one line a member.
    let (csv, _, ok) = accord(&db, &["members", "ECOWAS", "--format", "csv"]);
    assert!(ok);
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(csv.starts_with("member,name,status"));
    let (table, _, ok) = accord(&db, &["sources", "bolivia-israel-ties"]);
    assert!(ok && table.contains("Fernando Aramayo"), "{table}");
    let (jsonl, _, ok) = accord(&db, &["quotes", "--format", "jsonl"]);
    assert!(
        ok && jsonl
            .lines()
            .all(|l| serde_json::from_str::<Value>(l).is_ok())
    );
    let (_, err, ok) = accord(&db, &["members", "No Such Pact"]);
    assert!(!ok && err.contains("no agreement"), "{err}");
    let (_, err, ok) = accord(&db, &["sources", "no-such-article"]);
    assert!(!ok && err.contains("no article"), "{err}");
}

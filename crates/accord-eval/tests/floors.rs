//! Runs the three evaluations when `../shared` is present and fails when a
//! number drops below its floor in `eval-floors.json` at the workspace root.

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn evaluations_stay_above_their_floors() {
    let suites = root().join("../shared/suites");
    if !suites.is_dir() {
        eprintln!("skipped: ../shared/suites is absent");
        return;
    }
    let floors_text = std::fs::read_to_string(root().join("eval-floors.json"))
        .unwrap_or_else(|e| panic!("eval-floors.json: {e}"));
    let floors: serde_json::Value =
        serde_json::from_str(&floors_text).unwrap_or_else(|e| panic!("eval-floors.json: {e}"));
    let mut failures = Vec::new();
    for (name, file) in [
        ("tabari", "tabari/Validate.text"),
        ("petrarch", "petrarch/PETR.UnitTest.records.xml"),
        ("plover", "plover-gsr/dev.json"),
    ] {
        let report =
            accord_eval::run(&suites.join(file), None).unwrap_or_else(|e| panic!("{name}: {e}"));
        let got = serde_json::to_value(&report).unwrap_or_default();
        let Some(floor) = floors.get(name).and_then(|f| f.as_object()) else {
            failures.push(format!("{name}: no floors in eval-floors.json"));
            continue;
        };
        for (key, min) in floor {
            let min = min.as_f64().unwrap_or(0.0);
            let value = got.get(key).and_then(|v| v.as_f64()).unwrap_or(0.0);
            // Counts compare as they are, rates in thousandths.
            let value = if matches!(key.as_str(), "records" | "correct") {
                value
            } else {
                (value * 1000.0).floor()
            };
            eprintln!("{name} {key}: {value} (floor {min})");
            if key == "records" && value != min {
                failures.push(format!("{name}: {value} records read, expected {min}"));
            } else if value < min {
                failures.push(format!("{name}: {key} {value} is below its floor {min}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_tabari_project_file_names_its_suite() {
    let suites = root().join("../shared/suites");
    if !suites.is_dir() {
        eprintln!("skipped: ../shared/suites is absent");
        return;
    }
    let (kind, file) = accord_eval::find_suite(&suites.join("tabari/Validate.project"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kind, accord_eval::SuiteKind::Tabari);
    assert_eq!(
        file.file_name().and_then(|n| n.to_str()),
        Some("Validate.text")
    );
    let bad = std::env::temp_dir().join(format!("accord-no-text-{}.project", std::process::id()));
    std::fs::write(&bad, "<actorsfile> a.actors\n").unwrap_or_else(|e| panic!("{e}"));
    let err = accord_eval::find_suite(&bad).expect_err("a project with no text file is an error");
    assert!(err.contains("no <textfile>"), "{err}");
    let _ = std::fs::remove_file(&bad);
}

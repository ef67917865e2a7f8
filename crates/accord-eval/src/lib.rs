//! Evaluation of accord against the field's validation suites.
//!
//! Three kinds of suite are read:
//! - TABARI validation records (`Validate.text`: a `YYMMDD ID` line, the
//!   text, then `{ SOURCE / TARGET / CODE }` records in a `/* */` comment;
//!   `{---}`, `{###}` and `{+++}` expect no events, `-{` stops checking
//!   further events), up to the record `FINAL-01`, coded with the
//!   dictionaries the `Validate.project` beside it names;
//! - PETRARCH unit-test records (`PETR.UnitTest.records.xml`: `<Sentence>`
//!   with `<EventCoding>` triples, coding the words of its `<Parse>` as
//!   PETRARCH does (the `<Text>` when there is none; nothing when the
//!   parse's brackets do not balance), with
//!   the `PETR.Validate.*` dictionaries its `<Environment>` names;
//! - PLOVER gold-standard records (`dev.json`), coded with accord's own
//!   dictionaries; older PLOVER names are mapped (DEMAND -> REQUEST,
//!   DISAPPROVE -> ACCUSE, FIGHT -> ASSAULT, INVESTIGATE -> ACCUSE, as the
//!   current PLOVER table puts CAMEO 09 under ACCUSE with mode `investigate`).
//!
//! A [`Report`] counts records fully correct and precision, recall and F1
//! over (source, target, code) triples at full code and at root level
//! (for PLOVER: source and target country with the event type, and the event
//! type alone), and keeps every failing record. A PLOVER record counts as
//! correct when its gold event is found; the records that also carry event
//! types the gold lacks are listed apart (`extra`), since they cost precision.

mod suites;

pub use suites::{read_petrarch, read_plover, read_tabari};

use accord_coder::{Coder, MentionContext, Scratch};
use accord_dict::{Dictionary, Loaded};
use accord_text::{Article, Date};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Which suite a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SuiteKind {
    /// TABARI `Validate.text`.
    Tabari,
    /// PETRARCH `PETR.UnitTest.records.xml`.
    Petrarch,
    /// PLOVER gold standard JSON.
    Plover,
}

/// One expected or coded event.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Triple {
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// Event code (CAMEO, WEIS, or a PLOVER type).
    pub code: String,
}

/// One test record.
#[derive(Debug, Clone)]
pub struct Record {
    /// Record id.
    pub id: String,
    /// Story date.
    pub date: Option<Date>,
    /// Text to code.
    pub text: String,
    /// Expected events.
    pub expected: Vec<Triple>,
    /// True when events beyond `expected` are allowed (TABARI `-{`).
    pub partial: bool,
    /// TABARI `{---}`, `{###}` or `{+++}` beside the events: no events also
    /// passes (manual 10.1: the special codes are checked first, and if one
    /// matches the events are not).
    pub or_none: bool,
    /// TABARI `{ OPTION: ... }` settings this record changes, in order (they
    /// hold for this record and the ones after it).
    pub options: Vec<String>,
}

/// A record that was not coded as expected.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// Record id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Expected events.
    pub expected: Vec<Triple>,
    /// Events accord coded.
    pub got: Vec<Triple>,
}

/// Totals of one evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Suite kind.
    pub suite: SuiteKind,
    /// Records evaluated.
    pub records: usize,
    /// Records coded exactly as expected.
    pub correct: usize,
    /// Precision over full triples.
    pub precision: f64,
    /// Recall over full triples.
    pub recall: f64,
    /// F1 over full triples.
    pub f1: f64,
    /// Precision at root level.
    pub root_precision: f64,
    /// Recall at root level.
    pub root_recall: f64,
    /// F1 at root level.
    pub root_f1: f64,
    /// PLOVER only: share of records whose event type was found where the
    /// source country also matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_accuracy: Option<f64>,
    /// PLOVER only: the same for the target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_accuracy: Option<f64>,
    /// Dictionary problems found while loading (warnings and errors).
    pub dictionary_warnings: usize,
    /// Failing records.
    pub failures: Vec<Failure>,
    /// PLOVER only: records counted correct that also carry event types the
    /// gold lacks. They cost precision without failing the record.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Failure>,
}

/// Guesses the suite from a path (a file, or a directory holding one).
pub fn find_suite(path: &Path) -> Result<(SuiteKind, PathBuf), String> {
    if path.is_dir() {
        for (name, kind) in [
            ("Validate.text", SuiteKind::Tabari),
            ("PETR.UnitTest.records.xml", SuiteKind::Petrarch),
            ("dev.json", SuiteKind::Plover),
        ] {
            let f = path.join(name);
            if f.is_file() {
                return Ok((kind, f));
            }
        }
        return Err(format!(
            "{}: no Validate.text, PETR.UnitTest.records.xml or dev.json here",
            path.display()
        ));
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    // A TABARI project names its text file.
    if name.ends_with(".project") {
        let p = accord_compat::TabariProject::read(path).map_err(|e| e.to_string())?;
        let text = p
            .text
            .ok_or_else(|| format!("{}: no <textfile> line", path.display()))?;
        return Ok((SuiteKind::Tabari, text));
    }
    let kind = if name.ends_with(".xml") {
        SuiteKind::Petrarch
    } else if name.ends_with(".json") || name.ends_with(".jsonl") {
        SuiteKind::Plover
    } else {
        SuiteKind::Tabari
    };
    if !path.is_file() {
        return Err(format!("{}: no such file", path.display()));
    }
    Ok((kind, path.to_path_buf()))
}

/// The dictionaries a suite comes with (`None` for PLOVER: accord's own).
pub fn suite_dictionary(kind: SuiteKind, file: &Path) -> Result<Option<Loaded>, String> {
    let dir = file.parent().unwrap_or(Path::new("."));
    match kind {
        SuiteKind::Tabari => {
            let proj = tabari_project_of(file).unwrap_or_else(|| dir.join("Validate.project"));
            let p = accord_compat::TabariProject::read(&proj).map_err(|e| e.to_string())?;
            p.load().map(Some).map_err(|e| e.to_string())
        }
        SuiteKind::Petrarch => accord_compat::load(&[file.to_path_buf()])
            .map(Some)
            .map_err(|e| e.to_string()),
        SuiteKind::Plover => Ok(None),
    }
}

/// The `.project` file in the text file's directory that names it.
fn tabari_project_of(text: &Path) -> Option<PathBuf> {
    let dir = text.parent()?;
    let mut projects: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "project"))
        .collect();
    projects.sort();
    projects.into_iter().find(|p| {
        accord_compat::TabariProject::read(p)
            .ok()
            .and_then(|proj| proj.text)
            .is_some_and(|t| t.file_name() == text.file_name())
    })
}

/// Reads the records of a suite file.
pub fn read_records(kind: SuiteKind, file: &Path) -> Result<Vec<Record>, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    };
    match kind {
        SuiteKind::Tabari => Ok(read_tabari(&text)),
        SuiteKind::Petrarch => Ok(read_petrarch(&text)),
        SuiteKind::Plover => read_plover(&text).map_err(|e| format!("{}: {e}", file.display())),
    }
}

fn root(code: &str) -> String {
    code.get(..2).unwrap_or(code).to_string()
}

fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fn_ == 0 {
        0.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Counts of matches between an expected and a coded set.
fn overlap(exp: &BTreeSet<Triple>, got: &BTreeSet<Triple>) -> (usize, usize, usize) {
    let tp = exp.intersection(got).count();
    (tp, got.len() - tp, exp.len() - tp)
}

/// Codes every record and scores it.
pub fn evaluate(kind: SuiteKind, records: &[Record], loaded: &Loaded) -> Report {
    let dict: &Dictionary = &loaded.dictionary;
    let mut tab = dict.options.tab.clone();
    let mut scratch = Scratch::default();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let (mut rtp, mut rfp, mut rfn) = (0, 0, 0);
    let (mut src_ok, mut tgt_ok, mut type_found) = (0, 0, 0);
    let mut correct = 0;
    let mut failures = Vec::new();
    let mut extra = Vec::new();
    // `FORWARD:` state: the previous record's place in its story and the
    // actor it passes on.
    let mut prev_seq: Option<(String, u32)> = None;
    let mut passed: Option<String> = None;
    for r in records {
        let article = Article {
            id: r.id.clone(),
            title: None,
            date: r.date,
            source: None,
            url: None,
            text: r.text.clone(),
            origin: r.id.clone(),
        };
        for o in &r.options {
            tab.apply(o);
        }
        let coder = Coder::new(dict).with_tab_options(tab.clone());
        // Forwarding holds from the sentence before in the same story only
        // (manual 8.4); a gap in the numbers breaks it.
        let seq = tab.sequence(&r.id);
        let follows = match (&prev_seq, &seq) {
            (Some((ps, pn)), Some((s, n))) => ps == s && pn.checked_add(1) == Some(*n),
            _ => false,
        };
        let mut ctx = MentionContext {
            tab_forward: passed.take().filter(|_| follows),
            ..MentionContext::default()
        };
        let coded = coder.code_article_with(&article, r.date, &mut scratch, &mut ctx);
        passed = ctx.tab_forward;
        prev_seq = seq;
        let mut got: BTreeSet<Triple> = BTreeSet::new();
        for e in coded.events() {
            let code = match kind {
                SuiteKind::Plover => match &e.plover {
                    Some(p) => p.clone(),
                    None => continue,
                },
                _ => e.code.clone(),
            };
            got.insert(Triple {
                source: e.source.clone(),
                target: e.target.clone(),
                code,
            });
        }
        let exp: BTreeSet<Triple> = if r.or_none && got.is_empty() {
            BTreeSet::new()
        } else {
            r.expected.iter().cloned().collect()
        };
        let ok = match kind {
            SuiteKind::Plover => {
                // PLOVER's gold names countries by ISO code, as `--format plover` does.
                let country =
                    |c: &str| accord_dict::iso3_of_cameo(c.get(..3).unwrap_or(c)).to_string();
                let full = |s: &BTreeSet<Triple>| -> BTreeSet<Triple> {
                    s.iter()
                        .map(|t| Triple {
                            source: country(&t.source),
                            target: country(&t.target),
                            code: t.code.clone(),
                        })
                        .collect()
                };
                let types = |s: &BTreeSet<Triple>| -> BTreeSet<Triple> {
                    s.iter()
                        .map(|t| Triple {
                            source: String::new(),
                            target: String::new(),
                            code: t.code.clone(),
                        })
                        .collect()
                };
                let (a, b, c) = overlap(&full(&exp), &full(&got));
                tp += a;
                fp += b;
                fn_ += c;
                let (a, b, c) = overlap(&types(&exp), &types(&got));
                rtp += a;
                rfp += b;
                rfn += c;
                let wrong_types = b;
                if let Some(g) = exp.iter().next() {
                    let hits: Vec<&Triple> = got.iter().filter(|t| t.code == g.code).collect();
                    if !hits.is_empty() {
                        type_found += 1;
                        if hits
                            .iter()
                            .any(|t| country(&t.source) == country(&g.source))
                        {
                            src_ok += 1;
                        }
                        if hits
                            .iter()
                            .any(|t| country(&t.target) == country(&g.target))
                        {
                            tgt_ok += 1;
                        }
                    }
                }
                // A PLOVER record is correct when its event type is found
                // between the right countries.
                let ok = overlap(&full(&exp), &full(&got)).0 == exp.len() && !exp.is_empty();
                if ok && wrong_types > 0 {
                    extra.push(Failure {
                        id: r.id.clone(),
                        text: r.text.clone(),
                        expected: r.expected.clone(),
                        got: got.iter().cloned().collect(),
                    });
                }
                ok
            }
            _ => {
                let (a, b, c) = overlap(&exp, &got);
                tp += a;
                fp += if r.partial { 0 } else { b };
                fn_ += c;
                let roots = |s: &BTreeSet<Triple>| -> BTreeSet<Triple> {
                    s.iter()
                        .map(|t| Triple {
                            source: t.source.clone(),
                            target: t.target.clone(),
                            code: root(&t.code),
                        })
                        .collect()
                };
                let (a, b, c) = overlap(&roots(&exp), &roots(&got));
                rtp += a;
                rfp += if r.partial { 0 } else { b };
                rfn += c;
                if r.partial {
                    exp.is_subset(&got)
                } else {
                    exp == got
                }
            }
        };
        if ok {
            correct += 1;
        } else {
            failures.push(Failure {
                id: r.id.clone(),
                text: r.text.clone(),
                expected: r.expected.clone(),
                got: got.into_iter().collect(),
            });
        }
    }
    let (precision, recall, f1) = prf(tp, fp, fn_);
    let (root_precision, root_recall, root_f1) = prf(rtp, rfp, rfn);
    let plover = kind == SuiteKind::Plover;
    let share = |n: usize| {
        if type_found == 0 {
            0.0
        } else {
            n as f64 / type_found as f64
        }
    };
    Report {
        suite: kind,
        records: records.len(),
        correct,
        precision,
        recall,
        f1,
        root_precision,
        root_recall,
        root_f1,
        source_accuracy: plover.then(|| share(src_ok)),
        target_accuracy: plover.then(|| share(tgt_ok)),
        dictionary_warnings: loaded.diagnostics.len(),
        failures,
        extra,
    }
}

/// Runs a suite: finds its records and dictionaries (or uses `dict`).
pub fn run(path: &Path, dict: Option<Loaded>) -> Result<Report, String> {
    let (kind, file) = find_suite(path)?;
    let records = read_records(kind, &file)?;
    let loaded = match dict {
        Some(d) => d,
        None => match suite_dictionary(kind, &file)? {
            Some(d) => d,
            None => Dictionary::embedded(),
        },
    };
    Ok(evaluate(kind, &records, &loaded))
}

//! The story commands: `members`, `relations`, `quotes`, `sources`, `check`,
//! and the story half of `ingest`. Each query reads the store and prints a
//! table, JSON (an array, one object a record), JSON lines or CSV.

use accord_coder::{CodedArticle, EventDate};
use accord_dict::Dictionary;
use accord_store::{EventQuery, IngestStats, Store, StoreError, Stored};
use accord_story::{
    check_distance, status_after, DistanceClaim, Lexicon, MembershipStep, RelationKind, Step,
    Verdict,
};
use accord_text::{Article, Date};
use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;

/// Output format of the story commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StoryFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON array, one object a record.
    Json,
    /// One JSON object a line.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
}

/// Where the database is.
#[derive(Args)]
pub struct StoryDb {
    /// Database file.
    #[arg(
        long,
        value_name = "PATH",
        env = "ACCORD_DB",
        default_value = "accord.db"
    )]
    db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StoryFormat::Table)]
    format: StoryFormat,
}

/// `accord members`.
#[derive(Args)]
pub struct MembersArgs {
    /// The agreement: a name or alias ("Abraham Accords", "NATO") or its key (ABRAHAM).
    agreement: String,
    /// The state as of this day: steps after it are left out.
    #[arg(long, value_parser = crate::parse_date, value_name = "DATE")]
    as_of: Option<Date>,
    /// Add the known member facts of data/agreements/ as steps.
    #[arg(long)]
    reference: bool,
    #[command(flatten)]
    out: StoryDb,
}

/// `accord relations`.
#[derive(Args)]
pub struct RelationsArgs {
    /// One country (CAMEO code, e.g. KAZ).
    a: String,
    /// The other country (e.g. ISR).
    b: String,
    #[command(flatten)]
    out: StoryDb,
}

/// `accord quotes`.
#[derive(Args)]
pub struct QuotesArgs {
    /// Only quotes whose speaker's name contains this (case-insensitive).
    #[arg(long)]
    speaker: Option<String>,
    /// Only quotes of this article id.
    #[arg(long)]
    article: Option<String>,
    #[command(flatten)]
    out: StoryDb,
}

/// `accord sources` and `accord check`.
#[derive(Args)]
pub struct ArticleArgs {
    /// Article id (as `accord events` shows it).
    article: String,
    #[command(flatten)]
    out: StoryDb,
}

/// Examples for `accord members`.
pub const MEMBERS_HELP: &str = "\
Examples:
  accord members \"Abraham Accords\" --as-of 2025-11-07
  accord members NATO --format json
  accord members BRICS --reference --format csv";
/// Examples for `accord relations`.
pub const RELATIONS_HELP: &str = "\
Examples:
  accord relations KAZ ISR
  accord relations ISR MAR --format json";
/// Examples for `accord quotes`.
pub const QUOTES_HELP: &str = "\
Examples:
  accord quotes --speaker Trump
  accord quotes --article kazakhstan-abraham-accords --format json";
/// Examples for `accord sources`.
pub const SOURCES_HELP: &str = "\
Examples:
  accord sources kazakhstan-abraham-accords
  accord sources kazakhstan-abraham-accords --format csv";
/// Examples for `accord check`.
pub const CHECK_HELP: &str = "\
Examples:
  accord check kazakhstan-abraham-accords
  accord check kazakhstan-abraham-accords --format json";

/// Extracts the story records of a batch and stores them with it, in one transaction.
pub fn ingest_batch(
    store: &mut Store,
    dict: &Dictionary,
    batch: &[(Article, Option<Date>, CodedArticle)],
) -> Result<IngestStats, StoreError> {
    let lexicon = Lexicon::new(dict);
    let stories: Vec<_> = batch
        .iter()
        .map(|(a, d, c)| accord_story::extract(dict, &lexicon, a, *d, c))
        .collect();
    store.ingest_with_stories(batch, &stories)
}

fn open(db: &std::path::Path) -> Result<Store> {
    if !db.exists() {
        bail!(
            "no database at {}; run `accord ingest` first or pass --db",
            db.display()
        );
    }
    Store::open(db).with_context(|| format!("opening database {}", db.display()))
}

fn dictionary(data: Option<&PathBuf>) -> Result<Dictionary> {
    Ok(crate::load_dictionary(data)?.dictionary)
}

fn date_json(d: Option<EventDate>) -> Value {
    match d {
        Some(EventDate::Day(x)) => json!(x.to_string()),
        Some(EventDate::Range(a, b)) => json!({"from": a.to_string(), "to": b.to_string()}),
        None => Value::Null,
    }
}

fn date_str(d: Option<EventDate>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Object(m) if m.contains_key("from") => format!(
            "{}/{}",
            m.get("from").and_then(Value::as_str).unwrap_or(""),
            m.get("to").and_then(Value::as_str).unwrap_or("")
        ),
        other => other.to_string(),
    }
}

/// Prints records: JSON array, JSON lines, or CSV / table of `columns`.
fn print(rows: &[Value], format: StoryFormat, columns: &[&str], empty: &str) -> Result<()> {
    let stdout = std::io::stdout();
    let mut o = std::io::BufWriter::new(stdout.lock());
    match format {
        StoryFormat::Json => {
            serde_json::to_writer_pretty(&mut o, rows)?;
            writeln!(o)?;
        }
        StoryFormat::Jsonl => {
            for r in rows {
                serde_json::to_writer(&mut o, r)?;
                writeln!(o)?;
            }
        }
        StoryFormat::Csv => {
            writeln!(o, "{}", columns.join(","))?;
            for r in rows {
                let line: Vec<String> = columns.iter().map(|c| csv_field(&cell(&r[*c]))).collect();
                writeln!(o, "{}", line.join(","))?;
            }
        }
        StoryFormat::Table => {
            if rows.is_empty() {
                writeln!(o, "({empty})")?;
            } else {
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| columns.iter().map(|c| cell(&r[*c])).collect())
                    .collect();
                let widths: Vec<usize> = (0..columns.len())
                    .map(|i| {
                        if i + 1 == columns.len() {
                            0
                        } else {
                            cells
                                .iter()
                                .map(|r| r[i].chars().count())
                                .chain(std::iter::once(columns[i].len()))
                                .max()
                                .unwrap_or(0)
                                .min(40)
                        }
                    })
                    .collect();
                let line = |vals: Vec<String>| {
                    vals.iter()
                        .zip(&widths)
                        .map(|(v, w)| format!("{v:<w$}"))
                        .collect::<Vec<_>>()
                        .join("  ")
                        .trim_end()
                        .to_string()
                };
                writeln!(
                    o,
                    "{}",
                    line(columns.iter().map(|c| c.to_uppercase()).collect())
                )?;
                for r in cells {
                    writeln!(o, "{}", line(r))?;
                }
            }
        }
    }
    o.flush()?;
    Ok(())
}

fn place_name(dict: &Dictionary, code: &str) -> String {
    dict.place(code)
        .and_then(|p| p.names.first().cloned())
        .unwrap_or_else(|| code.to_string())
}

fn fact_step(s: &str) -> Option<Step> {
    Some(match s {
        "founding" | "joined" => Step::Joined,
        "announced" => Step::Announced,
        "signed" => Step::Signed,
        "ratified" => Step::Ratified,
        "acceded" => Step::Acceded,
        "suspended" => Step::Suspended,
        "reinstated" => Step::Reinstated,
        "withdrew" => Step::Withdrew,
        _ => return None,
    })
}

/// A step with its effective date and its output object.
type DatedStep = (Option<Date>, Step, Value);

/// `accord members`.
pub fn members(args: MembersArgs, data: Option<&PathBuf>) -> Result<()> {
    let dict = dictionary(data)?;
    let lx = Lexicon::new(&dict);
    let Some(ai) = lx.find_agreement(&dict, &args.agreement) else {
        let known: Vec<&str> = lx.agreement_names.iter().map(String::as_str).collect();
        bail!(
            "no agreement called {:?} in the dictionaries (known: {})",
            args.agreement,
            known.join(", ")
        );
    };
    let key = lx.agreement_keys[ai].clone();
    let store = open(&args.out.db)?;
    // (member, effective date, step, json)
    let mut steps: Vec<(String, Option<Date>, Step, Value)> = Vec::new();
    for s in store.story_steps(Some(&key), None)? {
        let st: &MembershipStep = &s.record;
        let effective = match (st.step, st.date) {
            (Step::Planned, _) | (_, None) => s.article_date,
            (_, Some(d)) => Some(d.from()),
        };
        steps.push((
            st.member.clone(),
            effective,
            st.step,
            json!({
                "step": st.step.as_str(),
                "date": date_json(st.date),
                "dated_by": if st.date.is_none() { Value::Null } else if st.dated_by_text { json!("text") } else { json!("article date") },
                "detail": st.detail,
                "article": s.article,
                "sentence": st.sentence,
                "evidence": s.text,
            }),
        ));
    }
    if args.reference {
        for f in &dict.actors.agreements[ai].members {
            let Some(step) = fact_step(&f.step) else {
                continue;
            };
            let date = match (f.from, f.to) {
                (Some(a), Some(b)) if a == b => Some(EventDate::Day(a)),
                (Some(a), Some(b)) => Some(EventDate::Range(a, b)),
                _ => None,
            };
            steps.push((
                f.member.clone(),
                f.from,
                step,
                json!({
                    "step": step.as_str(),
                    "date": date_json(date),
                    "dated_by": "reference",
                    "detail": if f.step == "founding" { json!("founding") } else { Value::Null },
                    "article": Value::Null,
                    "sentence": Value::Null,
                    "evidence": format!("data/agreements: {} {} {}", f.member, f.step, date_str(date)),
                }),
            ));
        }
    }
    if let Some(cut) = args.as_of {
        steps.retain(|(_, eff, _, _)| eff.is_none_or(|d| d <= cut));
    }
    steps.sort_by(|a, b| (&a.0, a.1, a.2).cmp(&(&b.0, b.1, b.2)));
    let mut members: Vec<(String, Vec<DatedStep>)> = Vec::new();
    for (m, eff, step, v) in steps {
        match members.last_mut() {
            Some((last, list)) if *last == m => list.push((eff, step, v)),
            _ => members.push((m, vec![(eff, step, v)])),
        }
    }
    members.sort_by(|a, b| {
        let first = |x: &Vec<DatedStep>| x.iter().filter_map(|s| s.0).min();
        (first(&a.1), &a.0).cmp(&(first(&b.1), &b.0))
    });
    let rows: Vec<Value> = members
        .into_iter()
        .map(|(m, list)| {
            let kinds: Vec<Step> = list.iter().map(|s| s.1).collect();
            let status = status_after(&kinds);
            let summary: Vec<String> = list
                .iter()
                .map(|(_, step, v)| {
                    let d = cell(&v["date"]);
                    let detail = v["detail"]
                        .as_str()
                        .map(|x| format!(" {x}"))
                        .unwrap_or_default();
                    format!(
                        "{}{} {}",
                        step.as_str(),
                        detail,
                        if d.is_empty() {
                            "(date unknown)".into()
                        } else {
                            d
                        }
                    )
                })
                .collect();
            let evidence: Vec<String> = list
                .iter()
                .map(
                    |(_, _, v)| match (v["article"].as_str(), v["sentence"].as_u64()) {
                        (Some(a), Some(s)) => format!("{a}#{s}"),
                        _ => "reference".into(),
                    },
                )
                .collect();
            json!({
                "member": m,
                "name": place_name(&dict, &m),
                "agreement": key,
                "status": status,
                "steps": list.into_iter().map(|s| s.2).collect::<Vec<_>>(),
                "summary": summary.join("; "),
                "cited": evidence.join(" "),
            })
        })
        .collect();
    print(
        &rows,
        args.out.format,
        &["member", "name", "status", "summary", "cited"],
        "no members known",
    )
}

fn norm_code(s: &str) -> String {
    s.trim().to_uppercase()
}

/// `accord relations`.
pub fn relations(args: RelationsArgs, data: Option<&PathBuf>) -> Result<()> {
    let dict = dictionary(data)?;
    let (a, b) = (norm_code(&args.a), norm_code(&args.b));
    for c in [&a, &b] {
        if dict.place(c).is_none() {
            bail!("{c} is not a country code in the dictionaries");
        }
    }
    let store = open(&args.out.db)?;
    let rels = store.story_relations(Some((&a, &b)), None)?;
    let mut history: Vec<&Stored<accord_story::Relation>> = rels
        .iter()
        .filter(|r| r.record.kind != RelationKind::Cooperation)
        .collect();
    history.sort_by_key(|r| (r.record.date.is_none(), r.record.date.map(|d| d.from())));
    let mut rows: Vec<Value> = Vec::new();
    for r in history {
        rows.push(json!({
            "section": "relation",
            "kind": r.record.kind.as_str(),
            "date": date_json(r.record.date),
            "detail": r.record.detail,
            "article": r.article,
            "sentence": r.record.sentence,
            "evidence": r.text,
        }));
    }
    let mut topics: Vec<String> = Vec::new();
    for r in rels
        .iter()
        .filter(|r| r.record.kind == RelationKind::Cooperation)
    {
        let Some(t) = &r.record.detail else { continue };
        if topics.contains(t) {
            continue;
        }
        topics.push(t.clone());
        let name = dict
            .actors
            .topics
            .iter()
            .find(|x| &x.key == t)
            .map_or_else(|| t.clone(), |x| x.name.clone());
        rows.push(json!({
            "section": "cooperation",
            "kind": "cooperation",
            "date": Value::Null,
            "detail": name,
            "article": r.article,
            "sentence": r.record.sentence,
            "evidence": r.text,
        }));
    }
    let mut events = Vec::new();
    for (s, t) in [(&a, &b), (&b, &a)] {
        events.extend(store.events(&EventQuery {
            source: Some(s.clone()),
            target: Some(t.clone()),
            ..Default::default()
        })?);
    }
    events.sort_by(|x, y| {
        (x.date.map(|d| d.from()), &x.article, x.sentence).cmp(&(
            y.date.map(|d| d.from()),
            &y.article,
            y.sentence,
        ))
    });
    for e in &events {
        rows.push(json!({
            "section": "event",
            "kind": format!("{} {}->{}", e.code, e.source, e.target),
            "date": date_json(e.date),
            "detail": e.plover,
            "article": e.article,
            "sentence": e.sentence,
            "evidence": e.text,
        }));
    }
    if args.out.format == StoryFormat::Json {
        let pick = |section: &str| -> Vec<Value> {
            rows.iter()
                .filter(|r| r["section"] == section)
                .cloned()
                .collect()
        };
        let obj = json!({
            "pair": [a, b],
            "relations": pick("relation"),
            "cooperation": pick("cooperation"),
            "events": pick("event"),
        });
        println!("{}", serde_json::to_string_pretty(&obj)?);
        return Ok(());
    }
    print(
        &rows,
        args.out.format,
        &[
            "section", "kind", "date", "detail", "article", "sentence", "evidence",
        ],
        "nothing known about this pair",
    )
}

/// `accord quotes`.
pub fn quotes(args: QuotesArgs) -> Result<()> {
    let store = open(&args.out.db)?;
    if let Some(a) = &args.article {
        if !store.has_article(a)? {
            bail!("no article {a:?} in {}", args.out.db.display());
        }
    }
    let rows: Vec<Value> = store
        .story_quotes(args.speaker.as_deref(), args.article.as_deref())?
        .into_iter()
        .map(|q| {
            json!({
                "article": q.article,
                "sentence": q.record.sentence,
                "speaker": q.record.speaker,
                "speaker_code": q.record.speaker_code,
                "speaker_kind": q.record.speaker_kind.map(|k| k.as_str()),
                "quote": q.record.text,
                "span": q.record.span,
                "evidence": q.text,
            })
        })
        .collect();
    print(
        &rows,
        args.out.format,
        &["article", "sentence", "speaker", "speaker_code", "quote"],
        "no quotes",
    )
}

/// `accord sources`.
pub fn sources(args: ArticleArgs) -> Result<()> {
    let store = open(&args.out.db)?;
    if !store.has_article(&args.article)? {
        bail!("no article {:?} in {}", args.article, args.out.db.display());
    }
    let rows: Vec<Value> = store
        .story_sources(&args.article)?
        .into_iter()
        .map(|s| {
            let r = &s.record;
            json!({
                "article": s.article,
                "sentence": r.sentence,
                "kind": r.kind.as_str(),
                "name": r.name,
                "code": r.code,
                "count": r.count,
                "nationality": r.nationality,
                "outlet": r.outlet,
                "span": r.span,
                "evidence": s.text,
            })
        })
        .collect();
    print(
        &rows,
        args.out.format,
        &[
            "sentence",
            "kind",
            "name",
            "code",
            "count",
            "nationality",
            "outlet",
            "evidence",
        ],
        "no sources found",
    )
}

/// Steps that a fact of `fact` may confirm.
fn compatible(step: Step, fact: &str) -> bool {
    match step {
        Step::Joined | Step::Normalized => matches!(
            fact,
            "joined" | "signed" | "acceded" | "ratified" | "founding" | "announced"
        ),
        Step::Announced => fact == "announced",
        Step::Signed => fact == "signed",
        Step::Ratified => matches!(fact, "ratified" | "joined"),
        Step::Acceded => matches!(fact, "acceded" | "joined"),
        Step::Suspended => fact == "suspended",
        Step::Reinstated => fact == "reinstated",
        Step::Withdrew => fact == "withdrew",
        Step::Member | Step::Planned | Step::WithdrawalAnnounced => false,
    }
}

fn overlaps(a: EventDate, from: Date, to: Date) -> bool {
    a.from() <= to && from <= a.to()
}

fn distance_row(dict: &Dictionary, c: &Stored<DistanceClaim>) -> Value {
    let chk = check_distance(dict, &c.record);
    let r = &c.record;
    json!({
        "claim": format!(
            "{} is {} {} {} than {}",
            place_name(dict, &r.subject),
            r.comparison.as_str(),
            if r.comparison == accord_story::Comparison::Farther { "from" } else { "to" },
            place_name(dict, &r.reference),
            if r.others.is_empty() { "the others".to_string() } else { r.others.join(", ") }
        ),
        "kind": "distance",
        "verdict": chk.verdict.as_str(),
        "figures": chk.figures.iter().map(|f| json!({
            "country": f.country,
            "capital": f.capital,
            "to": chk.reference,
            "to_capital": chk.reference_capital,
            "capital_km": f.capital_km,
            "centroid_km": f.centroid_km,
        })).collect::<Vec<_>>(),
        "summary": chk.summary,
        "article": c.article,
        "sentence": r.sentence,
        "evidence": c.text,
    })
}

/// `accord check`.
pub fn check(args: ArticleArgs, data: Option<&PathBuf>) -> Result<()> {
    let dict = dictionary(data)?;
    let store = open(&args.out.db)?;
    if !store.has_article(&args.article)? {
        bail!("no article {:?} in {}", args.article, args.out.db.display());
    }
    let mut rows: Vec<Value> = Vec::new();
    for c in store.story_claims(&args.article)? {
        rows.push(distance_row(&dict, &c));
    }
    // Dated relations, against what other articles say.
    for r in store.story_relations(None, Some(&args.article))? {
        let rec = &r.record;
        let Some(date) = rec.date else { continue };
        if rec.kind == RelationKind::Cooperation {
            continue;
        }
        let others: Vec<_> = store
            .story_relations(Some((&rec.a, &rec.b)), None)?
            .into_iter()
            .filter(|o| {
                o.article != r.article && o.record.kind == rec.kind && o.record.date.is_some()
            })
            .collect();
        let agree = others.iter().any(|o| {
            o.record
                .date
                .is_some_and(|d| overlaps(date, d.from(), d.to()))
        });
        let verdict = if others.is_empty() {
            Verdict::Unknown
        } else if agree {
            Verdict::Supported
        } else {
            Verdict::NotSupported
        };
        rows.push(json!({
            "claim": format!("{} and {}: {} {}", place_name(&dict, &rec.a), place_name(&dict, &rec.b), if rec.kind == RelationKind::Agreements { "bilateral agreements since" } else { rec.kind.as_str() }, date),
            "kind": "relation",
            "verdict": verdict.as_str(),
            "figures": others.iter().map(|o| json!({"article": o.article, "sentence": o.record.sentence, "date": date_json(o.record.date)})).collect::<Vec<_>>(),
            "summary": if others.is_empty() { "no other stored article dates this".to_string() } else { format!("{} other stored record(s)", others.len()) },
            "article": r.article,
            "sentence": rec.sentence,
            "evidence": r.text,
        }));
    }
    // Membership steps dated by the text, against the reference facts and other articles.
    for s in store.story_steps(None, Some(&args.article))? {
        let st = &s.record;
        let Some(date) = st.date.filter(|_| st.dated_by_text) else {
            continue;
        };
        if matches!(
            st.step,
            Step::Member | Step::Planned | Step::WithdrawalAnnounced
        ) {
            continue;
        }
        let facts: Vec<_> = dict
            .actors
            .agreements
            .iter()
            .filter(|a| a.key == st.agreement)
            .flat_map(|a| a.members.iter())
            .filter(|f| f.member == st.member && compatible(st.step, &f.step))
            .collect();
        let mut figures: Vec<Value> = facts
            .iter()
            .map(|f| json!({"reference": "data/agreements", "step": f.step, "from": f.from.map(|d| d.to_string()), "to": f.to.map(|d| d.to_string())}))
            .collect();
        let fact_agrees = facts.iter().any(|f| match (f.from, f.to) {
            (Some(a), Some(b)) => overlaps(date, a, b),
            _ => false,
        });
        let others: Vec<_> = store
            .story_steps(Some(&st.agreement), None)?
            .into_iter()
            .filter(|o| {
                o.article != s.article
                    && o.record.member == st.member
                    && o.record.step == st.step
                    && o.record.dated_by_text
            })
            .collect();
        figures.extend(others.iter().map(|o| json!({"article": o.article, "sentence": o.record.sentence, "date": date_json(o.record.date)})));
        let store_agrees = others.iter().any(|o| {
            o.record
                .date
                .is_some_and(|d| overlaps(date, d.from(), d.to()))
        });
        let verdict = if fact_agrees || (facts.is_empty() && store_agrees) {
            Verdict::Supported
        } else if !facts.is_empty() || !others.is_empty() {
            Verdict::NotSupported
        } else {
            Verdict::Unknown
        };
        rows.push(json!({
            "claim": format!("{} {} {} {}", place_name(&dict, &st.member), st.step.as_str(), st.agreement, date),
            "kind": "membership",
            "verdict": verdict.as_str(),
            "figures": figures,
            "summary": format!("{} reference fact(s), {} other stored record(s)", facts.len(), others.len()),
            "article": s.article,
            "sentence": st.sentence,
            "evidence": s.text,
        }));
    }
    print(
        &rows,
        args.out.format,
        &["kind", "verdict", "claim", "summary"],
        "no checkable claims found",
    )
}

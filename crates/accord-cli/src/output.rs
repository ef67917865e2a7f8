//! Event output formats: a readable table, JSON lines, CSV, GDELT 2.0
//! event export rows and PLOVER JSON.

use accord_coder::CodedEvent;
use clap::ValueEnum;
use std::io::{self, Write};

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for reading.
    Table,
    /// One JSON object a line.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
    /// GDELT 2.0 event export: 61 tab-separated columns, no header.
    Gdelt,
    /// PLOVER JSON, one event a line: event type, mode, context, actor and
    /// recipient with country and sector codes.
    Plover,
}

/// Writes events in one format.
pub struct EventWriter<W: Write> {
    w: W,
    format: Format,
    started: bool,
    /// Events written (GDELT's GLOBALEVENTID).
    count: u64,
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn date_str(e: &CodedEvent) -> (String, String) {
    match e.date {
        Some(d) => (d.from().to_string(), d.to().to_string()),
        None => (String::new(), String::new()),
    }
}

fn piece(text: &str, span: [u32; 2]) -> &str {
    text.get(span[0] as usize..span[1] as usize).unwrap_or("")
}

impl<W: Write> EventWriter<W> {
    /// A writer.
    pub fn new(w: W, format: Format) -> Self {
        EventWriter {
            w,
            format,
            started: false,
            count: 0,
        }
    }

    /// Writes one event.
    pub fn write(&mut self, e: &CodedEvent) -> io::Result<()> {
        self.count += 1;
        match self.format {
            Format::Gdelt => writeln!(self.w, "{}", gdelt_row(self.count, e)),
            Format::Plover => {
                serde_json::to_writer(&mut self.w, &plover_json(e))?;
                self.w.write_all(b"\n")
            }
            Format::Jsonl => {
                serde_json::to_writer(&mut self.w, e)?;
                self.w.write_all(b"\n")
            }
            Format::Csv => {
                if !self.started {
                    writeln!(self.w, "article,sentence,date_from,date_to,source,target,code,root,quad,goldstein,plover,source_text,verb_text,target_text,source_span,verb_span,target_span,text")?;
                }
                self.started = true;
                let (f, t) = date_str(e);
                let sp = |s: [u32; 2]| format!("{}-{}", s[0], s[1]);
                writeln!(
                    self.w,
                    "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                    csv_field(&e.article),
                    e.sentence,
                    f,
                    t,
                    e.source,
                    e.target,
                    e.code,
                    e.root,
                    e.quad,
                    e.goldstein,
                    e.plover.as_deref().unwrap_or(""),
                    csv_field(piece(&e.text, e.spans.source)),
                    csv_field(piece(&e.text, e.spans.verb)),
                    csv_field(piece(&e.text, e.spans.target)),
                    sp(e.spans.source),
                    sp(e.spans.verb),
                    sp(e.spans.target),
                    csv_field(&e.text)
                )
            }
            Format::Table => {
                if !self.started {
                    writeln!(
                        self.w,
                        "{:<23} {:<10} {:<10} {:<5} {:<10} EVIDENCE",
                        "DATE", "SOURCE", "TARGET", "CODE", "PLOVER"
                    )?;
                }
                self.started = true;
                let date = match e.date {
                    Some(d) => d.to_string(),
                    None => "-".into(),
                };
                writeln!(
                    self.w,
                    "{:<23} {:<10} {:<10} {:<5} {:<10} [{}] {} [{}]  ({}#{})",
                    date,
                    e.source,
                    e.target,
                    e.code,
                    e.plover.as_deref().unwrap_or("-"),
                    piece(&e.text, e.spans.source),
                    piece(&e.text, e.spans.verb),
                    piece(&e.text, e.spans.target),
                    e.article,
                    e.sentence
                )
            }
        }
    }

    /// Writes `n` events already rendered in this writer's format (JSON
    /// lines rendered on the coding threads).
    pub fn write_rendered(&mut self, bytes: &[u8], n: u64) -> io::Result<()> {
        self.started |= n > 0;
        self.count += n;
        self.w.write_all(bytes)
    }

    /// Flushes what was written so far (for streaming use).
    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }

    /// Flushes; a table with no events says so.
    pub fn finish(mut self) -> io::Result<()> {
        if !self.started && self.format == Format::Table {
            writeln!(self.w, "(no events)")?;
        }
        self.w.flush()
    }
}

/// CAMEO actor type codes (GDELT's Type and PLOVER's sector codes).
const ACTOR_TYPES: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL",
    "REF", "ELI", "LAB", "LEG", "HLH", "RAD", "AGR", "MNC", "IGO", "NGO", "NGM", "UAF", "IMG",
    "SET", "INS", "PRM", "UNK", "DEV", "ENV", "HRI", "MOD", "AMN", "IRC", "GRP", "SEP", "JEW",
    "MOS", "CHR", "BUD", "HIN", "CON", "ATH",
];

/// An actor code split GDELT's way: country, known group, up to three types.
struct ActorParts {
    country: String,
    group: String,
    types: Vec<String>,
}

fn actor_parts(code: &str) -> ActorParts {
    let chunks: Vec<&str> = (0..code.len())
        .step_by(3)
        .filter_map(|i| code.get(i..(i + 3).min(code.len())))
        .collect();
    let mut p = ActorParts {
        country: String::new(),
        group: String::new(),
        types: Vec::new(),
    };
    for (k, c) in chunks.iter().enumerate() {
        if ACTOR_TYPES.contains(c) {
            if p.types.len() < 3 {
                p.types.push(c.to_string());
            }
        } else if k == 0 {
            p.country = c.to_string();
        } else if p.group.is_empty() {
            p.group = c.to_string();
        }
    }
    p
}

/// One GDELT 2.0 event export row (61 columns). Columns accord has no
/// value for (tone, mention counts, geography) are empty or zero.
fn gdelt_row(id: u64, e: &CodedEvent) -> String {
    let (day, frac) = match e.date {
        Some(d) => {
            let d = d.from();
            let frac = d.year as f64 + ((d.month as f64 - 1.0) * 30.0 + d.day as f64) / 365.0;
            (
                format!("{:04}{:02}{:02}", d.year, d.month, d.day),
                format!("{frac:.4}"),
            )
        }
        None => (String::new(), String::new()),
    };
    let mut cols: Vec<String> = Vec::with_capacity(61);
    cols.push(id.to_string());
    cols.push(day.clone());
    cols.push(day.get(..6).unwrap_or("").to_string());
    cols.push(day.get(..4).unwrap_or("").to_string());
    cols.push(frac);
    for (code, span) in [(&e.source, e.spans.source), (&e.target, e.spans.target)] {
        let p = actor_parts(code);
        cols.push(code.clone());
        cols.push(
            piece(&e.text, span)
                .to_uppercase()
                .replace(['\t', '\n'], " "),
        );
        cols.push(p.country);
        cols.push(p.group);
        cols.push(String::new()); // ethnic
        cols.push(String::new()); // religion 1
        cols.push(String::new()); // religion 2
        for k in 0..3 {
            cols.push(p.types.get(k).cloned().unwrap_or_default());
        }
    }
    cols.push(if e.sentence == 0 { "1" } else { "0" }.into());
    cols.push(e.code.clone());
    cols.push(e.code.get(..3).unwrap_or(&e.code).to_string());
    cols.push(e.root.clone());
    cols.push(e.quad.to_string());
    cols.push(format!("{:.1}", e.goldstein));
    cols.push("1".into()); // NumMentions
    cols.push("1".into()); // NumSources
    cols.push("1".into()); // NumArticles
    cols.push("0".into()); // AvgTone
    for _ in 0..3 {
        cols.push("0".into()); // Geo_Type
        for _ in 0..7 {
            cols.push(String::new());
        }
    }
    cols.push(if day.is_empty() {
        String::new()
    } else {
        format!("{day}000000")
    });
    cols.push(e.article.replace(['\t', '\n'], " "));
    cols.join("\t")
}

/// One event as PLOVER JSON.
fn plover_json(e: &CodedEvent) -> serde_json::Value {
    // A missing actor (an act with no target, a passive with no agent) is null.
    let actor = |code: &str, span: [u32; 2]| {
        if code.is_empty() {
            return serde_json::Value::Null;
        }
        let p = actor_parts(code);
        serde_json::json!({
            "code": code,
            // PLOVER names countries by ISO 3166-1 alpha-3.
            "country": accord_dict::iso3_of_cameo(&p.country),
            "sector": p.types.join(""),
            "text": piece(&e.text, span),
        })
    };
    serde_json::json!({
        "id": format!("{}-{}", e.article, e.sentence),
        "date": e.date.map(|d| d.from().to_string()),
        "event_type": e.plover,
        // Mode and context as the CAMEO code implies them (`data/cameo/codes.txt`).
        "mode": e.plover_mode.as_deref().unwrap_or(""),
        "context": e.plover_context.as_deref().unwrap_or(""),
        "actor": actor(&e.source, e.spans.source),
        "recipient": actor(&e.target, e.spans.target),
        "cameo": e.code,
        "goldstein": e.goldstein,
        "quad": e.quad,
        "event_text": piece(&e.text, e.spans.verb),
        "text": e.text,
    })
}

//! Event output formats: a readable table, JSON lines, CSV.

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
}

/// Writes events in one format.
pub struct EventWriter<W: Write> {
    w: W,
    format: Format,
    started: bool,
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
        }
    }

    /// Writes one event.
    pub fn write(&mut self, e: &CodedEvent) -> io::Result<()> {
        match self.format {
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

    /// Flushes; a table with no events says so.
    pub fn finish(mut self) -> io::Result<()> {
        if !self.started && self.format == Format::Table {
            writeln!(self.w, "(no events)")?;
        }
        self.w.flush()
    }
}

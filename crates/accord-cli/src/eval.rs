//! `accord eval` and `--dict`: the field's dictionaries and validation suites.

use accord_dict::Loaded;
use anyhow::{anyhow, Result};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output of `accord eval`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// Failing records, then totals, for reading.
    Table,
    /// One JSON object with totals and failing records.
    Json,
}

#[derive(Args)]
pub struct EvalArgs {
    /// The suite: a TABARI `Validate.text`, a PETRARCH `PETR.UnitTest.records.xml`,
    /// a PLOVER `dev.json`, or a directory holding one.
    #[arg(value_name = "SUITE")]
    suite: PathBuf,
    /// Dictionaries to code with instead of the suite's own (see `accord code --dict`).
    #[arg(long, value_name = "DIR_OR_FILES", value_delimiter = ',')]
    dict: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
    format: EvalFormat,
    /// Do not list the failing records (table format).
    #[arg(long)]
    quiet: bool,
}

/// Loads TABARI/PETRARCH/Phoenix dictionaries (files, directories, a
/// `.project`, a PETRARCH config, a `.dictset`), reporting problems on stderr
/// (the first 20 of them). Lines of these formats that accord cannot read
/// are warnings: loading goes on without them.
pub fn load_dict(paths: &[PathBuf]) -> Result<Loaded> {
    // Compiled once per content of the source files (see accord_dict::cache).
    let files = accord_compat::source_files(paths).map_err(|e| anyhow!("{e}"))?;
    let dir = accord_dict::cache::cache_dir();
    let (loaded, _) =
        accord_dict::cache::load_cached(dir.as_deref(), &files, || accord_compat::load(paths))
            .map_err(|e| anyhow!("{e}"))?;
    let n = loaded.diagnostics.len();
    for d in loaded.diagnostics.iter().take(20) {
        eprintln!("accord: {d}");
    }
    if n > 20 {
        eprintln!("accord: ... and {} more dictionary problems", n - 20);
    }
    Ok(loaded)
}

fn triples(ts: &[accord_eval::Triple]) -> String {
    if ts.is_empty() {
        return "(none)".into();
    }
    ts.iter()
        .map(|t| format!("{}/{}/{}", t.source, t.target, t.code))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs `accord eval`.
pub fn run(args: EvalArgs, data: Option<&PathBuf>) -> Result<ExitCode> {
    let (kind, _) = accord_eval::find_suite(&args.suite).map_err(|e| anyhow!("{e}"))?;
    let dict = if !args.dict.is_empty() {
        Some(load_dict(&args.dict)?)
    } else if let (Some(dir), accord_eval::SuiteKind::Plover) = (data, kind) {
        // PLOVER is scored with accord's own dictionaries: `--data` picks them.
        Some(crate::load_dictionary(Some(dir))?)
    } else {
        None
    };
    let report = accord_eval::run(&args.suite, dict).map_err(|e| anyhow!("{e}"))?;
    let mut o = std::io::stdout().lock();
    match args.format {
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut o, &report)?;
            writeln!(o)?;
        }
        EvalFormat::Table => {
            if !args.quiet {
                for f in &report.failures {
                    let text: String = f.text.split_whitespace().collect::<Vec<_>>().join(" ");
                    writeln!(o, "FAIL {}: {text}", f.id)?;
                    writeln!(o, "     expected {}", triples(&f.expected))?;
                    writeln!(o, "     got      {}", triples(&f.got))?;
                }
                for f in &report.extra {
                    let text: String = f.text.split_whitespace().collect::<Vec<_>>().join(" ");
                    writeln!(o, "EXTRA {}: {text}", f.id)?;
                    writeln!(o, "     expected {}", triples(&f.expected))?;
                    writeln!(o, "     got      {}", triples(&f.got))?;
                }
            }
            writeln!(
                o,
                "{:?} suite: {} of {} records correct ({:.1}%)",
                report.suite,
                report.correct,
                report.records,
                if report.records == 0 {
                    0.0
                } else {
                    100.0 * report.correct as f64 / report.records as f64
                }
            )?;
            writeln!(
                o,
                "full code:  precision {:.3}  recall {:.3}  F1 {:.3}",
                report.precision, report.recall, report.f1
            )?;
            writeln!(
                o,
                "{}  precision {:.3}  recall {:.3}  F1 {:.3}",
                if report.suite == accord_eval::SuiteKind::Plover {
                    "event type:"
                } else {
                    "root code: "
                },
                report.root_precision,
                report.root_recall,
                report.root_f1
            )?;
            if let (Some(s), Some(t)) = (report.source_accuracy, report.target_accuracy) {
                writeln!(
                    o,
                    "actors where the event type was found: source {:.3}  target {:.3}",
                    s, t
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

//! `accord`: code political events from raw news text.
//!
//! A thin shell over the library crates: argument parsing, input and output
//! formats, exit codes. Results go to stdout, diagnostics to stderr.
//! Exit codes: 0 success; 1 fatal error (nothing or not everything could
//! run); 2 finished, but some inputs or dictionary lines were bad and were
//! skipped (each reported on stderr with file and line).

mod driver;
mod eval;
mod export;
mod output;
mod story;

use accord_coder::Coder;
use accord_dict::{Dictionary, Loaded};
use accord_store::{content_hash, EventQuery, Store};
use accord_text::{Article, ArticleReader, Date};
use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use output::Format;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "accord",
    version,
    about = "Code political events (CAMEO, PLOVER) from raw English news.",
    after_help = "\
Examples:
  accord code article.txt                       events as a readable table
  accord code --format jsonl corpus.jsonl       one JSON event a line
  accord code --date 2025-11-06 samples/        a directory, read recursively
  cat article.txt | accord code -               stdin
  accord ingest articles/ corpus.jsonl          store articles, sentences, mentions, events
  accord events --actor KAZ --since 2025-11-01 --format csv
  accord dict check                             validate the dictionaries"
)]
struct Cli {
    /// Dictionary directory laid out like the project's data/ (default: the built-in dictionaries).
    #[arg(long, global = true, value_name = "DIR", env = "ACCORD_DATA")]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles and print their events.
    #[command(after_help = "\
Examples:
  accord code ../shared/seed/kazakhstan-abraham-accords.txt --date 2025-11-06
  accord code --format jsonl corpus.jsonl > events.jsonl
  accord code --format csv samples/")]
    Code(CodeArgs),
    /// Code articles and store them (idempotent: an article is stored once).
    #[command(after_help = "\
Examples:
  accord ingest samples/
  accord ingest --db news.db corpus.jsonl --date 2025-11-06")]
    Ingest(IngestArgs),
    /// Query stored events.
    #[command(after_help = "\
Examples:
  accord events --actor KAZ --since 2025-11-01 --format csv
  accord events --source USA --code 04 --format jsonl
  accord events --article kazakhstan-joins-accords")]
    Events(EventsArgs),
    /// Export stored events to Parquet, JSONL or CSV.
    #[command(after_help = "\
Examples:
  accord export --out events.parquet
  accord export --format csv --actor KAZ --out kaz.csv
  duckdb -c \"SELECT root, count(*) FROM 'events.parquet' GROUP BY root\"")]
    Export(export::ExportArgs),
    /// Counts of what the store holds.
    Stats {
        #[command(flatten)]
        db: DbArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Dictionary tools.
    Dict {
        #[command(subcommand)]
        command: DictCommand,
    },
    /// Score accord on a TABARI, PETRARCH or PLOVER validation suite.
    #[command(after_help = "\
Examples:
  accord eval ../shared/suites/tabari/Validate.text
  accord eval ../shared/suites/petrarch/PETR.UnitTest.records.xml --format json
  accord eval ../shared/suites/plover-gsr/dev.json")]
    Eval(eval::EvalArgs),
    /// Members of an agreement (Abraham Accords, NATO, BRICS, ...): status, dated steps, evidence.
    #[command(after_help = story::MEMBERS_HELP)]
    Members(story::MembersArgs),
    /// Relations between two countries: history, areas of cooperation, coded events.
    #[command(after_help = story::RELATIONS_HELP)]
    Relations(story::RelationsArgs),
    /// Direct quotes and their speakers.
    #[command(after_help = story::QUOTES_HELP)]
    Quotes(story::QuotesArgs),
    /// Who an article rests on: people, outlets, anonymous officials, statements, posts.
    #[command(after_help = story::SOURCES_HELP)]
    Sources(story::ArticleArgs),
    /// Claims of an article that reference data can test, with verdicts and figures.
    #[command(after_help = story::CHECK_HELP)]
    Check(story::ArticleArgs),
}

#[derive(Subcommand)]
enum DictCommand {
    /// Validate the dictionaries; prints every problem with file and line.
    #[command(after_help = "Examples:\n  accord dict check\n  accord dict check --data my-data/")]
    Check,
}

#[derive(Args)]
struct DbArg {
    /// Database file.
    #[arg(
        long,
        value_name = "PATH",
        env = "ACCORD_DB",
        default_value = "accord.db"
    )]
    db: PathBuf,
}

#[derive(Args)]
struct InputArgs {
    /// Article text files, JSONL files or directories; `-` for stdin.
    #[arg(value_name = "INPUT", default_value = "-")]
    inputs: Vec<PathBuf>,
    /// Article date (YYYY-MM-DD) for inputs that carry none, overriding theirs.
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    /// Coding threads (0 = every core). Output is the same, in the same order, for any number.
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Articles read, coded (and stored) per batch; bounds memory.
    #[arg(long, default_value_t = 1000)]
    batch: usize,
}

#[derive(Args)]
struct CodeArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Print on stderr how each sentence was read (mentions, verbs, patterns, subjects).
    #[arg(long)]
    explain: bool,
    /// Code with TABARI or PETRARCH/Phoenix dictionaries: files, directories, a TABARI
    /// `.project`, a PETRARCH config `.xml` or a `.dictset` file (one path a line).
    #[arg(long, value_name = "DIR_OR_FILES", value_delimiter = ',')]
    dict: Vec<PathBuf>,
}

#[derive(Args)]
struct IngestArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    db: DbArg,
}

#[derive(Args)]
struct EventsArgs {
    #[command(flatten)]
    db: DbArg,
    /// Source or target code prefix (KAZ matches KAZGOV).
    #[arg(long)]
    actor: Option<String>,
    /// Source code prefix.
    #[arg(long)]
    source: Option<String>,
    /// Target code prefix.
    #[arg(long)]
    target: Option<String>,
    /// CAMEO code prefix (04 = all consultations).
    #[arg(long)]
    code: Option<String>,
    /// Events on or after this day.
    #[arg(long, value_parser = parse_date)]
    since: Option<Date>,
    /// Events on or before this day.
    #[arg(long, value_parser = parse_date)]
    until: Option<Date>,
    /// Only this article id.
    #[arg(long)]
    article: Option<String>,
    /// At most this many events.
    #[arg(long)]
    limit: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| format!("{s:?} is not a date in the form YYYY-MM-DD"))
}

fn load_dictionary(data: Option<&PathBuf>) -> Result<Loaded> {
    match data {
        Some(dir) => {
            let files: Vec<PathBuf> = accord_dict::read_dir_sources(dir)
                .map_err(|e| anyhow::anyhow!("{e}"))?
                .into_iter()
                .map(|(p, _)| PathBuf::from(p))
                .collect();
            let cache = accord_dict::cache::cache_dir();
            accord_dict::cache::load_cached(cache.as_deref(), &files, || Dictionary::load_dir(dir))
                .map(|(l, _)| l)
                .map_err(|e| anyhow::anyhow!("{e}"))
                .with_context(|| format!("loading dictionaries from {}", dir.display()))
        }
        None => Ok(Dictionary::embedded()),
    }
}

/// Loads dictionaries for coding: problems are warnings, coding goes on.
fn dictionary_for_coding(data: Option<&PathBuf>, bad: &mut bool) -> Result<Dictionary> {
    let loaded = load_dictionary(data)?;
    for d in loaded.errors() {
        eprintln!("accord: {d}");
        *bad = true;
    }
    Ok(loaded.dictionary)
}

struct DateWarning(bool);

impl DateWarning {
    fn check(&mut self, a: &Article, date: Option<Date>) {
        if date.is_none() && a.date.is_none() && !self.0 {
            self.0 = true;
            eprintln!("accord: warning: {} has no date and no --date was given; its events (and any others without one) carry no date", a.origin);
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let mut bad = false;
    match cli.command {
        Command::Code(args) => {
            // Never dropped: freeing a large dictionary's many small allocations
            // at exit costs more than coding a short article; the OS reclaims it.
            let dict = std::mem::ManuallyDrop::new(if args.dict.is_empty() {
                dictionary_for_coding(cli.data.as_ref(), &mut bad)?
            } else {
                eval::load_dict(&args.dict)?.dictionary
            });
            let coder = Coder::new(&dict).with_explain(args.explain);
            // Explanations interleave with results only when coding in order on one thread.
            let threads = if args.explain { 1 } else { args.input.threads };
            let driver =
                driver::CodingDriver::new(&coder, args.input.date, threads, args.input.batch)?;
            let stdout = std::io::stdout();
            let mut out =
                output::EventWriter::new(std::io::BufWriter::new(stdout.lock()), args.format);
            let mut warn = DateWarning(false);
            driver.run(
                ArticleReader::new(&args.input.inputs),
                |e| {
                    eprintln!("accord: {e}");
                    bad = true;
                },
                |a| {
                    warn.check(a, args.input.date);
                    Ok(false)
                },
                // JSON lines are rendered on the coding threads; other formats keep
                // per-stream state (headers, GDELT event ids) and render here.
                |coded| {
                    let mut bytes = Vec::new();
                    if args.format == output::Format::Jsonl {
                        for e in coded.events() {
                            if serde_json::to_writer(&mut bytes, e).is_ok() {
                                bytes.push(b'\n');
                            }
                        }
                    }
                    bytes
                },
                |_, coded, rendered| {
                    if args.format == output::Format::Jsonl {
                        out.write_rendered(&rendered, coded.events().count() as u64)?;
                    } else {
                        for e in coded.events() {
                            out.write(e)?;
                        }
                    }
                    // `--batch 1` is for streaming: each article's events leave at once.
                    if args.input.batch == 1 {
                        out.flush()?;
                    }
                    Ok(())
                },
            )?;
            out.finish()?;
        }
        Command::Ingest(args) => {
            let dict =
                std::mem::ManuallyDrop::new(dictionary_for_coding(cli.data.as_ref(), &mut bad)?);
            let coder = Coder::new(&dict);
            let driver = driver::CodingDriver::new(
                &coder,
                args.input.date,
                args.input.threads,
                args.input.batch,
            )?;
            let store = Store::open(&args.db.db)
                .with_context(|| format!("opening database {}", args.db.db.display()))?;
            let before = store.counts()?;
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            let mut total = accord_store::IngestStats::default();
            let mut warn = DateWarning(false);
            let size = args.input.batch.max(1);
            // `skip` reads the store while `sink` writes it; they never run at once.
            let store = std::cell::RefCell::new(store);
            let mut pending: Vec<(Article, Option<Date>, accord_coder::CodedArticle)> =
                Vec::with_capacity(size);
            let flush = |pending: &mut Vec<(Article, Option<Date>, accord_coder::CodedArticle)>,
                         total: &mut accord_store::IngestStats|
             -> Result<()> {
                if pending.is_empty() {
                    return Ok(());
                }
                let s = story::ingest_batch(&mut store.borrow_mut(), &dict, pending).context(
                    "storing a batch (the batch was rolled back; earlier batches are kept)",
                )?;
                total.added += s.added;
                total.skipped += s.skipped;
                total.sentences += s.sentences;
                total.events += s.events;
                pending.clear();
                Ok(())
            };
            let mut skipped = 0u64;
            driver.run(
                ArticleReader::new(&args.input.inputs),
                |e| {
                    bar.suspend(|| eprintln!("accord: {e}"));
                    bad = true;
                },
                |a| {
                    bar.inc(1);
                    // Already stored: skip coding as well (re-ingest is a cheap no-op).
                    if store.borrow().contains(&content_hash(&a.text))? {
                        skipped += 1;
                        return Ok(true);
                    }
                    warn.check(a, args.input.date);
                    Ok(false)
                },
                |_| Vec::new(),
                |a, coded, _| {
                    let date = args.input.date.or(a.date);
                    pending.push((a, date, coded));
                    if pending.len() >= size {
                        flush(&mut pending, &mut total)?;
                    }
                    Ok(())
                },
            )?;
            flush(&mut pending, &mut total)?;
            total.skipped += skipped;
            let store = store.into_inner();
            bar.finish_and_clear();
            let after = store.counts()?;
            eprintln!(
                "accord: ingested {} new articles ({} already stored), {} sentences, {} events; {} now holds {} articles, {} events (was {}, {})",
                total.added,
                total.skipped,
                total.sentences,
                total.events,
                args.db.db.display(),
                after.articles,
                after.events,
                before.articles,
                before.events
            );
        }
        Command::Events(args) => {
            if !args.db.db.exists() {
                bail!(
                    "no database at {}; run `accord ingest` first or pass --db",
                    args.db.db.display()
                );
            }
            let store = Store::open(&args.db.db)?;
            let q = EventQuery {
                actor: args.actor,
                source: args.source,
                target: args.target,
                code: args.code,
                since: args.since,
                until: args.until,
                article: args.article,
                limit: args.limit,
            };
            let mut events = store.events(&q)?;
            // The store keeps the code; PLOVER's mode and context follow from it.
            let codes = Dictionary::embedded_codes();
            for e in &mut events {
                if let Some(info) = codes.get(&e.code) {
                    e.plover_mode.clone_from(&info.plover_mode);
                    e.plover_context.clone_from(&info.plover_context);
                }
            }
            let stdout = std::io::stdout();
            let mut out =
                output::EventWriter::new(std::io::BufWriter::new(stdout.lock()), args.format);
            for e in &events {
                out.write(e)?;
            }
            out.finish()?;
        }
        Command::Export(args) => export::run(args)?,
        Command::Stats { db, format } => {
            if !db.db.exists() {
                bail!(
                    "no database at {}; run `accord ingest` first or pass --db",
                    db.db.display()
                );
            }
            let c = Store::open(&db.db)?.counts()?;
            let share = if c.sentences > 0 {
                c.sentences_with_events as f64 / c.sentences as f64
            } else {
                0.0
            };
            let mut o = std::io::stdout().lock();
            match format {
                Format::Jsonl | Format::Gdelt | Format::Plover => writeln!(
                    o,
                    "{}",
                    serde_json::json!({"articles": c.articles, "sentences": c.sentences, "mentions": c.mentions, "events": c.events, "sentences_with_events": c.sentences_with_events, "share_with_events": share})
                )?,
                Format::Csv => {
                    writeln!(o, "articles,sentences,mentions,events,sentences_with_events,share_with_events")?;
                    writeln!(
                        o,
                        "{},{},{},{},{},{share:.4}",
                        c.articles, c.sentences, c.mentions, c.events, c.sentences_with_events
                    )?;
                }
                Format::Table => {
                    writeln!(o, "articles                {}\nsentences               {}\nmentions                {}\nevents                  {}\nsentences with events   {} ({:.1}%)", c.articles, c.sentences, c.mentions, c.events, c.sentences_with_events, share * 100.0)?;
                }
            }
        }
        Command::Eval(args) => return eval::run(args, cli.data.as_ref()),
        Command::Members(args) => story::members(args, cli.data.as_ref())?,
        Command::Relations(args) => story::relations(args, cli.data.as_ref())?,
        Command::Quotes(args) => story::quotes(args)?,
        Command::Sources(args) => story::sources(args)?,
        Command::Check(args) => story::check(args, cli.data.as_ref())?,
        Command::Dict {
            command: DictCommand::Check,
        } => {
            let loaded = load_dictionary(cli.data.as_ref())?;
            let mut errors = 0;
            for d in &loaded.diagnostics {
                eprintln!("{d}");
                if !d.warning {
                    errors += 1;
                }
            }
            let d = &loaded.dictionary;
            let a = &d.actors;
            println!(
                "{} countries and regions, {} organizations, {} agents, {} people, {} verbs, {} patterns, {} synonym sets, {} CAMEO codes, {} actor phrases",
                a.places.len(),
                a.organizations.len(),
                a.agents.len(),
                a.people.len(),
                d.verbs.len(),
                d.pattern_count,
                d.sets.len(),
                d.codes.len(),
                d.phrase_count()
            );
            if errors > 0 {
                eprintln!("accord: {errors} dictionary error(s)");
                return Ok(ExitCode::from(2));
            }
        }
    }
    Ok(if bad {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`accord code ... | head`) is not an error.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("accord: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

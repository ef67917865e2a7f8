//! `accord export`: stored events to a file for other tools. JSONL and CSV
//! always; Parquet (for Spark, DuckDB, pandas) with the `parquet` feature.

use crate::output::{EventWriter, Format};
use accord_coder::CodedEvent;
use accord_store::{EventQuery, Store};
use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Apache Parquet, one row per event (needs the `parquet` build feature).
    Parquet,
    /// One JSON event a line.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
}

/// Arguments of `accord export`.
#[derive(Args)]
pub struct ExportArgs {
    /// Database file.
    #[arg(
        long,
        value_name = "PATH",
        env = "ACCORD_DB",
        default_value = "accord.db"
    )]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Parquet)]
    pub format: ExportFormat,
    /// Output file (`-` for stdout with jsonl or csv).
    #[arg(long, short, value_name = "FILE")]
    pub out: PathBuf,
    /// Source or target code prefix (KAZ matches KAZGOV).
    #[arg(long)]
    pub actor: Option<String>,
    /// CAMEO code prefix.
    #[arg(long)]
    pub code: Option<String>,
}

/// Runs `accord export`.
pub fn run(args: ExportArgs) -> Result<()> {
    if !args.db.exists() {
        bail!(
            "no database at {}; run `accord ingest` first or pass --db",
            args.db.display()
        );
    }
    let store = Store::open(&args.db)?;
    let events = store.events(&EventQuery {
        actor: args.actor,
        code: args.code,
        ..Default::default()
    })?;
    let text_format = match args.format {
        ExportFormat::Parquet => return write_parquet(&events, &args.out),
        ExportFormat::Jsonl => Format::Jsonl,
        ExportFormat::Csv => Format::Csv,
    };
    if args.out.as_os_str() == "-" {
        let stdout = std::io::stdout();
        let mut w = EventWriter::new(std::io::BufWriter::new(stdout.lock()), text_format);
        for e in &events {
            w.write(e)?;
        }
        return Ok(w.finish()?);
    }
    let f = std::fs::File::create(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let mut w = EventWriter::new(std::io::BufWriter::new(f), text_format);
    for e in &events {
        w.write(e)?;
    }
    w.finish()?;
    eprintln!(
        "accord: exported {} events to {}",
        events.len(),
        args.out.display()
    );
    Ok(())
}

#[cfg(not(feature = "parquet"))]
fn write_parquet(_: &[CodedEvent], _: &std::path::Path) -> Result<()> {
    bail!("this accord was built without Parquet support; rebuild with `cargo build --release --features accord-cli/parquet`, or use --format jsonl|csv")
}

#[cfg(feature = "parquet")]
fn write_parquet(events: &[CodedEvent], out: &std::path::Path) -> Result<()> {
    use parquet::basic::Compression;
    use parquet::data_type::{ByteArray, ByteArrayType, FloatType, Int32Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;
    use std::sync::Arc;

    const SCHEMA: &str = "message event {
        required binary article (UTF8);
        required int32 sentence;
        optional int32 date_from (DATE);
        optional int32 date_to (DATE);
        required binary source (UTF8);
        required binary target (UTF8);
        required binary code (UTF8);
        required binary root (UTF8);
        required int32 quad;
        required float goldstein;
        optional binary plover (UTF8);
        required int32 source_start;
        required int32 source_end;
        required int32 verb_start;
        required int32 verb_end;
        required int32 target_start;
        required int32 target_end;
        required binary text (UTF8);
        required binary pattern (UTF8);
    }";
    const ROW_GROUP: usize = 100_000;

    let schema = Arc::new(parse_message_type(SCHEMA)?);
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build(),
    );
    let file = std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?;
    let mut writer = SerializedFileWriter::new(file, schema, props)?;
    let days = |d: accord_text::Date| d.to_days() as i32;
    for chunk in events.chunks(ROW_GROUP) {
        let mut rg = writer.next_row_group()?;
        let mut index = 0;
        while let Some(mut col) = rg.next_column()? {
            let strings =
                |f: &dyn Fn(&CodedEvent) -> Option<String>| -> (Vec<ByteArray>, Vec<i16>) {
                    let mut vals = Vec::new();
                    let mut defs = Vec::new();
                    for e in chunk {
                        match f(e) {
                            Some(s) => {
                                vals.push(ByteArray::from(s.into_bytes()));
                                defs.push(1);
                            }
                            None => defs.push(0),
                        }
                    }
                    (vals, defs)
                };
            let ints = |f: &dyn Fn(&CodedEvent) -> Option<i32>| -> (Vec<i32>, Vec<i16>) {
                let mut vals = Vec::new();
                let mut defs = Vec::new();
                for e in chunk {
                    match f(e) {
                        Some(v) => {
                            vals.push(v);
                            defs.push(1);
                        }
                        None => defs.push(0),
                    }
                }
                (vals, defs)
            };
            let s = |f: &dyn Fn(&CodedEvent) -> String| strings(&|e| Some(f(e)));
            let i = |f: &dyn Fn(&CodedEvent) -> i32| ints(&|e| Some(f(e)));
            match index {
                0 | 4 | 5 | 6 | 7 | 17 | 18 => {
                    let (v, _) = match index {
                        0 => s(&|e| e.article.clone()),
                        4 => s(&|e| e.source.clone()),
                        5 => s(&|e| e.target.clone()),
                        6 => s(&|e| e.code.clone()),
                        7 => s(&|e| e.root.clone()),
                        17 => s(&|e| e.text.clone()),
                        _ => s(&|e| e.pattern.clone()),
                    };
                    col.typed::<ByteArrayType>().write_batch(&v, None, None)?;
                }
                10 => {
                    let (v, d) = strings(&|e| e.plover.clone());
                    col.typed::<ByteArrayType>()
                        .write_batch(&v, Some(&d), None)?;
                }
                2 | 3 => {
                    let (v, d) = if index == 2 {
                        ints(&|e| e.date.map(|x| days(x.from())))
                    } else {
                        ints(&|e| e.date.map(|x| days(x.to())))
                    };
                    col.typed::<Int32Type>().write_batch(&v, Some(&d), None)?;
                }
                9 => {
                    let v: Vec<f32> = chunk.iter().map(|e| e.goldstein).collect();
                    col.typed::<FloatType>().write_batch(&v, None, None)?;
                }
                _ => {
                    let (v, _) = match index {
                        1 => i(&|e| e.sentence as i32),
                        8 => i(&|e| i32::from(e.quad)),
                        11 => i(&|e| e.spans.source[0] as i32),
                        12 => i(&|e| e.spans.source[1] as i32),
                        13 => i(&|e| e.spans.verb[0] as i32),
                        14 => i(&|e| e.spans.verb[1] as i32),
                        15 => i(&|e| e.spans.target[0] as i32),
                        _ => i(&|e| e.spans.target[1] as i32),
                    };
                    col.typed::<Int32Type>().write_batch(&v, None, None)?;
                }
            }
            col.close()?;
            index += 1;
        }
        rg.close()?;
    }
    writer.close()?;
    eprintln!(
        "accord: exported {} events to {}",
        events.len(),
        out.display()
    );
    Ok(())
}

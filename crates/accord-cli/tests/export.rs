//! `accord export` writes what the store holds, in every format.

use std::path::Path;
use std::process::{Command, Stdio};

fn accord() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_accord"));
    c.stdin(Stdio::null());
    c
}

#[test]
fn export_writes_every_stored_event() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("e.db");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    let o = accord()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&samples)
        .output()
        .expect("ingest");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stats: serde_json::Value = serde_json::from_slice(
        &accord()
            .args(["stats", "--format", "jsonl", "--db"])
            .arg(&db)
            .output()
            .expect("stats")
            .stdout,
    )
    .expect("json");
    let n = stats["events"].as_u64().expect("count") as usize;
    assert!(n > 0);
    let jsonl = dir.path().join("e.jsonl");
    let o = accord()
        .args(["export", "--format", "jsonl", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&jsonl)
        .output()
        .expect("export");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines = std::fs::read_to_string(&jsonl).expect("read");
    assert_eq!(lines.lines().count(), n);
    let pq = dir.path().join("e.parquet");
    let o = accord()
        .args(["export", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&pq)
        .output()
        .expect("export");
    if cfg!(feature = "parquet") {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let reader = SerializedFileReader::new(std::fs::File::open(&pq).expect("open"))
            .expect("parquet file");
        let meta = reader.metadata();
        assert_eq!(meta.file_metadata().num_rows() as usize, n);
        let names: Vec<&str> = meta
            .file_metadata()
            .schema_descr()
            .columns()
            .iter()
            .map(|c| c.name())
            .collect();
        for col in [
            "article",
            "date_from",
            "source",
            "target",
            "code",
            "goldstein",
            "plover",
            "text",
        ] {
            assert!(names.contains(&col), "{col} in {names:?}");
        }
        let first: serde_json::Value =
            serde_json::from_str(lines.lines().next().expect("a line")).expect("json");
        let row = reader
            .get_row_iter(None)
            .expect("rows")
            .next()
            .expect("a row")
            .expect("row reads");
        assert!(
            row.to_string()
                .contains(first["source"].as_str().expect("source")),
            "{row}"
        );
    } else {
        assert_eq!(o.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&o.stderr).contains("without Parquet support"));
    }
}

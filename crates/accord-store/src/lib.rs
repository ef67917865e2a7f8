//! The SQLite store: articles, sentences, mentions and events.
//!
//! One database file (rusqlite with bundled SQLite). The schema is created
//! and upgraded by numbered migrations recorded in `PRAGMA user_version`.
//! Invariants:
//! - an article is stored once, keyed by the SHA-256 of its text, however
//!   often it is ingested;
//! - a batch is one transaction: an interrupted ingest leaves the database
//!   as it was before that batch;
//! - sentence text is never copied: sentences are byte ranges of their
//!   article's text, and every span is relative to its sentence.

mod story;

pub use story::Stored;

use accord_coder::{CodedArticle, CodedEvent, EventDate, Spans};
use accord_text::{Article, Date};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use std::path::Path;

/// A store error, with what to do about it where we can tell.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database was written by a newer accord.
    #[error("database schema version {found} is newer than this accord supports ({supported}); upgrade accord")]
    TooNew {
        /// Found version.
        found: i64,
        /// Supported version.
        supported: i64,
    },
}

/// Schema migrations; entry `i` upgrades version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    ext_id TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    title TEXT,
    date TEXT,
    source TEXT,
    url TEXT,
    origin TEXT,
    text TEXT NOT NULL
);
CREATE INDEX articles_ext_id ON articles(ext_id);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    UNIQUE (article_id, idx)
);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    codes TEXT NOT NULL
);
CREATE INDEX mentions_sentence ON mentions(sentence_id);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    date_from TEXT,
    date_to TEXT,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    quad INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    plover TEXT,
    source_start INTEGER NOT NULL, source_end INTEGER NOT NULL,
    verb_start INTEGER NOT NULL, verb_end INTEGER NOT NULL,
    target_start INTEGER NOT NULL, target_end INTEGER NOT NULL,
    pattern TEXT NOT NULL
);
CREATE INDEX events_source ON events(source);
CREATE INDEX events_target ON events(target);
CREATE INDEX events_date ON events(date_from);
CREATE INDEX events_article ON events(article_id);
"#,
    story::MIGRATION,
];

/// The SHA-256 of an article's text, hex encoded: its identity in the store.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Counts of what one batch did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct IngestStats {
    /// Articles added.
    pub added: u64,
    /// Articles already stored (same text), skipped.
    pub skipped: u64,
    /// Sentences added.
    pub sentences: u64,
    /// Events added.
    pub events: u64,
}

/// Totals in the store.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Articles.
    pub articles: u64,
    /// Sentences.
    pub sentences: u64,
    /// Mentions.
    pub mentions: u64,
    /// Events.
    pub events: u64,
    /// Sentences with at least one event.
    pub sentences_with_events: u64,
}

/// An event query; every field narrows the result.
#[derive(Debug, Default, Clone)]
pub struct EventQuery {
    /// Source or target starts with this code ("KAZ" matches "KAZGOV").
    pub actor: Option<String>,
    /// Source starts with this code.
    pub source: Option<String>,
    /// Target starts with this code.
    pub target: Option<String>,
    /// Event code starts with this ("04" for all consultations).
    pub code: Option<String>,
    /// Event ends on or after this day.
    pub since: Option<Date>,
    /// Event starts on or before this day.
    pub until: Option<Date>,
    /// Article id.
    pub article: Option<String>,
    /// At most this many events.
    pub limit: Option<u64>,
}

/// An open store.
pub struct Store {
    conn: Connection,
}

fn like_prefix(s: &str) -> String {
    let escaped = s
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("{escaped}%")
}

impl Store {
    /// Opens (creating if needed) and migrates a database file.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        Store::init(conn)
    }

    /// An in-memory store, for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Store, StoreError> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // 32 MB of page cache: the article-hash index is probed for every
        // article of an ingest, randomly, and must not be re-read from disk.
        conn.pragma_update(None, "cache_size", -32_768)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store { conn };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let supported = MIGRATIONS.len() as i64;
        if version > supported {
            return Err(StoreError::TooNew {
                found: version,
                supported,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Is an article with this content hash stored?
    pub fn contains(&self, hash: &str) -> Result<bool, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE hash = ?1")?;
        Ok(stmt.query_row([hash], |_| Ok(())).optional()?.is_some())
    }

    /// Stores a batch of coded articles in one transaction. `date` is the
    /// effective article date (the `--date` override or the article's own).
    pub fn ingest(
        &mut self,
        batch: &[(Article, Option<Date>, CodedArticle)],
    ) -> Result<IngestStats, StoreError> {
        self.ingest_with_stories(batch, &[])
    }

    /// [`Store::ingest`], storing also `stories[i]`, the story records
    /// (`accord-story`) of `batch[i]`, in the same transaction.
    pub fn ingest_with_stories(
        &mut self,
        batch: &[(Article, Option<Date>, CodedArticle)],
        stories: &[accord_story::Story],
    ) -> Result<IngestStats, StoreError> {
        let mut stats = IngestStats::default();
        let tx = self.conn.transaction()?;
        {
            let mut find = tx.prepare_cached("SELECT id FROM articles WHERE hash = ?1")?;
            let mut ins_article = tx.prepare_cached("INSERT INTO articles (ext_id, hash, title, date, source, url, origin, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
            let mut ins_sentence = tx.prepare_cached(
                "INSERT INTO sentences (article_id, idx, start, end) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut ins_mention = tx.prepare_cached(
                "INSERT INTO mentions (sentence_id, start, end, codes) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut ins_event = tx.prepare_cached(
                "INSERT INTO events (article_id, sentence_id, date_from, date_to, source, target, code, root, quad, goldstein, plover, \
                 source_start, source_end, verb_start, verb_end, target_start, target_end, pattern) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            )?;
            for (bi, (article, date, coded)) in batch.iter().enumerate() {
                let hash = content_hash(&article.text);
                if find
                    .query_row([&hash], |r| r.get::<_, i64>(0))
                    .optional()?
                    .is_some()
                {
                    stats.skipped += 1;
                    continue;
                }
                ins_article.execute(params![
                    article.id,
                    hash,
                    article.title,
                    date.map(|d| d.to_string()),
                    article.source,
                    article.url,
                    article.origin,
                    article.text
                ])?;
                let article_id = tx.last_insert_rowid();
                stats.added += 1;
                let mut sentence_ids = Vec::with_capacity(coded.sentences.len());
                for s in &coded.sentences {
                    ins_sentence.execute(params![article_id, s.index, s.start, s.end])?;
                    let sentence_id = tx.last_insert_rowid();
                    sentence_ids.push(sentence_id);
                    stats.sentences += 1;
                    for m in &s.mentions {
                        ins_mention.execute(params![
                            sentence_id,
                            m.start,
                            m.end,
                            m.codes.join(";")
                        ])?;
                    }
                    for e in &s.events {
                        ins_event.execute(params![
                            article_id,
                            sentence_id,
                            e.date.map(|d| d.from().to_string()),
                            e.date.map(|d| d.to().to_string()),
                            e.source,
                            e.target,
                            e.code,
                            e.root,
                            e.quad,
                            f64::from(e.goldstein),
                            e.plover,
                            e.spans.source[0],
                            e.spans.source[1],
                            e.spans.verb[0],
                            e.spans.verb[1],
                            e.spans.target[0],
                            e.spans.target[1],
                            e.pattern,
                        ])?;
                        stats.events += 1;
                    }
                }
                if let Some(story) = stories.get(bi) {
                    story::insert(&tx, article_id, &sentence_ids, story)?;
                }
            }
        }
        tx.commit()?;
        Ok(stats)
    }

    /// Totals.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let c = |sql: &str| -> Result<u64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Counts {
            articles: c("SELECT count(*) FROM articles")?,
            sentences: c("SELECT count(*) FROM sentences")?,
            mentions: c("SELECT count(*) FROM mentions")?,
            events: c("SELECT count(*) FROM events")?,
            sentences_with_events: c("SELECT count(DISTINCT sentence_id) FROM events")?,
        })
    }

    /// Events matching a query, in article, sentence and event order.
    pub fn events(&self, q: &EventQuery) -> Result<Vec<CodedEvent>, StoreError> {
        let mut sql = String::from(
            "SELECT a.ext_id, s.idx, e.date_from, e.date_to, e.source, e.target, e.code, e.root, e.quad, e.goldstein, e.plover, \
             CAST(substr(CAST(a.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT), \
             e.source_start, e.source_end, e.verb_start, e.verb_end, e.target_start, e.target_end, e.pattern \
             FROM events e JOIN sentences s ON s.id = e.sentence_id JOIN articles a ON a.id = e.article_id WHERE 1=1",
        );
        let mut args: Vec<String> = Vec::new();
        if let Some(a) = &q.actor {
            args.push(like_prefix(a));
            sql.push_str(&format!(
                " AND (e.source LIKE ?{n} ESCAPE '\\' OR e.target LIKE ?{n} ESCAPE '\\')",
                n = args.len()
            ));
        }
        for (val, col) in [
            (&q.source, "e.source"),
            (&q.target, "e.target"),
            (&q.code, "e.code"),
        ] {
            if let Some(v) = val {
                args.push(like_prefix(v));
                sql.push_str(&format!(" AND {col} LIKE ?{} ESCAPE '\\'", args.len()));
            }
        }
        if let Some(d) = q.since {
            args.push(d.to_string());
            sql.push_str(&format!(" AND e.date_to >= ?{}", args.len()));
        }
        if let Some(d) = q.until {
            args.push(d.to_string());
            sql.push_str(&format!(" AND e.date_from <= ?{}", args.len()));
        }
        if let Some(a) = &q.article {
            args.push(a.clone());
            sql.push_str(&format!(" AND a.ext_id = ?{}", args.len()));
        }
        sql.push_str(" ORDER BY a.id, s.idx, e.id");
        if let Some(l) = q.limit {
            sql.push_str(&format!(" LIMIT {l}"));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            let from: Option<String> = r.get(2)?;
            let to: Option<String> = r.get(3)?;
            let date = match (
                from.as_deref().and_then(Date::parse_iso),
                to.as_deref().and_then(Date::parse_iso),
            ) {
                (Some(a), Some(b)) if a == b => Some(EventDate::Day(a)),
                (Some(a), Some(b)) => Some(EventDate::Range(a, b)),
                _ => None,
            };
            Ok(CodedEvent {
                article: r.get(0)?,
                sentence: r.get(1)?,
                date,
                source: r.get(4)?,
                target: r.get(5)?,
                code: r.get(6)?,
                root: r.get(7)?,
                quad: r.get(8)?,
                goldstein: r.get::<_, f64>(9)? as f32,
                plover: r.get(10)?,
                // Implied by the code; the CLI fills them from the code table.
                plover_mode: None,
                plover_context: None,
                text: r.get(11)?,
                spans: Spans {
                    source: [r.get(12)?, r.get(13)?],
                    verb: [r.get(14)?, r.get(15)?],
                    target: [r.get(16)?, r.get(17)?],
                },
                pattern: r.get(18)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use accord_coder::{CodedSentence, MentionSpan};

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            title: None,
            date: Date::parse_iso("2025-11-06"),
            source: None,
            url: None,
            text: text.into(),
            origin: id.into(),
        }
    }

    fn coded(text: &str, source: &str, target: &str) -> CodedArticle {
        let event = CodedEvent {
            article: String::new(),
            sentence: 0,
            date: Some(EventDate::Range(
                Date::year_start(1992),
                Date::year_end(1992),
            )),
            source: source.into(),
            target: target.into(),
            code: "054".into(),
            root: "05".into(),
            quad: 1,
            goldstein: 3.5,
            plover: Some("SUPPORT".into()),
            plover_mode: None,
            plover_context: None,
            text: text.into(),
            spans: Spans {
                source: [0, 5],
                verb: [6, 17],
                target: [18, 24],
            },
            pattern: "x.verbs:1".into(),
        };
        CodedArticle {
            sentences: vec![CodedSentence {
                index: 0,
                start: 0,
                end: text.len() as u32,
                mentions: vec![MentionSpan {
                    start: 0,
                    end: 5,
                    codes: vec![source.into()],
                }],
                events: vec![event],
            }],
        }
    }

    #[test]
    fn an_article_is_stored_once_and_events_round_trip() {
        let mut s = Store::open_in_memory().expect("store");
        let text = "Astan established Jérusa ties.";
        let batch = vec![(
            article("a", text),
            Date::parse_iso("2025-11-06"),
            coded(text, "KAZGOV", "ISRGOV"),
        )];
        let first = s.ingest(&batch).expect("ingest");
        assert_eq!((first.added, first.skipped, first.events), (1, 0, 1));
        let again = s.ingest(&batch).expect("ingest");
        assert_eq!((again.added, again.skipped, again.events), (0, 1, 0));
        assert!(s.contains(&content_hash(text)).expect("query"));
        let evs = s
            .events(&EventQuery {
                actor: Some("KAZ".into()),
                ..Default::default()
            })
            .expect("events");
        assert_eq!(evs.len(), 1);
        assert_eq!(
            evs[0].text, text,
            "sentence text is sliced by bytes, non-ASCII included"
        );
        assert_eq!(
            evs[0].date.map(|d| d.to_string()).as_deref(),
            Some("1992-01-01/1992-12-31")
        );
        assert_eq!(evs[0].article, "a");
        let none = s
            .events(&EventQuery {
                since: Date::parse_iso("1993-01-01"),
                ..Default::default()
            })
            .expect("events");
        assert!(none.is_empty());
        let pct = s
            .events(&EventQuery {
                actor: Some("%".into()),
                ..Default::default()
            })
            .expect("events");
        assert!(pct.is_empty(), "LIKE wildcards in user input are literal");
    }

    #[test]
    fn a_failing_batch_leaves_the_store_as_it_was() {
        let mut s = Store::open_in_memory().expect("store");
        s.ingest(&[(article("a", "one"), None, coded("one", "KAZ", "ISR"))])
            .expect("ingest");
        let before = s.counts().expect("counts");
        // The second article repeats a sentence index: the UNIQUE constraint fails mid-batch.
        let mut bad = coded("three", "USA", "KAZ");
        bad.sentences.push(bad.sentences[0].clone());
        let batch = vec![
            (article("b", "two"), None, coded("two", "USA", "ISR")),
            (article("c", "three"), None, bad),
        ];
        assert!(s.ingest(&batch).is_err());
        assert_eq!(
            s.counts().expect("counts"),
            before,
            "article b was rolled back with the batch"
        );
        assert!(!s.contains(&content_hash("two")).expect("query"));
    }

    #[test]
    fn migrations_run_once_and_reject_newer_schemas() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.db");
        drop(Store::open(&path).expect("create"));
        drop(Store::open(&path).expect("reopen"));
        let conn = Connection::open(&path).expect("conn");
        conn.pragma_update(None, "user_version", 99)
            .expect("pragma");
        drop(conn);
        assert!(matches!(
            Store::open(&path),
            Err(StoreError::TooNew { found: 99, .. })
        ));
    }
}

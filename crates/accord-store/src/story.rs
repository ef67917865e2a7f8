//! Story records (`accord-story`): membership steps, bilateral relations,
//! sources, quotes and distance claims, stored with the article they were
//! read from and answered with their evidence sentence.
//!
//! The tables come from the second migration. Rows point at their article
//! and sentence; the evidence text is sliced from the article, never
//! stored twice. Records are written by [`Store::ingest_with_stories`] in
//! the same transaction as the article itself.

use crate::{Store, StoreError};
use accord_coder::EventDate;
use accord_story::{
    Comparison, DistanceClaim, MembershipStep, Quote, Relation, RelationKind, Source, SourceKind,
    Step, Story,
};
use accord_text::Date;
use rusqlite::{params, OptionalExtension, Transaction};

/// The story tables (migration 2).
pub(crate) const MIGRATION: &str = r#"
CREATE TABLE story_steps (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    agreement TEXT NOT NULL,
    member TEXT NOT NULL,
    step TEXT NOT NULL,
    date_from TEXT,
    date_to TEXT,
    dated_by_text INTEGER NOT NULL,
    detail TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX story_steps_agreement ON story_steps(agreement, member);
CREATE INDEX story_steps_article ON story_steps(article_id);
CREATE TABLE story_relations (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    kind TEXT NOT NULL,
    date_from TEXT,
    date_to TEXT,
    detail TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX story_relations_pair ON story_relations(a, b);
CREATE INDEX story_relations_article ON story_relations(article_id);
CREATE TABLE story_sources (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    code TEXT,
    count INTEGER,
    nationality TEXT,
    outlet TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX story_sources_article ON story_sources(article_id);
CREATE TABLE story_quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    speaker TEXT NOT NULL,
    speaker_code TEXT,
    speaker_kind TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX story_quotes_article ON story_quotes(article_id);
CREATE TABLE story_claims (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    reference TEXT NOT NULL,
    others TEXT NOT NULL,
    comparison TEXT NOT NULL,
    agreement TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX story_claims_article ON story_claims(article_id);
"#;

/// A stored record with its evidence.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Stored<T> {
    /// Article id.
    pub article: String,
    /// The article's (effective) date.
    #[serde(serialize_with = "ser_date")]
    pub article_date: Option<Date>,
    /// The evidence sentence.
    pub text: String,
    /// The record (its `sentence` and `span` point into `text`).
    #[serde(flatten)]
    pub record: T,
}

fn ser_date<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

fn date_cols(d: Option<EventDate>) -> (Option<String>, Option<String>) {
    match d {
        Some(d) => (Some(d.from().to_string()), Some(d.to().to_string())),
        None => (None, None),
    }
}

fn event_date(from: Option<String>, to: Option<String>) -> Option<EventDate> {
    match (
        from.as_deref().and_then(Date::parse_iso),
        to.as_deref().and_then(Date::parse_iso),
    ) {
        (Some(a), Some(b)) if a == b => Some(EventDate::Day(a)),
        (Some(a), Some(b)) => Some(EventDate::Range(a, b)),
        _ => None,
    }
}

/// Writes an article's story records; `sentence_ids[k]` is the row id of
/// sentence index `k`.
pub(crate) fn insert(
    tx: &Transaction,
    article_id: i64,
    sentence_ids: &[i64],
    story: &Story,
) -> Result<(), StoreError> {
    let sid = |k: u32| sentence_ids.get(k as usize).copied();
    let mut st = tx.prepare_cached("INSERT INTO story_steps (article_id, sentence_id, agreement, member, step, date_from, date_to, dated_by_text, detail, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")?;
    for s in &story.steps {
        let Some(sentence) = sid(s.sentence) else {
            continue;
        };
        let (f, t) = date_cols(s.date);
        st.execute(params![
            article_id,
            sentence,
            s.agreement,
            s.member,
            s.step.as_str(),
            f,
            t,
            s.dated_by_text,
            s.detail,
            s.span[0],
            s.span[1]
        ])?;
    }
    let mut st = tx.prepare_cached("INSERT INTO story_relations (article_id, sentence_id, a, b, kind, date_from, date_to, detail, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")?;
    for r in &story.relations {
        let Some(sentence) = sid(r.sentence) else {
            continue;
        };
        let (f, t) = date_cols(r.date);
        st.execute(params![
            article_id,
            sentence,
            r.a,
            r.b,
            r.kind.as_str(),
            f,
            t,
            r.detail,
            r.span[0],
            r.span[1]
        ])?;
    }
    let mut st = tx.prepare_cached("INSERT INTO story_sources (article_id, sentence_id, kind, name, code, count, nationality, outlet, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")?;
    for s in &story.sources {
        let Some(sentence) = sid(s.sentence) else {
            continue;
        };
        st.execute(params![
            article_id,
            sentence,
            s.kind.as_str(),
            s.name,
            s.code,
            s.count,
            s.nationality,
            s.outlet,
            s.span[0],
            s.span[1]
        ])?;
    }
    let mut st = tx.prepare_cached("INSERT INTO story_quotes (article_id, sentence_id, speaker, speaker_code, speaker_kind, start, end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    for q in &story.quotes {
        let Some(sentence) = sid(q.sentence) else {
            continue;
        };
        st.execute(params![
            article_id,
            sentence,
            q.speaker,
            q.speaker_code,
            q.speaker_kind.map(SourceKind::as_str),
            q.span[0],
            q.span[1]
        ])?;
    }
    let mut st = tx.prepare_cached("INSERT INTO story_claims (article_id, sentence_id, kind, subject, reference, others, comparison, agreement, start, end) VALUES (?1, ?2, 'distance', ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
    for c in &story.claims {
        let Some(sentence) = sid(c.sentence) else {
            continue;
        };
        st.execute(params![
            article_id,
            sentence,
            c.subject,
            c.reference,
            c.others.join(";"),
            c.comparison.as_str(),
            c.agreement,
            c.span[0],
            c.span[1]
        ])?;
    }
    Ok(())
}

/// The columns every story query starts with: article id and date,
/// sentence index and text.
const HEAD: &str = "a.ext_id, a.date, s.idx, CAST(substr(CAST(a.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT)";

fn from(table: &str) -> String {
    format!("FROM {table} x JOIN sentences s ON s.id = x.sentence_id JOIN articles a ON a.id = x.article_id")
}

type Head = (String, Option<Date>, u32, String);

fn head(r: &rusqlite::Row) -> rusqlite::Result<Head> {
    Ok((
        r.get(0)?,
        r.get::<_, Option<String>>(1)?
            .as_deref()
            .and_then(Date::parse_iso),
        r.get(2)?,
        r.get(3)?,
    ))
}

fn stored<T>(h: Head, record: T) -> Stored<T> {
    Stored {
        article: h.0,
        article_date: h.1,
        text: h.3,
        record,
    }
}

impl Store {
    /// Is an article with this id stored?
    pub fn has_article(&self, ext_id: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM articles WHERE ext_id = ?1", [ext_id], |_| {
                Ok(())
            })
            .optional()?
            .is_some())
    }

    fn query<T>(
        &self,
        sql: &str,
        args: &[&dyn rusqlite::ToSql],
        f: impl Fn(&rusqlite::Row, Head) -> rusqlite::Result<Option<T>>,
    ) -> Result<Vec<Stored<T>>, StoreError> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map(args, |r| {
            let h = head(r)?;
            let rec = f(r, h.clone())?;
            Ok(rec.map(|rec| stored(h, rec)))
        })?;
        let mut out = Vec::new();
        for r in rows {
            if let Some(x) = r? {
                out.push(x);
            }
        }
        Ok(out)
    }

    /// Membership steps, of one agreement (by key) or of one article.
    pub fn story_steps(
        &self,
        agreement: Option<&str>,
        article: Option<&str>,
    ) -> Result<Vec<Stored<MembershipStep>>, StoreError> {
        let sql = format!(
            "SELECT {HEAD}, x.agreement, x.member, x.step, x.date_from, x.date_to, x.dated_by_text, x.detail, x.start, x.end {} \
             WHERE (?1 IS NULL OR x.agreement = ?1) AND (?2 IS NULL OR a.ext_id = ?2) ORDER BY a.id, s.idx, x.id",
            from("story_steps")
        );
        self.query(&sql, &[&agreement, &article], |r, h| {
            let Some(step) = Step::parse(&r.get::<_, String>(6)?) else {
                return Ok(None);
            };
            Ok(Some(MembershipStep {
                sentence: h.2,
                agreement: r.get(4)?,
                member: r.get(5)?,
                step,
                date: event_date(r.get(7)?, r.get(8)?),
                dated_by_text: r.get(9)?,
                detail: r.get(10)?,
                span: [r.get(11)?, r.get(12)?],
            }))
        })
    }

    /// Relations of a pair of countries (either order), or of one article.
    pub fn story_relations(
        &self,
        pair: Option<(&str, &str)>,
        article: Option<&str>,
    ) -> Result<Vec<Stored<Relation>>, StoreError> {
        let (a, b) = match pair {
            Some((x, y)) if x <= y => (Some(x), Some(y)),
            Some((x, y)) => (Some(y), Some(x)),
            None => (None, None),
        };
        let sql = format!(
            "SELECT {HEAD}, x.a, x.b, x.kind, x.date_from, x.date_to, x.detail, x.start, x.end {} \
             WHERE (?1 IS NULL OR (x.a = ?1 AND x.b = ?2)) AND (?3 IS NULL OR a.ext_id = ?3) ORDER BY a.id, s.idx, x.id",
            from("story_relations")
        );
        self.query(&sql, &[&a, &b, &article], |r, h| {
            let Some(kind) = RelationKind::parse(&r.get::<_, String>(6)?) else {
                return Ok(None);
            };
            Ok(Some(Relation {
                sentence: h.2,
                a: r.get(4)?,
                b: r.get(5)?,
                kind,
                date: event_date(r.get(7)?, r.get(8)?),
                detail: r.get(9)?,
                span: [r.get(10)?, r.get(11)?],
            }))
        })
    }

    /// Sources of an article.
    pub fn story_sources(&self, article: &str) -> Result<Vec<Stored<Source>>, StoreError> {
        let sql = format!(
            "SELECT {HEAD}, x.kind, x.name, x.code, x.count, x.nationality, x.outlet, x.start, x.end {} \
             WHERE a.ext_id = ?1 ORDER BY a.id, s.idx, x.id",
            from("story_sources")
        );
        self.query(&sql, &[&article], |r, h| {
            let Some(kind) = SourceKind::parse(&r.get::<_, String>(4)?) else {
                return Ok(None);
            };
            Ok(Some(Source {
                sentence: h.2,
                kind,
                name: r.get(5)?,
                code: r.get(6)?,
                count: r.get(7)?,
                nationality: r.get(8)?,
                outlet: r.get(9)?,
                span: [r.get(10)?, r.get(11)?],
            }))
        })
    }

    /// Quotes, optionally of a speaker (case-insensitive substring of the
    /// speaker's name) and of one article.
    pub fn story_quotes(
        &self,
        speaker: Option<&str>,
        article: Option<&str>,
    ) -> Result<Vec<Stored<Quote>>, StoreError> {
        let sql = format!(
            "SELECT {HEAD}, x.speaker, x.speaker_code, x.speaker_kind, x.start, x.end {} \
             WHERE (?1 IS NULL OR a.ext_id = ?1) ORDER BY a.id, s.idx, x.id",
            from("story_quotes")
        );
        let want = speaker.map(str::to_lowercase);
        self.query(&sql, &[&article], |r, h| {
            let speaker: String = r.get(4)?;
            if let Some(w) = &want {
                if !speaker.to_lowercase().contains(w.as_str()) {
                    return Ok(None);
                }
            }
            let span: [u32; 2] = [r.get(7)?, r.get(8)?];
            let text =
                h.3.get(span[0] as usize..span[1] as usize)
                    .unwrap_or("")
                    .to_string();
            Ok(Some(Quote {
                sentence: h.2,
                speaker,
                speaker_code: r.get(5)?,
                speaker_kind: r
                    .get::<_, Option<String>>(6)?
                    .as_deref()
                    .and_then(SourceKind::parse),
                text,
                span,
            }))
        })
    }

    /// Distance claims of an article.
    pub fn story_claims(&self, article: &str) -> Result<Vec<Stored<DistanceClaim>>, StoreError> {
        let sql = format!(
            "SELECT {HEAD}, x.subject, x.reference, x.others, x.comparison, x.agreement, x.start, x.end {} \
             WHERE a.ext_id = ?1 AND x.kind = 'distance' ORDER BY a.id, s.idx, x.id",
            from("story_claims")
        );
        self.query(&sql, &[&article], |r, h| {
            let Some(comparison) = Comparison::parse(&r.get::<_, String>(7)?) else {
                return Ok(None);
            };
            let others: String = r.get(6)?;
            Ok(Some(DistanceClaim {
                sentence: h.2,
                subject: r.get(4)?,
                reference: r.get(5)?,
                others: others
                    .split(';')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                comparison,
                agreement: r.get(8)?,
                span: [r.get(9)?, r.get(10)?],
            }))
        })
    }
}

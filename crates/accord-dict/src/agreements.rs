//! Agreement and topic records (see `data/README.md`): agreements,
//! alliances and groupings with their aliases and known members, and the
//! topic vocabulary for areas of cooperation. The coder does not use them;
//! the story layer (`accord-story`) does.

use crate::actors::parse_partial_date;
use crate::record::Record;
use crate::DictError;
use accord_text::Date;
use std::path::Path;

/// Membership steps a `member:` fact may name.
pub const MEMBER_STEPS: &[&str] = &[
    "founding",
    "announced",
    "signed",
    "joined",
    "ratified",
    "acceded",
    "suspended",
    "reinstated",
    "withdrew",
];

/// Kinds an agreement may have.
pub const AGREEMENT_KINDS: &[&str] = &[
    "agreement",
    "treaty",
    "alliance",
    "organization",
    "grouping",
    "format",
];

/// A known membership fact of an agreement: a country, a step, its date.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MemberFact {
    /// CAMEO country code.
    pub member: String,
    /// One of [`MEMBER_STEPS`].
    pub step: String,
    /// First day of the step's date (unknown when `None`).
    pub from: Option<Date>,
    /// Last day of the step's date (a year is a range).
    pub to: Option<Date>,
    /// 1-based line in its file.
    pub line: usize,
}

/// An agreement, alliance, treaty or grouping.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Agreement {
    /// Short key (`ABRAHAM`, `NATO`).
    pub key: String,
    /// Names and aliases; the first is the display name. A name written in
    /// lowercase ("the accords") is an anaphor: it names the agreement only
    /// after the agreement has been named in full.
    pub names: Vec<String>,
    /// One of [`AGREEMENT_KINDS`].
    pub kind: String,
    /// The CAMEO actor code of the organisation, when there is one (`IGOWSTNAT`).
    pub org: Option<String>,
    /// Known membership facts.
    pub members: Vec<MemberFact>,
}

/// A topic (area of cooperation) and the phrases that name it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Topic {
    /// Topic id (`defense`, `food-technology`).
    pub key: String,
    /// Display name (`food technology`).
    pub name: String,
    /// Phrases, lowercase.
    pub words: Vec<String>,
}

fn is_key(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

fn bad_fields(path: &Path, r: &Record, allowed: &[&str], errors: &mut Vec<DictError>) {
    for f in &r.fields {
        if !allowed.contains(&f.name.as_str()) {
            errors.push(DictError::new(
                path,
                f.line,
                format!(
                    "unknown field `{}` in {} record (allowed: {})",
                    f.name,
                    r.kind,
                    allowed.join(", ")
                ),
            ));
        }
    }
}

/// Parses `CODE STEP DATE` (`DATE` is `YYYY[-MM[-DD]]` or `?`).
fn parse_member(v: &str, line: usize) -> Result<MemberFact, String> {
    let parts: Vec<&str> = v.split_whitespace().collect();
    let [code, step, date] = parts.as_slice() else {
        return Err(format!(
            "member {v:?} must be `CODE STEP DATE` (DATE may be `?`)"
        ));
    };
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!(
            "member code {code:?} must be three uppercase letters"
        ));
    }
    if !MEMBER_STEPS.contains(step) {
        return Err(format!(
            "member step {step:?} is not one of {}",
            MEMBER_STEPS.join(", ")
        ));
    }
    let (from, to) = if *date == "?" {
        (None, None)
    } else {
        match (
            parse_partial_date(date, false),
            parse_partial_date(date, true),
        ) {
            (Some(a), Some(b)) => (Some(a), Some(b)),
            _ => {
                return Err(format!(
                    "member date {date:?} must be YYYY[-MM[-DD]] or `?`"
                ))
            }
        }
    };
    Ok(MemberFact {
        member: code.to_string(),
        step: step.to_string(),
        from,
        to,
        line,
    })
}

/// Turns an `agreement` record into an [`Agreement`].
pub(crate) fn agreement(path: &Path, r: &Record, errors: &mut Vec<DictError>) -> Option<Agreement> {
    bad_fields(path, r, &["name", "kind", "org", "member"], errors);
    if !is_key(&r.key) {
        errors.push(DictError::new(
            path,
            r.line,
            format!(
                "agreement key {:?} must be uppercase letters, digits or `-`",
                r.key
            ),
        ));
        return None;
    }
    let names: Vec<String> = r.values("name").map(|(v, _)| v.to_string()).collect();
    if names.is_empty() {
        errors.push(DictError::new(
            path,
            r.line,
            format!("agreement {} has no `name`", r.key),
        ));
        return None;
    }
    let kind = r
        .values("kind")
        .next()
        .map_or("agreement", |(v, _)| v)
        .to_string();
    if let Some((v, line)) = r.values("kind").next() {
        if !AGREEMENT_KINDS.contains(&v) {
            errors.push(DictError::new(
                path,
                line,
                format!(
                    "agreement kind {v:?} is not one of {}",
                    AGREEMENT_KINDS.join(", ")
                ),
            ));
        }
    }
    let mut members = Vec::new();
    for (v, line) in r.values("member") {
        match parse_member(v, line) {
            Ok(m) => members.push(m),
            Err(e) => errors.push(DictError::new(path, line, e)),
        }
    }
    Some(Agreement {
        key: r.key.clone(),
        names,
        kind,
        org: r.values("org").next().map(|(v, _)| v.to_string()),
        members,
    })
}

/// Turns a `topic` record into a [`Topic`].
pub(crate) fn topic(path: &Path, r: &Record, errors: &mut Vec<DictError>) -> Option<Topic> {
    bad_fields(path, r, &["name", "word"], errors);
    let name = r
        .values("name")
        .next()
        .map_or_else(|| r.key.replace('-', " "), |(v, _)| v.to_string());
    let mut words: Vec<String> = r.values("word").map(|(v, _)| v.to_lowercase()).collect();
    if !words.contains(&name.to_lowercase()) {
        words.insert(0, name.to_lowercase());
    }
    if r.key.chars().any(char::is_whitespace) {
        errors.push(DictError::new(
            path,
            r.line,
            format!("topic key {:?} must be one word", r.key),
        ));
        return None;
    }
    Some(Topic {
        key: r.key.clone(),
        name,
        words,
    })
}

#[cfg(test)]
mod tests {
    use crate::Dictionary;

    #[test]
    fn agreements_and_topics_load_and_bad_lines_are_reported() {
        let loaded = Dictionary::from_sources(&[(
            "agreements/a.txt".to_string(),
            "agreement ABRAHAM\n    name: Abraham Accords | the accords\n    kind: agreement\n    member: ARE signed 2020-09-15\n    member: BHR signed 2020\n    member: SDN joined ?\n    member: MAR married 2020\n    member: xx signed 2020\n\ntopic food-technology\n    name: food technology\n    word: agritech\n    colour: blue\n"
                .to_string(),
        )]);
        let msgs: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("agreements/a.txt:7: error: member step")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("agreements/a.txt:8: error: member code")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("agreements/a.txt:13: error: unknown field `colour`")),
            "{msgs:?}"
        );
        let a = &loaded.dictionary.actors.agreements;
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].names[1], "the accords");
        assert_eq!(a[0].members.len(), 3);
        assert_eq!(
            a[0].members[1].from.map(|d| d.to_string()).as_deref(),
            Some("2020-01-01")
        );
        assert_eq!(
            a[0].members[1].to.map(|d| d.to_string()).as_deref(),
            Some("2020-12-31")
        );
        assert!(a[0].members[2].from.is_none());
        let t = &loaded.dictionary.actors.topics;
        assert_eq!(t[0].name, "food technology");
        assert_eq!(t[0].words, vec!["food technology", "agritech"]);
    }
}

//! Verb files: synonym sets, verb blocks and their patterns (syntax in
//! `data/README.md`). Parsing keeps words as strings; `compile` turns them
//! into token ids.

use crate::record::strip_comment;
use crate::DictError;
use std::path::Path;

/// A synonym set as written.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RawSet {
    /// Name without `&`.
    pub name: String,
    /// Phrases.
    pub phrases: Vec<String>,
    /// TABARI members word by word, each with "joined to the word before
    /// by `_`" (a blank allows other words between); `$` and `+` are
    /// source and target slots. Empty for other formats.
    #[serde(default)]
    pub gapped: Vec<Vec<(String, bool)>>,
    /// Where defined.
    pub file: String,
    /// 1-based line.
    pub line: usize,
}

/// One element of a pattern as written.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum RawElem {
    /// `*`
    Verb,
    /// `+`
    Target,
    /// `$`
    Source,
    /// `_` adjacency between neighbours.
    Adjacent,
    /// `&NAME`
    Set(String),
    /// `a|b|c` or one word.
    Words(Vec<String>),
    /// `%` (TABARI, PETRARCH): a compound actor that is both source and target.
    Compound,
    /// `^` (TABARI, PETRARCH): skip one actor.
    Skip,
}

/// A pattern line as written.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RawPattern {
    /// CAMEO code, or `None` for `---`.
    pub code: Option<String>,
    /// The code of the paired event the target does to the source (TABARI
    /// and PETRARCH `[032:033]`: a visit is also a received visit).
    pub paired: Option<String>,
    /// Elements in order.
    pub elems: Vec<RawElem>,
    /// Every element as written, for the TABARI engine (words and actors
    /// before the verb with gaps, `%`, `^`); empty for accord's own format.
    pub full: Vec<RawElem>,
    /// 1-based line.
    pub line: usize,
}

/// A verb block as written.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RawVerb {
    /// Lemma (may be several words; the first inflects).
    pub lemma: String,
    /// Extra forms from `past=`, `participle=`, `forms=`.
    pub extra_past: Vec<String>,
    /// Extra participles.
    pub extra_participle: Vec<String>,
    /// Other extra forms.
    pub extra_forms: Vec<String>,
    /// Patterns.
    pub patterns: Vec<RawPattern>,
    /// TABARI: for each lemma word after the first, whether other words may
    /// stand before it (a blank in the dictionary, not `_`). Empty: none may.
    #[serde(default)]
    pub tail_gaps: Vec<bool>,
    /// File.
    pub file: String,
    /// Header line.
    pub line: usize,
}

/// Parses one verb file.
pub fn parse_verb_file(
    path: &Path,
    text: &str,
    sets: &mut Vec<RawSet>,
    verbs: &mut Vec<RawVerb>,
    errors: &mut Vec<DictError>,
) {
    let file = path.display().to_string();
    let mut current: Option<usize> = None;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        let t = line.trim();
        if !indented && t.starts_with('&') {
            let Some((name, rest)) = t[1..].split_once('=') else {
                errors.push(DictError::new(
                    path,
                    n,
                    "synonym set must be `&NAME = phrase | phrase`",
                ));
                continue;
            };
            let name = name.trim();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                errors.push(DictError::new(
                    path,
                    n,
                    format!("bad synonym set name {name:?}"),
                ));
                continue;
            }
            let phrases: Vec<String> = rest
                .split('|')
                .map(|p| p.trim().to_lowercase())
                .filter(|p| !p.is_empty())
                .collect();
            if phrases.is_empty() {
                errors.push(DictError::new(
                    path,
                    n,
                    format!("synonym set &{name} is empty"),
                ));
                continue;
            }
            if let Some(prev) = sets.iter().find(|s| s.name == name) {
                errors.push(DictError::new(
                    path,
                    n,
                    format!(
                        "synonym set &{name} already defined at {}:{}",
                        prev.file, prev.line
                    ),
                ));
                continue;
            }
            sets.push(RawSet {
                name: name.to_string(),
                phrases,
                gapped: Vec::new(),
                file: file.clone(),
                line: n,
            });
            current = None;
            continue;
        }
        if !indented {
            let mut parts = t.split_whitespace();
            if parts.next() != Some("verb") {
                errors.push(DictError::new(
                    path,
                    n,
                    format!("expected `verb LEMMA` or `&SET = ...`, found {t:?}"),
                ));
                current = None;
                continue;
            }
            let mut lemma = Vec::new();
            let mut v = RawVerb {
                lemma: String::new(),
                extra_past: vec![],
                extra_participle: vec![],
                extra_forms: vec![],
                patterns: vec![],
                tail_gaps: vec![],
                file: file.clone(),
                line: n,
            };
            let mut ok = true;
            for p in parts {
                match p.split_once('=') {
                    Some(("past", f)) => {
                        v.extra_past.extend(f.split('|').map(|s| s.to_lowercase()))
                    }
                    Some(("participle", f)) => v
                        .extra_participle
                        .extend(f.split('|').map(|s| s.to_lowercase())),
                    Some(("forms", f)) => {
                        v.extra_forms.extend(f.split('|').map(|s| s.to_lowercase()))
                    }
                    Some((k, _)) => {
                        errors.push(DictError::new(path, n, format!("unknown verb attribute `{k}=` (expected past=, participle=, forms=)")));
                        ok = false;
                    }
                    None => lemma.push(p.to_lowercase()),
                }
            }
            if lemma.is_empty() {
                errors.push(DictError::new(path, n, "`verb` needs a lemma"));
                ok = false;
            }
            if !ok {
                current = None;
                continue;
            }
            v.lemma = lemma.join(" ");
            verbs.push(v);
            current = Some(verbs.len() - 1);
            continue;
        }
        let Some(vi) = current else {
            errors.push(DictError::new(
                path,
                n,
                "pattern line outside a `verb` block",
            ));
            continue;
        };
        match parse_pattern(t) {
            Ok(mut p) => {
                p.line = n;
                verbs[vi].patterns.push(p);
            }
            Err(e) => errors.push(DictError::new(path, n, e)),
        }
    }
}

fn parse_pattern(t: &str) -> Result<RawPattern, String> {
    let mut parts = t.split_whitespace();
    let code = parts.next().ok_or("empty pattern")?;
    let code = if code == "---" {
        None
    } else if (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) {
        Some(code.to_string())
    } else {
        return Err(format!(
            "pattern must start with a CAMEO code (2-4 digits) or `---`, found {code:?}"
        ));
    };
    let mut elems = Vec::new();
    for p in parts {
        let e = match p {
            // A later `*` is read as an explicit gap, like `...`.
            "*" if elems.contains(&RawElem::Verb) => continue,
            "*" => RawElem::Verb,
            "+" => RawElem::Target,
            "$" => RawElem::Source,
            "_" => RawElem::Adjacent,
            "..." => continue, // gaps are implicit; tolerate the explicit marker
            s if s.starts_with('&') => RawElem::Set(s[1..].to_string()),
            s => {
                let words: Vec<String> = s
                    .split('|')
                    .map(|w| w.to_lowercase())
                    .filter(|w| !w.is_empty())
                    .collect();
                if words.is_empty() || words.iter().any(|w| w.contains(['*', '+', '$', '&'])) {
                    return Err(format!("bad pattern element {s:?}"));
                }
                RawElem::Words(words)
            }
        };
        elems.push(e);
    }
    let verbs = elems.iter().filter(|e| **e == RawElem::Verb).count();
    if verbs != 1 {
        return Err(format!(
            "a pattern needs exactly one `*` (the verb), found {verbs}"
        ));
    }
    if elems.iter().filter(|e| **e == RawElem::Target).count() > 1
        || elems.iter().filter(|e| **e == RawElem::Source).count() > 1
    {
        return Err("at most one `+` and one `$` per pattern".into());
    }
    if elems.first() == Some(&RawElem::Adjacent) || elems.last() == Some(&RawElem::Adjacent) {
        return Err("`_` must stand between two elements".into());
    }
    let vpos = elems.iter().position(|e| *e == RawElem::Verb).unwrap_or(0);
    if elems[..vpos]
        .iter()
        .any(|e| matches!(e, RawElem::Target | RawElem::Source | RawElem::Set(_)))
    {
        return Err("only plain words may come before `*`".into());
    }
    Ok(RawPattern {
        code,
        paired: None,
        elems,
        full: Vec::new(),
        line: 0,
    })
}

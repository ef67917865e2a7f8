//! TABARI `.verbs` and PETRARCH-1/2 verb dictionaries.

use crate::{phrase_words, strip, warn, Dialect};
use accord_dict::{DictError, Parts, RawElem, RawPattern, RawSet, RawVerb};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// A synonym set as read, before nested sets are expanded.
#[derive(Debug, Clone)]
pub struct PendingSet {
    name: String,
    members: Vec<String>,
    file: String,
    line: usize,
    /// From a TABARI file: a blank between member words allows a gap.
    tabari: bool,
}

#[derive(Debug, Clone)]
struct VerbLine {
    /// Words of the phrase, lowercase.
    words: Vec<String>,
    /// TABARI: per word, whether a blank (not `_`) stands before it, so
    /// other words may come between (empty for PETRARCH).
    gaps: Vec<bool>,
    /// Index of the verb word.
    verb: usize,
    forms: Vec<String>,
    /// Own default code: `None` = none given, `Some(None)` = `---`.
    code: Option<Option<String>>,
    paired: Option<String>,
    line: usize,
}

/// A pattern line of a block: code, paired code, element lists (one per
/// expanded alternative), line.
type BlockPattern = (Option<String>, Option<String>, Vec<Variant>, usize);

/// One expanded pattern: the elements accord's engine reads, and every
/// element as written (for the TABARI engine).
type Variant = (Vec<RawElem>, Vec<RawElem>);

#[derive(Debug, Default)]
struct Block {
    code: Option<Option<String>>,
    paired: Option<String>,
    verbs: Vec<VerbLine>,
    patterns: Vec<BlockPattern>,
}

/// The paired code of `[CODE:PAIRED]`.
fn paired_code(s: &str) -> Option<String> {
    let inner = s
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim();
    let p = inner.split(':').nth(1)?.trim();
    (!p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric())).then(|| p.to_string())
}

/// Parses `[CODE]`, `[CODE:CODE]`; `Ok(None)` for `---` (and TABARI's
/// `###` discard and `+++` complex codes, which code nothing either).
fn parse_code(s: &str) -> Result<Option<String>, String> {
    let inner = s
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim();
    let first = inner.split(':').next().unwrap_or("").trim();
    if first.is_empty() {
        return Err(format!("empty code {s:?}"));
    }
    if first.chars().all(|c| c == '-') || first == "###" || first == "+++" {
        return Ok(None);
    }
    if first.contains(char::is_whitespace) {
        return Err(format!("bad code {s:?}"));
    }
    Ok(Some(first.to_string()))
}

/// Splits `text [CODE] rest` into (text, code, rest).
fn split_code(t: &str) -> (&str, Option<&str>) {
    match (t.find('['), t.rfind(']')) {
        (Some(a), Some(b)) if b > a => (&t[..a], Some(&t[a..=b])),
        _ => (t, None),
    }
}

/// Expands `{ A | B }` alternatives; braces without `|` and parentheses
/// become plain text.
fn expand_alternatives(body: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut rest = body;
    while let Some(i) = rest.find('{') {
        let Some(j) = rest[i..].find('}').map(|j| i + j) else {
            break;
        };
        let before = &rest[..i];
        let inner = &rest[i + 1..j];
        let alts: Vec<&str> = inner.split('|').collect();
        // `X_{ A | B }_Y`: the underscores join the alternative to its neighbours.
        let open = if before.ends_with('_') { "" } else { " " };
        let close = if rest[j + 1..].starts_with('_') {
            ""
        } else {
            " "
        };
        let mut next = Vec::new();
        for o in &out {
            for a in &alts {
                if next.len() < 64 {
                    next.push(format!("{o}{before}{open}{}{close}", a.trim()));
                }
            }
        }
        out = next;
        rest = &rest[j + 1..];
    }
    for o in &mut out {
        o.push_str(rest);
        *o = o.replace(['(', ')', '{', '}'], " ");
    }
    out
}

/// One pattern body (without `-` and code) to element lists.
fn parse_body(
    body: &str,
    stems: &mut Option<&mut HashSet<String>>,
) -> Result<Vec<Variant>, String> {
    let mut variants = Vec::new();
    for v in expand_alternatives(body) {
        let mut elems: Vec<RawElem> = Vec::new();
        for chunk in v.split_whitespace() {
            let parts: Vec<&str> = chunk.split('_').collect();
            let mut prev_in_chunk = false;
            for (k, part) in parts.iter().enumerate() {
                if part.is_empty() {
                    continue;
                }
                let e = match *part {
                    "*" => Some(RawElem::Verb),
                    "+" => Some(RawElem::Target),
                    "$" => Some(RawElem::Source),
                    "%" => Some(RawElem::Compound),
                    "^" => Some(RawElem::Skip),
                    p if p.starts_with('&') => Some(RawElem::Set(p[1..].to_uppercase())),
                    p => {
                        let w = p.trim_matches('~').to_lowercase();
                        if w.is_empty() || w.contains(['*', '+', '$', '&', '[', ']']) {
                            return Err(format!("bad pattern element {p:?}"));
                        }
                        // `WORD_` is exact; `WORD~_NEXT` is a stem joined to the next word.
                        let exact = parts.get(k + 1).is_some() && !p.ends_with('~');
                        if !exact {
                            if let Some(s) = stems.as_deref_mut() {
                                phrase_words(&w, Some(s));
                            }
                        }
                        // For the TABARI engine an exact word keeps its `_`
                        // (stripped again for accord's engine below).
                        if exact && stems.is_some() {
                            Some(RawElem::Words(vec![format!("{w}_")]))
                        } else {
                            Some(RawElem::Words(vec![w]))
                        }
                    }
                };
                match e {
                    Some(e) => {
                        if prev_in_chunk && !elems.is_empty() {
                            elems.push(RawElem::Adjacent);
                        }
                        elems.push(e);
                        prev_in_chunk = true;
                    }
                    None => prev_in_chunk = false,
                }
            }
        }
        // The full pattern, for the TABARI engine: one verb, at most one
        // target and one source.
        let mut full: Vec<RawElem> = Vec::with_capacity(elems.len());
        let (mut fv, mut ft, mut fs) = (false, false, false);
        for e in &elems {
            let dup = match e {
                RawElem::Verb => std::mem::replace(&mut fv, true),
                RawElem::Target => std::mem::replace(&mut ft, true),
                RawElem::Source => std::mem::replace(&mut fs, true),
                _ => false,
            };
            if dup {
                continue;
            }
            full.push(e.clone());
        }
        // accord's engine has no `%` or `^`, nor exact-word marks.
        let elems: Vec<RawElem> = elems
            .into_iter()
            .filter(|e| !matches!(e, RawElem::Compound | RawElem::Skip))
            .map(|e| match e {
                RawElem::Words(ws) => RawElem::Words(
                    ws.into_iter()
                        .map(|w| w.trim_end_matches('_').to_string())
                        .collect(),
                ),
                e => e,
            })
            .collect();
        // Exactly one verb; at most one target and one source.
        let Some(vpos) = elems.iter().position(|e| *e == RawElem::Verb) else {
            return Err("pattern has no `*`".into());
        };
        // Before the verb: only words joined to it by `_`.
        let mut keep_from = vpos;
        while keep_from >= 2
            && elems[keep_from - 1] == RawElem::Adjacent
            && matches!(elems[keep_from - 2], RawElem::Words(_))
        {
            keep_from -= 2;
        }
        let mut out: Vec<RawElem> = elems[keep_from..=vpos].to_vec();
        let (mut t, mut s) = (false, false);
        for e in &elems[vpos + 1..] {
            match e {
                RawElem::Verb => continue,
                RawElem::Target if t => continue,
                RawElem::Source if s => continue,
                RawElem::Target => t = true,
                RawElem::Source => s = true,
                _ => {}
            }
            if *e == RawElem::Adjacent && out.last() == Some(&RawElem::Adjacent) {
                continue;
            }
            out.push(e.clone());
        }
        while out.last() == Some(&RawElem::Adjacent) {
            out.pop();
        }
        // `_` right after the verb before a dropped element, etc.
        let mut clean: Vec<RawElem> = Vec::with_capacity(out.len());
        for e in out {
            if e == RawElem::Adjacent && clean.last().is_none_or(|l| *l == RawElem::Adjacent) {
                continue;
            }
            clean.push(e);
        }
        variants.push((clean, full));
    }
    Ok(variants)
}

/// Reads one verb file.
#[allow(clippy::too_many_arguments)]
pub fn read_verbs(
    path: &Path,
    text: &str,
    dialect: Dialect,
    parts: &mut Parts,
    sets: &mut Vec<PendingSet>,
    mut stems: Option<&mut HashSet<String>>,
    diags: &mut Vec<DictError>,
) {
    let file = path.display().to_string();
    let mut block = Block::default();
    let mut in_set: Option<usize> = None;
    let mut skip_until: Option<&str> = None;
    let mut in_comment = false;
    // Inside `<TIME>` (manual 10.5): time-shift phrases, not verbs.
    let mut in_time = false;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let trimmed = raw.trim();
        if in_comment {
            if trimmed.contains("-->") {
                in_comment = false;
            }
            continue;
        }
        if trimmed.starts_with("<!--") {
            in_comment = !trimmed.contains("-->");
            continue;
        }
        if let Some(end) = skip_until {
            if trimmed.eq_ignore_ascii_case(end) {
                skip_until = None;
            }
            continue;
        }
        if trimmed.starts_with("~~~") {
            break;
        }
        if in_time && !trimmed.starts_with('<') {
            // A phrase and its shift in days, or a null, discard or complexity
            // code. Patterns under a phrase (`- * AND A WEEK`) only move the
            // date further; the phrase alone is read.
            let (phrase, code) = split_code(trimmed);
            let words: Vec<String> = phrase
                .split(['_', ' '])
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            if let (Some(code), false) = (code, phrase.trim_start().starts_with('-')) {
                let code: String = code
                    .trim_matches(['[', ']'])
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                if !words.is_empty() {
                    parts.options.tab.time.push((words, code));
                }
            }
            continue;
        }
        match trimmed {
            "<SYNSETS>" | "</SYNSETS>" => continue,
            "<TIME>" => {
                in_time = true;
                continue;
            }
            "</TIME>" => {
                in_time = false;
                continue;
            }
            "<NOUN>" => {
                skip_until = Some("</NOUN>");
                continue;
            }
            "<ADJECTIVE>" => {
                skip_until = Some("</ADJECTIVE>");
                continue;
            }
            _ => {}
        }
        let t = strip(raw, dialect).trim();
        if t.is_empty() {
            continue;
        }
        // Synonym sets.
        if let Some(name) = t.strip_prefix('&') {
            let name = name.split_whitespace().next().unwrap_or("");
            let name = name.trim_end_matches('_').to_uppercase();
            if name.is_empty() {
                diags.push(warn(path, n, "synonym set without a name"));
                continue;
            }
            sets.push(PendingSet {
                name,
                members: Vec::new(),
                file: file.clone(),
                line: n,
                tabari: dialect == Dialect::Tabari,
            });
            in_set = Some(sets.len() - 1);
            continue;
        }
        if let (Some(si), Some(m)) = (in_set, t.strip_prefix('+')) {
            if let Some(st) = stems.as_deref_mut() {
                phrase_words(m.trim().trim_start_matches('&'), Some(st));
            }
            sets[si].members.push(m.trim().to_string());
            continue;
        }
        in_set = None;
        // PETRARCH block header.
        if let Some(h) = t.strip_prefix("---") {
            flush(&mut block, &file, parts, diags, path);
            let h = h.trim().trim_end_matches('-').trim();
            let (_, code) = split_code(h);
            block.paired = code.and_then(paired_code);
            block.code = match code.map(parse_code) {
                Some(Ok(c)) => Some(c),
                Some(Err(e)) => {
                    diags.push(warn(path, n, e));
                    None
                }
                None => None,
            };
            continue;
        }
        // Patterns.
        if let Some(p) = t.strip_prefix('-') {
            let (body, code) = split_code(p);
            let Some(code) = code else {
                diags.push(warn(path, n, "pattern without a [CODE]"));
                continue;
            };
            // PETRARCH has no complex events: a `[+++]` pattern is no pattern
            // there, and the verb codes by its others.
            if dialect == Dialect::Petrarch && code.trim_matches(['[', ']', ' ']) == "+++" {
                continue;
            }
            let paired = paired_code(code);
            let code = match parse_code(code) {
                Ok(c) => c,
                Err(e) => {
                    diags.push(warn(path, n, e));
                    continue;
                }
            };
            if block.verbs.is_empty() {
                diags.push(warn(path, n, "pattern before any verb"));
                continue;
            }
            match parse_body(body, &mut stems) {
                Ok(v) => block.patterns.push((code, paired, v, n)),
                Err(e) => diags.push(warn(path, n, e)),
            }
            continue;
        }
        // Irregular forms of the last verb (TABARI `{ FORMS }` line).
        if t.starts_with('{') {
            let inner = t.trim_start_matches('{').trim_end_matches('}');
            if let Some(s) = stems.as_deref_mut() {
                // A form without `_` (`ACTUALITY`) is a stem, like a verb.
                for f in inner.split_whitespace() {
                    phrase_words(f, Some(s));
                }
            }
            if let Some(v) = block.verbs.last_mut() {
                v.forms.extend(
                    inner
                        .split_whitespace()
                        .map(|w| w.trim_end_matches(['_', '=']).to_lowercase()),
                );
            } else {
                diags.push(warn(path, n, "verb forms before any verb"));
            }
            continue;
        }
        if t.starts_with('<') {
            continue;
        }
        // A verb line: WORDS [{FORMS}] [[CODE]].
        let (head, code) = split_code(t);
        let paired = code.and_then(paired_code);
        let code = match code.map(parse_code) {
            Some(Ok(c)) => Some(c),
            Some(Err(e)) => {
                diags.push(warn(path, n, e));
                continue;
            }
            None => None,
        };
        let (phrase, forms) = match (head.find('{'), head.rfind('}')) {
            (Some(a), Some(b)) if b > a => (
                &head[..a],
                head[a + 1..b]
                    .split_whitespace()
                    .map(|w| w.trim_end_matches(['_', '=']).to_lowercase())
                    .collect(),
            ),
            _ => (head, Vec::new()),
        };
        let phrase = phrase.trim();
        // `+` marks the verb inside a multi-word phrase (PETRARCH).
        let marked = phrase.trim_start_matches('+');
        let plus_at = phrase.split(['_', ' ']).position(|w| w.starts_with('+'));
        let words: Vec<String> = phrase_words(&marked.replace('+', ""), None)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        if words.is_empty() || words.iter().any(|w| w.contains(['*', '$', '&', '[', ']'])) {
            diags.push(warn(path, n, format!("cannot read verb line {t:?}")));
            continue;
        }
        if let Some(s) = stems.as_deref_mut() {
            phrase_words(phrase, Some(s));
            // A verb form without `_` (`{ ACTING_ ACTUALITY }`) is a stem too.
            if let (Some(a), Some(b)) = (head.find('{'), head.rfind('}')) {
                for f in head.get(a + 1..b).unwrap_or_default().split_whitespace() {
                    phrase_words(f, Some(s));
                }
            }
        }
        let verb = plus_at.filter(|&k| k < words.len()).unwrap_or(0);
        if dialect == Dialect::Tabari {
            flush(&mut block, &file, parts, diags, path);
            block.code = code.clone();
            block.paired = paired.clone();
        }
        // TABARI separates words with `_` (adjacent) or a blank (a gap
        // allowed: DEATH TOLL RISEN matches "death toll has risen").
        let gaps = if dialect == Dialect::Tabari {
            let mut gaps = Vec::new();
            let mut cur = false;
            let mut blank = false;
            for ch in marked.chars().chain([' ']) {
                if matches!(ch, '_' | '=' | ' ' | '\t') {
                    if cur {
                        gaps.push(blank);
                        blank = false;
                        cur = false;
                    }
                    blank |= ch == ' ' || ch == '\t';
                } else {
                    // The first word has no gap before it.
                    if !cur && gaps.is_empty() {
                        blank = false;
                    }
                    cur = true;
                }
            }
            gaps
        } else {
            Vec::new()
        };
        block.verbs.push(VerbLine {
            words,
            gaps,
            verb,
            forms,
            code,
            paired,
            line: n,
        });
    }
    flush(&mut block, &file, parts, diags, path);
}

fn flush(
    block: &mut Block,
    file: &str,
    parts: &mut Parts,
    diags: &mut Vec<DictError>,
    path: &Path,
) {
    let b = std::mem::take(block);
    for v in &b.verbs {
        let head = v.words[v.verb].clone();
        let lemma: Vec<String> = v.words[v.verb..].to_vec();
        let before: Vec<RawElem> = v.words[..v.verb]
            .iter()
            .flat_map(|w| [RawElem::Words(vec![w.clone()]), RawElem::Adjacent])
            .collect();
        // Only when the count agrees with the words (it always should).
        let tail_gaps = if v.gaps.len() == v.words.len() {
            v.gaps[v.verb + 1..].to_vec()
        } else {
            Vec::new()
        };
        let mut rv = RawVerb {
            tail_gaps,
            lemma: lemma.join(" "),
            extra_past: Vec::new(),
            extra_participle: Vec::new(),
            extra_forms: Vec::new(),
            patterns: Vec::new(),
            file: file.to_string(),
            line: v.line,
        };
        for f in &v.forms {
            if f.is_empty() || *f == head {
                continue;
            }
            if f.ends_with("ing") || f.ends_with('s') {
                rv.extra_forms.push(f.clone());
            } else {
                rv.extra_past.push(f.clone());
                rv.extra_participle.push(f.clone());
            }
        }
        let default = v.code.clone().or_else(|| b.code.clone());
        // The words of a multi-word verb before its head stand right before
        // the head in every pattern: `- WILL NOT *` of `WIRE_+TAP` is
        // "will not wire tap".
        let with_before = |elems: &[RawElem]| -> Vec<RawElem> {
            let at = elems
                .iter()
                .position(|e| matches!(e, RawElem::Verb))
                .unwrap_or(0);
            let mut e = elems[..at].to_vec();
            e.extend(before.iter().cloned());
            e.extend_from_slice(&elems[at..]);
            e
        };
        if let Some(code) = default {
            rv.patterns.push(RawPattern {
                code,
                paired: v.paired.clone().or_else(|| b.paired.clone()),
                elems: with_before(&[RawElem::Verb]),
                full: with_before(&[RawElem::Verb]),
                line: v.line,
            });
        }
        for (code, paired, variants, line) in &b.patterns {
            for (elems, full) in variants {
                // A multi-word verb's own words follow it directly; patterns
                // of the block are written for the head word.
                rv.patterns.push(RawPattern {
                    code: code.clone(),
                    paired: paired.clone(),
                    elems: with_before(elems),
                    full: with_before(full),
                    line: *line,
                });
            }
        }
        if rv.patterns.is_empty() && v.code.is_none() && b.code.is_none() {
            diags.push(warn(
                path,
                v.line,
                format!("verb {:?} has no code and no patterns", rv.lemma),
            ));
        }
        parts.verbs.push(rv);
    }
}

/// Expands nested sets and adds them to `parts`.
pub fn resolve_sets(parts: &mut Parts, sets: &[PendingSet], diags: &mut Vec<DictError>) {
    let by_name: HashMap<&str, &PendingSet> = sets.iter().map(|s| (s.name.as_str(), s)).collect();
    /// A member word by word, each with "joined to the word before by
    /// `_`"; a `&SET` word expands to each of its members.
    type Words = Vec<(String, bool)>;
    fn expand(
        member: &str,
        by_name: &HashMap<&str, &PendingSet>,
        depth: usize,
        out: &mut Vec<Words>,
    ) -> Result<(), String> {
        if depth > 4 {
            return Err("synonym sets nested too deep".into());
        }
        let mut acc: Vec<Words> = vec![Vec::new()];
        // (word, an `_` stands between it and the word before)
        let mut pieces: Vec<(String, bool)> = Vec::new();
        let mut cur = String::new();
        let mut underscore = false;
        for ch in member.chars().chain([' ']) {
            if ch == '_' || ch.is_whitespace() {
                if !cur.is_empty() {
                    pieces.push((std::mem::take(&mut cur), underscore));
                    underscore = false;
                }
                underscore |= ch == '_';
            } else {
                cur.push(ch);
            }
        }
        for (w, join) in pieces {
            let w = w.as_str();
            let alts: Vec<Words> = if let Some(name) = w.strip_prefix('&') {
                let s = by_name
                    .get(name.to_uppercase().as_str())
                    .ok_or_else(|| format!("unknown synonym set &{name}"))?;
                let mut v = Vec::new();
                for m in &s.members {
                    expand(m, by_name, depth + 1, &mut v)?;
                }
                v
            } else {
                vec![vec![(w.to_lowercase(), false)]]
            };
            let mut next = Vec::new();
            for a in &acc {
                for b in &alts {
                    if next.len() < 256 {
                        let mut c = a.clone();
                        for (i, (bw, bj)) in b.iter().enumerate() {
                            let j = if i == 0 { join && !a.is_empty() } else { *bj };
                            c.push((bw.clone(), j));
                        }
                        next.push(c);
                    }
                }
            }
            acc = next;
        }
        out.extend(acc.into_iter().filter(|s| !s.is_empty()));
        Ok(())
    }
    for s in sets {
        let mut words: Vec<Words> = Vec::new();
        for m in &s.members {
            if let Err(e) = expand(m, &by_name, 0, &mut words) {
                diags.push(warn(Path::new(&s.file), s.line, e));
            }
        }
        words.dedup();
        let mut phrases: Vec<String> = words
            .iter()
            .map(|ws| {
                ws.iter()
                    .map(|w| w.0.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        phrases.dedup();
        // Only TABARI members keep their gaps and slots for its engine.
        let gapped = if s.tabari { words } else { Vec::new() };
        if phrases.is_empty() {
            diags.push(warn(
                Path::new(&s.file),
                s.line,
                format!("synonym set &{} is empty", s.name),
            ));
            continue;
        }
        if parts.sets.iter().any(|x| x.name == s.name) {
            continue;
        }
        parts.sets.push(RawSet {
            name: s.name.clone(),
            phrases,
            gapped,
            file: s.file.clone(),
            line: s.line,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_expand_alternatives_and_keep_joined_words() {
        let mut none: Option<&mut HashSet<String>> = None;
        let v = parse_body(
            " SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS ",
            &mut none,
        )
        .unwrap_or_default();
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].0[0], RawElem::Verb);
        assert!(v[0].0.contains(&RawElem::Words(vec!["geneva".into()])));
        assert_eq!(
            v[0].1[..4],
            [
                RawElem::Words(vec!["suggested".into()]),
                RawElem::Adjacent,
                RawElem::Target,
                RawElem::Verb
            ],
            "the full pattern keeps words and `+` before `*`"
        );
        let v = parse_body("IN_*", &mut none).unwrap_or_default();
        assert_eq!(
            v[0].0,
            vec![
                RawElem::Words(vec!["in".into()]),
                RawElem::Adjacent,
                RawElem::Verb
            ]
        );
        assert!(parse_body("FOO BAR", &mut none).is_err());
    }

    #[test]
    fn codes() {
        assert_eq!(parse_code("[013:012]"), Ok(Some("013".into())));
        assert_eq!(parse_code("[---]"), Ok(None));
        assert!(parse_code("[]").is_err());
    }

    #[test]
    fn time_phrases_are_read_apart_from_verbs() {
        let text = "<TIME>\nLAST_WEEK [-7]\nTOMORROW [+1]\n- * AND A WEEK [+8]\n\
                    WHEN_PEACE_COMES [+++]\n</TIME>\nRESTOR  [064]\n";
        let mut parts = Parts::default();
        let mut diags = Vec::new();
        read_verbs(
            Path::new("t.verbs"),
            text,
            Dialect::Tabari,
            &mut parts,
            &mut Vec::new(),
            None,
            &mut diags,
        );
        let time: Vec<(String, &str)> = parts
            .options
            .tab
            .time
            .iter()
            .map(|(w, c)| (w.join(" "), c.as_str()))
            .collect();
        assert_eq!(
            time,
            [
                ("last week".to_string(), "-7"),
                ("tomorrow".to_string(), "+1"),
                ("when peace comes".to_string(), "+++")
            ]
        );
        assert_eq!(parts.verbs.len(), 1, "only RESTOR is a verb");
    }

    #[test]
    fn tabari_set_members_keep_gaps_and_slots() {
        let text = "<SYNSETS>\n&TIETYPES\n+MILITARY\n&CUR\n+AUSTRIAN FLORIN\n+PESO_$\n\
                    +ASSURANCES_ON &TIETYPES\n</SYNSETS>\n";
        let mut parts = Parts::default();
        let mut pending = Vec::new();
        let mut diags = Vec::new();
        read_verbs(
            Path::new("t.verbs"),
            text,
            Dialect::Tabari,
            &mut parts,
            &mut pending,
            None,
            &mut diags,
        );
        resolve_sets(&mut parts, &pending, &mut diags);
        let cur = parts.sets.iter().find(|s| s.name == "CUR");
        let gapped = cur.map(|s| s.gapped.clone()).unwrap_or_default();
        let w = |x: &str, j: bool| (x.to_string(), j);
        assert_eq!(
            gapped,
            [
                vec![w("austrian", false), w("florin", false)],
                vec![w("peso", false), w("$", true)],
                vec![w("assurances", false), w("on", true), w("military", false)],
            ]
        );
    }
}

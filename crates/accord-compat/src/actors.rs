//! TABARI `.actors`/`.agents` and PETRARCH/Phoenix actor, agent and
//! discard files.

use crate::{phrase_words, strip, warn, Dialect};
use accord_dict::{Agent, DictError, Parts, Person, Place, Role};
use accord_text::Date;
use std::collections::HashSet;
use std::path::Path;

/// A `YYMMDD` or `YYYYMMDD` date.
fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    Date::new(y, rest[..2].parse().ok()?, rest[2..4].parse().ok()?)
}

/// One `[CODE dates]` block.
fn parse_code_block(inner: &str) -> Result<Role, String> {
    let inner = inner.trim();
    let mut it = inner.splitn(2, char::is_whitespace);
    let code = it.next().unwrap_or("").trim();
    if code.is_empty()
        || code.starts_with(['<', '>'])
        || code.bytes().all(|b| b.is_ascii_digit() || b == b'-')
            && code.contains(|c: char| c.is_ascii_digit())
    {
        return Err(format!("code block [{inner}] has no code"));
    }
    if !code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '#' | '~' | '/' | '+'))
    {
        return Err(format!("bad code {code:?}"));
    }
    let range: String = it.next().unwrap_or("").split_whitespace().collect();
    let mut role = Role {
        code: code.trim_matches('~').to_string(),
        from: None,
        to: None,
    };
    if range.is_empty() {
        return Ok(role);
    }
    let bad = || format!("bad date range {range:?}");
    if let Some(d) = range.strip_prefix('<') {
        role.to = Some(parse_date(d).ok_or_else(bad)?.add_days(-1));
    } else if let Some(d) = range.strip_prefix('>') {
        role.from = Some(parse_date(d).ok_or_else(bad)?);
    } else if let Some((a, b)) = range.split_once('-') {
        role.from = Some(parse_date(a).ok_or_else(bad)?);
        role.to = Some(parse_date(b).ok_or_else(bad)?);
    } else {
        return Err(bad());
    }
    Ok(role)
}

/// The `[...]` blocks of a line and the text before the first one.
fn code_blocks(t: &str) -> (&str, Vec<&str>) {
    let name_end = t.find('[').unwrap_or(t.len());
    let mut blocks = Vec::new();
    let mut rest = &t[name_end..];
    while let Some(a) = rest.find('[') {
        let Some(b) = rest[a..].find(']') else {
            break;
        };
        blocks.push(&rest[a + 1..a + b]);
        rest = &rest[a + b + 1..];
    }
    (&t[..name_end], blocks)
}

#[derive(Default)]
struct Group {
    names: Vec<String>,
    roles: Vec<Role>,
    line: usize,
}

fn finish_group(g: Group, last_roles: &mut Vec<Role>, parts: &mut Parts) {
    if g.names.is_empty() {
        return;
    }
    let roles = if g.roles.is_empty() {
        last_roles.clone()
    } else {
        g.roles
    };
    if roles.is_empty() {
        return;
    }
    *last_roles = roles.clone();
    let dated = roles.iter().any(|r| r.from.is_some() || r.to.is_some());
    if dated {
        // Dated roles first, the undated default last.
        let mut rs: Vec<Role> = roles
            .iter()
            .filter(|r| r.from.is_some() || r.to.is_some())
            .cloned()
            .collect();
        rs.extend(
            roles
                .iter()
                .filter(|r| r.from.is_none() && r.to.is_none())
                .cloned(),
        );
        parts.actors.people.push(Person {
            name: g.names[0].clone(),
            country: None,
            names: g.names,
            roles: rs,
        });
    } else {
        parts.actors.places.push(Place {
            code: roles[0].code.clone(),
            is_region: false,
            iso2: None,
            regions: Vec::new(),
            names: g.names,
            adjectives: Vec::new(),
            people: Vec::new(),
            capitals: Vec::new(),
            capital_at: None,
            centroid: None,
        });
    }
}

/// Reads an actors file.
pub fn read_actors(
    path: &Path,
    text: &str,
    dialect: Dialect,
    parts: &mut Parts,
    mut stems: Option<&mut HashSet<String>>,
    diags: &mut Vec<DictError>,
) {
    let mut g = Group::default();
    let mut last_roles = Vec::new();
    let mut skip_until: Option<&str> = None;
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let trimmed = raw.trim();
        if in_comment {
            in_comment = !trimmed.contains("-->");
            continue;
        }
        if trimmed.starts_with("<!--") {
            in_comment = !trimmed.contains("-->");
            continue;
        }
        if let Some(end) = skip_until {
            if trimmed.eq_ignore_ascii_case(end) {
                skip_until = None;
                continue;
            }
            // `<NOUN>` and `<ADJECTIVE>` words: one a line.
            let w = phrase_words(strip(raw, dialect).trim(), None);
            if let Some(last) = w.split(' ').next_back().filter(|x| !x.is_empty()) {
                let list = if end == "</NOUN>" {
                    &mut parts.nouns
                } else {
                    &mut parts.adjectives
                };
                list.push(last.to_string());
            }
            continue;
        }
        match trimmed {
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
        if trimmed.starts_with("~~~") {
            break;
        }
        let t = strip(raw, dialect).trim();
        if t.is_empty() || t.starts_with('<') {
            continue;
        }
        let (name, blocks) = code_blocks(t);
        let mut roles = Vec::new();
        let mut ok = true;
        for b in blocks {
            match parse_code_block(b) {
                Ok(r) => roles.push(r),
                Err(e) => {
                    diags.push(warn(path, n, e));
                    ok = false;
                }
            }
        }
        let name = name.trim();
        // TABARI and PETRARCH: words apart by a space (not `_`) may be apart
        // in the text ("PRINCE DOL_AMROTH" matches "the Prince of Dol_Amroth",
        // "ITHILEN TELEVISION" "Ithilen state-run television").
        let bare = name.trim_start_matches('+').trim();
        if bare.contains(char::is_whitespace) {
            let chunks: Vec<String> = bare
                .split_whitespace()
                .map(|c| phrase_words(c, None))
                .filter(|c| !c.is_empty())
                .collect();
            if chunks.len() > 1 {
                parts.gapped.push(chunks);
                let code = match roles.as_slice() {
                    [r] if r.from.is_none() && r.to.is_none() => Some(r.code.clone()),
                    _ => None,
                };
                parts.gapped_codes.push(code);
            }
        }
        if let Some(syn) = name.strip_prefix('+') {
            let w = phrase_words(syn, stems.as_deref_mut());
            if !w.is_empty() {
                g.names.push(w);
            }
            g.roles.extend(roles);
            continue;
        }
        if name.is_empty() {
            if g.names.is_empty() && ok {
                diags.push(warn(path, n, "code line without an actor"));
            }
            g.roles.extend(roles);
            continue;
        }
        if !ok && roles.is_empty() {
            // The whole line is bad: do not let it take a neighbour's code.
            finish_group(std::mem::take(&mut g), &mut last_roles, parts);
            continue;
        }
        finish_group(std::mem::take(&mut g), &mut last_roles, parts);
        g.line = n;
        let w = phrase_words(name, stems.as_deref_mut());
        if !w.is_empty() {
            g.names.push(w);
        }
        g.roles = roles;
    }
    finish_group(g, &mut last_roles, parts);
}

/// Reads an agents file.
pub fn read_agents(
    path: &Path,
    text: &str,
    dialect: Dialect,
    parts: &mut Parts,
    mut stems: Option<&mut HashSet<String>>,
    diags: &mut Vec<DictError>,
) {
    let mut macros: Vec<(String, Vec<String>)> = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let trimmed = raw.trim();
        if in_comment {
            in_comment = !trimmed.contains("-->");
            continue;
        }
        if trimmed.starts_with("<!--") {
            in_comment = !trimmed.contains("-->");
            continue;
        }
        if trimmed.starts_with("~~~") {
            break;
        }
        let t = strip(raw, dialect).trim();
        if t.is_empty() || t.starts_with('<') {
            continue;
        }
        // `!NAME! = A, B` defines a macro; `!NAME!_OF_X [~GOV]` uses one.
        let defines = t
            .split_once('=')
            .map(|(name, _)| name.trim())
            .is_some_and(|name| name.len() > 2 && name.ends_with('!') && !name.contains(' '));
        if t.starts_with('!') && (defines || !t.contains('[')) {
            if let (true, Some((name, vals))) = (defines, t.split_once('=')) {
                macros.push((
                    name.trim().to_string(),
                    vals.split(',').map(|v| v.trim().to_string()).collect(),
                ));
            } else {
                diags.push(warn(path, n, "macro must be `!NAME! = A, B`"));
            }
            continue;
        }
        let (head, blocks) = code_blocks(t);
        let Some(code) = blocks.first() else {
            diags.push(warn(path, n, format!("agent line without [CODE]: {t:?}")));
            continue;
        };
        // `[~GOV]` is added after the actor's code, `[NGO~]` before it: the
        // trailing `~` is kept so the coder can put it first.
        let prefix = code.trim().ends_with('~') && !code.trim().starts_with('~');
        let code = code.trim().trim_matches('~').trim().to_string();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            diags.push(warn(path, n, format!("bad agent code in {t:?}")));
            continue;
        }
        let code = if prefix { format!("{code}~") } else { code };
        let (name, plurals, exact) = match (head.find('{'), head.rfind('}')) {
            (Some(a), Some(b)) if b > a => (&head[..a], head[a + 1..b].to_string(), true),
            _ => (head, String::new(), false),
        };
        let mut raw_names = vec![name.trim().to_string()];
        raw_names.extend(plurals.split_whitespace().map(str::to_string));
        // Expand `!MACRO!` substitutions.
        let mut names = Vec::new();
        for r in raw_names {
            let mut variants = vec![r];
            for (m, vals) in &macros {
                if variants.iter().any(|v| v.contains(m.as_str())) {
                    variants = variants
                        .iter()
                        .flat_map(|v| vals.iter().map(move |x| v.replace(m.as_str(), x)))
                        .collect();
                }
            }
            for v in variants {
                let w = phrase_words(&v, stems.as_deref_mut());
                if !w.is_empty() {
                    names.push(w);
                }
            }
        }
        if names.is_empty() {
            continue;
        }
        parts.actors.agents.push(Agent {
            code,
            nouns: names,
            exact,
        });
    }
}

/// Reads a discards file: phrases after which a sentence (or, with `+`, a
/// story) codes nothing. They are kept as null actors, which block the
/// phrase from being read as an actor or verb.
pub fn read_discards(path: &Path, text: &str, parts: &mut Parts) {
    let _ = path;
    let mut names = Vec::new();
    for raw in text.lines() {
        let t = strip(raw, Dialect::Petrarch).trim();
        if t.is_empty() || t.starts_with('<') {
            continue;
        }
        let w = phrase_words(t.trim_start_matches('+'), None);
        if !w.is_empty() {
            names.push(w);
        }
    }
    if !names.is_empty() {
        parts.actors.places.push(Place {
            code: "###".into(),
            is_region: false,
            iso2: None,
            regions: Vec::new(),
            names,
            adjectives: Vec::new(),
            people: Vec::new(),
            capitals: Vec::new(),
            capital_at: None,
            centroid: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_codes() {
        let r = parse_code_block("USAGOV 991201-010114").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.code, "USAGOV");
        assert_eq!(r.from, Date::new(1999, 12, 1));
        assert_eq!(r.to, Date::new(2001, 1, 14));
        let r = parse_code_block("HOB < 950601").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.to, Date::new(1995, 5, 31));
        assert!(parse_code_block("991201-010114").is_err());
    }

    #[test]
    fn actors_groups_synonyms_and_codes_on_their_own_lines() {
        let mut parts = Parts::default();
        let mut diags = Vec::new();
        read_actors(
            Path::new("a.txt"),
            "UN_SECRETARY_GENERAL\n+UNSG\n\t[IGOUNO]\nARNOR [ARN]\nALBRIGHT [USAGOV 991201-010114] [---]\nBAD [991201]\n",
            Dialect::Petrarch,
            &mut parts,
            None,
            &mut diags,
        );
        assert_eq!(parts.actors.places.len(), 2);
        assert_eq!(parts.actors.places[0].code, "IGOUNO");
        assert_eq!(
            parts.actors.places[0].names,
            vec!["un secretary general", "unsg"]
        );
        assert_eq!(parts.actors.people.len(), 1);
        assert_eq!(parts.actors.people[0].roles.len(), 2);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].line, 6);
    }
}

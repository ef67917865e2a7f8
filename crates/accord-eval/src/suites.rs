//! Readers of the suites' record files.

use crate::{Record, Triple};
use accord_text::Date;

/// `YYMMDD` or `YYYYMMDD`.
fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match s.len() {
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            let y = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            Date::new(y, s[2..4].parse().ok()?, s[4..6].parse().ok()?)
        }
        8 => Date::new(
            s[..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..8].parse().ok()?,
        ),
        _ => Date::parse_iso(s),
    }
}

/// TABARI `Validate.text` records up to (not including) `FINAL-01`.
/// Records without any `{...}` field are skipped.
pub fn read_tabari(text: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        let mut it = l.split_whitespace();
        let (Some(d), Some(mut id)) = (it.next(), it.next()) else {
            i += 1;
            continue;
        };
        let third = it.next();
        let digits = |s: &str| s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(d) || it.next().is_some() {
            i += 1;
            continue;
        }
        // "950101  950101  AGENTS-11"; a third field after the id is a document id.
        if let (true, Some(t)) = (digits(id), third) {
            id = t;
        }
        if id == "FINAL-01" {
            break;
        }
        // Text up to `/*`, then the comment up to `*/`.
        let mut body = String::new();
        let mut comment = String::new();
        let mut in_comment = false;
        i += 1;
        while i < lines.len() {
            let l = lines[i];
            // An unclosed comment ends at the next record.
            let mut w = l.split_whitespace();
            if in_comment && w.next().is_some_and(digits) && w.next().is_some() {
                break;
            }
            i += 1;
            if !in_comment {
                if let Some(k) = l.find("/*") {
                    body.push_str(&l[..k]);
                    body.push('\n');
                    in_comment = true;
                    let rest = &l[k + 2..];
                    if let Some(e) = rest.find("*/") {
                        comment.push_str(&rest[..e]);
                        break;
                    }
                    comment.push_str(rest);
                    comment.push('\n');
                } else {
                    body.push_str(l);
                    body.push('\n');
                }
            } else if let Some(e) = l.find("*/") {
                comment.push_str(&l[..e]);
                break;
            } else {
                comment.push_str(l);
                comment.push('\n');
            }
        }
        // Event lines written after the comment was closed too early
        // ("{ A / B / 044 } */" then "\n{ B / A / 045 } */") still belong to
        // the record.
        while let Some(l) = lines.get(i) {
            let t = l.trim().trim_start_matches("\\n").trim();
            if !t.starts_with('{') || t.contains("OPTION:") {
                break;
            }
            comment.push_str(t.split("*/").next().unwrap_or_default());
            comment.push('\n');
            i += 1;
        }
        let mut expected = Vec::new();
        let mut options = Vec::new();
        let mut partial = false;
        let mut or_none = false;
        let mut fields = 0;
        let mut rest = comment.as_str();
        while let Some(a) = rest.find('{') {
            let Some(b) = rest[a..].find('}').map(|b| a + b) else {
                // An unclosed `{ OPTION: ...` still makes this a record.
                fields += 1;
                if let Some(o) = rest[a + 1..].trim().strip_prefix("OPTION:") {
                    options.push(o.trim().to_string());
                }
                break;
            };
            let inner = rest[a + 1..b].trim();
            let dash = rest[..a].ends_with('-');
            rest = &rest[b + 1..];
            // `OPTION:` records change TABARI settings; they count as records
            // that code nothing.
            fields += 1;
            if let Some(o) = inner.strip_prefix("OPTION:") {
                options.push(o.trim().to_string());
                continue;
            }
            let compact: String = inner.split_whitespace().collect();
            if matches!(compact.as_str(), "---" | "###" | "+++") {
                or_none = true;
                continue;
            }
            if dash {
                partial = true;
                break;
            }
            let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
            if parts.len() == 3 {
                expected.push(Triple {
                    source: parts[0].to_string(),
                    target: parts[1].to_string(),
                    code: parts[2].to_string(),
                });
            }
        }
        if fields == 0 {
            continue;
        }
        out.push(Record {
            id: id.to_string(),
            date: parse_date(d),
            text: body.trim().to_string(),
            expected,
            partial,
            or_none,
            options,
        });
    }
    out
}

/// The value of attribute `name` in a tag's text (`name = "v"` or `'v'`).
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(k) = tag[from..].find(name).map(|k| from + k) {
        from = k + name.len();
        let before_ok = k == 0 || tag[..k].ends_with(char::is_whitespace);
        let rest = tag[k + name.len()..].trim_start();
        if !before_ok {
            continue;
        }
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let q = rest.chars().next()?;
        if q != '"' && q != '\'' {
            return None;
        }
        let end = rest[1..].find(q)?;
        return Some(rest[1..1 + end].trim_matches(['"', '\'']).to_string());
    }
    None
}

/// PETRARCH unit-test records (every `<Sentence>`, `FINAL-RECORD` included:
/// it expects no events).
pub fn read_petrarch(text: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(a) = rest.find("<Sentence ") {
        // `<Config>` settings before a record hold from it on.
        let options = petrarch_configs(&rest[..a]);
        let after = &rest[a..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let end = after.find("</Sentence>").unwrap_or(after.len());
        let body = &after[tag_end..end];
        rest = &after[end.min(after.len())..];
        if rest.len() == after.len() {
            break;
        }
        let id = attr(tag, "id").unwrap_or_default();
        let date = attr(tag, "date").and_then(|d| parse_date(&d));
        let mut expected = Vec::new();
        let mut b = body;
        while let Some(k) = b.find("<EventCoding") {
            let t = &b[k..];
            let e = t.find('>').unwrap_or(t.len());
            let etag = &t[..e];
            if let (Some(s), Some(tg), Some(c)) = (
                attr(etag, "sourcecode"),
                attr(etag, "targetcode"),
                attr(etag, "eventcode"),
            ) {
                expected.push(Triple {
                    source: s,
                    target: tg,
                    code: c,
                });
            }
            b = &t[e..];
        }
        let text = match (body.find("<Text>"), body.find("</Text>")) {
            (Some(x), Some(y)) if y > x => body[x + 6..y].trim().to_string(),
            _ => continue,
        };
        // PETRARCH codes the parse it is given, not the `<Text>` shown beside
        // it: the sentence is the tree's words, and a tree whose brackets do
        // not balance is rejected (`bad_input_parse`), coding nothing.
        let parse = match (body.find("<Parse>"), body.find("</Parse>")) {
            (Some(x), Some(y)) if y > x => Some(&body[x + 7..y]),
            _ => None,
        };
        let text = match parse.map(parse_words) {
            Some(Some(words)) if !words.is_empty() => words,
            Some(Some(_)) => text,
            Some(None) => String::new(),
            None => text,
        };
        out.push(Record {
            id,
            date,
            text,
            expected,
            partial: false,
            or_none: false,
            options,
        });
    }
    out
}

/// The sentence of a bracketed constituency parse (`(NP (NNP Arnor))`): its
/// leaves, with the treebank's escapes (`-LRB-`, ` `` `) undone and
/// punctuation and clitics (`,` `'s` `n't`) set against the word before.
/// `None` when the brackets do not balance.
fn parse_words(tree: &str) -> Option<String> {
    let mut depth: i64 = 0;
    for c in tree.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return None;
        }
    }
    if depth != 0 {
        return None;
    }
    let mut out = String::new();
    let mut glue_next = false;
    // A leaf is `(TAG word)`: an opening bracket, a label, a word, a closing
    // bracket with no bracket between.
    let mut rest = tree;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let close = after.find([')', '(']).unwrap_or(after.len());
        let inner = &after[..close];
        rest = &after[close..];
        if !after[close..].starts_with(')') {
            continue;
        }
        let mut parts = inner.split_whitespace();
        let (Some(_tag), Some(word), None) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let word = match word {
            "-LRB-" | "-LSB-" | "-LCB-" => "(",
            "-RRB-" | "-RSB-" | "-RCB-" => ")",
            "``" | "''" => "\"",
            w => w,
        };
        let lower = word.to_ascii_lowercase();
        let glue = matches!(word, "," | "." | ";" | ":" | "!" | "?" | "%" | ")")
            || matches!(
                lower.as_str(),
                "'s" | "'" | "n't" | "'re" | "'ve" | "'ll" | "'d" | "'m"
            );
        if !out.is_empty() && !glue && !glue_next {
            out.push(' ');
        }
        out.push_str(word);
        glue_next = word == "(";
    }
    Some(out)
}

/// The `<Config option=".." value="..">` settings in `text`, as the option
/// lines [`accord_dict::TabOptions::apply`] reads (`COMMA: EMAX = 8`,
/// `PETRARCH: REQUIRE_DYAD = FALSE`, `PETRARCH: NEW_ACTOR_LENGTH = 4`);
/// settings the coder has no use for (`stop_on_error`) are left out.
fn petrarch_configs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(k) = rest.find("<Config ") {
        let t = &rest[k..];
        let e = t.find('>').unwrap_or(t.len());
        let tag = &t[..e];
        rest = &t[e..];
        let (Some(name), Some(value)) = (attr(tag, "option"), attr(tag, "value")) else {
            continue;
        };
        let name = name.trim().to_ascii_uppercase();
        let value = value.trim().to_ascii_uppercase();
        if let Some(key) = name.strip_prefix("COMMA_") {
            out.push(format!("COMMA: {key} = {value}"));
        } else if matches!(name.as_str(), "REQUIRE_DYAD" | "NEW_ACTOR_LENGTH") {
            out.push(format!("PETRARCH: {name} = {value}"));
        }
    }
    out
}

/// PLOVER's older event names onto current ones.
pub fn plover_name(old: &str) -> &str {
    match old {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        // Current PLOVER folds investigations into ACCUSE (mode "investigate").
        "INVESTIGATE" => "ACCUSE",
        o => o,
    }
}

/// PLOVER gold-standard records with an event type (not `DOCUMENT`).
pub fn read_plover(text: &str) -> Result<Vec<Record>, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let items = v.as_array().ok_or("expected a JSON array of records")?;
    let mut out = Vec::new();
    let first = |x: Option<&serde_json::Value>| -> String {
        match x {
            Some(serde_json::Value::Array(a)) => a
                .first()
                .and_then(|o| o.get("code"))
                .and_then(|c| c.as_str())
                .unwrap_or("")
                .to_string(),
            _ => String::new(),
        }
    };
    for it in items {
        let Some(event) = it.get("event").and_then(|e| e.as_str()) else {
            continue;
        };
        let Some(text) = it.get("text").and_then(|e| e.as_str()) else {
            continue;
        };
        if event == "DOCUMENT" || event.is_empty() {
            continue;
        }
        let id = it
            .get("id")
            .and_then(|e| e.as_str())
            .unwrap_or("")
            .to_string();
        let date = it
            .get("date")
            .and_then(|e| e.as_str())
            .and_then(Date::parse_iso);
        out.push(Record {
            id,
            date,
            text: text.to_string(),
            expected: vec![Triple {
                source: first(it.get("source")),
                target: first(it.get("target")),
                code: plover_name(event).to_string(),
            }],
            partial: false,
            or_none: false,
            options: Vec::new(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabari_records() {
        let t = "950101  DEMO-01\nArnor met Gondor.\n/*\\n---\n\\n{ ARN / GON / 064 } */\n\n950101  X-2\nText./*\n\\n{---} */\n950101 T\nx\n/* {OPTION: SET: X} */\n990101  FINAL-01\nnope\n/* {+++} */\n";
        let r = read_tabari(t);
        assert_eq!(
            r.len(),
            3,
            "an OPTION record counts, FINAL-01 ends the suite"
        );
        assert_eq!(r[0].id, "DEMO-01");
        assert_eq!(r[0].text, "Arnor met Gondor.");
        assert_eq!(r[0].expected[0].code, "064");
        assert!(r[1].expected.is_empty());
    }

    #[test]
    fn tabari_special_codes_beside_events_also_pass_no_events() {
        let t = "830809  D-11\nA fought B.\n/*\\n{+++}\n\\n{ A / B / 223 } */\n\n830809  D-12\nA fought B.\n/*\\n{ A / B / 223 } */\n";
        let r = read_tabari(t);
        assert_eq!(r.len(), 2);
        assert!(r[0].or_none, "{{+++}} is checked first (manual 10.1)");
        assert_eq!(r[0].expected.len(), 1);
        assert!(!r[1].or_none);
    }

    #[test]
    fn tabari_events_after_an_early_close_still_count() {
        let t = "950104  P-26\nA welcomed B.\n/*\\n---\n\\n{ FOR / GON / 044 } */\n\\n{ GON / FOR / 044 }  */\n\n950101  N\nx\n/* {---} */\n";
        let r = read_tabari(t);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].expected.len(), 2);
        assert_eq!(r[0].expected[1].source, "GON");
        assert_eq!(r[1].id, "N");
    }

    #[test]
    fn petrarch_records() {
        let t = r#"<Sentence date = "19950101" id ="D-1" valid="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor met Gondor.
</Text></Sentence>
<Sentence date="19950101" id="FINAL-RECORD"><Text>x</Text></Sentence>"#;
        let r = read_petrarch(t);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].id, "D-1");
        assert_eq!(r[0].expected[0].target, "GON");
        assert_eq!(r[0].date, Date::new(1995, 1, 1));
    }

    #[test]
    fn petrarch_codes_the_parse() {
        let t = r#"<Sentence date="19950101" id="P-1"><Text>Arnor met Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Arnor) (POS 's) (NNS envoys)) (VP (VBD met) (NP (NNP Gondor)
(-LRB- -LRB-) (NNP GON) (-RRB- -RRB-))) (. .)))</Parse></Sentence>
<Sentence date="19950101" id="P-2"><Text>Arnor met Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor))) (. .))</Parse></Sentence>
<Sentence date="19950101" id="P-3"><Text>Arnor met Gondor.</Text></Sentence>"#;
        let r = read_petrarch(t);
        assert_eq!(r[0].text, "Arnor's envoys met Gondor (GON).");
        assert_eq!(r[1].text, "", "an unbalanced parse codes nothing");
        assert_eq!(r[2].text, "Arnor met Gondor.");
    }

    #[test]
    fn petrarch_config_settings() {
        let t = r#"<Config option="comma_emax" value="0"></Config>
<Config option="require_dyad" value="False"></Config>
<Config option="new_actor_length" value="4"></Config>
<Sentence date="19950101" id="D-1"><Text>Arnor met Gondor.</Text></Sentence>
<Sentence date="19950101" id="D-2"><Text>Arnor met Gondor.</Text></Sentence>"#;
        let r = read_petrarch(t);
        assert_eq!(
            r[0].options,
            [
                "COMMA: EMAX = 0",
                "PETRARCH: REQUIRE_DYAD = FALSE",
                "PETRARCH: NEW_ACTOR_LENGTH = 4"
            ]
        );
        assert!(r[1].options.is_empty(), "settings are given once");
        let mut tab = accord_dict::TabOptions::default();
        for o in &r[0].options {
            assert!(tab.apply(o), "{o}");
        }
        assert!(!tab.require_dyad);
        assert_eq!(tab.new_actor_length, 4);
        assert_eq!(tab.comma.map(|c| c[3]), Some(0));
    }
}

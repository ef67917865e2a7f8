//! The record syntax shared by the actor files (see `data/README.md`):
//! an unindented `KIND KEY [name=value ...]` line, then indented
//! `field: value | value` lines.

use crate::DictError;
use std::path::Path;

/// One field line of a record.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Field {
    /// Field name (`name`, `role`, ...).
    pub name: String,
    /// Values split on `|`, trimmed, empty ones dropped.
    pub values: Vec<String>,
    /// 1-based line number.
    pub line: usize,
}

/// One record.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Record {
    /// `country`, `person`, ...
    pub kind: String,
    /// The rest of the header line after the kind, less `name=value` attributes.
    pub key: String,
    /// `name=value` attributes of the header.
    pub attrs: Vec<(String, String)>,
    /// Field lines.
    pub fields: Vec<Field>,
    /// 1-based line of the header.
    pub line: usize,
}

impl Record {
    /// All values of the fields called `name`.
    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = (&'a str, usize)> + 'a {
        self.fields
            .iter()
            .filter(move |f| f.name == name)
            .flat_map(|f| f.values.iter().map(move |v| (v.as_str(), f.line)))
    }

    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Removes a `#` comment: at line start or after whitespace.
pub fn strip_comment(line: &str) -> &str {
    let mut prev_ws = true;
    for (i, c) in line.char_indices() {
        if c == '#' && prev_ws {
            return &line[..i];
        }
        prev_ws = c.is_whitespace();
    }
    line
}

/// Parses record text; bad lines become errors and are skipped.
pub fn parse_records(path: &Path, text: &str, errors: &mut Vec<DictError>) -> Vec<Record> {
    let mut out: Vec<Record> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        let line = line.trim();
        if !indented {
            let mut parts = line.split_whitespace();
            let kind = parts.next().unwrap_or_default().to_string();
            let mut key_parts = Vec::new();
            let mut attrs = Vec::new();
            for p in parts {
                match p.split_once('=') {
                    Some((k, v))
                        if !k.is_empty()
                            && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') =>
                    {
                        attrs.push((k.to_string(), v.to_string()))
                    }
                    _ => key_parts.push(p),
                }
            }
            if key_parts.is_empty() {
                errors.push(DictError::new(
                    path,
                    line_no,
                    format!("record `{kind}` has no key (expected `{kind} KEY`)"),
                ));
                continue;
            }
            out.push(Record {
                kind,
                key: key_parts.join(" "),
                attrs,
                fields: Vec::new(),
                line: line_no,
            });
        } else {
            let Some(rec) = out.last_mut() else {
                errors.push(DictError::new(
                    path,
                    line_no,
                    "indented field line before any record header",
                ));
                continue;
            };
            let Some((name, rest)) = line.split_once(':') else {
                errors.push(DictError::new(
                    path,
                    line_no,
                    format!("expected `field: value | value`, found {line:?}"),
                ));
                continue;
            };
            let values: Vec<String> = rest
                .split('|')
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .collect();
            if values.is_empty() {
                errors.push(DictError::new(
                    path,
                    line_no,
                    format!("field `{}` has no value", name.trim()),
                ));
                continue;
            }
            rec.fields.push(Field {
                name: name.trim().to_string(),
                values,
                line: line_no,
            });
        }
    }
    out
}

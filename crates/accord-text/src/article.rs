//! Articles and the readers that turn files into them.
//!
//! Two input shapes: article text files (a title line, optional
//! `Source Article` / `Generated on: DATE` header lines, then paragraphs; or
//! plain text with no header) and JSONL with a `text` field and optional
//! `id`, `date`, `title`, `source`, `url`. Directories are read recursively in
//! sorted order so output order is deterministic. Bad input is reported as an
//! [`InputError`] naming the file and line, and reading goes on.

use crate::Date;
use std::fmt;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One news article (or news item) to code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Identifier: the JSONL `id`, else `file` or `file:line`.
    pub id: String,
    /// Title line, if any.
    pub title: Option<String>,
    /// Publication date from the input, if any.
    pub date: Option<Date>,
    /// Outlet or source name.
    pub source: Option<String>,
    /// URL of the original.
    pub url: Option<String>,
    /// The body text; every offset accord reports points into it.
    pub text: String,
    /// Where it was read from (`path` or `path:line`).
    pub origin: String,
}

/// A problem with one input: file, line when known, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file (or `-` for stdin).
    pub path: String,
    /// 1-based line, when the problem is on one line.
    pub line: Option<usize>,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.path, l, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for InputError {}

fn err(path: &str, line: Option<usize>, message: impl Into<String>) -> InputError {
    InputError {
        path: path.to_string(),
        line,
        message: message.into(),
    }
}

/// Parses an article text file's content. `name` is its id and origin.
pub fn parse_article_text(name: &str, content: &str) -> Result<Article, InputError> {
    if content.trim().is_empty() {
        return Err(err(name, None, "empty file: no article text"));
    }
    // Header: first non-empty line is the title if header lines follow it
    // within the next few lines, or if it has no sentence-final punctuation.
    let mut offset = 0usize;
    let mut lines: Vec<(usize, &str)> = Vec::new();
    for line in content.split_inclusive('\n') {
        lines.push((offset, line));
        offset += line.len();
    }
    let mut idx = 0;
    while idx < lines.len() && lines[idx].1.trim().is_empty() {
        idx += 1;
    }
    let first = lines[idx].1.trim();
    let next_nonempty = lines[idx + 1..]
        .iter()
        .find(|(_, l)| !l.trim().is_empty())
        .map(|(_, l)| l.trim());
    let next_is_header = next_nonempty.is_some_and(is_header_line);
    let looks_like_title = next_is_header
        || (!first.ends_with(['.', '!', '?', '"', '\u{201D}'])
            && first.split_whitespace().count() <= 20
            && next_nonempty.is_some());
    let mut title = None;
    let mut date = None;
    let mut source = None;
    let mut body_start = lines[idx].0;
    if looks_like_title {
        title = Some(first.to_string());
        idx += 1;
        // Header lines.
        while idx < lines.len() {
            let l = lines[idx].1.trim();
            if l.is_empty() {
                idx += 1;
                continue;
            }
            if let Some(rest) = strip_prefix_ci(l, "generated on:") {
                let rest = rest.trim();
                if !rest.is_empty() {
                    date = Some(Date::parse_iso(rest).ok_or_else(|| {
                        err(
                            name,
                            Some(idx + 1),
                            format!("`Generated on:` date {rest:?} is not YYYY-MM-DD"),
                        )
                    })?);
                }
                idx += 1;
            } else if l.eq_ignore_ascii_case("source article") {
                idx += 1;
            } else if let Some(rest) = strip_prefix_ci(l, "source:") {
                source = Some(rest.trim().to_string());
                idx += 1;
            } else {
                break;
            }
        }
        body_start = if idx < lines.len() {
            lines[idx].0
        } else {
            content.len()
        };
    }
    let text = content[body_start..].trim_end().to_string();
    if text.trim().is_empty() {
        return Err(err(name, None, "no article text after the header"));
    }
    Ok(Article {
        id: name.to_string(),
        title,
        date,
        source,
        url: None,
        text,
        origin: name.to_string(),
    })
}

fn is_header_line(l: &str) -> bool {
    l.eq_ignore_ascii_case("source article")
        || strip_prefix_ci(l, "generated on:").is_some()
        || strip_prefix_ci(l, "source:").is_some()
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    if s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
    {
        Some(&s[prefix.len()..])
    } else {
        None
    }
}

/// Parses one JSONL line. `path` and `line` (1-based) name it in errors and in the default id.
pub fn parse_jsonl_line(path: &str, line: usize, content: &str) -> Result<Article, InputError> {
    // Only the fields accord reads are materialised; others (the corpus's
    // `entities`, `topics`) are skipped without building JSON values.
    #[derive(serde::Deserialize)]
    struct Item {
        text: Option<serde_json::Value>,
        id: Option<serde_json::Value>,
        date: Option<serde_json::Value>,
        title: Option<serde_json::Value>,
        source: Option<serde_json::Value>,
        url: Option<serde_json::Value>,
        sources: Option<serde_json::Value>,
    }
    let item: Item = serde_json::from_str(content).map_err(|e| {
        if e.is_data() {
            err(
                path,
                Some(line),
                "expected a JSON object with a \"text\" field",
            )
        } else {
            err(path, Some(line), format!("not valid JSON: {e}"))
        }
    })?;
    let text = match item.text {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::String(_)) => {
            return Err(err(path, Some(line), "\"text\" is empty"))
        }
        Some(_) => return Err(err(path, Some(line), "\"text\" is not a string")),
        None => return Err(err(path, Some(line), "missing \"text\" field")),
    };
    let fields = [
        ("date", &item.date),
        ("title", &item.title),
        ("source", &item.source),
        ("url", &item.url),
    ];
    let get_str = |k: &str| {
        fields
            .iter()
            .find(|(name, _)| *name == k)
            .and_then(|(_, v)| v.as_ref())
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .filter(|s| !s.is_empty())
    };
    let id = match &item.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => format!("{path}:{line}"),
    };
    let date = match get_str("date") {
        Some(d) => Some(Date::parse_iso(&d).ok_or_else(|| {
            err(
                path,
                Some(line),
                format!("\"date\" {d:?} is not YYYY-MM-DD"),
            )
        })?),
        None => None,
    };
    // `source` may be a string or (Wikipedia corpus) `sources: [{name, url}]`.
    let first_source = item
        .sources
        .as_ref()
        .and_then(|s| s.as_array())
        .and_then(|a| a.first());
    let source = get_str("source").or_else(|| {
        first_source
            .and_then(|s| s.get("name"))
            .and_then(|n| n.as_str())
            .map(str::to_string)
    });
    let url = get_str("url").or_else(|| {
        first_source
            .and_then(|s| s.get("url"))
            .and_then(|n| n.as_str())
            .map(str::to_string)
    });
    Ok(Article {
        id,
        title: get_str("title"),
        date,
        source,
        url,
        text,
        origin: format!("{path}:{line}"),
    })
}

/// One item from an input: an article or a problem with one part of the input.
pub type InputItem = Result<Article, InputError>;

/// Reads articles from files, directories (recursively) and `-` (stdin),
/// streaming JSONL line by line so memory stays flat.
pub struct ArticleReader {
    pending: Vec<PathBuf>,
    current: Option<JsonlSource>,
}

struct JsonlSource {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
}

impl ArticleReader {
    /// A reader over the given paths, in order (`-` is stdin).
    pub fn new(paths: &[PathBuf]) -> ArticleReader {
        let mut pending: Vec<PathBuf> = paths.to_vec();
        pending.reverse();
        ArticleReader {
            pending,
            current: None,
        }
    }

    fn next_from_jsonl(&mut self) -> Option<InputItem> {
        let src = self.current.as_mut()?;
        loop {
            src.buf.clear();
            src.line += 1;
            match src.reader.read_until(b'\n', &mut src.buf) {
                Ok(0) => {
                    self.current = None;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    let name = src.name.clone();
                    let line = src.line;
                    self.current = None;
                    return Some(Err(err(&name, Some(line), format!("read error: {e}"))));
                }
            }
            let line = src.line;
            let s = match std::str::from_utf8(&src.buf) {
                Ok(s) => s,
                Err(e) => {
                    return Some(Err(err(
                        &src.name,
                        Some(line),
                        format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
                    )))
                }
            };
            if s.trim().is_empty() {
                continue;
            }
            return Some(parse_jsonl_line(
                &src.name,
                line,
                s.trim_end_matches(['\n', '\r']),
            ));
        }
    }

    fn open(&mut self, path: PathBuf) -> Option<InputItem> {
        let name = path.display().to_string();
        if name == "-" {
            // JSONL on stdin is streamed line by line (a filter in a pipeline, with
            // memory bounded by the batch, not the stream); anything else is one article.
            let mut stdin = BufReader::with_capacity(1 << 16, std::io::stdin());
            let first = loop {
                match stdin.fill_buf() {
                    Ok([]) => break None,
                    Ok(buf) => match buf.iter().position(|b| !b.is_ascii_whitespace()) {
                        Some(p) => break Some(buf[p]),
                        None => {
                            let n = buf.len();
                            stdin.consume(n);
                        }
                    },
                    Err(e) => return Some(Err(err("-", None, format!("cannot read stdin: {e}")))),
                }
            };
            if first == Some(b'{') {
                self.current = Some(JsonlSource {
                    name,
                    reader: Box::new(stdin),
                    line: 0,
                    buf: Vec::new(),
                });
                return None;
            }
            let mut content = Vec::new();
            if let Err(e) = stdin.read_to_end(&mut content) {
                return Some(Err(err("-", None, format!("cannot read stdin: {e}"))));
            }
            return self.open_bytes("-".into(), content);
        }
        let meta = match fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return Some(Err(err(&name, None, format!("cannot open: {e}")))),
        };
        if meta.is_dir() {
            let mut entries: Vec<PathBuf> = match fs::read_dir(&path) {
                Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(e) => {
                    return Some(Err(err(&name, None, format!("cannot read directory: {e}"))))
                }
            };
            entries.retain(|p| {
                let hidden = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'));
                !hidden && (p.is_dir() || is_input_file(p))
            });
            entries.sort();
            entries.reverse();
            self.pending.extend(entries);
            return None;
        }
        if is_jsonl(&path) {
            match fs::File::open(&path) {
                Ok(f) => {
                    self.current = Some(JsonlSource {
                        name,
                        reader: Box::new(BufReader::new(f)),
                        line: 0,
                        buf: Vec::new(),
                    });
                    if meta.len() == 0 {
                        self.current = None;
                        return Some(Err(err(
                            &path.display().to_string(),
                            None,
                            "empty file: no articles",
                        )));
                    }
                    None
                }
                Err(e) => Some(Err(err(&name, None, format!("cannot open: {e}")))),
            }
        } else {
            match fs::read(&path) {
                Ok(content) => self.open_bytes(name, content),
                Err(e) => Some(Err(err(&name, None, format!("cannot read: {e}")))),
            }
        }
    }

    fn open_bytes(&mut self, name: String, content: Vec<u8>) -> Option<InputItem> {
        if content.contains(&0) {
            return Some(Err(err(
                &name,
                None,
                "binary file (contains NUL bytes); expected UTF-8 text or JSONL",
            )));
        }
        let text = match String::from_utf8(content) {
            Ok(t) => t,
            Err(e) => {
                let bytes = e.as_bytes();
                let at = e.utf8_error().valid_up_to();
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                return Some(Err(err(
                    &name,
                    Some(line),
                    "invalid UTF-8; the file was skipped",
                )));
            }
        };
        let id = Path::new(&name)
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string)
            .unwrap_or_else(|| name.clone());
        Some(parse_article_text(&name, &text).map(|mut a| {
            a.id = id;
            a
        }))
    }
}

impl Iterator for ArticleReader {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        loop {
            if self.current.is_some() {
                if let Some(item) = self.next_from_jsonl() {
                    return Some(item);
                }
                continue;
            }
            let path = self.pending.pop()?;
            if let Some(item) = self.open(path) {
                return Some(item);
            }
        }
    }
}

fn is_jsonl(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

fn is_input_file(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson" | "txt" | "text")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_seed_shaped_header() {
        let a = parse_article_text(
            "x.txt",
            "Title Here\n\nSource Article\nGenerated on: 2025-11-06\n\nBody one. Body two.\n",
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Title Here"));
        assert_eq!(a.date, Date::parse_iso("2025-11-06"));
        assert_eq!(a.text, "Body one. Body two.");
        let a =
            parse_article_text("x.txt", "Title\n\nSource Article\nGenerated on:\n\nBody.").unwrap();
        assert_eq!(a.date, None);
        assert_eq!(a.text, "Body.");
    }

    #[test]
    fn plain_text_without_header_is_all_body() {
        let a = parse_article_text(
            "x.txt",
            "Israel attacked Hamas. Egypt condemned the attack.\n",
        )
        .unwrap();
        assert_eq!(a.title, None);
        assert_eq!(a.text, "Israel attacked Hamas. Egypt condemned the attack.");
    }

    #[test]
    fn bad_inputs_name_file_and_line() {
        assert!(parse_article_text("e.txt", " \n\n")
            .unwrap_err()
            .to_string()
            .starts_with("e.txt: empty file"));
        let e = parse_article_text("d.txt", "T\nGenerated on: yesterday\n\nBody.").unwrap_err();
        assert_eq!(e.line, Some(2));
        let e = parse_jsonl_line("c.jsonl", 7, "{not json").unwrap_err();
        assert_eq!((e.path.as_str(), e.line), ("c.jsonl", Some(7)));
        assert!(parse_jsonl_line("c.jsonl", 1, "{\"id\":1}")
            .unwrap_err()
            .message
            .contains("missing \"text\""));
        let a = parse_jsonl_line(
            "c.jsonl",
            3,
            r#"{"text":"A b.","date":"2025-01-02","sources":[{"name":"Reuters","url":"u"}]}"#,
        )
        .unwrap();
        assert_eq!(
            (a.id.as_str(), a.source.as_deref(), a.url.as_deref()),
            ("c.jsonl:3", Some("Reuters"), Some("u"))
        );
    }
}

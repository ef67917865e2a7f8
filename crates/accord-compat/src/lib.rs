//! Readers for the field's dictionary formats: TABARI (`.verbs`, `.actors`,
//! `.agents`, `.options`, `.project`) and PETRARCH-1/2 (verb dictionaries
//! with `--- NAME [CODE] ---` blocks, the Phoenix actor, agent and discard
//! files). Everything is turned into accord-dict's raw structures
//! ([`accord_dict::RawSet`], [`accord_dict::RawVerb`], actor records) and
//! compiled by [`accord_dict::Dictionary::from_parts`], so the same engine
//! codes with them.
//!
//! What is read:
//! - verbs: synonym sets (`&NAME` with `+phrase` members, nested sets
//!   expanded), verb lines with their default code and irregular forms
//!   (`{ FORMS }`), PETRARCH blocks whose patterns apply to every verb of the
//!   block, `+MULTI_WORD` verbs, and patterns `- ... [CODE]` with `*` (verb),
//!   `+` (target), `$` (source), `%` (compound actor), `^` (skip an
//!   actor), `&SET`, `_` (adjacency; a trailing `_` marks an exact word,
//!   `WORD~_NEXT` a stem joined to the next), `{ A | B }` alternatives
//!   (expanded, `_{ A | B }_` joined), PETRARCH-2 `( )` and `{ }` groups
//!   (read as plain words). Paired codes `[A:B]` code `A` and the reverse
//!   `B`. Every element, before the verb too, is kept for the TABARI engine
//!   ([`accord_dict::RawPattern::full`]); accord's engine keeps words before
//!   the verb only when `_` joins them to it, and drops `%` and `^`.
//! - actors: `NAME [CODE]`, `+` synonyms, codes on their own lines, dated
//!   codes `[CODE YYMMDD-YYMMDD]`, `[CODE <date]`, `[CODE >date]`, coded
//!   compounds `[A/B]`; `---` and `###` codes are null actors that code
//!   nothing (`###` and `+++` also stop the sentence in the TABARI engine).
//!   TABARI names with a space (`PRINCE DOL_AMROTH`) may stand apart in the
//!   text; `<NOUN>` and `<ADJECTIVE>` lists are read.
//! - agents: `NAME {PLURALS} [~CODE]` (after the actor) or `[CODE~]`
//!   (before it: `NGOARN`), `!MACRO! = A, B`.
//! - TABARI `.project` (which files), `.options` (CODE BY, COMMA, COMPLEX,
//!   DEFAULT, MINIMUM WORDS, CONVERT AGENTS; the rest is checked).
//!
//! TABARI words without a trailing `_` are stems (they match any longer
//! word); that is passed on as the dictionary's stem list. A line that does
//! not parse becomes a warning with file and line, and loading goes on.
//!
//! TABARI files, and PETRARCH files that are not CAMEO/Phoenix production
//! dictionaries (the PETRARCH validation set), code with the TABARI engine
//! (`CoderOptions::tabari`, accord-coder's `tabari.rs`); Phoenix keeps
//! accord's engine.

mod actors;
mod verbs;

use accord_dict::{CoderOptions, DictError, Dictionary, Loaded, Parts, TabOptions};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Which family of formats a file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// TABARI (`;` comments, one verb a block, stems).
    Tabari,
    /// PETRARCH-1/2 and Phoenix (`#` comments, `--- NAME ---` blocks).
    Petrarch,
}

/// What kind of dictionary a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Verb patterns.
    Verbs,
    /// Actors.
    Actors,
    /// Agents.
    Agents,
    /// Discards.
    Discards,
    /// TABARI options.
    Options,
    /// Something we do not read (issues, prepositions).
    Other,
}

impl FileKind {
    /// Guesses the kind from a file name.
    pub fn of(path: &Path) -> FileKind {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if name.contains("verb") || name.starts_with("cameo.") {
            FileKind::Verbs
        } else if name.contains("agent") {
            FileKind::Agents
        } else if name.contains("actor") {
            FileKind::Actors
        } else if name.contains("discard") {
            FileKind::Discards
        } else if name.ends_with(".options") {
            FileKind::Options
        } else {
            FileKind::Other
        }
    }
}

/// Collects raw parts from files of the field's formats.
pub struct Reader {
    parts: Parts,
    diags: Vec<DictError>,
    stems: HashSet<String>,
    tabari: bool,
    /// Code with TABARI's rules even for PETRARCH-format files.
    tabari_engine: bool,
    pending_sets: Vec<verbs::PendingSet>,
    /// Places that hold a discards file's phrases (PETRARCH keeps `###` in
    /// its actor files as an ordinary code, so its discards get their own).
    discard_places: Vec<usize>,
}

impl Default for Reader {
    fn default() -> Self {
        Reader::new()
    }
}

/// A warning at a line.
pub(crate) fn warn(path: &Path, line: usize, msg: impl Into<String>) -> DictError {
    let mut e = DictError::new(path, line, msg);
    e.warning = true;
    e
}

/// Removes a comment: `#` (both dialects, at line start or after
/// whitespace), `;` (TABARI) and `<!-- -->` lines.
pub(crate) fn strip(line: &str, dialect: Dialect) -> &str {
    let mut s = accord_dict::strip_comment(line);
    if dialect == Dialect::Tabari {
        if let Some(i) = s.find(';') {
            s = &s[..i];
        }
    } else if let Some(i) = s.find([' ', '\t']).and_then(|_| {
        // PETRARCH files carry TABARI-style `  ; comment` tails too.
        s.find(" ;").or_else(|| s.find("\t;"))
    }) {
        s = &s[..i];
    }
    s.trim_end()
}

/// Splits a dictionary phrase (`AL_GORE`, `DURTHANG ORC`) into lowercase
/// words, recording in `stems` the words not marked exact by a trailing `_`.
pub(crate) fn phrase_words(phrase: &str, stems: Option<&mut HashSet<String>>) -> String {
    let mut words = Vec::new();
    let mut stem_list = Vec::new();
    let chars: Vec<char> = phrase.trim().chars().collect();
    let mut cur = String::new();
    let mut i = 0;
    while i <= chars.len() {
        let c = chars.get(i).copied();
        match c {
            // `=` ends a word that takes no endings at all (manual 5.2.3):
            // exact, like `_`.
            Some('_') | Some('=') | Some(' ') | Some('\t') | None => {
                if !cur.is_empty() {
                    let exact = matches!(c, Some('_') | Some('='));
                    let w = cur.to_lowercase();
                    if !exact {
                        stem_list.push(w.clone());
                    }
                    words.push(w);
                    cur.clear();
                }
            }
            Some(ch) => cur.push(ch),
        }
        i += 1;
    }
    if let Some(stems) = stems {
        for w in stem_list {
            // Only the last token of a word ("barad-dur" -> "dur") can be extended.
            // Two letters are enough: the stem IN matches "into" (manual 5.2.2;
            // an exact `IN_` does not).
            let t = accord_text::Tokens::new(&w);
            if let Some(last) = t.norms().last() {
                if last.len() >= 2 && last.chars().all(char::is_alphabetic) {
                    stems.insert(last.to_string());
                }
            }
        }
    }
    words.join(" ")
}

/// Words of TABARI dictionary phrases that end in `=` (`MOUSE= [MUS]`),
/// lowercase: they take no endings (manual 5.2.3).
fn fixed_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let t = strip(line, Dialect::Tabari);
        // The phrase is what comes before the code; `!MACRO! = ...` lines
        // use `=` otherwise.
        let phrase = t.split('[').next().unwrap_or_default().trim();
        if phrase.starts_with('!') {
            continue;
        }
        for w in phrase.split(['_', ' ', '\t']) {
            if let Some(word) = w.strip_suffix('=') {
                let word = word.trim_start_matches(['-', '+', '{', '*']).to_lowercase();
                if !word.is_empty()
                    && word.chars().all(char::is_alphanumeric)
                    && !out.contains(&word)
                {
                    out.push(word);
                }
            }
        }
    }
    out
}

impl Reader {
    /// An empty reader.
    pub fn new() -> Reader {
        Reader {
            parts: Parts {
                lenient_codes: true,
                options: CoderOptions {
                    null_actors: vec!["---".into(), "###".into()],
                    allow_bare_010: true,
                    no_intent_shift: true,
                    tabari: false,
                    ..CoderOptions::default()
                },
                ..Parts::default()
            },
            diags: Vec::new(),
            stems: HashSet::new(),
            tabari: false,
            tabari_engine: false,
            pending_sets: Vec::new(),
            discard_places: Vec::new(),
        }
    }

    /// Uses the CAMEO code table built into accord (for CAMEO dictionaries
    /// such as Phoenix), so events carry Goldstein values and PLOVER types.
    pub fn with_cameo_codes(mut self) -> Reader {
        self.parts.codes = Dictionary::embedded_codes();
        self
    }

    /// Codes with TABARI's rules (clauses, first actor as source, first
    /// matching verb per clause) instead of accord's. TABARI files always
    /// do; PETRARCH validation dictionaries do too (their records are
    /// TABARI's), CAMEO/Phoenix production dictionaries do not.
    pub fn with_tabari_engine(mut self, on: bool) -> Reader {
        self.tabari_engine = on;
        self
    }

    /// Reads one file of the given kind.
    pub fn read(&mut self, path: &Path, text: &str, kind: FileKind) {
        let dialect = if text.lines().any(|l| l.starts_with("--- "))
            || path.extension().is_some_and(|e| e == "txt")
        {
            Dialect::Petrarch
        } else {
            Dialect::Tabari
        };
        if dialect == Dialect::Tabari && kind != FileKind::Other {
            self.tabari = true;
        }
        if dialect == Dialect::Tabari
            && matches!(kind, FileKind::Verbs | FileKind::Actors | FileKind::Agents)
        {
            self.parts.fixed.extend(fixed_words(text));
        }
        let stems = if dialect == Dialect::Tabari {
            Some(&mut self.stems)
        } else {
            None
        };
        match kind {
            FileKind::Verbs => verbs::read_verbs(
                path,
                text,
                dialect,
                &mut self.parts,
                &mut self.pending_sets,
                stems,
                &mut self.diags,
            ),
            FileKind::Actors => {
                actors::read_actors(path, text, dialect, &mut self.parts, stems, &mut self.diags)
            }
            FileKind::Agents => {
                actors::read_agents(path, text, dialect, &mut self.parts, stems, &mut self.diags)
            }
            FileKind::Discards => {
                let before = self.parts.actors.places.len();
                actors::read_discards(path, text, &mut self.parts);
                self.discard_places
                    .extend(before..self.parts.actors.places.len());
            }
            FileKind::Options => {
                read_options(path, text, &mut self.parts.options.tab, &mut self.diags)
            }
            FileKind::Other => {}
        }
    }

    /// Reads a file from disk, its kind guessed from its name.
    pub fn read_path(&mut self, path: &Path) -> Result<(), DictError> {
        let text = read_text(path)?;
        self.read(path, &text, FileKind::of(path));
        Ok(())
    }

    /// Compiles what was read.
    pub fn finish(mut self) -> Loaded {
        verbs::resolve_sets(&mut self.parts, &self.pending_sets, &mut self.diags);
        if self.tabari || self.tabari_engine {
            self.parts.options.tabari = true;
        }
        // PETRARCH-format files coded by the TABARI engine follow PETRARCH's rules.
        if self.tabari_engine && !self.tabari {
            self.parts.options.petrarch = true;
            // PETRARCH writes an actor coded `###` like any other; its
            // discards list still stops a sentence, as a complex actor does.
            self.parts.options.null_actors.retain(|c| c != "###");
            // Unconfigured, PETRARCH drops no closing comma clause (its unit
            // tests code "..., the official news agency said on Thursday"
            // with only `require_dyad` off); `comma_emax` turns that on.
            if let Some(c) = self.parts.options.tab.comma.as_mut() {
                c[3] = 0;
            }
            for &i in &self.discard_places {
                if let Some(p) = self.parts.actors.places.get_mut(i) {
                    p.code = "+++".into();
                }
            }
        }
        if self.tabari {
            let mut stems: Vec<String> = self.stems.into_iter().collect();
            stems.sort();
            self.parts.stems = stems;
        }
        Dictionary::from_parts(self.parts, self.diags)
    }
}

/// Reads a file as UTF-8 (invalid bytes are replaced: old dictionaries are
/// Latin-1 in places).
pub fn read_text(path: &Path) -> Result<String, DictError> {
    let bytes =
        std::fs::read(path).map_err(|e| DictError::new(path, 0, format!("cannot read: {e}")))?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    })
}

fn read_options(path: &Path, text: &str, opts: &mut TabOptions, diags: &mut Vec<DictError>) {
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with("//") || t.starts_with('~') {
            continue;
        }
        // The settings the TABARI engine honours (CODE BY, COMMA, COMPLEX,
        // DEFAULT, FORWARD, MINIMUM WORDS, CONVERT AGENTS); the rest is output
        // format.
        if opts.apply(t) {
            continue;
        }
        let known = [
            "COMPLEX:", "SET:", "OUTPUT:", "LABEL:", "FORWARD:", "DEFAULT:", "DELETE:",
        ];
        if !known.iter().any(|k| t.starts_with(k)) {
            diags.push(warn(path, i + 1, format!("unknown option line {t:?}")));
        }
    }
}

/// The files a TABARI `.project` names.
#[derive(Debug, Clone, Default)]
pub struct TabariProject {
    /// Actor dictionaries.
    pub actors: Vec<PathBuf>,
    /// Verb dictionaries.
    pub verbs: Vec<PathBuf>,
    /// Agent dictionaries.
    pub agents: Vec<PathBuf>,
    /// Options file.
    pub options: Option<PathBuf>,
    /// Text file.
    pub text: Option<PathBuf>,
}

impl TabariProject {
    /// Reads a `.project` file; paths are relative to its directory.
    pub fn read(path: &Path) -> Result<TabariProject, DictError> {
        let text = read_text(path)?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut p = TabariProject::default();
        for line in text.lines() {
            let t = line.trim();
            let Some(rest) = t.strip_prefix('<') else {
                continue;
            };
            let Some((tag, value)) = rest.split_once('>') else {
                continue;
            };
            let value = value.trim();
            if value.is_empty() || value.starts_with('<') {
                continue;
            }
            let f = dir.join(value);
            match tag {
                "actorsfile" => p.actors.push(f),
                "verbsfile" => p.verbs.push(f),
                "agentsfile" => p.agents.push(f),
                "optionsfile" => p.options = Some(f),
                "textfile" => p.text = Some(f),
                _ => {}
            }
        }
        Ok(p)
    }

    /// Loads the dictionaries the project names.
    pub fn load(&self) -> Result<Loaded, DictError> {
        let mut r = Reader::new();
        for (files, kind) in [
            (&self.actors, FileKind::Actors),
            (&self.agents, FileKind::Agents),
            (&self.verbs, FileKind::Verbs),
        ] {
            for f in files {
                let text = read_text(f)?;
                r.read(f, &text, kind);
            }
        }
        if let Some(o) = &self.options {
            let text = read_text(o)?;
            r.read(o, &text, FileKind::Options);
        }
        Ok(r.finish())
    }
}

/// Loads dictionaries given as files, directories, a TABARI `.project`, a
/// PETRARCH config (`.xml` with `<Verbfile>` etc.) or a dictionary-set file
/// (`*.dictset`: one path a line, relative to it, `#` comments).
pub fn load(paths: &[PathBuf]) -> Result<Loaded, DictError> {
    let mut files = Vec::new();
    for p in paths {
        collect(p, &mut files)?;
    }
    let cameo = files.iter().any(|f| {
        f.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("CAMEO.") || n.starts_with("Phoenix."))
    });
    let mut r = Reader::new();
    if cameo {
        r = r.with_cameo_codes();
        r.parts.options.no_intent_shift = false;
    } else {
        r = r.with_tabari_engine(true);
        // PETRARCH has no sentence-length filter.
        r.parts.options.tab.min_words = 0;
        r.parts.options.tab.carry_agents = true;
    }
    // Actors and agents first, then verbs.
    files.sort_by_key(|f| match FileKind::of(f) {
        FileKind::Actors => 0,
        FileKind::Agents => 1,
        FileKind::Discards => 2,
        FileKind::Verbs => 3,
        _ => 4,
    });
    for f in &files {
        r.read_path(f)?;
    }
    Ok(r.finish())
}

/// Every file [`load`] reads for these paths, and the set files that name
/// them: what a compiled copy of the result depends on.
pub fn source_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, DictError> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_file() {
            files.push(p.clone());
        }
        collect(p, &mut files)?;
    }
    files.dedup();
    Ok(files)
}

fn collect(p: &Path, out: &mut Vec<PathBuf>) -> Result<(), DictError> {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .map_err(|e| DictError::new(p, 0, format!("cannot read directory: {e}")))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|f| f.is_file())
            .collect();
        entries.sort();
        out.extend(
            entries
                .into_iter()
                .filter(|f| FileKind::of(f) != FileKind::Other),
        );
        return Ok(());
    }
    let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
    match ext {
        "project" => {
            let proj = TabariProject::read(p)?;
            out.extend(proj.actors);
            out.extend(proj.agents);
            out.extend(proj.verbs);
        }
        "xml" => out.extend(petrarch_config(p)?),
        "dictset" => {
            let text = read_text(p)?;
            let dir = p.parent().unwrap_or(Path::new("."));
            for line in text.lines() {
                let t = accord_dict::strip_comment(line).trim();
                if !t.is_empty() {
                    collect(&dir.join(t), out)?;
                }
            }
        }
        _ => out.push(p.to_path_buf()),
    }
    Ok(())
}

/// The dictionary files a PETRARCH config or unit-test file names
/// (`<Verbfile>`, `<Actorfile>`, `<Agentfile>`, `<Discardfile>`).
pub fn petrarch_config(path: &Path) -> Result<Vec<PathBuf>, DictError> {
    let text = read_text(path)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut out = Vec::new();
    for tag in ["Actorfile", "Agentfile", "Discardfile", "Verbfile"] {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        if let Some(i) = text.find(&open) {
            let rest = &text[i + open.len()..];
            if let Some(j) = rest.find(&close) {
                for f in rest[..j].split([',', ' ', '\n']).filter(|s| !s.is_empty()) {
                    out.push(dir.join(f.trim()));
                }
            }
        }
    }
    if out.is_empty() {
        return Err(DictError::new(path, 0, "names no dictionary files"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ending_in_equals_are_fixed() {
        let text = "MOUSE= [MUS]\nBAN= [191] ;tony\nSTATE_DEPARTMENT [USAGOV]\n!PLACE! = A, B\n";
        assert_eq!(fixed_words(text), ["mouse", "ban"]);
    }
}

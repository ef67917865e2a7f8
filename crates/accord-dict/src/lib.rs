//! accord's dictionaries: loading, validation and compilation.
//!
//! The human-editable files under `data/` (format in `data/README.md`) are
//! parsed into actor records, verb patterns and the CAMEO code table, then
//! compiled once into a [`Dictionary`]: a vocabulary of interned token ids, a
//! token trie for every actor phrase, a table from verb forms to verbs, and
//! patterns over token ids. The coder only ever compares integers.
//!
//! Loading never stops at the first bad line: every problem becomes a
//! [`DictError`] with file and line, the line is skipped, and the rest loads.

mod actors;
mod agreements;
pub mod cache;
mod cameo;
mod inflect;
mod record;
mod verbs;

pub use actors::{parse_partial_date, ActorSet, Agent, Organization, Person, Place, Role};
pub use agreements::{Agreement, MemberFact, Topic, AGREEMENT_KINDS, MEMBER_STEPS};
pub use cameo::{iso3_of_cameo, CodeInfo, CodeTable};
pub use inflect::{noun_forms, verb_forms, VerbForm};
pub use record::strip_comment;
pub use verbs::{RawElem, RawPattern, RawSet, RawVerb};

use accord_text::Tokens;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// A problem in a dictionary file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DictError {
    /// File.
    pub path: String,
    /// 1-based line (0 when it concerns the whole file).
    pub line: usize,
    /// What is wrong.
    pub message: String,
    /// Warnings do not fail `accord dict check`.
    pub warning: bool,
}

impl DictError {
    /// An error at a line.
    pub fn new(path: &Path, line: usize, message: impl Into<String>) -> DictError {
        DictError {
            path: path.display().to_string(),
            line,
            message: message.into(),
            warning: false,
        }
    }

    fn warn(path: &str, line: usize, message: impl Into<String>) -> DictError {
        DictError {
            path: path.to_string(),
            line,
            message: message.into(),
            warning: true,
        }
    }
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.warning { "warning" } else { "error" };
        if self.line > 0 {
            write!(f, "{}:{}: {kind}: {}", self.path, self.line, self.message)
        } else {
            write!(f, "{}: {kind}: {}", self.path, self.message)
        }
    }
}

/// Token id of a word no dictionary contains.
pub const UNKNOWN: u32 = u32::MAX;

/// How the case of text must agree with a dictionary name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CaseRule {
    /// Any case ("officials").
    Any,
    /// The first token must be capitalized ("Turkey", not "turkey").
    Capitalized,
    /// Every letter uppercase ("US", "WHO"), so "us" and "who" do not match.
    Upper,
}

/// How a country or region is named in a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PlaceForm {
    /// "Kazakhstan"
    Name,
    /// "Kazakh"
    Adjective,
    /// "Kazakhs"
    People,
    /// "Astana"
    Capital,
}

/// What an actor phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ActorEntry {
    /// A country or region (index into `places`).
    Place(u32, PlaceForm),
    /// An organisation (index into `organizations`).
    Organization(u32),
    /// An agent noun (index into `agents`).
    Agent(u32),
    /// A person (index into `people`).
    Person(u32),
}

/// A phrase in the trie with its entries.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
struct TrieNode {
    entries: Vec<(ActorEntry, CaseRule)>,
}

/// One compiled pattern element.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Elem {
    /// One of these token ids.
    Words(Vec<u32>),
    /// A phrase of this synonym set (index into `sets`).
    Set(u32),
    /// Target slot.
    Target,
    /// Source slot.
    Source,
    /// One of these token ids, the text word itself and not a longer word
    /// a stem would match (TABARI `WORD_`; TABARI engine only).
    Exact(Vec<u32>),
    /// `%`: a compound actor, both source and target (TABARI engine only).
    Compound,
    /// `^`: skips one actor (TABARI engine only).
    Skip,
}

/// A pattern as the TABARI engine reads it: every element before and after
/// the verb, with gaps.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct TabPattern {
    /// Elements before the verb in text order, each with "must be adjacent
    /// to the previous element".
    pub pre: Vec<(Elem, bool)>,
    /// The last element before the verb must be adjacent to it.
    pub pre_joined: bool,
    /// Elements after the verb, each with "must be adjacent to the previous".
    pub post: Vec<(Elem, bool)>,
    /// TABARI's length: letters and digits of the literal words (longer
    /// patterns are tried first).
    pub len: u16,
    /// Only the verb phrase itself (the verb's default code): tried after
    /// every pattern of the same length.
    pub root: bool,
}

/// A compiled verb pattern.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct VerbPattern {
    /// Code id in the code table, `None` for `---`.
    pub code: Option<u16>,
    /// Code id of the paired reverse event (target to source), if any.
    pub paired: Option<u16>,
    /// Words that must come directly before the verb, nearest last.
    pub before: Vec<Vec<u32>>,
    /// Elements after the verb, each with "must be adjacent to the previous".
    pub after: Vec<(Elem, bool)>,
    /// Specificity: number of words and sets.
    pub weight: u16,
    /// The full pattern for the TABARI engine, when the format has one.
    pub tab: Option<Box<TabPattern>>,
    /// Source file index into `files`.
    pub file: u16,
    /// 1-based line.
    pub line: u32,
}

/// A compiled verb.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Verb {
    /// Lemma.
    pub lemma: String,
    /// Patterns in file order.
    pub patterns: Vec<VerbPattern>,
    /// Pattern indices longest first (TABARI's order); filled for the
    /// TABARI engine only.
    pub tab_order: Vec<u32>,
    /// Patterns by the token ids their first word after the verb can be, so
    /// a verb with hundreds of patterns tries only those whose first word is
    /// in the clause; indices ascend (file order).
    pub by_first_word: FxHashMap<u32, Vec<u32>>,
    /// Patterns with no word after the verb (always tried).
    pub without_first_word: Vec<u32>,
}

impl Verb {
    fn index_patterns(&mut self) {
        self.by_first_word.clear();
        self.without_first_word.clear();
        for (k, p) in self.patterns.iter().enumerate() {
            let first = p.after.iter().find_map(|(e, _)| match e {
                Elem::Words(alts) => Some(alts),
                _ => None,
            });
            match first {
                Some(alts) => {
                    for &a in alts {
                        let list = self.by_first_word.entry(a).or_default();
                        if list.last() != Some(&(k as u32)) {
                            list.push(k as u32);
                        }
                    }
                }
                None => self.without_first_word.push(k as u32),
            }
        }
    }
}

/// Everything the coder needs, compiled.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Dictionary {
    // Fx hashing: these maps are hit for every token of every sentence.
    vocab: FxHashMap<String, u32>,
    edges: FxHashMap<(u32, u32), u32>,
    nodes: Vec<TrieNode>,
    verb_forms: FxHashMap<u32, Vec<(u32, VerbForm)>>,
    /// Actor records.
    pub actors: ActorSet,
    /// Verbs.
    pub verbs: Vec<Verb>,
    /// Synonym sets: phrases as token ids.
    pub sets: Vec<Vec<Vec<u32>>>,
    /// Per synonym set: its phrases indexed by their first token id, so a
    /// pattern tries only the phrases that can start at a token.
    pub set_starts: Vec<FxHashMap<u32, Vec<u32>>>,
    /// Per synonym set, for the TABARI engine: its members as pattern
    /// elements, gaps and `$`/`+` slots kept (empty when the format has none).
    pub tab_sets: Vec<Vec<Vec<(Elem, bool)>>>,
    /// Synonym set names.
    pub set_names: Vec<String>,
    /// CAMEO codes.
    pub codes: CodeTable,
    /// Source files, for explanations.
    pub files: Vec<String>,
    /// Number of pattern lines.
    pub pattern_count: usize,
    /// Words that also match any longer text word starting with them
    /// (TABARI-style stems), by token id; empty for accord's own format.
    stems: std::collections::HashSet<u32>,
    /// Longest stem length in bytes.
    stem_max: usize,
    /// Coding options the dictionary asks for.
    pub options: CoderOptions,
    /// TABARI `<NOUN>` ([`TAB_NOUN`]) and `<ADJECTIVE>` ([`TAB_ADJECTIVE`])
    /// words by token id.
    tab_words: FxHashMap<u32, u8>,
    /// TABARI gapped actor phrases by first token id: parts as token ids.
    gapped: FxHashMap<u32, Vec<Vec<Vec<u32>>>>,
    /// The code written on a TABARI gapped actor line, by its words as
    /// token ids: "AL GORE [TEN]" stands apart from "AL_GORE [AGR]".
    gapped_codes: FxHashMap<Vec<u32>, String>,
    /// Last tokens of actor phrases (TABARI engine): the ones that take a
    /// plural or possessive `-s` in text.
    tab_nouns: std::collections::HashSet<u32>,
    /// TABARI words that take no endings (`MOUSE=`).
    fixed: std::collections::HashSet<u32>,
    /// TABARI stems while compiling (not kept).
    #[serde(skip)]
    stem_words: std::collections::HashSet<String>,
}

/// A TABARI `<NOUN>` word: never a verb, and joins compound nouns.
pub const TAB_NOUN: u8 = 1;
/// A TABARI `<ADJECTIVE>` word: may stand inside compound phrases.
pub const TAB_ADJECTIVE: u8 = 2;

/// Coding semantics a dictionary format asks of the coder. The defaults are
/// accord's own behaviour; the TABARI and PETRARCH loaders set others.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct CoderOptions {
    /// Drop events whose source or target code is in this list (TABARI and
    /// PETRARCH use `---` for actors that must code nothing).
    pub null_actors: Vec<String>,
    /// Code a bare-verb pattern (no words) even when its code is `010`.
    pub allow_bare_010: bool,
    /// Do not turn announced acts ("will meet") into intents (03x/13x).
    pub no_intent_shift: bool,
    /// Code with TABARI's rules instead of accord's: clauses split at
    /// conjunctions, comma-delimited clauses dropped, the first actor of the
    /// sentence as source, the first verb phrase of each clause coded,
    /// negation and tense left to the patterns, regular endings (`-s`,
    /// `-es`, `-ed`, `-en`, `-ing`) on every dictionary word.
    pub tabari: bool,
    /// PETRARCH's rules on top of the TABARI engine (PETRARCH-format
    /// validation dictionaries): agents stack, an actor with no partner
    /// codes against `---` when `require_dyad` is off.
    pub petrarch: bool,
    /// TABARI's `.options` settings (read by the TABARI engine only).
    pub tab: TabOptions,
}

/// How many events TABARI codes per sentence (`SET: CODE BY ...`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum CodeBy {
    /// The first event of each clause (the default).
    #[default]
    Clause,
    /// The first event of the sentence.
    Sentence,
    /// Every event.
    All,
}

/// TABARI `.options` settings the engine honours (manual, chapter 8).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TabOptions {
    /// `SET: CODE BY ...`.
    pub code_by: CodeBy,
    /// `COMMA:` limits (MIN, MAX, EMIN, EMAX, BMIN, BMAX): a comma-delimited
    /// clause of more than MIN and at most MAX words is dropped; `None` is
    /// `COMMA: OFF`.
    pub comma: Option<[usize; 6]>,
    /// `SET: MINIMUM WORDS`: shorter sentences are not coded.
    pub min_words: usize,
    /// `COMPLEX: VERBS[n]` (0: off).
    pub complex_verbs: usize,
    /// `COMPLEX: CONJ[n]` (0: off).
    pub complex_conj: usize,
    /// `COMPLEX: NOACTPRIOR`.
    pub no_actor_prior: bool,
    /// `DEFAULT: SOURCE [CODE] PRIOR?`.
    pub default_source: Option<(String, bool)>,
    /// `DEFAULT: TARGET [CODE] AFTER?`.
    pub default_target: Option<(String, bool)>,
    /// `SET: CONVERT AGENTS`: an agent with no actor codes as `~AGT`.
    pub convert_agents: bool,
    /// "The ambassadors of A, B and C": the agent goes to every member
    /// (PETRARCH does this; TABARI does not).
    pub carry_agents: bool,
    /// PETRARCH's `require_dyad`: an event needs both a source and a target.
    /// Off, a clause with one actor codes against `---` (PETRARCH only).
    pub require_dyad: bool,
    /// PETRARCH's `new_actor_length`: a subject or object noun phrase with
    /// no actor, of at most this many words, is an actor coded by its own
    /// words ("THE MINISTRY OF MAGIC"); 0 is off (PETRARCH only).
    #[serde(default)]
    pub new_actor_length: usize,
    /// `FORWARD:` sequence format (`^^***NNN*SSS`): a pronoun opening a
    /// record takes the first actor of the record before it in the same
    /// story. `None` when off.
    pub forward: Option<String>,
    /// `<TIME>` phrases of the `.verbs` file (manual 10.5): lowercase words
    /// and the code, a shift in days (`-7`, `+30`) or `---`, `###`, `+++`.
    pub time: Vec<(Vec<String>, String)>,
}

impl Default for TabOptions {
    fn default() -> Self {
        TabOptions {
            code_by: CodeBy::Clause,
            comma: Some([2, 10, 2, 10, 128, 0]),
            min_words: 8,
            complex_verbs: 0,
            complex_conj: 0,
            no_actor_prior: false,
            default_source: None,
            default_target: None,
            convert_agents: false,
            carry_agents: false,
            require_dyad: true,
            new_actor_length: 0,
            forward: None,
            time: Vec::new(),
        }
    }
}

impl TabOptions {
    /// Applies one `.options` line (`SET: ...`, `COMMA: ...`, `COMPLEX: ...`,
    /// `DEFAULT: ...`); false when the line is not one the engine reads.
    pub fn apply(&mut self, line: &str) -> bool {
        let t = line.trim().to_ascii_uppercase();
        let compact: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        let nospace: String = compact.chars().filter(|c| !c.is_whitespace()).collect();
        // The number after `key` (skipping `=` and `[`), where `key` is not
        // preceded by one of `not_after`.
        let num_after = |key: &str, not_after: &[char]| -> Option<usize> {
            let mut from = 0;
            while let Some(i) = nospace[from..].find(key).map(|i| i + from) {
                from = i + key.len();
                if nospace[..i]
                    .chars()
                    .last()
                    .is_some_and(|c| not_after.contains(&c))
                {
                    continue;
                }
                let digits: String = nospace[from..]
                    .chars()
                    .skip_while(|c| *c == '=' || *c == '[')
                    .take_while(char::is_ascii_digit)
                    .collect();
                return digits.parse().ok();
            }
            None
        };
        let code_after = |key: &str| -> Option<String> {
            let i = compact.find(key)? + key.len();
            let rest = &compact[i..];
            let a = rest.find('[')?;
            let b = rest[a..].find(']')? + a;
            Some(rest[a + 1..b].trim().to_string())
        };
        if let Some(rest) = compact.strip_prefix("SET:") {
            let rest = rest.trim();
            if rest.starts_with("CODE BY SENTENCE") {
                self.code_by = CodeBy::Sentence;
            } else if rest.starts_with("CODE BY CLAUSE") {
                self.code_by = CodeBy::Clause;
            } else if rest.starts_with("CODE ALL") {
                self.code_by = CodeBy::All;
            } else if rest.starts_with("MINIMUM WORDS") {
                match num_after("WORDS", &[]) {
                    Some(n) => self.min_words = n,
                    None => return false,
                }
            } else if rest.starts_with("CONVERT AGENT") {
                self.convert_agents = rest.contains("TRUE");
            } else {
                return false;
            }
            true
        } else if let Some(rest) = compact.strip_prefix("COMMA:") {
            if rest.trim().starts_with("OFF") {
                self.comma = None;
                return true;
            }
            let mut c = self.comma.unwrap_or([2, 10, 2, 10, 128, 0]);
            for (k, key) in ["MIN", "MAX"].iter().enumerate() {
                if let Some(v) = num_after(key, &['E', 'B']) {
                    c[k] = v;
                }
            }
            for (k, key) in ["EMIN", "EMAX", "BMIN", "BMAX"].iter().enumerate() {
                if let Some(v) = num_after(key, &[]) {
                    c[k + 2] = v;
                }
            }
            self.comma = Some(c);
            true
        } else if let Some(rest) = compact.strip_prefix("PETRARCH:") {
            // PETRARCH `<Config>` settings (`PETRARCH: REQUIRE_DYAD = FALSE`).
            let Some((key, value)) = rest.split_once('=') else {
                return false;
            };
            match key.trim() {
                "REQUIRE_DYAD" => self.require_dyad = value.trim() != "FALSE",
                "NEW_ACTOR_LENGTH" => match value.trim().parse() {
                    Ok(n) => self.new_actor_length = n,
                    Err(_) => return false,
                },
                _ => return false,
            }
            true
        } else if let Some(rest) = compact.strip_prefix("COMPLEX:") {
            self.complex_verbs = num_after("VERBS", &[]).unwrap_or(0);
            self.complex_conj = num_after("CONJ", &[]).unwrap_or(0);
            self.no_actor_prior = rest.contains("NOACTPRIOR");
            true
        } else if let Some(rest) = compact.strip_prefix("DEFAULT:") {
            if rest.trim().starts_with("OFF") {
                self.default_source = None;
                self.default_target = None;
                return true;
            }
            let src_prior = rest.find("SOURCE").is_some_and(|i| {
                let r = &rest[i..];
                let end = r.find("TARGET").unwrap_or(r.len());
                r[..end].contains("PRIOR")
            });
            self.default_source = code_after("SOURCE").map(|c| (c, src_prior));
            self.default_target = code_after("TARGET").map(|c| (c, rest.contains("AFTER")));
            true
        } else if let Some(rest) = compact.strip_prefix("FORWARD:") {
            let mut words = rest.split_whitespace();
            let format = words.next().filter(|f| *f != "OFF");
            self.forward = match format {
                Some(f) if !words.any(|w| w == "OFF") => Some(f.to_string()),
                _ => None,
            };
            true
        } else {
            false
        }
    }

    /// The story and the sentence number of a record id under the `FORWARD:`
    /// format (manual 8.4): `N` marks the story, `S` the sentence, `*` any
    /// character; `^` stands for blanks before the id, which `id` no longer
    /// has. A sentence number that is not numeric is zero. `None` when
    /// forwarding is off.
    pub fn sequence(&self, id: &str) -> Option<(String, u32)> {
        let format = self.forward.as_deref()?.trim_start_matches('^');
        let (mut story, mut sentence) = (String::new(), String::new());
        for (f, c) in format.chars().zip(id.chars()) {
            match f {
                'N' => story.push(c),
                'S' => sentence.push(c),
                _ => {}
            }
        }
        Some((story, sentence.parse().unwrap_or(0)))
    }
}

/// Raw dictionary parts in accord's structures, from any format: what
/// [`Dictionary::from_parts`] compiles.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct Parts {
    /// Synonym sets.
    pub sets: Vec<RawSet>,
    /// Verb blocks.
    pub verbs: Vec<RawVerb>,
    /// Actor records.
    pub actors: ActorSet,
    /// The CAMEO (or other) code table; may be empty.
    pub codes: CodeTable,
    /// Accept pattern codes the table lacks (they are added to it).
    pub lenient_codes: bool,
    /// Words (lowercase) that match as prefixes of text words.
    pub stems: Vec<String>,
    /// TABARI actor phrases whose parts may stand apart in the text, as
    /// their parts (each one or more words).
    pub gapped: Vec<Vec<String>>,
    /// The code written on each gapped phrase's line, if it has one code
    /// for all dates (same order as `gapped`).
    #[serde(default)]
    pub gapped_codes: Vec<Option<String>>,
    /// TABARI `<NOUN>` words (lowercase).
    pub nouns: Vec<String>,
    /// TABARI `<ADJECTIVE>` words (lowercase).
    pub adjectives: Vec<String>,
    /// TABARI words written with a final `=` (lowercase): they match only
    /// as written, with no plural or verb endings (manual 5.2.3).
    pub fixed: Vec<String>,
    /// Coder options.
    pub options: CoderOptions,
}

/// A loaded dictionary and the problems found while loading it.
pub struct Loaded {
    /// The compiled dictionary.
    pub dictionary: Dictionary,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<DictError>,
}

impl Loaded {
    /// Errors only (not warnings).
    pub fn errors(&self) -> impl Iterator<Item = &DictError> {
        self.diagnostics.iter().filter(|d| !d.warning)
    }
}

/// Reads every dictionary file under `dir` (actor `*.txt`, `*.verbs`, `cameo/codes.txt`).
pub fn read_dir_sources(dir: &Path) -> Result<Vec<(String, String)>, DictError> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out)?;
            } else if matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "verbs")
            ) {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dir, &mut files)
        .map_err(|e| DictError::new(dir, 0, format!("cannot read dictionary directory: {e}")))?;
    let mut out = Vec::new();
    for f in files {
        let rel = f.strip_prefix(dir).unwrap_or(&f).display().to_string();
        if rel == "README.md" {
            continue;
        }
        let text =
            std::fs::read(&f).map_err(|e| DictError::new(&f, 0, format!("cannot read: {e}")))?;
        let text = String::from_utf8(text).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            DictError::new(&f, line, "invalid UTF-8")
        })?;
        out.push((f.display().to_string(), text));
    }
    Ok(out)
}

impl Dictionary {
    /// The dictionaries built into the binary from the project's `data/`.
    pub fn embedded() -> Loaded {
        let sources: Vec<(String, String)> = EMBEDDED
            .iter()
            .map(|(p, t)| (format!("data/{p}"), t.to_string()))
            .collect();
        Dictionary::from_sources(&sources)
    }

    /// Loads a data directory laid out like the project's `data/`.
    pub fn load_dir(dir: &Path) -> Result<Loaded, DictError> {
        Ok(Dictionary::from_sources(&read_dir_sources(dir)?))
    }

    /// Builds from (path, content) pairs; the kind of each file is told by
    /// its name: `*.verbs` are verb files, `codes.txt` the CAMEO table, other
    /// `*.txt` actor records.
    pub fn from_sources(sources: &[(String, String)]) -> Loaded {
        let mut errors = Vec::new();
        let mut d = Dictionary {
            nodes: vec![TrieNode::default()],
            ..Default::default()
        };
        let mut raw_sets = Vec::new();
        let mut raw_verbs = Vec::new();
        for (path, text) in sources {
            let p = Path::new(path);
            if path.ends_with(".verbs") {
                verbs::parse_verb_file(p, text, &mut raw_sets, &mut raw_verbs, &mut errors);
            } else if p.file_name().is_some_and(|n| n == "codes.txt") {
                d.codes = CodeTable::parse(p, text, &mut errors);
            } else {
                let recs = record::parse_records(p, text, &mut errors);
                d.actors.add_records(p, recs, &mut errors);
            }
        }
        d.compile_actors(&mut errors);
        d.compile_verbs(&raw_sets, &raw_verbs, &mut errors);
        Loaded {
            dictionary: d,
            diagnostics: errors,
        }
    }

    /// The CAMEO code table built into the binary.
    pub fn embedded_codes() -> CodeTable {
        let mut errors = Vec::new();
        EMBEDDED
            .iter()
            .find(|(p, _)| p.ends_with("codes.txt"))
            .map(|(p, t)| CodeTable::parse(Path::new(p), t, &mut errors))
            .unwrap_or_default()
    }

    /// Compiles raw parts read from another dictionary format;
    /// `diagnostics` are the problems its reader found.
    pub fn from_parts(parts: Parts, diagnostics: Vec<DictError>) -> Loaded {
        let mut errors = diagnostics;
        let mut d = Dictionary {
            nodes: vec![TrieNode::default()],
            codes: parts.codes,
            actors: parts.actors,
            options: parts.options,
            ..Default::default()
        };
        d.compile_actors(&mut errors);
        if parts.lenient_codes {
            // Intern every code up front so compile_pattern accepts it.
            for v in &parts.verbs {
                for p in &v.patterns {
                    for c in p.code.iter().chain(p.paired.iter()) {
                        d.codes.intern(c);
                    }
                }
            }
        }
        d.fixed = parts.fixed.iter().map(|w| d.intern(w)).collect();
        d.stem_words = parts.stems.iter().cloned().collect();
        d.compile_verbs(&parts.sets, &parts.verbs, &mut errors);
        d.stem_words = Default::default();
        for w in &parts.stems {
            if let Some(&id) = d.vocab.get(w.as_str()) {
                d.stems.insert(id);
                d.stem_max = d.stem_max.max(w.len());
            }
        }
        for (gi, g) in parts.gapped.iter().enumerate() {
            let chunks: Vec<Vec<u32>> = g.iter().map(|c| d.phrase_ids(c)).collect();
            if chunks.iter().all(|c| !c.is_empty()) {
                if let Some(Some(code)) = parts.gapped_codes.get(gi) {
                    d.gapped_codes.insert(chunks.concat(), code.clone());
                }
                let first = chunks[0][0];
                d.gapped.entry(first).or_default().push(chunks);
            }
        }
        for (list, bit) in [(&parts.nouns, TAB_NOUN), (&parts.adjectives, TAB_ADJECTIVE)] {
            for w in list {
                for f in noun_forms(w) {
                    let id = d.intern(&f);
                    *d.tab_words.entry(id).or_insert(0) |= bit;
                }
            }
        }
        if d.options.tabari {
            for v in &mut d.verbs {
                let key = |p: &VerbPattern| p.tab.as_ref().map_or((0, false), |t| (t.len, !t.root));
                let mut order: Vec<u32> = (0..v.patterns.len() as u32).collect();
                order.sort_by_key(|&i| std::cmp::Reverse(key(&v.patterns[i as usize])));
                v.tab_order = order;
            }
        }
        Loaded {
            dictionary: d,
            diagnostics: errors,
        }
    }

    /// The id of a token norm, interning it.
    fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.vocab.get(w) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(w.to_string(), id);
        id
    }

    /// The id of a token norm, or [`UNKNOWN`].
    pub fn token_id(&self, norm: &str) -> u32 {
        match self.vocab.get(norm) {
            Some(&id) => id,
            None if self.stems.is_empty() && !self.options.tabari => UNKNOWN,
            None => {
                let id = self.stem_id(norm);
                // PETRARCH conjugates its verbs and pluralizes its nouns itself
                // ("departes" is no form of DEPART).
                if id != UNKNOWN || !self.options.tabari || self.options.petrarch {
                    return id;
                }
                self.ending_id(norm)
            }
        }
    }

    /// The id of a token norm as a whole word, stems aside: TABARI's exact
    /// (`_`) words match this, so "into" is no `IN_`.
    pub fn exact_id(&self, norm: &str) -> u32 {
        match self.vocab.get(norm) {
            Some(&id) => id,
            None if self.options.tabari => self.ending_id(norm),
            None => UNKNOWN,
        }
    }

    /// TABARI's regular endings apply even to exact (`_`) words: `-s` to
    /// every word, `-es`, `-ed`, `-en`, `-ing` to verbs; never to `=` words.
    fn ending_id(&self, norm: &str) -> u32 {
        for end in ["ing", "es", "ed", "en", "s"] {
            if let Some(base) = norm.strip_suffix(end) {
                if base.len() >= 2 {
                    if let Some(&id) = self.vocab.get(base).filter(|id| !self.fixed.contains(id)) {
                        let noun = end == "s" && self.tab_nouns.contains(&id);
                        if noun || self.verb_forms.contains_key(&id) {
                            return id;
                        }
                    }
                }
            }
        }
        UNKNOWN
    }

    /// The longest stem that `norm` starts with, or [`UNKNOWN`].
    pub fn stem_id(&self, norm: &str) -> u32 {
        let mut end = norm.len().min(self.stem_max);
        while end > 0 {
            if norm.is_char_boundary(end) {
                if let Some(&id) = self.vocab.get(&norm[..end]) {
                    if self.stems.contains(&id) {
                        return id;
                    }
                }
            }
            end -= 1;
        }
        UNKNOWN
    }

    fn phrase_ids(&mut self, phrase: &str) -> Vec<u32> {
        let t = Tokens::new(phrase);
        let norms: Vec<String> = t.norms().map(str::to_string).collect();
        norms.iter().map(|n| self.intern(n)).collect()
    }

    fn add_phrase(&mut self, phrase: &str, entry: ActorEntry, case: CaseRule) {
        // A leading article is never needed to recognise a name, and keeping it
        // would let "the West" swallow "the West Bank" and match in any case.
        let (phrase, case) = match phrase.get(..4) {
            Some(the) if the.eq_ignore_ascii_case("the ") && phrase.len() > 4 => {
                (&phrase[4..], Self::case_of(&phrase[4..]))
            }
            _ => (phrase, case),
        };
        let ids = self.phrase_ids(phrase);
        if ids.is_empty() {
            return;
        }
        let mut node = 0u32;
        for &id in &ids {
            node = match self.edges.get(&(node, id)) {
                Some(&n) => n,
                None => {
                    let n = self.nodes.len() as u32;
                    self.nodes.push(TrieNode::default());
                    self.edges.insert((node, id), n);
                    n
                }
            };
        }
        if self.options.tabari {
            if let Some(&last) = ids.last() {
                self.tab_nouns.insert(last);
            }
        }
        let entries = &mut self.nodes[node as usize].entries;
        if !entries.iter().any(|(e, _)| *e == entry) {
            entries.push((entry, case));
        }
    }

    fn case_of(name: &str) -> CaseRule {
        let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() >= 2
            && letters.len() <= 5
            && letters.iter().all(|c| c.is_uppercase())
            && !name.contains(' ')
        {
            CaseRule::Upper
        } else if name.chars().next().is_some_and(char::is_uppercase) {
            CaseRule::Capitalized
        } else {
            CaseRule::Any
        }
    }

    fn compile_actors(&mut self, errors: &mut Vec<DictError>) {
        let places = std::mem::take(&mut self.actors.places);
        for (i, p) in places.iter().enumerate() {
            let i = i as u32;
            for (list, form) in [
                (&p.names, PlaceForm::Name),
                (&p.adjectives, PlaceForm::Adjective),
                (&p.people, PlaceForm::People),
                (&p.capitals, PlaceForm::Capital),
            ] {
                for n in list {
                    self.add_phrase(n, ActorEntry::Place(i, form), Self::case_of(n));
                }
            }
        }
        self.actors.places = places;
        let orgs = std::mem::take(&mut self.actors.organizations);
        for (i, o) in orgs.iter().enumerate() {
            for n in &o.names {
                self.add_phrase(n, ActorEntry::Organization(i as u32), Self::case_of(n));
            }
        }
        self.actors.organizations = orgs;
        let agents = std::mem::take(&mut self.actors.agents);
        for (i, a) in agents.iter().enumerate() {
            for n in &a.nouns {
                let forms = if a.exact {
                    vec![n.to_lowercase()]
                } else {
                    noun_forms(&n.to_lowercase())
                };
                for f in forms {
                    self.add_phrase(&f, ActorEntry::Agent(i as u32), CaseRule::Any);
                }
            }
        }
        self.actors.agents = agents;
        let people = std::mem::take(&mut self.actors.people);
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            for n in &p.names {
                let key = n.to_lowercase();
                if let Some(&j) = seen.get(&key) {
                    if j != i {
                        errors.push(DictError::warn(
                            "people",
                            0,
                            format!(
                                "name {n:?} is used by both {} and {}; both are kept",
                                people[j].name, p.name
                            ),
                        ));
                    }
                }
                seen.insert(key, i);
                self.add_phrase(n, ActorEntry::Person(i as u32), Self::case_of(n));
            }
        }
        self.actors.people = people;
    }

    fn compile_verbs(
        &mut self,
        raw_sets: &[RawSet],
        raw_verbs: &[RawVerb],
        errors: &mut Vec<DictError>,
    ) {
        let mut set_index: HashMap<&str, u32> = HashMap::new();
        for s in raw_sets {
            let mut phrases = Vec::new();
            for p in &s.phrases {
                for f in noun_forms(p) {
                    let ids = self.phrase_ids(&f);
                    if !ids.is_empty() && !phrases.contains(&ids) {
                        phrases.push(ids);
                    }
                }
            }
            set_index.insert(&s.name, self.sets.len() as u32);
            let mut starts: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
            for (k, ph) in phrases.iter().enumerate() {
                starts.entry(ph[0]).or_default().push(k as u32);
            }
            self.set_starts.push(starts);
            self.sets.push(phrases);
            let members: Vec<Vec<(Elem, bool)>> = s
                .gapped
                .iter()
                .map(|ws| self.tab_set_member(ws))
                .filter(|m| !m.is_empty())
                .collect();
            self.tab_sets.push(members);
            self.set_names.push(s.name.clone());
        }
        let mut file_index: HashMap<String, u16> = HashMap::new();
        let mut lemma_index: HashMap<String, usize> = HashMap::new();
        for rv in raw_verbs {
            let file = *file_index.entry(rv.file.clone()).or_insert_with(|| {
                self.files.push(rv.file.clone());
                (self.files.len() - 1) as u16
            });
            let mut words = rv.lemma.split(' ');
            let head = words.next().unwrap_or_default().to_string();
            let tail: Vec<String> = words.map(str::to_string).collect();
            // Blocks for the same lemma (in several files) share one verb.
            let vi = match lemma_index.get(&rv.lemma) {
                Some(&vi) => vi,
                None => {
                    self.verbs.push(Verb {
                        lemma: rv.lemma.clone(),
                        patterns: Vec::new(),
                        tab_order: Vec::new(),
                        by_first_word: FxHashMap::default(),
                        without_first_word: Vec::new(),
                    });
                    let vi = self.verbs.len() - 1;
                    lemma_index.insert(rv.lemma.clone(), vi);
                    vi
                }
            };
            let mut forms = verb_forms(&head);
            if self
                .vocab
                .get(&head)
                .is_some_and(|id| self.fixed.contains(id))
            {
                forms.retain(|(f, _)| *f == head);
            }
            forms.extend(rv.extra_past.iter().map(|f| (f.clone(), VerbForm::Past)));
            forms.extend(
                rv.extra_participle
                    .iter()
                    .map(|f| (f.clone(), VerbForm::Participle)),
            );
            forms.extend(rv.extra_forms.iter().map(|f| (f.clone(), VerbForm::Base)));
            for (f, kind) in forms {
                let id = self.intern(&f);
                let list = self.verb_forms.entry(id).or_default();
                if !list.contains(&(vi as u32, kind)) {
                    list.push((vi as u32, kind));
                }
            }
            for rp in &rv.patterns {
                match self.compile_pattern(rp, &tail, &rv.tail_gaps, &set_index) {
                    Ok(mut p) => {
                        p.file = file;
                        p.line = rp.line as u32;
                        self.verbs[vi].patterns.push(p);
                        self.pattern_count += 1;
                    }
                    Err(e) => errors.push(DictError::new(Path::new(&rv.file), rp.line, e)),
                }
            }
        }
        for v in &mut self.verbs {
            v.index_patterns();
        }
    }

    fn compile_pattern(
        &mut self,
        rp: &RawPattern,
        tail: &[String],
        tail_gaps: &[bool],
        sets: &HashMap<&str, u32>,
    ) -> Result<VerbPattern, String> {
        let code = match &rp.code {
            Some(c) => {
                if self.codes.id(c).is_none() && !self.codes.is_empty() {
                    return Err(format!("unknown CAMEO code {c}"));
                }
                Some(self.codes.intern(c))
            }
            None => None,
        };
        let vpos = rp
            .elems
            .iter()
            .position(|e| *e == RawElem::Verb)
            .ok_or("no `*`")?;
        let mut before = Vec::new();
        for e in &rp.elems[..vpos] {
            match e {
                // "don't" is two tokens, both directly before the verb.
                RawElem::Words(ws) if ws.len() == 1 && Tokens::new(&ws[0]).len() > 1 => {
                    let toks: Vec<String> =
                        Tokens::new(&ws[0]).norms().map(str::to_string).collect();
                    for t in toks {
                        before.push(vec![self.intern(&t)]);
                    }
                }
                RawElem::Words(ws) => {
                    for w in ws {
                        if Tokens::new(w).len() != 1 {
                            return Err(format!("word {w:?} before `*` must be a single token"));
                        }
                    }
                    before.push(ws.iter().map(|w| self.intern(w)).collect());
                }
                RawElem::Adjacent => {}
                _ => return Err("only words may come before `*`".into()),
            }
        }
        let mut after: Vec<(Elem, bool)> = Vec::new();
        // A multi-word lemma's tail words follow the verb directly.
        for w in tail {
            let id = self.intern(w);
            after.push((Elem::Words(vec![id]), true));
        }
        let mut weight = (before.len() + tail.len()) as u16;
        let mut adjacent = false;
        for e in &rp.elems[vpos + 1..] {
            match e {
                RawElem::Adjacent => {
                    adjacent = true;
                    continue;
                }
                RawElem::Target => after.push((Elem::Target, adjacent)),
                RawElem::Source => after.push((Elem::Source, adjacent)),
                RawElem::Set(name) => {
                    let id = *sets
                        .get(name.as_str())
                        .ok_or_else(|| format!("unknown synonym set &{name}"))?;
                    after.push((Elem::Set(id), adjacent));
                    weight += 1;
                }
                RawElem::Words(ws) => {
                    // A word that tokenizes to several tokens ("cease-fire")
                    // becomes a run of adjacent single-token elements.
                    if ws.len() == 1 {
                        let toks: Vec<String> =
                            Tokens::new(&ws[0]).norms().map(str::to_string).collect();
                        for (k, t) in toks.iter().enumerate() {
                            let mut ids = Vec::new();
                            for f in if k + 1 == toks.len() {
                                noun_forms(t)
                            } else {
                                vec![t.clone()]
                            } {
                                ids.push(self.intern(&f));
                            }
                            after.push((Elem::Words(ids), if k == 0 { adjacent } else { true }));
                            weight += 1;
                        }
                    } else {
                        let mut ids = Vec::new();
                        for w in ws {
                            for f in noun_forms(w) {
                                ids.push(self.intern(&f));
                            }
                        }
                        after.push((Elem::Words(ids), adjacent));
                        weight += 1;
                    }
                }
                // Only the TABARI engine reads these (from `full`).
                RawElem::Verb | RawElem::Compound | RawElem::Skip => {}
            }
            adjacent = false;
        }
        let paired = rp.paired.as_deref().map(|c| self.codes.intern(c));
        let tab = if rp.full.is_empty() {
            None
        } else {
            Some(Box::new(self.compile_tab(&rp.full, tail, tail_gaps, sets)?))
        };
        Ok(VerbPattern {
            code,
            paired,
            before,
            after,
            weight,
            tab,
            file: 0,
            line: 0,
        })
    }

    /// A TABARI synonym-set member as pattern elements: words (the last
    /// one with its plural), `$` and `+` slots, each with "joined to the
    /// element before".
    fn tab_set_member(&mut self, words: &[(String, bool)]) -> Vec<(Elem, bool)> {
        let mut out = Vec::new();
        for (k, (w, joined)) in words.iter().enumerate() {
            match w.as_str() {
                "$" => out.push((Elem::Source, *joined)),
                "+" => out.push((Elem::Target, *joined)),
                _ => {
                    let toks: Vec<String> = Tokens::new(w).norms().map(str::to_string).collect();
                    for (i, t) in toks.iter().enumerate() {
                        let forms = if k + 1 == words.len() && i + 1 == toks.len() {
                            noun_forms(t)
                        } else {
                            vec![t.clone()]
                        };
                        let ids = forms.iter().map(|f| self.intern(f)).collect();
                        out.push((Elem::Words(ids), if i == 0 { *joined } else { true }));
                    }
                }
            }
        }
        out
    }

    /// A synonym set's members for the TABARI engine (empty when the set
    /// came from a format without gaps).
    pub fn tab_set(&self, set: u32) -> &[Vec<(Elem, bool)>] {
        self.tab_sets.get(set as usize).map_or(&[], Vec::as_slice)
    }

    /// Token-id alternatives of a word element: each alternative split into
    /// tokens; a multi-token word is a run of adjacent elements.
    fn word_elems(&mut self, ws: &[String], adjacent: bool, out: &mut Vec<(Elem, bool)>) -> u16 {
        let mut len = 0u16;
        if let Some(w) = ws.first().filter(|w| ws.len() == 1 && w.ends_with('_')) {
            let w = w.trim_end_matches('_');
            let toks: Vec<String> = Tokens::new(w).norms().map(str::to_string).collect();
            for (k, t) in toks.iter().enumerate() {
                let ids = vec![self.intern(t)];
                out.push((Elem::Exact(ids), if k == 0 { adjacent } else { true }));
            }
            return w.chars().filter(|c| c.is_alphanumeric()).count() as u16;
        }
        if ws.len() == 1 {
            let toks: Vec<String> = Tokens::new(&ws[0]).norms().map(str::to_string).collect();
            for (k, t) in toks.iter().enumerate() {
                // A TABARI stem (no trailing `_`) also matches its regular
                // endings, which have token ids of their own ("dollar", "dollars").
                let forms = if k + 1 == toks.len() && self.stem_words.contains(t) {
                    let mut f = noun_forms(t);
                    f.extend(["es", "ed", "en", "ing"].iter().map(|e| format!("{t}{e}")));
                    f
                } else {
                    vec![t.clone()]
                };
                let ids = forms.iter().map(|f| self.intern(f)).collect();
                out.push((Elem::Words(ids), if k == 0 { adjacent } else { true }));
            }
            len += ws[0].chars().filter(|c| c.is_alphanumeric()).count() as u16;
        } else {
            let ids = ws.iter().map(|w| self.intern(w)).collect();
            out.push((Elem::Words(ids), adjacent));
            len += ws
                .iter()
                .map(|w| w.chars().filter(|c| c.is_alphanumeric()).count() as u16)
                .max()
                .unwrap_or(0);
        }
        len
    }

    fn compile_tab(
        &mut self,
        full: &[RawElem],
        tail: &[String],
        tail_gaps: &[bool],
        sets: &HashMap<&str, u32>,
    ) -> Result<TabPattern, String> {
        let vpos = full
            .iter()
            .position(|e| *e == RawElem::Verb)
            .ok_or("no `*`")?;
        let mut len = 0u16;
        let mut elem = |d: &mut Dictionary,
                        e: &RawElem,
                        adjacent: bool,
                        out: &mut Vec<(Elem, bool)>|
         -> Result<(), String> {
            match e {
                RawElem::Target => out.push((Elem::Target, adjacent)),
                RawElem::Source => out.push((Elem::Source, adjacent)),
                RawElem::Compound => out.push((Elem::Compound, adjacent)),
                RawElem::Skip => out.push((Elem::Skip, adjacent)),
                RawElem::Set(name) => {
                    let id = *sets
                        .get(name.as_str())
                        .ok_or_else(|| format!("unknown synonym set &{name}"))?;
                    // A synonym set adds nothing to TABARI's length: `* DOLLAR`
                    // is tried before `* &CURRENCY`.
                    out.push((Elem::Set(id), adjacent));
                }
                RawElem::Words(ws) => len += d.word_elems(ws, adjacent, out),
                RawElem::Verb | RawElem::Adjacent => {}
            }
            Ok(())
        };
        // Before the verb, in text order like after it.
        let mut pre: Vec<(Elem, bool)> = Vec::new();
        let mut adjacent = false;
        for e in &full[..vpos] {
            if *e == RawElem::Adjacent {
                adjacent = true;
                continue;
            }
            elem(self, e, adjacent, &mut pre)?;
            adjacent = false;
        }
        let pre_joined = adjacent;
        let root = full
            .iter()
            .all(|e| matches!(e, RawElem::Verb | RawElem::Adjacent | RawElem::Words(_)))
            && full[vpos + 1..].is_empty();
        let mut post: Vec<(Elem, bool)> = Vec::new();
        let mut tail_len = 0u16;
        for (k, w) in tail.iter().enumerate() {
            let id = self.intern(w);
            let gap = tail_gaps.get(k).copied().unwrap_or(false);
            post.push((Elem::Words(vec![id]), !gap));
            tail_len += w.chars().filter(|c| c.is_alphanumeric()).count() as u16;
        }
        let mut adjacent = false;
        for e in &full[vpos + 1..] {
            if *e == RawElem::Adjacent {
                adjacent = true;
                continue;
            }
            elem(self, e, adjacent, &mut post)?;
            adjacent = false;
        }
        Ok(TabPattern {
            pre,
            pre_joined,
            post,
            len: len + tail_len,
            root,
        })
    }

    /// The longest actor phrase starting at token `start` of `ids` (token
    /// ids of a sentence), as (end, entry). `capitalized` and `upper` tell
    /// the case of the first token, which [`CaseRule`]s check. When a phrase
    /// names several things, an organisation is preferred to a person, a
    /// person to a place, a place to an agent noun.
    pub fn longest_actor(
        &self,
        ids: &[u32],
        capitalized: bool,
        upper: bool,
        start: usize,
    ) -> Option<(usize, ActorEntry)> {
        let rank = |e: &ActorEntry| match e {
            ActorEntry::Organization(_) => 0,
            ActorEntry::Person(_) => 1,
            ActorEntry::Place(..) => 2,
            ActorEntry::Agent(_) => 3,
        };
        let mut node = 0u32;
        let mut best: Option<(usize, ActorEntry)> = None;
        let mut i = start;
        while i < ids.len() {
            let Some(&n) = self.edges.get(&(node, ids[i])) else {
                break;
            };
            node = n;
            i += 1;
            let preferred = self.nodes[node as usize]
                .entries
                .iter()
                .filter(|(_, case)| match case {
                    CaseRule::Any => true,
                    CaseRule::Capitalized => capitalized,
                    CaseRule::Upper => upper,
                })
                .map(|(e, _)| *e)
                .min_by_key(rank);
            if let Some(e) = preferred {
                best = Some((i, e));
            }
        }
        best
    }

    /// The phrases of synonym set `set` that start at `ids[j]`, as the end
    /// positions where they match.
    pub fn set_match_ends<'a>(
        &'a self,
        set: u32,
        ids: &'a [u32],
        j: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let phrases = &self.sets[set as usize];
        self.set_starts[set as usize]
            .get(&ids[j])
            .into_iter()
            .flatten()
            .map(move |&k| &phrases[k as usize])
            .filter(move |ph| ids.get(j..j + ph.len()) == Some(ph.as_slice()))
            .map(move |ph| j + ph.len())
    }

    /// Does some actor phrase start with this token?
    pub fn starts_actor_phrase(&self, id: u32) -> bool {
        self.edges.contains_key(&(0, id))
    }

    /// Whether the dictionary has TABARI `<NOUN>`/`<ADJECTIVE>` lists.
    pub fn has_tab_classes(&self) -> bool {
        !self.tab_words.is_empty()
    }

    /// The code written on the gapped actor line of these words (as token
    /// ids), where the same words also have an entry without gaps.
    pub fn gapped_code(&self, words: &[u32]) -> Option<&str> {
        self.gapped_codes.get(words).map(String::as_str)
    }

    /// TABARI actor phrases starting with token id `id` whose parts may
    /// stand apart in the text (parts as token ids).
    pub fn gapped_phrases(&self, id: u32) -> &[Vec<Vec<u32>>] {
        self.gapped.get(&id).map_or(&[], Vec::as_slice)
    }

    /// The actor a whole phrase of token ids names (any case).
    pub fn actor_entry(&self, ids: &[u32]) -> Option<ActorEntry> {
        match self.longest_actor(ids, true, true, 0) {
            Some((end, e)) if end == ids.len() => Some(e),
            _ => None,
        }
    }

    /// The TABARI word class of a token id ([`TAB_NOUN`], [`TAB_ADJECTIVE`] bits).
    pub fn tab_class(&self, id: u32) -> u8 {
        self.tab_words.get(&id).copied().unwrap_or(0)
    }

    /// The verbs a token id is a form of.
    pub fn verbs_of(&self, id: u32) -> &[(u32, VerbForm)] {
        self.verb_forms.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Number of distinct token ids.
    pub fn vocab_len(&self) -> usize {
        self.vocab.len()
    }

    /// Number of actor phrases in the trie.
    pub fn phrase_count(&self) -> usize {
        self.nodes.iter().filter(|n| !n.entries.is_empty()).count()
    }

    /// The country or region with this code.
    pub fn place(&self, code: &str) -> Option<&Place> {
        self.actors.places.iter().find(|p| p.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(p: &str, t: &str) -> (String, String) {
        (p.to_string(), t.to_string())
    }

    #[test]
    fn bad_lines_are_reported_with_file_and_line_and_the_rest_loads() {
        let loaded = Dictionary::from_sources(&[
            src("cameo/codes.txt", "041\t1.0\t1\tCONSULT\tPhone talks\n042\tx\t1\tCONSULT\tVisit\n"),
            src("actors/c.txt", "country KAZ iso2=KZ\n    name: Kazakhstan\n    adjective: Kazakh\n  bogus line\ncountry Isr\n    name: Israel\n"),
            src("verbs/a.verbs", "verb call\n    041 * +\n    99x * for\nverb meet past=met\n    040 * _ with +\n"),
        ]);
        let msgs: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("cameo/codes.txt:2: error: goldstein")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.starts_with("actors/c.txt:4: error")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.starts_with("actors/c.txt:5: error")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.starts_with("verbs/a.verbs:3: error")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("verbs/a.verbs:5: error: unknown CAMEO code 040")),
            "{msgs:?}"
        );
        let d = &loaded.dictionary;
        assert_eq!(d.actors.places.len(), 1);
        assert_eq!(d.pattern_count, 1);
        let called = d.token_id("called");
        assert_eq!(
            d.verbs_of(called),
            &[(0, VerbForm::Past), (0, VerbForm::Participle)]
        );
        assert_eq!(
            d.verbs_of(d.token_id("met")),
            &[(1, VerbForm::Past), (1, VerbForm::Participle)]
        );
    }

    #[test]
    fn trie_respects_case_rules() {
        let loaded = Dictionary::from_sources(&[src(
            "actors/c.txt",
            "country USA\n    name: United States | US\ncountry TUR\n    name: Turkey\n",
        )]);
        let d = &loaded.dictionary;
        let ids: Vec<u32> = ["us", "turkey", "united", "states"]
            .iter()
            .map(|w| d.token_id(w))
            .collect();
        assert!(
            d.longest_actor(&ids, false, false, 0).is_none(),
            "lowercase `us` is a pronoun"
        );
        assert!(d.longest_actor(&ids, true, true, 0).is_some());
        assert!(d.longest_actor(&ids, false, false, 1).is_none());
        assert_eq!(
            d.longest_actor(&ids, true, false, 2).map(|(e, _)| e),
            Some(4)
        );
    }

    #[test]
    fn people_resolve_by_date() {
        let loaded = Dictionary::from_sources(&[src(
            "actors/p.txt",
            "person Donald Trump\n    country: USA\n    name: Trump\n    role: USAGOV 2017-01-20..2021-01-20\n    role: USAGOV 2025-01-20..\n",
        )]);
        let p = &loaded.dictionary.actors.people[0];
        let on = |s: &str| p.code_on(accord_text::Date::parse_iso(s));
        assert_eq!(on("2018-05-01").as_deref(), Some("USAGOV"));
        assert_eq!(on("2023-05-01").as_deref(), Some("USAELI"));
        assert_eq!(on("2025-11-06").as_deref(), Some("USAGOV"));
        assert_eq!(p.code_on(None).as_deref(), Some("USAGOV"));
    }

    #[test]
    fn forward_format_reads_story_and_sentence_from_the_record_id() {
        let mut o = TabOptions::default();
        assert_eq!(o.sequence("FRWD-001-002"), None, "off by default");
        assert!(o.apply("FORWARD: ^^*****NNN*SSS"));
        assert_eq!(o.sequence("FRWD-001-002"), Some(("001".to_string(), 2)));
        assert_eq!(o.sequence("FRWD-Initialize"), Some(("Ini".to_string(), 0)));
        assert!(o.apply("FORWARD: ^^*****NNN*SSS OFF"));
        assert_eq!(o.forward, None);
    }
}

//! The coder: from a sentence's tokens to CAMEO events with evidence.
//!
//! Per sentence: tokens are mapped to dictionary token ids; actor mentions
//! are found and grouped ([`mentions`]); every token that is a form of a
//! dictionary verb and reads as a verb (not "the attack") is a candidate;
//! the candidate's patterns are matched over the following tokens (the most
//! specific match wins; `---` blocks); the source is the clause's subject
//! (found by walking back over auxiliaries and adverbs, inheriting the
//! subject across coordinated predicates, skipping possessives and
//! prepositional objects), the target is the pattern's `+` slot or the first
//! actor after the verb; passive voice swaps them; negated verbs code
//! nothing. Every event keeps byte spans of source, verb and target in its
//! sentence and the pattern (file:line) that produced it.
//!
//! There is no parser: everything is dictionary lookups and a few
//! closed-class word lists, so coding is linear in sentence length.

pub mod mentions;
mod petrarch;
mod tabari;
mod when;

pub use mentions::{ActorMention, MentionContext};
pub use when::{find_date, EventDate};

use accord_dict::{Dictionary, Elem, VerbForm, VerbPattern};
use accord_text::{split_sentences, Article, Date, Tokens};
use serde::Serialize;

/// Byte spans (start, end) in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Spans {
    /// The source mention.
    pub source: [u32; 2],
    /// The verb.
    pub verb: [u32; 2],
    /// The target mention.
    pub target: [u32; 2],
}

/// One coded event. Field names are the `--format jsonl` names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodedEvent {
    /// Article id.
    pub article: String,
    /// Sentence index in the article (0-based).
    pub sentence: u32,
    /// When it happened: a day, a range, or unknown.
    pub date: Option<EventDate>,
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// CAMEO event code.
    pub code: String,
    /// CAMEO root code.
    pub root: String,
    /// Quad class 1-4.
    pub quad: u8,
    /// Goldstein value.
    pub goldstein: f32,
    /// PLOVER event type.
    pub plover: Option<String>,
    /// PLOVER mode the code implies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plover_mode: Option<String>,
    /// PLOVER context the code implies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plover_context: Option<String>,
    /// The sentence.
    pub text: String,
    /// Evidence spans in `text`.
    pub spans: Spans,
    /// The pattern that matched, `file:line`.
    pub pattern: String,
}

/// Where an event was found: what every event from one pattern match shares.
#[derive(Clone, Copy)]
pub(crate) struct EventSite<'a> {
    pub(crate) article: &'a str,
    pub(crate) sentence: u32,
    pub(crate) date: Option<EventDate>,
    pub(crate) text: &'a str,
    pub(crate) spans: Spans,
    pub(crate) pattern: &'a str,
}

impl Spans {
    /// The spans of the reverse event (a paired code: the target acts on the source).
    pub(crate) fn reversed(self) -> Spans {
        Spans {
            source: self.target,
            verb: self.verb,
            target: self.source,
        }
    }
}

impl CodedEvent {
    /// An event at `site` from `source` to `target` with the code `code`,
    /// whose root, quad, Goldstein value and PLOVER type come from `info`.
    pub(crate) fn at(
        site: &EventSite<'_>,
        source: &str,
        target: &str,
        info: &accord_dict::CodeInfo,
        code: String,
    ) -> CodedEvent {
        CodedEvent {
            article: site.article.to_string(),
            sentence: site.sentence,
            date: site.date,
            source: source.to_string(),
            target: target.to_string(),
            code,
            root: info.root.clone(),
            quad: info.quad,
            goldstein: info.goldstein,
            plover: info.plover.clone(),
            plover_mode: info.plover_mode.clone(),
            plover_context: info.plover_context.clone(),
            text: site.text.to_string(),
            spans: site.spans,
            pattern: site.pattern.to_string(),
        }
    }
}

/// A mention as reported: byte span in its sentence and codes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionSpan {
    /// Start byte in the sentence.
    pub start: u32,
    /// End byte in the sentence.
    pub end: u32,
    /// Actor codes.
    pub codes: Vec<String>,
}

/// One coded sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct CodedSentence {
    /// Index in the article.
    pub index: u32,
    /// Start byte in the article text.
    pub start: u32,
    /// End byte in the article text.
    pub end: u32,
    /// Actor mentions.
    pub mentions: Vec<MentionSpan>,
    /// Events.
    pub events: Vec<CodedEvent>,
}

/// One coded article.
#[derive(Debug, Clone, PartialEq)]
pub struct CodedArticle {
    /// Sentences in order.
    pub sentences: Vec<CodedSentence>,
}

impl CodedArticle {
    /// All events in order.
    pub fn events(&self) -> impl Iterator<Item = &CodedEvent> {
        self.sentences.iter().flat_map(|s| s.events.iter())
    }
}

/// Words after which a verb-form token is a noun ("the attack", "a call").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "these", "those",
    "every", "each", "another", "no", "any", "such", "'s", "of", "first", "second", "new", "major",
    "joint",
];
/// Auxiliaries and adverbs skipped between a subject and its verb.
const AUX: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "shall",
    "should",
    "must",
    "also",
    "not",
    "n't",
    "never",
    "then",
    "later",
    "again",
    "already",
    "still",
    "reportedly",
    "allegedly",
    "formally",
    "officially",
    "jointly",
    "did",
    "does",
    "do",
    "just",
    "now",
    "once",
    "soon",
    "subsequently",
    "initially",
    "first",
    "recently",
    "finally",
    "publicly",
    "repeatedly",
    "ultimately",
    "to",
    "set",
    "expected",
    "going",
    "able",
    "reportedly",
    "say",
    "says",
    "said",
    // Time adverbs between subject and verb ("Iran today threatened").
    "today",
    "yesterday",
    "tonight",
];
const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got",
];
const NEGATIONS: &[&str] = &["not", "n't", "never", "no"];
/// Words whose "that" clause says what is asked for or threatened ("demanded
/// that", "its demand today that", "insisted that").
const DEMAND_WORDS: &[&str] = &[
    "demand",
    "demands",
    "demanded",
    "demanding",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "insistence",
    "urge",
    "urges",
    "urged",
    "urging",
    "request",
    "requests",
    "requested",
    "appeal",
    "appeals",
    "appealed",
    "ultimatum",
    "warn",
    "warns",
    "warned",
    "warning",
    "threaten",
    "threatens",
    "threatened",
    "call",
    "calls",
    "called",
    "calling",
    "pressed",
    "pressured",
    "pressuring",
];

/// Words of prevention: what they prevent did not happen.
const PREVENTIONS: &[&str] = &[
    "prevent",
    "prevents",
    "prevented",
    "preventing",
    "thwart",
    "thwarts",
    "thwarted",
    "foil",
    "foils",
    "foiled",
    "avert",
    "averts",
    "averted",
    "averting",
];

/// Words of denial: what they deny is not asserted to have happened.
const DENIALS: &[&str] = &[
    "deny",
    "denies",
    "denied",
    "denying",
    "dismissed",
    "dismisses",
];

/// Marks what the word at `pos` asks for, denies or threatens: the "that"
/// clause after it (within `reach` words, "denied a claim by X that ..."), or
/// else, with `infinitive`, the "to" clause after its addressee ("called on the
/// EU to designate ..."), up to the next clause boundary.
fn mark_complement(
    tokens: &Tokens,
    covering: &[Option<usize>],
    pos: usize,
    out: &mut [bool],
    reach: usize,
    infinitive: bool,
) {
    let n = tokens.len();
    let boundary = |j: usize| {
        let w = tokens.norm(j);
        w == ";" || w == "." || (w == "," && covering[j].is_none())
    };
    let window = (pos + 1..(pos + 1 + reach).min(n)).take_while(|&j| !boundary(j));
    let start = match window.clone().find(|&j| tokens.norm(j) == "that") {
        Some(that) => that,
        None if infinitive => {
            let Some(to) = (pos + 1..(pos + 9).min(n))
                .take_while(|&j| !boundary(j) && tokens.norm(j) != "that")
                .filter(|&j| tokens.norm(j) == "to" && covering[j].is_none())
                .last()
            else {
                return;
            };
            to
        }
        None => return,
    };
    let end = (start + 1..n).find(|&j| boundary(j)).unwrap_or(n);
    for b in &mut out[start + 1..end] {
        *b = true;
    }
}

/// Verbs of saying whose complement may carry a demand ("said Sudan must").
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "declared",
    "declares",
    "announced",
    "announces",
    "stated",
    "states",
    "insisted",
    "insists",
    "reiterated",
    "reiterates",
    "warned",
    "warns",
    "argued",
    "argues",
    "added",
    "told",
    "tells",
    "stressed",
    "stresses",
    "saying",
    "adding",
    "insisting",
    "warning",
    "stressing",
    "reports",
    "reported",
    "claims",
    "claimed",
    "confirms",
    "confirmed",
];

/// Verbs that take an object: right after an actor and before a preposition
/// ("civilians killed in the war") they are a reduced passive.
const OBJECT_VERBS: &[&str] = &[
    "kill",
    "injure",
    "wound",
    "arrest",
    "detain",
    "abduct",
    "kidnap",
    "execute",
    "jail",
    "imprison",
    "sentence",
    "deport",
    "expel",
    "capture",
    "indict",
    "convict",
    "torture",
    "behead",
    "assassinate",
    "murder",
    "massacre",
    "displace",
    "accuse",
    "charge",
    "suspect",
    "ban",
    "sanction",
];

/// Modifiers of an event noun that make it only intended ("a planned visit").
const UNREALIZED_MODIFIERS: &[&str] = &[
    "planned",
    "scheduled",
    "upcoming",
    "proposed",
    "expected",
    "possible",
    "postponed",
    "cancelled",
    "canceled",
    "delayed",
    "rumoured",
    "rumored",
    "future",
    "potential",
];

/// Nouns whose infinitive complement is only intended or allowed ("a plan to
/// annex", "an offer to end", "a warrant to arrest"): no act of the clause's.
const UNREALIZED_NOUNS: &[&str] = &[
    "plan",
    "plans",
    "offer",
    "offers",
    "proposal",
    "proposals",
    "bid",
    "attempt",
    "attempts",
    "effort",
    "efforts",
    "request",
    "requests",
    "warrant",
    "order",
    "orders",
    "decision",
    "goal",
    "aim",
    "intention",
    "readiness",
    "willingness",
    "right",
    "permission",
    "mandate",
    "authority",
    "pledge",
    "promise",
    "threat",
    "threats",
    "call",
    "calls",
    "demand",
    "demands",
    "plot",
    "scheme",
    "move",
    "push",
    "campaign",
    "vote",
    "motion",
    "resolution",
    "opportunity",
    "chance",
];

/// Nouns of statements: a gerund after one says what the statement does ("a
/// declaration demanding", "a letter urging").
const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "declaration",
    "letter",
    "resolution",
    "communique",
    "message",
    "note",
    "memo",
    "motion",
    "appeal",
    "petition",
    "ultimatum",
    "warning",
    "decree",
    "order",
    "bill",
    "speech",
    "address",
    "post",
    "tweet",
];

/// Group nouns that British English makes plural ("the military say", "police in
/// Morocco arrest"): a base form after them may be their verb.
const COLLECTIVE_NOUNS: &[&str] = &[
    "military",
    "government",
    "army",
    "navy",
    "force",
    "gendarmerie",
    "agency",
    "administration",
    "team",
    "committee",
    "council",
    "family",
    "opposition",
    "junta",
    "parliament",
    "cabinet",
    "jury",
    "coalition",
    "alliance",
    "group",
    "party",
    "union",
    "board",
    "commission",
    "regime",
    "authority",
    "leadership",
    "crew",
    "delegation",
    "side",
    "media",
    "press",
    "community",
    "majority",
    "minority",
    "guard",
    "movement",
    "front",
    "command",
    "ministry",
    "court",
    "congress",
    "senate",
    "assembly",
    "federation",
    "bloc",
    "league",
    "organisation",
    "organization",
    "militia",
    "public",
    "youth",
    "staff",
    "clergy",
    "personnel",
];

/// Economic measures: "hit by U.S. tariffs" is no use of force.
const ECONOMIC_MEASURES: &[&str] = &[
    "tariff",
    "tariffs",
    "sanctions",
    "duties",
    "duty",
    "levies",
    "levy",
    "taxes",
    "tax",
    "restrictions",
    "curbs",
    "controls",
    "embargo",
    "embargoes",
    "measures",
    "policies",
    "policy",
    "cuts",
    "prices",
    "inflation",
];

/// Plural nouns of events that look like verbs ("U.S. sanctions", "Israeli strikes").
const PLURAL_EVENT_NOUNS: &[&str] = &[
    "sanctions",
    "strikes",
    "airstrikes",
    "attacks",
    "talks",
    "tariffs",
    "threats",
    "protests",
    "raids",
    "demands",
    "calls",
    "claims",
    "efforts",
    "reports",
    "abuses",
    "massacres",
    "operations",
    "plans",
    "bans",
    "deals",
    "forces",
    "troops",
    "shipments",
    "exports",
    "imports",
    "supplies",
    "offensives",
    "negotiations",
    "measures",
    "restrictions",
];

/// Nouns by which a reported clause names its speaker ("M23 said the group
/// would ..."), so the speaker stays the subject.
const SPEAKER_PROXIES: &[&str] = &[
    "country",
    "group",
    "government",
    "state",
    "regime",
    "administration",
    "ministry",
    "army",
    "military",
    "militia",
    "party",
    "movement",
    "organization",
    "organisation",
    "company",
    "navy",
    "force",
    "forces",
    "coalition",
    "alliance",
    "bloc",
    "kingdom",
    "republic",
    "nation",
    "authorities",
    "court",
    "council",
    "president",
    "leader",
    "minister",
];

/// Nouns after a place name that make it a topic, not an actor ("the Gaza war").
const TOPIC_HEADS: &[&str] = &[
    "war", "wars", "conflict", "crisis", "issue", "question", "dossier", "file", "dispute",
];

/// Nouns naming an armed attack: "killed in an Israeli airstrike" names who
/// attacked.
const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "air",
    "missile",
    "missiles",
    "drone",
    "drones",
    "rocket",
    "rockets",
    "shelling",
    "bombardment",
    "bombing",
    "bombings",
    "raid",
    "raids",
    "artillery",
    "gunfire",
    "fire",
    "offensive",
    "assault",
    "ambush",
    "shell",
    "shells",
];

/// The codes of a missing actor: one empty code.
static NO_ACTOR: [String; 1] = [String::new()];

/// Words that end a clause for subject and target search.
const BARRIERS: &[&str] = &[
    ";", "that", "which", "who", "whom", "whose", "because", "while", "although", "though",
    "whereas", "but", "if", "unless", "when", "where", ":", "after", "before", "since", "until",
    "as",
];
/// A mention after one of these is a prepositional object, not a subject.
const PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "with",
    "by",
    "to",
    "from",
    "for",
    "against",
    "into",
    "across",
    "over",
    "near",
    "within",
    "between",
    "among",
    "toward",
    "towards",
    "through",
    "about",
    "under",
    "after",
    "before",
    "during",
    "of",
    "via",
    "like",
    "including",
    "than",
    "as",
    "upon",
    "onto",
    "amid",
    "since",
    "until",
    "despite",
    "without",
    "outside",
    "inside",
    "involving",
    "along",
    "around",
    "behind",
    "beyond",
    "off",
];
const MAX_GAP: usize = 4;

/// Is the verb at `pos` announced rather than done: a modal ("will", "would")
/// or an intent phrase ("ready to", "plans to") right before it?
fn is_future(tokens: &Tokens, pos: usize) -> bool {
    let mut j = pos;
    let mut words: Vec<&str> = Vec::with_capacity(3);
    while j > 0 && words.len() < 3 {
        j -= 1;
        let w = tokens.norm(j);
        if matches!(
            w,
            "not" | "n't" | "also" | "soon" | "still" | "then" | "jointly" | "formally" | "be"
        ) || is_adverb(w)
        {
            continue;
        }
        words.push(w);
    }
    match words.as_slice() {
        // Announced or hypothetical ("could seize", "might strike"), not done.
        ["will" | "would" | "'ll" | "shall" | "could" | "might" | "may", ..] => true,
        ["to", w, ..] => matches!(
            *w,
            "going"
                | "plans"
                | "plan"
                | "planning"
                | "planned"
                | "intends"
                | "intend"
                | "intended"
                | "willing"
                | "ready"
                | "prepared"
                | "set"
                | "aims"
                | "aim"
                | "hopes"
                | "expects"
                | "expected"
                | "scheduled"
                | "due"
                | "poised"
        ),
        _ => false,
    }
}

/// Is the verb at `pos` an obligation ("must return", "should be ready to
/// mediate", "ought to leave")? That is somebody's demand, not an act.
fn is_obligation(tokens: &Tokens, pos: usize) -> bool {
    // The nearest word before the verb that is not "not", "be", "to", "ready" or
    // an adverb.
    (0..pos)
        .rev()
        .map(|j| tokens.norm(j))
        .find(|&w| {
            !(matches!(
                w,
                "not" | "n't" | "also" | "still" | "be" | "to" | "ready" | "able"
            ) || is_adverb(w))
        })
        .is_some_and(|w| matches!(w, "must" | "should" | "ought"))
}

/// The CAMEO code for announcing an act instead of doing it: cooperation
/// becomes an expressed intent (03x), force and coercion a threat (13x).
fn intent_code(code: &str) -> Option<&'static str> {
    Some(match code {
        c if c.starts_with("04") => "036",
        c if c.starts_with("05") => "032",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        c if c.starts_with("06") => "031",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        c if c.starts_with("07") => "033",
        c if c.starts_with("08") => "035",
        c if c.starts_with("161") => "1313",
        c if c.starts_with("162") => "1311",
        c if c.starts_with("163") => "1312",
        c if c.starts_with("16") => "131",
        c if c.starts_with("17") => "137",
        "191" => "1381",
        "192" => "1382",
        c if c.starts_with("18") => "1383",
        c if c.starts_with("20") => "1385",
        c if c.starts_with("19") => "1384",
        _ => return None,
    })
}

const C_DET: u16 = 1;
const C_AUX: u16 = 2;
const C_BE: u16 = 4;
const C_NEG: u16 = 8;
const C_BARRIER: u16 = 16;
const C_PREP: u16 = 32;
const C_QUOTE: u16 = 64;
const C_STOP: u16 = 128;
/// Demand, appeal and threat words whose "that" clause is what is asked.
const C_DEMAND: u16 = 256;
/// Words of prevention ("prevented", "thwarted").
const C_PREVENT: u16 = 512;
/// Words of denial ("denied", "dismissed").
const C_DENY: u16 = 1024;

/// The closed-class word lists above as bit flags, looked up once per token
/// (comparing every token against every list was a tenth of coding time).
fn word_class(w: &str) -> u16 {
    static CLASSES: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u16>> =
        std::sync::OnceLock::new();
    let map = CLASSES.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        // A hyphen is skipped like a quote: "a free-trade pact" is three words.
        let quotes: &[&str] = &["\"", "'", "-"];
        let stops: &[&str] = &[",", ".", ";"];
        for (list, bit) in [
            (DETERMINERS, C_DET),
            (AUX, C_AUX),
            (BE, C_BE),
            (NEGATIONS, C_NEG),
            (BARRIERS, C_BARRIER),
            (PREPOSITIONS, C_PREP),
            (quotes, C_QUOTE),
            (stops, C_STOP),
            (DEMAND_WORDS, C_DEMAND),
            (PREVENTIONS, C_PREVENT),
            (DENIALS, C_DENY),
        ] {
            for w in list {
                *m.entry(*w).or_insert(0) |= bit;
            }
        }
        m
    });
    map.get(w).copied().unwrap_or(0)
}

/// A count that opens a noun phrase like a determiner: "two Israeli air raids".
fn is_number(w: &str) -> bool {
    (w.bytes().any(|b| b.is_ascii_digit())
        && w.bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.'))
        || matches!(
            w,
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "several"
                | "multiple"
                | "numerous"
        )
}

/// Where the noun phrase of a mention starting at `start` begins: back over
/// determiners ("the", "its", "joint"), not over prepositions.
fn phrase_start(classes: &[u16], start: usize) -> usize {
    let mut k = start;
    while k > 0 && classes[k - 1] & C_DET != 0 && classes[k - 1] & C_PREP == 0 {
        k -= 1;
    }
    k
}

/// "-ly" adverbs ("reportedly", "jointly") skipped between subject and verb.
fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

fn is_quote(w: &str) -> bool {
    matches!(w, "\"" | "'")
}

/// Codes articles with one compiled dictionary. Cheap to share across threads.
pub struct Coder<'d> {
    dict: &'d Dictionary,
    explain: bool,
    /// TABARI options overriding the dictionary's (validation `OPTION:` records).
    tab: Option<accord_dict::TabOptions>,
}

/// Per-sentence working state, reused across sentences.
#[derive(Default)]
pub struct Scratch {
    tokens: Tokens,
    ids: Vec<u32>,
    classes: Vec<u16>,
    /// Tokens in the complement of a demand, appeal or threat.
    demanded: Vec<bool>,
}

struct Candidate {
    pos: usize,
    form: VerbForm,
    verb: u32,
    /// The possessor of an event noun ("Xi's visit"), who is its subject.
    owner: Option<usize>,
}

/// Adds each verb that the word at `pos` can be (once each) as a candidate.
fn push_candidates(
    cands: &mut Vec<Candidate>,
    pos: usize,
    forms: &[(u32, VerbForm)],
    owner: Option<usize>,
) {
    for &(verb, form) in forms {
        if !cands.iter().any(|c| c.pos == pos && c.verb == verb) {
            cands.push(Candidate {
                pos,
                form,
                verb,
                owner,
            });
        }
    }
}

impl<'d> Coder<'d> {
    /// A coder over a compiled dictionary.
    pub fn new(dict: &'d Dictionary) -> Coder<'d> {
        Coder {
            dict,
            explain: false,
            tab: None,
        }
    }

    /// Codes with these TABARI options instead of the dictionary's (the
    /// TABARI engine only).
    pub fn with_tab_options(mut self, tab: accord_dict::TabOptions) -> Coder<'d> {
        self.tab = Some(tab);
        self
    }

    /// The TABARI options in force.
    pub(crate) fn tab_options(&self) -> &accord_dict::TabOptions {
        self.tab.as_ref().unwrap_or(&self.dict.options.tab)
    }

    /// Prints, on stderr, how each sentence was read: tokens that are
    /// dictionary words, mentions, verb candidates, the pattern chosen and
    /// why source and target were picked.
    pub fn with_explain(mut self, on: bool) -> Coder<'d> {
        self.explain = on;
        self
    }

    /// The dictionary.
    pub fn dictionary(&self) -> &Dictionary {
        self.dict
    }

    /// Codes an article. `date` overrides the article's own date.
    pub fn code_article(
        &self,
        article: &Article,
        date: Option<Date>,
        scratch: &mut Scratch,
    ) -> CodedArticle {
        let mut ctx = MentionContext::default();
        self.code_article_with(article, date, scratch, &mut ctx)
    }

    /// Codes an article continuing the sentence-to-sentence state `ctx` of
    /// an earlier one (TABARI's `FORWARD:` carries a pronoun's actor from
    /// one record to the next).
    pub fn code_article_with(
        &self,
        article: &Article,
        date: Option<Date>,
        scratch: &mut Scratch,
        ctx: &mut MentionContext,
    ) -> CodedArticle {
        let date = date.or(article.date);
        ctx.convert_agents = self.dict.options.tabari && self.tab_options().convert_agents;
        let mut sentences = Vec::new();
        for (index, (start, end)) in split_sentences(&article.text).into_iter().enumerate() {
            let text = &article.text[start..end];
            let (mentions, events) =
                self.code_sentence(&article.id, index as u32, text, date, ctx, scratch);
            sentences.push(CodedSentence {
                index: index as u32,
                start: start as u32,
                end: end as u32,
                mentions,
                events,
            });
        }
        CodedArticle { sentences }
    }

    /// Codes one sentence; `ctx` carries the last person mentioned.
    pub fn code_sentence(
        &self,
        article: &str,
        index: u32,
        text: &str,
        date: Option<Date>,
        ctx: &mut MentionContext,
        scratch: &mut Scratch,
    ) -> (Vec<MentionSpan>, Vec<CodedEvent>) {
        let d = self.dict;
        if d.options.tabari && text.contains('_') {
            // TABARI reads `Dol_Amroth` as two words; same length, so offsets hold.
            scratch.tokens.tokenize(&text.replace('_', " "));
        } else {
            scratch.tokens.tokenize(text);
        }
        let tokens = &scratch.tokens;
        scratch.ids.clear();
        scratch.ids.extend(tokens.norms().map(|w| d.token_id(w)));
        let ids = &scratch.ids;
        scratch.classes.clear();
        scratch.classes.extend(tokens.norms().map(word_class));
        let classes = &scratch.classes;
        let class = |j: usize, c: u16| classes.get(j).is_some_and(|&k| k & c != 0);
        let n = tokens.len();
        let mentions = mentions::find_mentions(d, tokens, ids, date, ctx);
        let span_of = |m: &ActorMention| [tokens.get(m.start).start, tokens.get(m.end - 1).end];
        let mention_spans: Vec<MentionSpan> = mentions
            .iter()
            .map(|m| MentionSpan {
                start: span_of(m)[0],
                end: span_of(m)[1],
                codes: m.codes.clone(),
            })
            .collect();
        if self.explain {
            eprintln!("-- {article}#{index}: {text}");
            for m in &mention_spans {
                eprintln!(
                    "   mention [{}] {:?}{}",
                    &text[m.start as usize..m.end as usize],
                    m.codes,
                    if mentions
                        .iter()
                        .any(|x| span_of(x)[0] == m.start && x.possessive)
                    {
                        " (possessive)"
                    } else {
                        ""
                    }
                );
            }
        }
        if d.options.tabari {
            let mut events =
                self.code_tabari(article, index, text, date, tokens, ids, &mentions, ctx);
            if d.options.petrarch && !self.tab_options().require_dyad {
                self.petrarch_terminal_clause(article, index, text, date, tokens, &mut events);
            }
            return (mention_spans, events);
        }
        // One actor is enough: "Georgia's president resigned" is an event
        // with no target.
        if mentions.is_empty() {
            return (mention_spans, Vec::new());
        }
        // Which mention covers each token, and which starts at it.
        let mut covering: Vec<Option<usize>> = vec![None; n];
        let mut starting: Vec<Option<usize>> = vec![None; n];
        for (mi, m) in mentions.iter().enumerate() {
            starting[m.start] = Some(mi);
            for c in covering.iter_mut().take(m.end).skip(m.start) {
                *c = Some(mi);
            }
        }
        let norm = |i: usize| tokens.norm(i);
        // Verbs after whose object a bare base form is a verb ("let them go",
        // "helped Ukraine rebuild"); with `subjunctive`, also those of demanding
        // ("urged Israel withdraw").
        let takes_bare_infinitive = |j: usize, subjunctive: bool| {
            d.verbs_of(ids[j]).iter().any(|&(v, _)| {
                let lemma = d.verbs[v as usize].lemma.as_str();
                matches!(
                    lemma,
                    "help"
                        | "let"
                        | "make"
                        | "see"
                        | "hear"
                        | "watch"
                        | "have"
                        | "dare"
                        | "bid"
                        | "go"
                ) || subjunctive
                    && matches!(
                        lemma,
                        "urge"
                            | "demand"
                            | "insist"
                            | "propose"
                            | "ask"
                            | "recommend"
                            | "suggest"
                            | "require"
                    )
            })
        };
        // Verb candidates.
        let mut cands: Vec<Candidate> = Vec::new();
        for i in 0..n {
            if covering[i].is_some() {
                continue;
            }
            let forms = d.verbs_of(ids[i]);
            if forms.is_empty() {
                continue;
            }
            let prev_pos = (0..i).rev().find(|&j| !is_quote(norm(j)));
            let prev = prev_pos.map(norm).unwrap_or("");
            // "during Xi Jinping's state visit to Vietnam": a visit named as its
            // visitor's is the visitor's act, unless it is only planned ("Trump's
            // planned visit to Beijing").
            let owned_visit = if norm(i) == "visit" && i + 1 < n && norm(i + 1) == "to" {
                let mut k = i;
                while k > 0
                    && i - k < 2
                    && covering[k - 1].is_none()
                    && classes[k - 1] == 0
                    && tokens.get(k - 1).kind == accord_text::TokenKind::Word
                    && !tokens.get(k - 1).capitalized
                    && !UNREALIZED_MODIFIERS.contains(&norm(k - 1))
                {
                    k -= 1;
                }
                if k > 1 && matches!(norm(k - 1), "'s" | "’s" | "'") {
                    k -= 1;
                }
                k.checked_sub(1)
                    .and_then(|j| covering[j])
                    .filter(|&mi| mentions[mi].possessive)
            } else {
                None
            };
            if owned_visit.is_some() {
                push_candidates(&mut cands, i, forms, owned_visit);
                continue;
            }
            // "the attack", "so-called", "Israeli-occupied": not verbs.
            if prev_pos.is_some_and(|p| class(p, C_DET))
                || (prev == "-"
                    && prev_pos.is_some_and(|p| tokens.get(p).end == tokens.get(i).start))
            {
                continue;
            }
            // "into alleged abuses", "links to designated groups": a participle right
            // after a preposition is an adjective ("by" starts an agent; "as" a clause).
            if prev_pos.is_some_and(|p| {
                // (A count stands alone: "12 alleged members", not "an F-16 conducted".)
                let count =
                    is_number(norm(p)) && (p == 0 || tokens.get(p - 1).end < tokens.get(p).start);
                (class(p, C_PREP) || count) && covering[p].is_none()
            }) && !matches!(prev, "by" | "as" | "than" | "after" | "before" | "like")
                && forms
                    .iter()
                    .all(|&(_, f)| matches!(f, VerbForm::Participle | VerbForm::Past))
            {
                continue;
            }
            // "rejected calls for", "committing abuses against": an -s word right after
            // a past or -ing verb is that verb's object, a plural noun ("a drone attack
            // kills" keeps its verb: "attack" may be a noun).
            // ("mobilized pressure groups": so is a base form, except after verbs that
            // take one: "helped rebuild", "let them go".)
            if forms
                .iter()
                .all(|&(_, f)| matches!(f, VerbForm::ThirdSingular | VerbForm::Base))
                && (forms.iter().all(|&(_, f)| f == VerbForm::ThirdSingular)
                    || !prev_pos.is_some_and(|p| takes_bare_infinitive(p, false)))
                && prev_pos.is_some_and(|p| {
                    covering[p].is_none()
                        && !class(p, C_AUX)
                        && !d.verbs_of(ids[p]).is_empty()
                        && d.verbs_of(ids[p]).iter().all(|&(_, f)| {
                            matches!(f, VerbForm::Past | VerbForm::Participle | VerbForm::Gerund)
                        })
                })
            {
                continue;
            }
            // "will impose sanctions", "to lift sanctions": an -s word right after a base
            // form that is surely a verb is its object ("a drone strike kills" keeps
            // "kills": there "strike" is a noun).
            if forms.iter().all(|&(_, f)| f == VerbForm::ThirdSingular)
                && prev_pos.is_some_and(|p| {
                    p > 0
                        && covering[p].is_none()
                        && !d.verbs_of(ids[p]).is_empty()
                        && d.verbs_of(ids[p]).iter().all(|&(_, f)| f == VerbForm::Base)
                        && (norm(p - 1) == "to" || class(p - 1, C_AUX))
                })
            {
                continue;
            }
            // ... also past a modifier: "rejected recent calls by", "condemned repeated
            // attacks on".
            if forms.iter().all(|&(_, f)| f == VerbForm::ThirdSingular)
                && prev_pos.is_some_and(|p| {
                    let t = tokens.get(p);
                    p > 0
                        && covering[p].is_none()
                        && classes[p] == 0
                        && t.kind == accord_text::TokenKind::Word
                        && !t.capitalized
                        && d.verbs_of(ids[p]).is_empty()
                        && covering[p - 1].is_none()
                        && !class(p - 1, C_AUX)
                        // ("the Saudi-led coalition launches": a compound adjective.)
                        && !(p > 1 && norm(p - 2) == "-")
                        && !d.verbs_of(ids[p - 1]).is_empty()
                        && d.verbs_of(ids[p - 1]).iter().all(|&(_, f)| {
                            matches!(f, VerbForm::Past | VerbForm::Participle | VerbForm::Gerund)
                        })
                })
            {
                continue;
            }
            // "easing of U.S. sanctions", "in joint Saudi-U.S. strikes": a plural event
            // noun right after an actor that is a prepositional object heads that noun
            // phrase ("an attack on a plant in Kuwait kills" keeps its verb).
            if forms.iter().all(|&(_, f)| f == VerbForm::ThirdSingular)
                && PLURAL_EVENT_NOUNS.contains(&norm(i))
                && prev_pos.and_then(|p| covering[p]).is_some_and(|mi| {
                    let k = phrase_start(classes, mentions[mi].start);
                    k > 0
                        && class(k - 1, C_PREP)
                        && !matches!(
                            norm(k - 1),
                            "after" | "before" | "since" | "until" | "as" | "like" | "than"
                        )
                })
            {
                continue;
            }
            // "a Karen guerrilla attack", "Croatia's military advance into", "U.S. border
            // patrol agents": a bare base form after a singular noun phrase that is a
            // subject cannot be its finite verb (that would be "attacks"), so it is a
            // noun. ("Russia and Ukraine agree", "the rebels attack", "let Israel decide",
            // "leaders of the G7 agree" keep their verbs.)
            if forms.iter().all(|&(_, f)| f == VerbForm::Base)
                && prev_pos.is_some_and(|p| {
                    let looks_singular = |w: &str| {
                        !w.ends_with('s')
                            && !w.ends_with("men")
                            && !matches!(
                                w,
                                "people" | "police" | "children" | "personnel" | "cattle"
                                    | "staff" | "clergy" | "militia" | "youth" | "public"
                                    | "aircraft" | "and" | "&"
                            )
                            // British English: "the military say", "the government agree".
                            && !COLLECTIVE_NOUNS.contains(&w)
                    };
                    let w = norm(p);
                    // (Tested last: the string tests are the dear part.)
                    let singular = || {
                        looks_singular(w)
                            && !matches!(
                                w,
                                "people"
                                    | "police"
                                    | "children"
                                    | "men"
                                    | "women"
                                    | "personnel"
                                    | "i"
                                    | "you"
                                    | "we"
                                    | "they"
                                    | "who"
                                    | "which"
                                    | "that"
                                    | "all"
                                    | "both"
                                    | "also"
                                    | "still"
                                    | "now"
                                    | "then"
                                    | "again"
                                    | "never"
                                    | "often"
                                    | "already"
                                    | "together"
                                    | "first"
                                    | "later"
                                    | "soon"
                                    | "just"
                                    | "even"
                                    | "only"
                                    | "there"
                                    | "here"
                                    | "and"
                                    | "or"
                                    | "but"
                                    | "nor"
                            )
                            && !w.ends_with("ly")
                    };
                    // Where the noun phrase starts.
                    let start = match covering[p] {
                        Some(mi) => {
                            // ("Police in Morocco arrest": every word of the actor's name.)
                            let m = &mentions[mi];
                            (m.end == p + 1
                                && m.codes.len() == 1
                                && (m.start..m.end).all(|j| looks_singular(norm(j))))
                            .then_some(m.start)
                        }
                        None => {
                            let t = tokens.get(p);
                            (t.kind == accord_text::TokenKind::Word
                                && !t.capitalized
                                && classes[p] == 0
                                && d.verbs_of(ids[p]).is_empty())
                            .then(|| {
                                // Back over modifiers to a determiner, a possessive or an actor.
                                let mut k = p;
                                while k > 0 && p - k < 3 {
                                    let b = k - 1;
                                    if let Some(mi) = covering[b] {
                                        // ("British and French aircraft carry out")
                                        let m = &mentions[mi];
                                        if m.codes.len() > 1
                                            || (m.start..m.end).any(|j| norm(j) == "and")
                                        {
                                            return None;
                                        }
                                        k = m.start;
                                        break;
                                    }
                                    let bt = tokens.get(b);
                                    // ("airstrikes and gunfire kill": a compound subject.)
                                    if matches!(norm(b), "and" | "or" | "nor" | "&") {
                                        return None;
                                    }
                                    if classes[b] != 0
                                        || bt.kind != accord_text::TokenKind::Word
                                        || !d.verbs_of(ids[b]).is_empty()
                                    {
                                        break;
                                    }
                                    k = b;
                                }
                                Some(k)
                            })
                            .flatten()
                        }
                    };
                    // ("to discuss Croatia's military advance into": after a verb that is
                    // neither causative nor a verb of saying, the noun phrase is its
                    // object, and a base form after it is a noun whatever the number.)
                    let object = !matches!(w, "and" | "or" | "but" | "nor" | "&")
                        && start.is_some_and(|st| {
                            let k = phrase_start(classes, st);
                            k > 0
                                && covering[k - 1].is_none()
                                && !(k > 1 && norm(k - 2) == "-")
                                && !class(k - 1, C_AUX)
                                && !SPEECH_VERBS.contains(&norm(k - 1))
                                && d.verbs_of(ids[k - 1]).iter().any(|&(_, f)| {
                                    matches!(f, VerbForm::Past | VerbForm::ThirdSingular)
                                })
                                && !takes_bare_infinitive(k - 1, true)
                        });
                    object
                        || start.is_some_and(|st| {
                            let k = phrase_start(classes, st);
                            k == 0 || {
                                let b = norm(k - 1);
                                !(class(k - 1, C_PREP | C_STOP | C_AUX | C_BARRIER | C_QUOTE)
                                    || matches!(b, "and" | "or" | "&" | "nor" | "to" | "let")
                                    || !d.verbs_of(ids[k - 1]).is_empty()
                                        && covering[k - 1].is_none())
                            }
                        }) && singular()
                })
            {
                continue;
            }
            // "amid riots and protests", "against attacks on": right after a preposition
            // (but "to"), a form that is also a noun is one.
            if forms
                .iter()
                .all(|&(_, f)| matches!(f, VerbForm::ThirdSingular | VerbForm::Base))
                && prev_pos.is_some_and(|p| {
                    class(p, C_PREP) && covering[p].is_none() && !matches!(prev, "to" | "than" | "as")
                })
                // ("killed in clashes with the Philippine Army": those killed fought them.)
                && !(matches!(
                    norm(i),
                    "clash" | "clashes" | "battle" | "battles" | "skirmish" | "skirmishes"
                ) && i + 1 < n
                    && matches!(norm(i + 1), "with" | "between"))
            {
                continue;
            }
            // "piracy, blockades, or related crimes": an item of a list is a noun.
            if forms
                .iter()
                .all(|&(_, f)| matches!(f, VerbForm::ThirdSingular | VerbForm::Base))
                && prev == ","
                && i + 1 < n
                && matches!(norm(i + 1), "," | "and" | "or")
                // (The item before is a common noun: "Henri, the grand duke of
                // Luxembourg, abdicates and ..." keeps its verb.)
                && prev_pos.is_some_and(|p| {
                    p > 0 && {
                        let t = tokens.get(p - 1);
                        t.kind == accord_text::TokenKind::Word
                            && !t.capitalized
                            && covering[p - 1].is_none()
                    }
                })
            {
                continue;
            }
            // "stone-throwers", "strike-hit": the first half of a hyphenated word.
            if i + 1 < n && norm(i + 1) == "-" && tokens.get(i + 1).start == tokens.get(i).end {
                continue;
            }
            // "what it called", "what he described as": naming, not an event.
            if i >= 2 && norm(i - 2) == "what" {
                continue;
            }
            // A participle right after a plain noun is a reduced relative
            // ("ships banned from EU ports", "oil sold to buyers"), not a main verb.
            if let Some(pp) = prev_pos {
                let participle = forms.iter().any(|&(_, f)| f == VerbForm::Participle);
                let t = tokens.get(pp);
                let plain_noun = t.kind == accord_text::TokenKind::Word
                    && !t.capitalized
                    && covering[pp].is_none()
                    && !class(pp, C_AUX)
                    && !prev.ends_with("ly")
                    && !matches!(
                        prev,
                        "and"
                            | "or"
                            | "who"
                            | "which"
                            | "that"
                            | "it"
                            | "they"
                            | "he"
                            | "she"
                            | "we"
                            | "i"
                    )
                    && d.verbs_of(ids[pp]).is_empty()
                    && !d.starts_actor_phrase(ids[pp]);
                // ... and it is followed by a preposition, not an object ("tanks shelled positions").
                // ("at least" is a number, not a preposition: "kills at least 26").
                let next_is_prep = i + 1 >= n
                    || (class(i + 1, C_PREP)
                        && !(norm(i + 1) == "at"
                            && i + 2 < n
                            && matches!(norm(i + 2), "least" | "most")))
                    || matches!(norm(i + 1), "," | "." | ";");
                // ... but a particle makes a phrasal verb: "unions called off the strike".
                let particle = i + 1 < n
                    && matches!(norm(i + 1), "off" | "up" | "out" | "down" | "back" | "away")
                    && forms
                        .iter()
                        .any(|&(v, _)| d.verbs[v as usize].by_first_word.contains_key(&ids[i + 1]));
                if participle && plain_noun && next_is_prep && !particle {
                    continue;
                }
                // A noun compound inside a noun phrase: "a Russian missile strike on ...".
                // Walk back over the phrase to its determiner.
                // (A capitalised word that is no actor counts: "a Nuer White Army attack in".)
                let proper_noun = t.kind == accord_text::TokenKind::Word
                    && t.capitalized
                    && pp > 0
                    && covering[pp].is_none()
                    && d.verbs_of(ids[pp]).is_empty();
                // ("an air raid on": a verb's word right after a determiner is a noun.)
                let noun_after_det = t.kind == accord_text::TokenKind::Word
                    && !t.capitalized
                    && pp > 0
                    && covering[pp].is_none()
                    && class(pp - 1, C_DET)
                    && !class(pp - 1, C_PREP)
                    && !class(pp, C_AUX | C_STOP | C_BARRIER | C_DET | C_PREP);
                // ("a resolution calling on": what a statement does.)
                let statement = forms.iter().any(|&(_, f)| f == VerbForm::Gerund)
                    && STATEMENT_NOUNS.contains(&prev);
                if (plain_noun || proper_noun || noun_after_det) && !statement {
                    let mut k = pp;
                    let mut in_phrase = false;
                    while k > 0 && pp - k < 5 {
                        k -= 1;
                        // A determiner, a count, or a list comma opens the phrase
                        // (", artillery shells, and", ", including probes into").
                        if class(k, C_DET) && !class(k, C_PREP)
                            || is_number(norm(k))
                            || norm(k) == ","
                        {
                            in_phrase = norm(k) != "'s";
                            break;
                        }
                        // (The first half of a hyphenated modifier is no verb: "a
                        // bomb-laden attack near".)
                        let hyphenated = k + 1 < n
                            && norm(k + 1) == "-"
                            && tokens.get(k + 1).start == tokens.get(k).end;
                        let stop = class(k, C_STOP | C_BARRIER | C_AUX | C_PREP)
                            || !d.verbs_of(ids[k]).is_empty()
                                && covering[k].is_none()
                                && !hyphenated;
                        if stop {
                            break;
                        }
                    }
                    // ... when a preposition follows: "a missile strike on a ship" is a noun,
                    // "an Iranian drone strikes the hotel" a verb with its object.
                    // ... or when the phrase's verb follows: "a missile strike hits a building".
                    // (the next word is the verb only if an object, not a preposition,
                    // follows it: "department lifts sanctions against" keeps "lifts").
                    let next_is_finite = i + 2 < n
                        && covering[i + 1].is_none()
                        && d.verbs_of(ids[i + 1])
                            .iter()
                            .any(|&(_, f)| matches!(f, VerbForm::ThirdSingular | VerbForm::Past))
                        && !class(i + 2, C_PREP | C_STOP);
                    if (in_phrase && next_is_prep) || next_is_finite {
                        continue;
                    }
                }
            }
            // Prefer the verb whose patterns exist; keep every verb sharing the form.
            push_candidates(&mut cands, i, forms, None);
        }
        let mut events: Vec<CodedEvent> = Vec::new();
        let mut subjects: Vec<(usize, Option<usize>)> = Vec::new(); // verb pos -> subject mention
        let mut coded_positions: Vec<usize> = Vec::new();
        // Verbs that coded an event, with their subject mention.
        let mut acted: Vec<(usize, Option<usize>, &str)> = Vec::new();
        // Patterns that matched, whose words are not verbs of their own ("held a phone call").
        let mut consumed: Vec<Slots> = Vec::new();
        let demanded = &mut scratch.demanded;
        demanded.clear();
        demanded.resize(n, false);
        for i in 0..n {
            if class(i, C_DEMAND) && covering[i].is_none() {
                mark_complement(tokens, &covering, i, demanded, 3, true);
            } else if class(i, C_PREVENT) {
                // "to prevent them from being captured", "thwarted an attempt to
                // assassinate": what was prevented did not happen.
                let end = (i + 1..n)
                    .find(|&j| matches!(norm(j), ";" | "." | ",") && covering[j].is_none())
                    .unwrap_or(n);
                for b in &mut demanded[i + 1..end] {
                    *b = true;
                }
            } else if class(i, C_DENY) {
                // "denied a claim from a U.S. official that troops had withdrawn".
                mark_complement(tokens, &covering, i, demanded, 10, false);
            }
        }
        // Is the noun before the "to" at `to` one whose infinitive is only
        // intended ("a plan to annex", "a US offer to host", "the right of Russian
        // troops to fire")? A noun only after a determiner, a possessive, a
        // preposition or a modifier: "Israel plans to sue", "will move to" are verbs.
        let unrealized_noun_before = |to: usize| -> bool {
            // Back over "of" and its object: "the right of Russian troops to".
            let mut h = to.saturating_sub(1);
            if let Some(of) = (to.saturating_sub(5)..to).rev().find(|&j| norm(j) == "of") {
                if of > 0 && (of + 1..to).all(|j| !class(j, C_BARRIER | C_STOP | C_AUX)) {
                    h = of - 1;
                }
            }
            if h == 0 || !UNREALIZED_NOUNS.contains(&norm(h)) || covering[h].is_some() {
                return false;
            }
            let b = h - 1;
            match covering[b] {
                // "a US offer": an actor as a modifier after an article.
                Some(mi) => {
                    let k = mentions[mi].start;
                    k > 0 && matches!(norm(k - 1), "a" | "an")
                }
                None => {
                    class(b, C_DET | C_PREP)
                        || matches!(norm(b), "'s" | "’s" | ")")
                        || tokens.get(b).kind == accord_text::TokenKind::Word
                            && !class(b, C_AUX | C_STOP | C_BARRIER)
                            && d.verbs_of(ids[b]).is_empty()
                            && !matches!(
                                norm(b),
                                "it" | "they"
                                    | "he"
                                    | "she"
                                    | "we"
                                    | "i"
                                    | "who"
                                    | "which"
                                    | "that"
                                    | "and"
                                    | "or"
                            )
                }
            }
        };
        let mut candidates_buf: Vec<u32> = Vec::new();
        // The pattern an obligation with none of its own codes by (see below).
        let obligation_rule = VerbPattern {
            code: d.codes.id("100"),
            paired: None,
            before: Vec::new(),
            after: Vec::new(),
            weight: 0,
            tab: None,
            file: u16::MAX,
            line: 0,
        };
        let mut ci = 0;
        while ci < cands.len() {
            // All candidates at one position are alternatives: the best pattern over them wins.
            let pos = cands[ci].pos;
            let group_end = cands[ci..]
                .iter()
                .position(|c| c.pos != pos)
                .map_or(cands.len(), |k| ci + k);
            let group = &cands[ci..group_end];
            ci = group_end;
            if consumed.iter().any(|s| s.consumed(pos)) {
                continue;
            }
            let clause_end = (pos + 1..n)
                .find(|&j| class(j, C_BARRIER) && covering[j].is_none())
                .unwrap_or(n);
            // Patterns may reach past "as" ("used civilians as human shields",
            // "denounced as a crime"); the target search stops there.
            let pattern_end = (pos + 1..n)
                .find(|&j| class(j, C_BARRIER) && covering[j].is_none() && norm(j) != "as")
                .unwrap_or(n);
            // Best pattern.
            let mut best: Option<(&VerbPattern, Slots, VerbForm, u32)> = None;
            for c in group {
                // Only the patterns whose first word occurs in the rest of the clause
                // (and those with no word), in file order so ties keep the first listed.
                let verb = &d.verbs[c.verb as usize];
                candidates_buf.clear();
                candidates_buf.extend_from_slice(&verb.without_first_word);
                for id in &ids[pos + 1..pattern_end] {
                    if let Some(list) = verb.by_first_word.get(id) {
                        candidates_buf.extend_from_slice(list);
                    }
                }
                candidates_buf.sort_unstable();
                candidates_buf.dedup();
                for &k in candidates_buf.iter() {
                    let p = &verb.patterns[k as usize];
                    if let Some(slots) =
                        self.match_pattern(p, pos, pattern_end, classes, ids, &starting, &mentions)
                    {
                        if best.as_ref().is_none_or(|b| p.weight > b.0.weight) {
                            best = Some((p, slots, c.form, c.verb));
                        }
                    }
                }
            }
            let subject = group[0].owner.or_else(|| {
                self.subject(
                    pos,
                    group[0].form,
                    tokens,
                    &covering,
                    &mentions,
                    &subjects,
                    classes,
                )
            });
            subjects.push((pos, subject));
            if self.explain {
                let verbs: Vec<&str> = group
                    .iter()
                    .map(|c| d.verbs[c.verb as usize].lemma.as_str())
                    .collect();
                let chosen = best.as_ref().map(|(p, ..)| {
                    format!(
                        "{}:{} -> {}",
                        d.files.get(p.file as usize).map_or("?", String::as_str),
                        p.line,
                        p.code
                            .map_or("---".to_string(), |c| d.codes.info(c).code.clone())
                    )
                });
                eprintln!(
                    "   verb [{}] {:?} {:?}: subject {:?}, pattern {}",
                    norm(pos),
                    verbs,
                    group[0].form,
                    subject.map(|s| &text
                        [span_of(&mentions[s])[0] as usize..span_of(&mentions[s])[1] as usize]),
                    chosen.unwrap_or_else(|| "none".into())
                );
            }
            // "said that Sudan must return a helicopter": an obligation is the
            // speaker's demand whether or not its verb has a pattern of its own.
            let best = best.or_else(|| {
                (is_obligation(tokens, pos) && obligation_rule.code.is_some()).then(|| {
                    (
                        &obligation_rule,
                        Slots {
                            target: None,
                            source: None,
                            words: 0,
                            verb: pos,
                        },
                        group[0].form,
                        group[0].verb,
                    )
                })
            });
            let Some((pattern, slots, form, verb)) = best else {
                continue;
            };
            if pattern
                .code
                .is_some_and(|c| matches!(d.codes.info(c).root.as_str(), "02" | "10" | "13"))
            {
                // "pressed for X to ...", "warned that X will ...": the complement clause.
                mark_complement(tokens, &covering, pos, demanded, 3, true);
            }
            consumed.push(slots);
            // "if it is attacked", "unless the president agrees", "until their demands
            // are met": a condition is not something that happened. ("until he was
            // captured" in the past did happen.)
            let opener = (0..pos)
                .rev()
                .find(|&j| class(j, C_BARRIER | C_STOP) && covering[j].is_none())
                .map(norm);
            let conditional = match opener {
                Some("if" | "unless" | "whether") => true,
                Some("until") => {
                    form != VerbForm::Past
                        && !(pos > 0 && matches!(norm(pos - 1), "was" | "were" | "had"))
                }
                _ => false,
            };
            if conditional {
                continue;
            }
            // An infinitive governed by a verb that coded ("agreed to visit") is that
            // verb's complement, not an event of its own.
            if form == VerbForm::Base
                && pos > 0
                && norm(pos - 1) == "to"
                && (coded_positions.iter().any(|&cp| cp + 4 >= pos)
                    // "a plan by Israel to annex", "an offer to end the closure": what a
                    // plan or an offer would do has not happened.
                    // (A noun only after a determiner, a possessive, a preposition or
                    // a modifier: "Israel plans to sue", "will move to" are verbs.)
                    || unrealized_noun_before(pos - 1))
            {
                continue;
            }
            // "staged demonstrations on Saturday to demand reforms", "will blockade
            // Paris to demand an end to ...": a demand as the aim of a protest or a
            // threat by the same subject is what the protest is about (CAMEO's 14x
            // "demonstrate for ..."), not a second act.
            // ("is willing to send material to help defend Saudi Arabia": the aim of
            // a promise is no more done than the promise.)
            let infinitive_root = pattern.code.map(|c| d.codes.info(c).root.as_str());
            let aim_of_protest = form == VerbForm::Base
                && pos > 0
                && (norm(pos - 1) == "to"
                    || pos > 1 && norm(pos - 1) == "help" && norm(pos - 2) == "to")
                && acted.iter().any(|&(p, s, root)| {
                    p < pos
                        && s.is_some()
                        && s == subject
                        && (matches!(root, "13" | "14") && infinitive_root == Some("10")
                            || root == "03")
                        && !(p + 1..pos).any(|j| {
                            (class(j, C_BARRIER) || norm(j) == ",") && covering[j].is_none()
                        })
                });
            if aim_of_protest {
                continue;
            }
            // A gerund is a verb of its own only as a progressive ("is attacking") or a
            // participial clause (", killing"); after a preposition it is a noun ("aimed at ending").
            if form == VerbForm::Gerund {
                let before = (0..pos)
                    .rev()
                    .find(|&j| !is_quote(norm(j)) && !is_adverb(norm(j)))
                    .map(norm)
                    .unwrap_or("");
                // ("issued a declaration demanding that ...", "a resolution condemning":
                // what a statement says is its issuer's act.)
                if !(BE.contains(&before)
                    || STATEMENT_NOUNS.contains(&before)
                    || matches!(
                        before,
                        "," | "and" | "or" | "while" | "after" | "before" | "when" | "by"
                    ))
                {
                    continue;
                }
            }
            let Some(code_id) = pattern.code else {
                coded_positions.push(pos);
                continue;
            };
            coded_positions.push(pos);
            // Negation between the subject (or clause start) and the verb.
            let neg_from = pos.saturating_sub(4);
            // "will not accept refugees", "won't attend the summit": refusing to
            // cooperate is a rejection (12); any other negated act codes nothing.
            let refusal = if (neg_from..pos).any(|j| class(j, C_NEG)) {
                let root = d.codes.info(code_id).root.as_str();
                let cooperative = matches!(root, "03" | "04" | "05" | "06" | "07" | "08");
                match d.codes.get("120") {
                    Some(reject)
                        if cooperative && !d.options.no_intent_shift && is_future(tokens, pos) =>
                    {
                        Some(reject)
                    }
                    _ => continue,
                }
            } else {
                None
            };
            // "declared that China must drop barriers": no act of China's, but a
            // demand of the speaker's on China.
            let demand = if is_obligation(tokens, pos) {
                // The one obliged is the actor right before the modal ("the US must be
                // ready to mediate"), else the verb's subject.
                let modal = (0..pos)
                    .rev()
                    .find(|&j| matches!(norm(j), "must" | "should" | "ought"));
                let obliged = modal
                    .and_then(|m| m.checked_sub(1))
                    .and_then(|j| covering[j])
                    .or(subject);
                // "a reminder to Iraq that it must cooperate": "it" is the one addressed,
                // the actor right before "that".
                let pronoun = modal.and_then(|m| {
                    let p = m.checked_sub(1)?;
                    let that = p.checked_sub(1)?;
                    (covering[p].is_none()
                        && matches!(norm(p), "it" | "they")
                        && norm(that) == "that")
                        .then_some(())?;
                    let before = that.checked_sub(1)?;
                    covering[before].map(|mi| (mi, p))
                });
                let pair = match pronoun {
                    Some((mi, at)) => self.demand_pair_at(mi, at, &mentions, &subjects, tokens),
                    None => self.demand_pair(obliged, &mentions, &subjects, tokens, classes),
                };
                let Some(pair) = pair else {
                    continue;
                };
                let Some(info) = d.codes.get("100") else {
                    continue;
                };
                Some((pair, info))
            } else {
                None
            };
            // The content of a demand, appeal or threat ("demanded that Sudan end
            // curbs") is what is asked for, not something that happened.
            if demanded[pos] && demand.is_none() {
                continue;
            }
            let mut info = d.codes.info(code_id);
            if let Some(reject) = refusal {
                info = reject;
            }
            // "will meet", "would allow", "is ready to send": an announced act is an
            // intent (03x) or a threat (13x), not the act itself.
            if refusal.is_none() && !d.options.no_intent_shift && is_future(tokens, pos) {
                // "will withdraw its troops unless ...": a conditional announcement is a
                // threat, whatever the act.
                let conditional = (pos + 1..n).any(|j| norm(j) == "unless");
                let shifted = if conditional && info.root != "13" {
                    Some("130")
                } else {
                    intent_code(&info.code)
                };
                if let Some(c) = shifted.and_then(|c| d.codes.get(c)) {
                    info = c;
                }
            }
            // The "make statement" flood guard: 010 only from a specific pattern.
            if info.code == "010" && pattern.weight == 0 && !d.options.allow_bare_010 {
                continue;
            }
            // Passive: "was attacked by X", "Palestinians killed by Israeli forces".
            let aux_before = (0..pos)
                .rev()
                .find(|&j| {
                    !matches!(norm(j), "not" | "n't" | "also" | "reportedly" | "allegedly")
                        && !norm(j).ends_with("ly")
                        || j == 0
                })
                .map(norm)
                .unwrap_or("");
            // "by X" / "by the X" right after the verb.
            let by_at = |j: usize| -> Option<usize> {
                if j < n && norm(j) == "by" {
                    let k = if norm(j + 1) == "the" { j + 2 } else { j + 1 };
                    starting.get(k).copied().flatten()
                } else {
                    None
                }
            };
            let by_agent = by_at(pos + 1);
            // ("is hit by": "hit" is also the participle, whatever form matched.)
            let participle = matches!(form, VerbForm::Participle | VerbForm::Past)
                || BE.contains(&aux_before)
                    && d.verbs_of(ids[pos])
                        .iter()
                        .any(|&(_, f)| f == VerbForm::Participle);
            // "is committed to", "is opposed to": a state of the subject, not a passive.
            let stative = pos + 1 < n
                && norm(pos + 1) == "to"
                && matches!(
                    norm(pos),
                    "committed"
                        | "opposed"
                        | "determined"
                        | "dedicated"
                        | "devoted"
                        | "resolved"
                        | "inclined"
                        | "disposed"
                );
            // "Palestinians killed in the war": a verb that needs an object, right after
            // an actor and followed by a preposition, is a reduced passive.
            let reduced = participle
                && pos > 0
                && covering[pos - 1].is_some()
                && pos + 1 < n
                && class(pos + 1, C_PREP)
                && !matches!(norm(pos + 1), "to" | "by")
                // ("killed at least 87 civilians" has its object.)
                && !(pos + 2 < n && matches!(norm(pos + 2), "least" | "most"))
                && OBJECT_VERBS.contains(&d.verbs[verb as usize].lemma.as_str());
            // ("released by the government of Ontario": "by" makes a passive whether or
            // not the dictionary knows its agent.)
            let by_follows = pos + 1 < n && norm(pos + 1) == "by";
            let passive = participle
                && !stative
                && (BE.contains(&aux_before) || by_agent.is_some() || by_follows || reduced)
                && slots.source.is_none();
            // "hits a building in Haifa, Israel": a country in apposition to a place
            // the dictionary does not know is where force landed (not whom a meeting
            // there involved).
            let force_landed_in = |source: Option<usize>| -> Option<usize> {
                if !matches!(info.root.as_str(), "15" | "17" | "18" | "19" | "20") {
                    return None;
                }
                let comma =
                    (pos + 1..clause_end).find(|&j| norm(j) == "," && covering[j].is_none())?;
                let m = starting.get(comma + 1).copied().flatten()?;
                let end = mentions[m].end;
                // "in Haifa, Israel", "in Gaza City, Palestine": capitalised words
                // between "in" and the comma.
                let mut b = comma;
                while b > pos + 1 && comma - b < 3 && tokens.get(b - 1).capitalized {
                    b -= 1;
                }
                // ("target Zaporizhzhia, Ukraine": the place right after the verb.)
                let appositive = b < comma
                    && (b > pos + 1 && norm(b - 1) == "in" || b == pos + 1)
                    && (end >= n || matches!(norm(end), "," | "." | ";"));
                (appositive && Some(m) != source).then_some(m)
            };
            // Is a mention where something happened ("in southeastern Turkey")?
            let is_place = |mi: usize| {
                let tm = &mentions[mi];
                // Back over determiners and a modifier or two ("in southeastern Turkey").
                let mut k = tm.start;
                let mut modifiers = 0;
                while k > 0 && !class(k - 1, C_PREP) {
                    let t = tokens.get(k - 1);
                    if class(k - 1, C_DET) {
                    } else if modifiers < 2
                        && t.kind == accord_text::TokenKind::Word
                        && !t.capitalized
                        && covering[k - 1].is_none()
                        && !class(k - 1, C_BARRIER | C_STOP | C_AUX)
                        && d.verbs_of(ids[k - 1]).is_empty()
                    {
                        modifiers += 1;
                    } else {
                        break;
                    }
                    k -= 1;
                }
                // ("a dam south of Khartoum", "on the outskirts of Kyiv")
                let beside = k > 1
                    && norm(k - 1) == "of"
                    && matches!(
                        norm(k - 2),
                        "north"
                            | "south"
                            | "east"
                            | "west"
                            | "northeast"
                            | "northwest"
                            | "southeast"
                            | "southwest"
                            | "outskirts"
                            | "suburbs"
                            | "centre"
                            | "center"
                            | "heart"
                            | "edge"
                    );
                beside
                    || k > 0
                        && matches!(
                            norm(k - 1),
                            "in" | "at"
                                | "off"
                                | "near"
                                | "across"
                                | "inside"
                                | "throughout"
                                | "along"
                                | "around"
                                | "within"
                        )
            };
            let (source, target) = if passive {
                let agent = by_agent
                    .or_else(|| (pos + 1..clause_end).find_map(by_at))
                    .or_else(|| {
                        // "killed in Israeli attacks", "injured in a Russian missile strike":
                        // whose attack it was is the agent.
                        (pos + 1..clause_end).find_map(|j| {
                            let mi = starting[j]?;
                            let m = &mentions[mi];
                            // Back over a few modifiers: "in a series of overnight Israeli
                            // airstrikes".
                            let mut k = j;
                            while k > pos + 1
                                && j - k < 3
                                && !class(k - 1, C_PREP | C_BARRIER | C_STOP)
                                && covering[k - 1].is_none()
                            {
                                k -= 1;
                            }
                            let by_means = k > pos
                                && matches!(
                                    norm(k - 1),
                                    "in" | "during" | "by" | "from" | "amid" | "of"
                                );
                            // ... "an Iranian ballistic missile attack", "a Rapid Support
                            // Forces (RSF) drone strike".
                            let after =
                                if m.end + 2 < n && norm(m.end) == "(" && norm(m.end + 2) == ")" {
                                    m.end + 3
                                } else {
                                    m.end
                                };
                            let attack = (after..(after + 3).min(n))
                                .take_while(|&t| !class(t, C_PREP | C_STOP | C_BARRIER))
                                .any(|t| ATTACK_NOUNS.contains(&norm(t)));
                            (by_means && attack).then_some(mi)
                        })
                    });
                // "have been hit by U.S. tariffs": an economic measure is no force.
                if matches!(info.root.as_str(), "18" | "19" | "20")
                    && agent.is_some_and(|a| {
                        let end = mentions[a].end;
                        end < n && ECONOMIC_MEASURES.contains(&norm(end))
                    })
                {
                    continue;
                }
                // "Nine people are killed in an Israeli airstrike in Gilan, Iran".
                // (Only with an agent: "seven killed in a landslide in Ladakh, India" is
                // no one's act.)
                let landed = agent.and_then(|a| force_landed_in(Some(a)));
                // ("executes eight men in Gaza City accused of ...": a reduced passive's
                // patient is the actor right before it, and a place is none.)
                // ("two Israeli hostages in Gaza kidnapped during ...": back over the place.)
                let patient = if reduced {
                    covering[pos - 1].and_then(|mi| {
                        if !is_place(mi) {
                            return Some(mi);
                        }
                        let k = phrase_start(classes, mentions[mi].start);
                        k.checked_sub(2)
                            .and_then(|j| covering[j])
                            .filter(|&m| !is_place(m))
                    })
                } else {
                    subject
                };
                // "killed in Israeli and American strikes on Iran": whom the strikes
                // were on.
                let struck = agent.and_then(|a| {
                    let from = mentions[a].end;
                    (from..clause_end.min(from + 6))
                        .find(|&j| matches!(norm(j), "on" | "against") && covering[j].is_none())
                        .and_then(|j| {
                            let k = (j + 1..n).find(|&k| !class(k, C_DET))?;
                            let m = starting[k].filter(|&m| m != a && !is_place(m))?;
                            // ("on Kyiv, Ukraine": the country a city is in, not its
                            // government.)
                            let end = mentions[m].end;
                            Some(
                                (end + 1 < n && norm(end) == ",")
                                    .then(|| starting[end + 1])
                                    .flatten()
                                    .unwrap_or(m),
                            )
                        })
                });
                (agent, patient.or(landed).or(struck))
            } else if slots.source.is_some() {
                // "received a visit from $": the subject is the target.
                (slots.source, slots.target.or(subject))
            } else {
                let source = subject;
                // The first actor after the verb, not past a comma (an appositive or a new clause).
                // (Nor past "during" or "amid": "sign deals during Xi's visit to Vietnam",
                // "expel ambassadors amid a dispute over ..."; fighting and protest may
                // reach past them: "threw stones during demonstrations against Israel".)
                let fight = matches!(info.root.as_str(), "14" | "18" | "19" | "20");
                // (Not yielding, nor an intent to yield: "lifts sanctions against Iran",
                // "will lift sanctions against Turkey" ease them on Iran and Turkey.)
                let cooperative_root = pattern.code.is_some_and(|c| {
                    matches!(
                        d.codes.info(c).root.as_str(),
                        "03" | "04" | "05" | "06" | "07"
                    )
                });
                let comma = (pos + 1..clause_end)
                    .find(|&j| {
                        norm(j) == "," && covering[j].is_none()
                            || !fight
                                && matches!(
                                    norm(j),
                                    "during" | "amid" | "amidst" | "following" | "despite"
                                )
                    })
                    .unwrap_or(clause_end);
                // "to support operations against Islamic State": whom help is against is
                // not whom it helps.
                let against = |mi: usize| {
                    let k = phrase_start(classes, mentions[mi].start);
                    cooperative_root && k > 0 && norm(k - 1) == "against"
                };
                let target = slots
                    .target
                    .filter(|&mi| !against(mi))
                    .or_else(|| {
                        // Not what the act is about: "speak by telephone about the Gaza war".
                        (pos + 1..comma).find_map(|j| {
                            starting[j].filter(|&mi| {
                                let end = mentions[mi].end;
                                let next = if end < n { norm(end) } else { "" };
                                // ... nor when: "sign deals during Xi's visit".
                                let topic = j > 0
                                    && matches!(
                                        norm(j - 1),
                                        "about" | "regarding" | "concerning" | "during" | "amid"
                                    );
                                // "its Gulf war with Iraq": a place naming a war or a
                                // dispute is no one acted on.
                                let names_a_war = TOPIC_HEADS.contains(&next);
                                // "on the Thai border": where, not whom ("captured
                                // Afghan border posts" keeps its target).
                                let on_border = matches!(next, "border" | "frontier" | "coast")
                                    && {
                                        let k = phrase_start(classes, j);
                                        k > 0
                                            && matches!(
                                                norm(k - 1),
                                                "on" | "near" | "along" | "at" | "across" | "over"
                                            )
                                    };
                                // "accusing the group of openly supporting Ukraine": what
                                // an accusation says was done, and to whom, is its content.
                                let content = info.root == "11"
                                    && (pos + 1..j).any(|b| {
                                        norm(b) == "of"
                                            && (b + 1..(b + 3).min(j))
                                                .any(|c| norm(c).ends_with("ing"))
                                    });
                                Some(mi) != source
                                    && !topic
                                    && !names_a_war
                                    && !against(mi)
                                    && !on_border
                                    && !content
                            })
                        })
                    })
                    .or_else(|| {
                        // "threatened to strike unless Israel withdraws": whom a threat is
                        // aimed at is who must act to avert it.
                        if info.root != "13" {
                            return None;
                        }
                        let cond = (pos + 1..n).find(|&j| matches!(norm(j), "unless" | "if"))?;
                        (cond + 1..n)
                            .take_while(|&j| !(class(j, C_STOP) && covering[j].is_none()))
                            .find_map(|j| starting[j].filter(|&mi| Some(mi) != source))
                    })
                    .or_else(|| force_landed_in(source))
                    .or_else(|| {
                        // "demanded that Israel ease ...": the subject of the complement is
                        // whom the demand (warning, accusation) is aimed at.
                        let that = clause_end;
                        if that < n
                            && that <= pos + 2
                            && norm(that) == "that"
                            && pattern.code.is_some()
                        {
                            let end = (that + 1..n)
                                .find(|&j| {
                                    (class(j, C_BARRIER) || norm(j) == ",") && covering[j].is_none()
                                })
                                .unwrap_or(n);
                            // (Its subject only: "rejecting suggestions that it was choosing
                            // sides between Washington and Beijing" is aimed at neither.)
                            (that + 1..end).find_map(|j| {
                                starting[j].filter(|&mi| {
                                    // (Past determiners and a modifier or two: "that
                                    // former president Yoon be detained".)
                                    let k = phrase_start(classes, j);
                                    Some(mi) != source
                                        && k > that
                                        && k - (that + 1) <= 2
                                        && (that + 1..k).all(|b| {
                                            covering[b].is_none()
                                                && classes[b] & (C_PREP | C_BARRIER | C_STOP) == 0
                                                && d.verbs_of(ids[b]).is_empty()
                                        })
                                })
                            })
                        } else {
                            None
                        }
                    });
                (source, target)
            };
            let (source, target) = match demand {
                Some(((speaker, addressee), demand_info)) => {
                    info = demand_info;
                    (Some(speaker), Some(addressee))
                }
                None => (source, target),
            };
            // A compound subject with no target acts on itself: "X and Y reach a deal".
            // Only cooperation and fighting are mutual ("meet", "sign", "clash");
            // "X, Y and Z close their airspace" is no event between them.
            let lemma = d.verbs[verb as usize].lemma.as_str();
            let mutual = matches!(info.root.as_str(), "03" | "04" | "05" | "06")
                || (info.root == "19"
                    && matches!(
                        lemma,
                        "clash" | "fight" | "battle" | "skirmish" | "exchange"
                    ));
            // ("Xi and Trump meet in Beijing, China": the place is no party.)
            let (source, target) = match (source, target) {
                (Some(si), t)
                    if !passive
                        && mutual
                        && (2..=4).contains(&mentions[si].codes.len())
                        && t.is_none_or(is_place) =>
                {
                    (Some(si), Some(si))
                }
                st => st,
            };
            // One side may be missing: an act with no one acted on ("the president
            // resigned", "rebels surrendered"), or a passive with no agent ("three
            // civilians were killed"). Both missing is no event.
            // Only a finite verb stands alone: an infinitive or gerund with one actor
            // is usually someone else's act ("pressured workers to cancel a strike").
            // ("is investigating" is finite.)
            let progressive = (0..pos)
                .rev()
                .find(|&j| !is_adverb(norm(j)) && !class(j, C_NEG))
                .is_some_and(|j| class(j, C_BE));
            let nonfinite = (form == VerbForm::Gerund && !progressive)
                || (form == VerbForm::Base && pos > 0 && norm(pos - 1) == "to");
            let mishap = matches!(info.root.as_str(), "18" | "19" | "20")
                && (pos + 1..clause_end.min(pos + 12)).any(|j| {
                    matches!(
                        norm(j),
                        "crash"
                            | "crashes"
                            | "accident"
                            | "accidents"
                            | "collision"
                            | "flood"
                            | "floods"
                            | "flooding"
                            | "earthquake"
                            | "landslide"
                            | "landslides"
                            | "storm"
                            | "cyclone"
                            | "typhoon"
                            | "hurricane"
                            | "avalanche"
                            | "stampede"
                            | "heatwave"
                            | "lightning"
                            | "mudslide"
                            | "derailment"
                            | "capsizing"
                            | "sinking"
                    )
                });
            match (source, target) {
                (None, None) => continue,
                // (A passive with no agent is an event when something was done to
                // someone — "three soldiers were killed", "was sentenced", "was freed",
                // "is under investigation" — not when he "was implicated" or "was
                // criticized".)
                // ("killed in a bus crash", "died in floods": an accident or a disaster is
                // no one's act.)
                (None, Some(_)) if passive && mishap => continue,
                (None, Some(_))
                    if !passive
                        || !(matches!(
                            info.root.as_str(),
                            "08" | "09" | "15" | "16" | "17" | "18" | "19" | "20"
                        ) || info.code.starts_with("116")
                            // (accusations, but not "was implicated in")
                            || info.code.starts_with("112")
                                && d.verbs[verb as usize].lemma != "implicate") =>
                {
                    continue
                }
                // ("78 people were injured by Iranian missile attacks": force named by
                // its agent is an event even when those hit are no actor.)
                // ("launches attacks across Lebanon, killing 21 people": a participial
                // clause of force after an act of the same subject is its act too; after
                // "a typhoon makes landfall in Vietnam" it is no one's.)
                (Some(_), None)
                    if nonfinite
                        && !(form == VerbForm::Gerund
                            && pos > 0
                            && norm(pos - 1) == ","
                            && matches!(info.root.as_str(), "18" | "19" | "20")
                            && acted.iter().any(|&(p, s, _)| p < pos && s == source))
                        || passive && !matches!(info.root.as_str(), "18" | "19" | "20") =>
                {
                    continue
                }
                (Some(si), Some(ti)) if si == ti && mentions[si].codes.len() < 2 => continue,
                _ => {}
            }
            let (sm, tm) = (source.map(|i| &mentions[i]), target.map(|i| &mentions[i]));
            // A target after a locative preposition ("in Pakistan") is where, not whom.
            let target_is_place = target.is_some_and(is_place);
            // Date: in the clause after the verb, else before it.
            let clause_start = (0..pos)
                .rev()
                .find(|&j| class(j, C_BARRIER) && covering[j].is_none())
                .map_or(0, |j| j + 1);
            // A date after the article's is a plan or deadline, not when this happened.
            let past = |w: EventDate| date.is_none_or(|a| w.from() <= a);
            let when = find_date(tokens, pos..clause_end, date)
                .filter(|w| past(*w))
                .or_else(|| find_date(tokens, clause_start..pos, date).filter(|w| past(*w)))
                .or(date.map(EventDate::Day));
            let verb_tok = tokens.get(pos);
            // A missing side gets an empty span at the verb.
            let spans = Spans {
                source: sm.map_or([verb_tok.start; 2], span_of),
                verb: [verb_tok.start, verb_tok.end],
                target: tm.map_or([verb_tok.end; 2], span_of),
            };
            let pattern_ref = if std::ptr::eq(pattern, &obligation_rule) {
                "rule:obligation".to_string()
            } else {
                format!(
                    "{}:{}",
                    d.files
                        .get(pattern.file as usize)
                        .map_or("?", String::as_str),
                    pattern.line
                )
            };
            let site = EventSite {
                article,
                sentence: index,
                date: when,
                text,
                spans,
                pattern: &pattern_ref,
            };
            let before = events.len();
            let (s_codes, t_codes) = (
                sm.map_or(NO_ACTOR.as_slice(), |m| &m.codes),
                tm.map_or(NO_ACTOR.as_slice(), |m| &m.codes),
            );
            for s in s_codes {
                for t in t_codes {
                    // Null actors (`---` in TABARI and PETRARCH dictionaries) code nothing.
                    if d.options.null_actors.iter().any(|x| x == s || x == t) {
                        continue;
                    }
                    // "Pakistani troops ... Pakistan" is no event; a domestic one needs two
                    // distinct actors of the country ("Sudan's army ... the RSF": SDNMIL ->
                    // SDNREB), and a target that is not just where it happened.
                    // A compound subject acting on itself: no event between a member and
                    // itself.
                    if s == t && source == target {
                        continue;
                    }
                    let same_country = !s.is_empty() && s.get(..3) == t.get(..3);
                    // ("seizes two tankers in the Persian Gulf": a region it happened in
                    // is no one acted on.)
                    let region_place =
                        target_is_place && t.len() == 3 && d.place(t).is_some_and(|p| p.is_region);
                    let (t, site) =
                        if same_country && (target_is_place || t.len() <= 3) || region_place {
                            // The target is where it happened or the source's own country:
                            // the act has no other actor ("imposed a curfew in ... Turkey").
                            if passive || nonfinite {
                                continue;
                            }
                            let alone = EventSite {
                                spans: Spans {
                                    target: [verb_tok.end; 2],
                                    ..spans
                                },
                                ..site
                            };
                            (&NO_ACTOR[0], alone)
                        } else {
                            (t, site)
                        };
                    if s == t
                        || events
                            .iter()
                            .any(|e| e.source == *s && e.target == *t && e.code == info.code)
                    {
                        continue;
                    }
                    events.push(CodedEvent::at(&site, s, t, info, info.code.clone()));
                    // A paired code (`[032:033]` in TABARI and PETRARCH dictionaries):
                    // the target does the paired act to the source.
                    if let Some(pinfo) = pattern
                        .paired
                        .filter(|_| !s.is_empty() && !t.is_empty())
                        .map(|p| d.codes.info(p))
                    {
                        let reverse = EventSite {
                            spans: spans.reversed(),
                            ..site
                        };
                        events.push(CodedEvent::at(&reverse, t, s, pinfo, pinfo.code.clone()));
                    }
                }
            }
            if events.len() > before {
                acted.push((pos, subject, info.root.as_str()));
            }
        }
        (mention_spans, events)
    }

    /// For an obligation ("... that X must ..."), the speaker of the statement
    /// that carries it and the one obliged: `(speaker, X)`.
    fn demand_pair(
        &self,
        obliged: Option<usize>,
        mentions: &[ActorMention],
        earlier: &[(usize, Option<usize>)],
        tokens: &Tokens,
        classes: &[u16],
    ) -> Option<(usize, usize)> {
        let x = obliged?;
        let b = phrase_start(classes, mentions[x].start);
        self.demand_pair_at(x, b, mentions, earlier, tokens)
    }

    /// [`Coder::demand_pair`] for the obliged `x` named at token `b` (the start
    /// of its phrase, or a pronoun standing for it).
    fn demand_pair_at(
        &self,
        x: usize,
        b: usize,
        mentions: &[ActorMention],
        earlier: &[(usize, Option<usize>)],
        tokens: &Tokens,
    ) -> Option<(usize, usize)> {
        let before = tokens.norm(b.checked_sub(1)?);
        if !(before == "that" || SPEECH_VERBS.contains(&before)) {
            return None;
        }
        let (_, speaker) = earlier.iter().rev().find(|(p, _)| *p < b)?;
        let speaker = (*speaker)?;
        (speaker != x && mentions[speaker].codes != mentions[x].codes).then_some((speaker, x))
    }

    /// The subject mention of the verb at `pos`.
    #[allow(clippy::too_many_arguments)]
    fn subject(
        &self,
        pos: usize,
        form: VerbForm,
        tokens: &Tokens,
        covering: &[Option<usize>],
        mentions: &[ActorMention],
        earlier: &[(usize, Option<usize>)],
        classes: &[u16],
    ) -> Option<usize> {
        let norm = |i: usize| tokens.norm(i);
        let class = |j: usize, c: u16| classes.get(j).is_some_and(|&k| k & c != 0);
        let mut j = pos;
        while j > 0
            && covering[j - 1].is_none()
            && (class(j - 1, C_AUX) || is_adverb(norm(j - 1)) || is_quote(norm(j - 1)))
        {
            j -= 1;
        }
        if j == 0 {
            return None;
        }
        let prev = norm(j - 1);
        // An infinitive's subject is its governing verb's: "X tours the region to seek ...".
        if form == VerbForm::Base && pos > 0 && norm(pos - 1) == "to" {
            if let Some(&(_, s)) = earlier.iter().rev().find(|(p, _)| *p < pos) {
                if s.is_some() {
                    return s;
                }
            }
        }
        // "It also cuts ... and restricts ...": a predicate coordinated with a verb
        // whose subject is no actor has none either.
        if matches!(prev, "and" | "or") {
            if let Some(&(p, None)) = earlier.iter().rev().find(|(p, _)| *p < pos) {
                if pos - p <= 12
                    && !(p + 1..pos).any(|k| class(k, C_BARRIER | C_STOP) && covering[k].is_none())
                    && !class(p, C_AUX)
                {
                    return None;
                }
            }
        }
        // Coordinated predicate or participle: "... and summons", ", killing".
        if prev == "," && form == VerbForm::Gerund {
            // (", urging ...": the clause's finite verb's subject, not that of a
            // gerund or infinitive in between: "rejected an Indian proposal for
            // signing ..., urging".)
            let finite = earlier.iter().rev().find(|&&(p, s)| {
                p < pos
                    && s.is_some()
                    && !norm(p).ends_with("ing")
                    && !(p > 0 && norm(p - 1) == "to")
            });
            if let Some(&(_, s)) = finite {
                return s;
            }
        }
        if prev == "and"
            || prev == "or"
            || (prev == "," && form == VerbForm::Gerund)
            || prev == "," && covering[j.saturating_sub(2)].is_none()
        {
            if let Some(&(_, s)) = earlier.iter().rev().find(|(p, s)| *p < pos && s.is_some()) {
                return s;
            }
        }
        // A pronoun the mentions did not resolve ("rebels rejected the plan and said
        // they opposed ...") stands for the last subject, never for an actor further
        // back in the sentence.
        if matches!(prev, "they" | "it" | "we") && covering[j - 1].is_none() {
            return earlier
                .iter()
                .rev()
                .find(|(p, s)| *p < pos && s.is_some())
                .and_then(|&(_, s)| s);
        }
        // Relative clause: "Trump, who hosted ...".
        if matches!(prev, "who" | "which" | "that") {
            let k = if j >= 2 && norm(j - 2) == "," {
                j.saturating_sub(3)
            } else {
                j.saturating_sub(2)
            };
            return covering.get(k).copied().flatten();
        }
        // "Cairo's security chief has warned": with no other actor, the owner of a
        // possessive stands for the plain head noun after it.
        let mut owner: Option<usize> = None;
        let mut t = j;
        while t > 0 {
            t -= 1;
            if let Some(mi) = covering[t] {
                let m = &mentions[mi];
                if m.possessive && owner.is_none() {
                    let head = (m.end + 1).min(j)..j;
                    let plain_head = !head.is_empty()
                        && head.len() <= 4
                        && head.clone().all(|k| {
                            let tk = tokens.get(k);
                            tk.kind == accord_text::TokenKind::Word
                                && !tk.capitalized
                                && covering[k].is_none()
                                && word_class(norm(k)) == 0
                                && self.dict.verbs_of(self.dict.token_id(norm(k))).is_empty()
                        });
                    if plain_head {
                        owner = Some(mi);
                    }
                }
                // "before Trump welcomed ...": a subordinator, not a preposition, when the
                // mention stands right before the verb.
                // "across the Gaza Strip", "in two Russian cities": look past determiners.
                let k = phrase_start(classes, m.start);
                // ("after the United States demanded": past determiners too.)
                let subordinate = m.end == j
                    && k > 0
                    && matches!(
                        norm(k - 1),
                        "after" | "before" | "since" | "until" | "as" | "once"
                    );
                // ", including the cities of Kyiv and Dnipro,": examples inside a list
                // are not the subject.
                let example = (m.start.saturating_sub(6)..m.start)
                    .rev()
                    .take_while(|&b| norm(b) != "," || b + 1 == m.start)
                    .any(|b| matches!(norm(b), "including" | "includes" | "include"));
                if example {
                    t = m.start;
                    continue;
                }
                // "a member of the Syrian parliament": "of" ties the actor to a head noun
                // that is no actor itself, so the actor is the subject.
                let oblique = !subordinate && k > 0 && class(k - 1, C_PREP) && norm(k - 1) != "of";
                // "airstrikes on a hospital in Khan Yunis, Palestine, kill ...": a country in
                // apposition to a place after a preposition is where, not who.
                // ("..., southern Lebanon, kill": past a direction.)
                let k = if k > 0
                    && matches!(
                        norm(k - 1),
                        "southern"
                            | "northern"
                            | "eastern"
                            | "western"
                            | "central"
                            | "northeastern"
                            | "northwestern"
                            | "southeastern"
                            | "southwestern"
                    ) {
                    k - 1
                } else {
                    k
                };
                let appositive_place =
                    k >= 2 && norm(k - 1) == "," && m.end < tokens.len() && norm(m.end) == "," && {
                        // (Through a chain of them: "in San Juan de Arama, Meta
                        // Department, Colombia, kills"; "in Habboûch and al-Hawsh,
                        // southern Lebanon, kill".)
                        let mut b = k - 1;
                        let mut words = 0;
                        let mut links = 0;
                        loop {
                            let mut here = 0;
                            while b > 0
                                && here < 5
                                && covering[b - 1].is_none()
                                && (tokens.get(b - 1).capitalized
                                    || here > 0
                                        && matches!(
                                            norm(b - 1),
                                            "de" | "del" | "al" | "el" | "-" | "and"
                                        ))
                                && !class(b - 1, C_PREP)
                            {
                                b -= 1;
                                here += 1;
                            }
                            words += here;
                            if here > 0 && b > 1 && norm(b - 1) == "," && links < 3 {
                                b -= 1;
                                links += 1;
                                continue;
                            }
                            break;
                        }
                        words > 0 && b > 0 && class(b - 1, C_PREP) && norm(b - 1) != "of"
                    };
                if !m.possessive && !oblique && !appositive_place {
                    return Some(mi);
                }
                t = m.start;
                continue;
            }
            if class(t, C_BARRIER) {
                return owner;
            }
            // "Afghanistan says nine children were killed": a reported clause with a
            // subject of its own is not the speaker's act ("M23 said the group would
            // investigate" is: the group is the speaker).
            // ("Russia claims its air defences have shot down ...": the speaker's own.)
            if SPEECH_VERBS.contains(&norm(t))
                && covering[t].is_none()
                && !(t + 1 < j && matches!(norm(t + 1), "its" | "their" | "our"))
            {
                let own_subject = (t + 1..j).any(|k| {
                    let w = norm(k);
                    let tk = tokens.get(k);
                    is_number(w)
                        || (tk.kind == accord_text::TokenKind::Word
                            && !tk.capitalized
                            && covering[k].is_none()
                            && !class(k, C_DET | C_PREP | C_AUX)
                            && !matches!(w, "that" | "it" | "they" | "he" | "she" | "we")
                            && !SPEAKER_PROXIES.contains(&w))
                });
                if own_subject {
                    return owner;
                }
            }
        }
        owner
    }

    /// Matches a pattern at the verb in `pos`; `None` when it does not apply.
    #[allow(clippy::too_many_arguments)]
    fn match_pattern(
        &self,
        p: &VerbPattern,
        pos: usize,
        clause_end: usize,
        classes: &[u16],
        ids: &[u32],
        starting: &[Option<usize>],
        mentions: &[ActorMention],
    ) -> Option<Slots> {
        // Words directly before the verb, nearest last.
        let mut j = pos;
        for alts in p.before.iter().rev() {
            loop {
                if j == 0 {
                    return None;
                }
                j -= 1;
                if classes[j] & C_QUOTE == 0 {
                    break;
                }
            }
            if !alts.contains(&ids[j]) {
                return None;
            }
        }
        let mut slots = Slots {
            verb: pos,
            ..Slots::default()
        };
        if self.match_after(
            p,
            0,
            pos + 1,
            clause_end,
            classes,
            ids,
            starting,
            mentions,
            &mut slots,
        ) {
            Some(slots)
        } else {
            None
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn match_after(
        &self,
        p: &VerbPattern,
        ei: usize,
        from: usize,
        end: usize,
        classes: &[u16],
        ids: &[u32],
        starting: &[Option<usize>],
        mentions: &[ActorMention],
        slots: &mut Slots,
    ) -> bool {
        let Some((elem, adjacent)) = p.after.get(ei) else {
            return true;
        };
        let max_gap = if *adjacent { 0 } else { MAX_GAP };
        let mut skipped = 0;
        let mut j = from;
        while j < end {
            let class = classes[j];
            if class & C_QUOTE != 0 {
                j += 1;
                continue;
            }
            let matched_end = match elem {
                Elem::Words(alts) | Elem::Exact(alts) => alts.contains(&ids[j]).then_some(j + 1),
                Elem::Set(s) => self.dict.set_match_ends(*s, ids, j).next(),
                Elem::Target | Elem::Source => starting[j].map(|mi| mentions[mi].end),
                // TABARI-only elements never reach accord's matcher.
                Elem::Compound | Elem::Skip => None,
            };
            if let Some(e) = matched_end {
                let saved = *slots;
                match elem {
                    Elem::Target => slots.target = starting[j],
                    Elem::Source => slots.source = starting[j],
                    Elem::Words(_) | Elem::Exact(_) | Elem::Set(_) => slots.mark(j, e),
                    Elem::Compound | Elem::Skip => {}
                }
                if self.match_after(p, ei + 1, e, end, classes, ids, starting, mentions, slots) {
                    return true;
                }
                *slots = saved;
            }
            if class & C_STOP != 0 {
                return false;
            }
            skipped += 1;
            if skipped > max_gap {
                return false;
            }
            j += 1;
        }
        false
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Slots {
    target: Option<usize>,
    source: Option<usize>,
    /// Tokens the pattern's words matched, as bits of offsets after the verb.
    words: u64,
    /// The verb's position.
    verb: usize,
}

impl Slots {
    fn mark(&mut self, from: usize, to: usize) {
        for k in from..to {
            let off = k - self.verb;
            if off < 64 {
                self.words |= 1 << off;
            }
        }
    }

    fn consumed(&self, k: usize) -> bool {
        k > self.verb && k - self.verb < 64 && self.words & (1 << (k - self.verb)) != 0
    }
}

//! TABARI's coding rules, for dictionaries that ask for them
//! ([`accord_dict::CoderOptions::tabari`], set by the TABARI reader).
//!
//! TABARI reads a sentence shallowly and predictably (manual, chapter 7):
//! comma-delimited clauses of three to ten words are dropped, the sentence
//! is split into clauses at conjunctions that join no actors, and in each
//! clause the first verb whose pattern matches is coded. Patterns are tried
//! longest first and may place words, `$`, `+`, `%` and `^` before and after
//! the verb, with gaps unless `_` joins them. The source is the first actor
//! of the sentence before the verb (kept across clauses unless a clause
//! starts with an actor), the target the first actor after the verb with a
//! different code, else the first one before it; `was|were|been * by` is
//! passive. Negation, tense and intent are the patterns' business, not the
//! coder's. Subordinate codes (`023?`) code only when nothing else does.

use crate::{ActorMention, CodedEvent, Coder, EventDate, EventSite, Spans};
use accord_dict::{
    ActorEntry, CodeBy, Elem, TabPattern, VerbForm, VerbPattern, TAB_ADJECTIVE, TAB_NOUN,
};
use accord_text::{Date, Tokens};

/// A pattern match: the actors its slots took.
#[derive(Debug, Clone, Copy, Default)]
struct TSlots {
    source: Option<usize>,
    target: Option<usize>,
    compound: Option<usize>,
}

/// The sentence as the TABARI engine sees it.
struct View<'a> {
    tokens: &'a Tokens,
    ids: &'a [u32],
    /// The longest TABARI stem each token starts with (a word with an id of
    /// its own, "really", still matches the stem REAL).
    stem_ids: Vec<u32>,
    /// Each token as a whole word, stems aside (for exact `_` words).
    exact_ids: Vec<u32>,
    /// Token is dropped (comma-delimited clause).
    dead: Vec<bool>,
    /// Actor mention starting at a token.
    starting: Vec<Option<usize>>,
    /// Any dictionary actor (null-coded too) covers the token.
    covered: Vec<bool>,
    mentions: Vec<ActorMention>,
    /// PETRARCH: the actor of an agent's `of` phrase ("the parliament of
    /// Gondor"), as a mention of its own at its first token, for a `^` that
    /// skips the agent's noun phrase alone.
    inner: Vec<Option<usize>>,
}

impl View<'_> {
    fn norm(&self, i: usize) -> &str {
        self.tokens.norm(i)
    }

    fn skippable(&self, i: usize) -> bool {
        self.dead[i] || matches!(self.norm(i), "\"" | "'" | "`")
    }

    /// The next live token at or after `i`, before `end`.
    fn next_live(&self, mut i: usize, end: usize) -> Option<usize> {
        while i < end {
            if !self.skippable(i) {
                return Some(i);
            }
            i += 1;
        }
        None
    }

    /// The live token before `i`, at or after `start`.
    fn prev_live(&self, i: usize, start: usize) -> Option<usize> {
        let mut j = i;
        while j > start {
            j -= 1;
            if !self.skippable(j) {
                return Some(j);
            }
        }
        None
    }

    fn codes_differ(&self, a: usize, b: usize) -> bool {
        self.mentions[a].codes != self.mentions[b].codes
    }
}

const CONJ: &[&str] = &["and", "but", "or", "nor"];

/// Words that end a noun phrase: prepositions and clause openers.
const NP_STOPS: &[&str] = &[
    "about", "above", "across", "after", "against", "along", "among", "around", "as", "at",
    "before", "behind", "below", "between", "beyond", "by", "despite", "during", "for", "from",
    "in", "into", "near", "on", "onto", "over", "since", "than", "that", "through", "to", "toward",
    "towards", "under", "until", "upon", "which", "who", "with", "within", "without", "is", "was",
    "were", "are", "be", "been", "has", "have", "had", "will", "would",
];

/// Words that open a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "because", "while", "when", "although", "though", "since", "until",
    "whereas", "if", "unless", "once", "where", "which", "who", "that",
];

/// Modal auxiliaries.
const MODALS: &[&str] = &[
    "can", "could", "may", "might", "must", "shall", "should", "will", "would",
];

/// An auxiliary between a subject and its verb: a modal, a form of HAVE or
/// BE, or "not".
fn auxiliary(w: &str) -> bool {
    MODALS.contains(&w)
        || matches!(
            w,
            "has"
                | "have"
                | "had"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "being"
                | "not"
        )
}

/// Pronouns that refer to an actor (manual 7.7).
const PRONOUNS: &[&str] = &[
    "he", "she", "it", "him", "its", "his", "her", "they", "them", "their",
];

/// An agent code is added to an actor once: `USAGOV` + `GOV` stays `USAGOV`.
fn dedup_agents(code: &str) -> String {
    if code.len() <= 6 || !code.is_ascii() {
        return code.to_string();
    }
    let mut out = code[..3].to_string();
    let mut i = 3;
    while i < code.len() {
        let end = (i + 3).min(code.len());
        let chunk = &code[i..end];
        if !(chunk.len() == 3 && out[3..].contains(chunk) && (out.len() - 3).is_multiple_of(3)) {
            out.push_str(chunk);
        }
        i = end;
    }
    out
}

/// PETRARCH's lists: "A and B, and C" has one closing conjunction, so a comma and
/// conjunction after a pair already joined start a comma clause of their
/// own, not more members. Grouped mentions that run on so are cut at that
/// comma, each part keeping the codes of the actors named in it.
fn split_lists(
    d: &accord_dict::Dictionary,
    tokens: &Tokens,
    ids: &[u32],
    date: Option<Date>,
    found: &[ActorMention],
) -> Vec<ActorMention> {
    let mut out = Vec::with_capacity(found.len());
    for m in found {
        let cut = (m.start + 1..m.end.saturating_sub(1)).find(|&c| {
            tokens.norm(c) == ","
                && CONJ.contains(&tokens.norm(c + 1))
                && (m.start..c).any(|j| CONJ.contains(&tokens.norm(j)))
        });
        let Some(c) = cut.filter(|_| m.codes.len() > 1 && !m.pronoun) else {
            out.push(m.clone());
            continue;
        };
        let part_codes = |a: usize, b: usize| phrase_codes(d, tokens, ids, date, m, a, b);
        let (head, tail) = (part_codes(m.start, c), part_codes(c + 2, m.end));
        if head.is_empty() || tail.is_empty() {
            out.push(m.clone());
            continue;
        }
        out.push(ActorMention {
            end: c,
            codes: head,
            ..m.clone()
        });
        out.push(ActorMention {
            start: c + 2,
            codes: tail,
            ..m.clone()
        });
    }
    out
}

/// The code a dictionary entry stands for on `date` (a person's role then).
fn entry_code(d: &accord_dict::Dictionary, e: ActorEntry, date: Option<Date>) -> Option<String> {
    match e {
        ActorEntry::Place(p, _) => d.actors.places.get(p as usize).map(|x| x.code.clone()),
        ActorEntry::Organization(o) => d
            .actors
            .organizations
            .get(o as usize)
            .map(|x| x.code.clone()),
        ActorEntry::Person(pi) => d.actors.people.get(pi as usize)?.code_on(date),
        ActorEntry::Agent(a) => d.actors.agents.get(a as usize).map(|x| x.code.clone()),
    }
}

/// The codes of the actor phrases in tokens `a..b` of mention `m`, as the
/// whole mention wrote them (with its agents).
fn phrase_codes(
    d: &accord_dict::Dictionary,
    tokens: &Tokens,
    ids: &[u32],
    date: Option<Date>,
    m: &ActorMention,
    a: usize,
    b: usize,
) -> Vec<String> {
    let mut codes = Vec::new();
    let mut j = a;
    while j < b {
        let t = tokens.get(j);
        let Some((e, entry)) = d.longest_actor(ids, t.capitalized, t.all_upper, j) else {
            j += 1;
            continue;
        };
        // (Agents are the whole mention's: its codes carry them.)
        let code = match entry {
            ActorEntry::Agent(_) => None,
            e => entry_code(d, e, date),
        };
        if let Some(code) = code {
            let full = m
                .codes
                .iter()
                .find(|x| x.starts_with(code.as_str()))
                .cloned()
                .unwrap_or(code);
            if !codes.contains(&full) {
                codes.push(full);
            }
        }
        j = e.max(j + 1);
    }
    codes
}

/// A word of a noun phrase with no actor: not an actor's, no verb,
/// preposition, conjunction, pronoun or clause opener; a possessive `'s` too.
fn np_word(d: &accord_dict::Dictionary, v: &View, j: usize) -> bool {
    let t = v.tokens.get(j);
    let w = v.norm(j);
    !v.covered[j]
        && (w == "'s"
            || (t.kind == accord_text::TokenKind::Word
                && !NP_STOPS.contains(&w)
                && !CONJ.contains(&w)
                && !PRONOUNS.contains(&w)
                && !SUBORDINATORS.contains(&w)
                && d.verbs_of(v.ids[j]).is_empty()))
}

/// A new actor's code: the phrase's words in capitals, `'s` left out, if
/// there are one to `len` of them.
fn fresh_code(v: &View, a: usize, b: usize, len: usize) -> Option<String> {
    let words: Vec<String> = (a..b)
        .filter(|&j| !v.skippable(j) && v.norm(j) != "'s")
        .map(|j| v.norm(j).to_uppercase())
        .collect();
    (!words.is_empty() && words.len() <= len).then(|| words.join(" "))
}

/// The noun phrase with no actor right before the verb at `pos` (its
/// auxiliaries and adverbs aside), inside the clause from `cs`: its tokens
/// and new-actor code.
fn fresh_subject(
    d: &accord_dict::Dictionary,
    v: &View,
    pos: usize,
    cs: usize,
    len: usize,
) -> Option<(usize, usize, String)> {
    let mut j = v.prev_live(pos, cs)?;
    while auxiliary(v.norm(j)) || v.norm(j).ends_with("ly") {
        j = v.prev_live(j, cs)?;
    }
    let b = j + 1;
    let mut a = b;
    while np_word(d, v, j) {
        a = j;
        match v.prev_live(j, cs) {
            Some(p) => j = p,
            None => break,
        }
    }
    if a == b {
        return None;
    }
    fresh_code(v, a, b, len).map(|c| (a, b, c))
}

/// The noun phrase with no actor that the verb at `pos` governs, after one
/// preposition ("left for the Ministry of Magic"), `of` phrases included,
/// before `ce`: its tokens and new-actor code.
fn fresh_object(
    d: &accord_dict::Dictionary,
    v: &View,
    pos: usize,
    ce: usize,
    len: usize,
) -> Option<(usize, usize, String)> {
    let mut j = v.next_live(pos + 1, ce)?;
    if NP_STOPS.contains(&v.norm(j)) && !v.covered[j] {
        j = v.next_live(j + 1, ce)?;
    }
    let a = j;
    let mut b = a;
    let mut k = a;
    while k < ce {
        if v.skippable(k) {
            k += 1;
            continue;
        }
        let of = v.norm(k) == "of" && k > a && k + 1 < ce && np_word(d, v, k + 1);
        if !(of || np_word(d, v, k)) {
            break;
        }
        k += 1;
        b = k;
    }
    if b == a || (a..b).any(|x| v.covered[x]) {
        return None;
    }
    fresh_code(v, a, b, len).map(|c| (a, b, c))
}

/// The `of` of a mention that is an agent phrase and the actor of its `of`
/// phrase ("parliament of Gondor"): no actor stands before the `of`.
fn agent_of(d: &accord_dict::Dictionary, v: &View, m: &ActorMention) -> Option<usize> {
    let k = (m.start + 1..m.end.saturating_sub(1)).find(|&k| v.norm(k) == "of")?;
    let actor_before = (m.start..k).any(|j| {
        let t = v.tokens.get(j);
        matches!(
            d.longest_actor(v.ids, t.capitalized, t.all_upper, j),
            Some((_, e)) if !matches!(e, ActorEntry::Agent(_))
        )
    });
    (!actor_before).then_some(k)
}

/// A mention for a new actor.
fn fresh_mention(start: usize, end: usize, code: String) -> ActorMention {
    ActorMention {
        start,
        end,
        codes: vec![code],
        possessive: false,
        person: None,
        pronoun: false,
    }
}

impl Coder<'_> {
    /// Codes one sentence with TABARI's rules.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn code_tabari(
        &self,
        article: &str,
        index: u32,
        text: &str,
        date: Option<Date>,
        tokens: &Tokens,
        ids: &[u32],
        found: &[ActorMention],
        ctx: &mut crate::MentionContext,
    ) -> Vec<CodedEvent> {
        let d = self.dict;
        let opts = self.tab_options();
        // `FORWARD:` (manual 8.4): the previous record's first actor, for a
        // pronoun that opens this one; a sentence that codes nothing passes
        // nothing on.
        let incoming = ctx.tab_forward.take().filter(|_| opts.forward.is_some());
        let n = tokens.len();
        let null = |c: &String| d.options.null_actors.iter().any(|x| x == c);
        // `SET: MINIMUM WORDS` (a comma counts as a word; a possessive `'s`,
        // which TABARI keeps on its word, does not).
        let words = (0..n)
            .filter(|&i| {
                let t = tokens.get(i);
                let glued_s = i > 0 && tokens.norm(i) == "'s" && tokens.get(i - 1).end == t.start;
                (t.kind != accord_text::TokenKind::Punct || tokens.norm(i) == ",") && !glued_s
            })
            .count();
        if words < opts.min_words {
            return Vec::new();
        }
        // A discard (`###`) or complex (`+++`) actor: the sentence codes nothing
        // (PETRARCH writes `###` as a code; its discards list comes as `+++`).
        if found.iter().any(|m| {
            m.codes
                .iter()
                .any(|c| (c == "###" && !d.options.petrarch) || c == "+++")
        }) {
            return Vec::new();
        }
        // `<TIME>` phrases (manual 10.5): the first one in the sentence that is
        // not null moves the events' date, or, with a discard or complexity
        // code, stops the sentence as such a verb would. Comma clauses are
        // not dropped yet, so a phrase inside one still counts.
        let time = (0..n).find_map(|i| {
            opts.time.iter().find(|(words, code)| {
                code != "---"
                    && words.len() <= n - i
                    && words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| tokens.norm(i + k) == w)
            })
        });
        let event_date = match time.map(|(_, code)| code.as_str()) {
            Some("###" | "+++") => return Vec::new(),
            Some(days) => match days.trim_start_matches('+').parse::<i64>() {
                Ok(k) => date.map(|dt| dt.add_days(k)),
                Err(_) => date,
            },
            None => date,
        };
        // (TABARI reads "A and B, and C and D" as one list: Validate's DEBUG-18a.)
        let found = if d.options.petrarch {
            split_lists(d, tokens, ids, date, found)
        } else {
            found.to_vec()
        };
        let mut covered = vec![false; n];
        let mut mentions: Vec<ActorMention> = Vec::new();
        for m in &found {
            for c in covered.iter_mut().take(m.end).skip(m.start) {
                *c = true;
            }
            if m.pronoun {
                continue;
            }
            // "Former" right before an actor-agent pair, or inside it before
            // the agent, makes the agent an elite (manual 5.4.1).
            let former = (m.start.saturating_sub(1)..m.end).any(|j| tokens.norm(j) == "former");
            let agent_suffix = (m.start..m.end)
                .find_map(|j| {
                    let t = tokens.get(j);
                    match d.longest_actor(ids, t.capitalized, t.all_upper, j) {
                        Some((_, ActorEntry::Agent(a))) => d.actors.agents.get(a as usize),
                        _ => None,
                    }
                })
                .map(|a| a.code.as_str())
                .filter(|c| former && !c.ends_with('~'));
            // A coded compound (`[ELR/GAL]`) is several actors.
            let mut codes: Vec<String> = Vec::new();
            for c in m.codes.iter().flat_map(|c| c.split('/')) {
                let elite;
                let c = match agent_suffix {
                    Some(sfx) if c.len() > sfx.len() && c.ends_with(sfx) => {
                        elite = format!("{}ELI", &c[..c.len() - sfx.len()]);
                        elite.as_str()
                    }
                    _ => c,
                };
                let c = dedup_agents(c);
                let c = c.as_str();
                if !c.is_empty() && !null(&c.to_string()) && !codes.iter().any(|x| x == c) {
                    codes.push(c.to_string());
                }
            }
            if !codes.is_empty() {
                mentions.push(ActorMention { codes, ..m.clone() });
            }
        }
        // Agents go with the actor right before or right after them (manual
        // 5.4), not with one further off.
        mentions.sort_by_key(|m| m.start);
        let agent_at = |j: usize| -> Option<(usize, &str)> {
            let t = tokens.get(j);
            match d.longest_actor(ids, t.capitalized, t.all_upper, j) {
                Some((e, ActorEntry::Agent(a))) => d
                    .actors
                    .agents
                    .get(a as usize)
                    .map(|x| (e, x.code.as_str())),
                _ => None,
            }
        };
        let with_agent = |code: &str, agent: &str| -> String {
            // An agent already in the actor's code is not added again.
            let a = agent.trim_end_matches('~');
            let chunks = |c: &str| -> Vec<String> {
                c.as_bytes()
                    .chunks(3)
                    .map(|x| String::from_utf8_lossy(x).into_owned())
                    .collect()
            };
            if a.len() == 3 && chunks(code).iter().any(|x| x == a) {
                return code.to_string();
            }
            match agent.strip_suffix('~') {
                Some(prefix) => format!("{prefix}{code}"),
                None => format!("{code}{agent}"),
            }
        };
        for k in 0..mentions.len() {
            let (start, end) = (mentions[k].start, mentions[k].end);
            // "Dagolath's first Deputy Prime Minister Telemar": the agent stands
            // apart from Dagolath and right before Telemar, so it is Telemar's
            // (PETRARCH gives every agent of the noun phrase to its actor).
            let next_adjacent =
                !d.options.petrarch && mentions.get(k + 1).is_some_and(|x| x.start == end);
            let actor_end = {
                let t = tokens.get(start);
                match d.longest_actor(ids, t.capitalized, t.all_upper, start) {
                    Some((e, entry)) if !matches!(entry, ActorEntry::Agent(_)) => Some(e),
                    _ => None,
                }
            };
            if let (true, Some(ae)) = (next_adjacent, actor_end) {
                let own_end = if ae < n && tokens.norm(ae) == "'s" {
                    ae + 1
                } else {
                    ae
                };
                // The first agent after the actor, if words stand between.
                let apart = (own_end..end)
                    .find_map(|j| agent_at(j).map(|(e, c)| (j, e, c)))
                    .filter(|&(j, e, c)| j > own_end && e == end && !c.ends_with('~'))
                    .map(|(j, _, c)| (j, c));
                if let Some((j, code)) = apart {
                    let stripped: Vec<String> = mentions[k]
                        .codes
                        .iter()
                        .map(|c| match c.strip_suffix(code) {
                            Some(base) if !base.is_empty() => base.to_string(),
                            _ => c.clone(),
                        })
                        .collect();
                    mentions[k].codes = stripped;
                    mentions[k].end = ae;
                    let moved: Vec<String> = mentions[k + 1]
                        .codes
                        .iter()
                        .map(|c| with_agent(c, code))
                        .collect();
                    mentions[k + 1].codes = moved;
                    mentions[k + 1].start = j;
                    continue;
                }
            }
            // "human rights activists Gondor": a free agent right before an actor.
            let before = (start.saturating_sub(6)..start).find_map(|j| {
                agent_at(j)
                    .filter(|&(e, _)| e == start && !(j..start).any(|x| covered[x]))
                    .map(|(_, c)| (j, c))
            });
            if let Some((j, code)) = before {
                let codes: Vec<String> = mentions[k]
                    .codes
                    .iter()
                    .map(|c| with_agent(c, code))
                    .collect();
                mentions[k].codes = codes;
                mentions[k].start = j;
                for c in covered.iter_mut().take(start).skip(j) {
                    *c = true;
                }
            }
        }
        // Actor phrases whose parts stand apart ("the Prince of Dol_Amroth" for
        // PRINCE DOL_AMROTH, "Ithilen state-run television" for ITHILEN TELEVISION).
        mentions.sort_by_key(|m| m.start);
        let entry_code = |e: ActorEntry| entry_code(d, e, date);
        // (start of a gapped actor, one of its later parts) for each part.
        let mut gap_tails: Vec<(usize, usize, usize)> = Vec::new();
        for i in 0..n {
            for g in d.gapped_phrases(ids[i]) {
                if ids.get(i..i + g[0].len()) != Some(g[0].as_slice()) {
                    continue;
                }
                let mut at = i + g[0].len();
                let mut parts: Vec<(usize, usize)> = Vec::new();
                for c in &g[1..] {
                    let found_at = (at..n.min(at + 12))
                        .find(|&j| ids.get(j..j + c.len()) == Some(c.as_slice()));
                    let Some(j) = found_at else {
                        break;
                    };
                    parts.push((j, j + c.len()));
                    at = j + c.len();
                }
                if parts.len() + 1 != g.len() {
                    continue;
                }
                let full: Vec<u32> = g.concat();
                // Parts apart in the text (words between them, not just a
                // hyphen) take the gapped line's own code.
                let apart = parts
                    .iter()
                    .scan(i + g[0].len(), |prev, &(a, b)| {
                        let gap =
                            (*prev..a).any(|j| tokens.get(j).kind == accord_text::TokenKind::Word);
                        *prev = b;
                        Some(gap)
                    })
                    .any(|x| x);
                let own = d.gapped_code(&full).filter(|_| apart).map(str::to_string);
                let Some(code) = own.or_else(|| d.actor_entry(&full).and_then(entry_code)) else {
                    continue;
                };
                let here = mentions.iter().position(|m| m.start == i);
                if here.is_none() && covered[i] {
                    continue;
                }
                mentions.retain(|m| !parts.iter().any(|&(a, b)| m.start >= a && m.end <= b));
                gap_tails.extend(parts.iter().map(|&(a, b)| (i, a, b)));
                for &(a, b) in &parts {
                    for c in covered.iter_mut().take(b).skip(a) {
                        *c = true;
                    }
                }
                let codes: Vec<String> = code
                    .split('/')
                    .filter(|c| !c.is_empty() && !null(&c.to_string()))
                    .map(str::to_string)
                    .collect();
                match mentions.iter().position(|m| m.start == i) {
                    Some(k) => mentions[k].codes = codes,
                    None => {
                        for c in covered.iter_mut().take(i + g[0].len()).skip(i) {
                            *c = true;
                        }
                        mentions.push(ActorMention {
                            start: i,
                            end: i + g[0].len(),
                            codes,
                            possessive: false,
                            person: None,
                            pronoun: false,
                        });
                        mentions.sort_by_key(|m| m.start);
                    }
                }
                mentions.retain(|m| !m.codes.is_empty());
                break;
            }
        }
        // Parsed compounds (manual 7.5): actors joined by `,`, `and`, `or`,
        // `nor`, each perhaps after determiners and `<ADJECTIVE>` words.
        mentions.sort_by_key(|m| m.start);
        // Without `<ADJECTIVE>` lists (PETRARCH), any lowercase word that is
        // no verb may stand before a compound's member.
        let lists = d.has_tab_classes();
        let filler = |j: usize| {
            let t = tokens.get(j);
            matches!(tokens.norm(j), "the" | "a" | "an")
                || d.tab_class(ids[j]) & TAB_ADJECTIVE != 0
                || (!lists
                    && t.kind == accord_text::TokenKind::Word
                    && !t.capitalized
                    && !CONJ.contains(&tokens.norm(j))
                    && d.verbs_of(ids[j]).is_empty())
        };
        let joint = |a: usize, b: usize| -> Option<bool> {
            // Some(true): a conjunction joins; Some(false): a bare comma.
            let mut j = a;
            // PETRARCH joins noun phrases, not only actors: "Ithilen's sheep
            // and goats of Gondor" is two actors' phrases.
            let possessive =
                (j < b && tokens.norm(j) == "'s") || (j > 0 && tokens.norm(j - 1) == "'s");
            if d.options.petrarch && possessive {
                if tokens.norm(j) == "'s" {
                    j += 1;
                }
                while j < b && !matches!(tokens.norm(j), "," | "and" | "or" | "nor") && filler(j) {
                    j += 1;
                }
            }
            let mut comma = false;
            if j < b && tokens.norm(j) == "," {
                comma = true;
                j += 1;
            }
            let mut conj = false;
            if j < b && matches!(tokens.norm(j), "and" | "or" | "nor") {
                conj = true;
                j += 1;
            }
            if !(comma || conj) || !(j..b).all(filler) {
                return None;
            }
            Some(conj)
        };
        let mut merged: Vec<ActorMention> = Vec::with_capacity(mentions.len());
        let mut k = 0;
        while k < mentions.len() {
            let mut m = mentions[k].clone();
            let mut last = k;
            let mut ok_to = k;
            while last + 1 < mentions.len() {
                let nx = &mentions[last + 1];
                // "A and B, and C": the pair is the list (see `split_lists`).
                let (ps, pe) = (mentions[last].start, mentions[last].end);
                let pair_done = d.options.petrarch
                    && pe < n
                    && tokens.norm(pe) == ","
                    && (ps..pe).any(|j| CONJ.contains(&tokens.norm(j)));
                if pair_done {
                    break;
                }
                match joint(mentions[last].end, nx.start) {
                    Some(conj) => {
                        last += 1;
                        if conj {
                            ok_to = last;
                            break;
                        }
                    }
                    None => break,
                }
            }
            // The last member's phrase may hold more actors, apart only by
            // `<ADJECTIVE>` words ("Calenardhon and the evil Arnor awful
            // Gondor" is three actors; manual 7.5).
            // A possessive holds one too ("Gondor and Arnor's Elrond").
            while (ok_to > k || m.codes.len() > 1) && lists && ok_to + 1 < mentions.len() {
                let (a, b) = (mentions[ok_to].end, mentions[ok_to + 1].start);
                let adjective = |j: usize| d.tab_class(ids[j]) & TAB_ADJECTIVE != 0;
                let possessive = mentions[ok_to].possessive || (a < b && tokens.norm(a) == "'s");
                let skip = usize::from(a < b && tokens.norm(a) == "'s");
                let apart_by_adjectives = a < b && (a..b).all(adjective);
                if apart_by_adjectives || (possessive && (a + skip..b).all(adjective)) {
                    ok_to += 1;
                } else {
                    break;
                }
            }
            // "The ambassadors of Arnor, Osgiliath and Gondor": the agent of the
            // first member goes to the bare countries after it.
            let agent = (opts.carry_agents
                && !m.codes.is_empty()
                && m.codes[0].len() == 6
                && (m.start..m.end).any(|j| matches!(tokens.norm(j), "of" | "in" | "from")))
            .then(|| m.codes[0][3..].to_string());
            // A list of commas must end in a conjunction.
            for nx in &mentions[k + 1..=ok_to] {
                for c in &nx.codes {
                    let c = match &agent {
                        Some(a) if c.len() == 3 && d.place(c).is_some() => format!("{c}{a}"),
                        _ => c.clone(),
                    };
                    if !m.codes.contains(&c) {
                        m.codes.push(c);
                    }
                }
                m.end = nx.end;
            }
            if let Some(a) = &agent {
                for c in m.codes.iter_mut().skip(1) {
                    if c.len() == 3 && d.place(c).is_some() {
                        c.push_str(a);
                    }
                }
                m.codes.dedup();
            }
            for c in covered.iter_mut().take(m.end).skip(m.start) {
                *c = true;
            }
            merged.push(m);
            k = ok_to + 1;
        }
        let mut mentions = merged;
        // Pronouns (manual 7.7): he/she/it the first actor of the sentence,
        // its/his/her the first actor before them, they/them/their the first
        // compound actor, else the first actor.
        let first = mentions.first().cloned();
        let first_compound = mentions
            .iter()
            .find(|m| m.codes.len() > 1)
            .or(mentions.first())
            .cloned();
        // A pronoun before any actor of the sentence is the previous record's
        // first actor (`FORWARD:`). TABARI does this for "they" too, whether
        // or not that actor was a compound (Validate's FRWD records).
        let opening = incoming.and_then(|code| {
            let t = (0..n).find(|&t| !covered[t] && PRONOUNS.contains(&tokens.norm(t)))?;
            (!mentions.iter().any(|m| m.start < t)).then_some((t, code))
        });
        let mut pronouns = Vec::new();
        // (pronoun token, first token of the actor it stands for)
        let mut referents: Vec<(usize, usize)> = Vec::new();
        for (t, &cov) in covered.iter().enumerate() {
            if cov || d.options.petrarch {
                continue;
            }
            let forwarded = opening
                .as_ref()
                .filter(|(o, _)| *o == t)
                .map(|(_, c)| (vec![c.clone()], None));
            let refers = forwarded.or_else(|| {
                match tokens.norm(t) {
                    "he" | "she" | "it" | "him" => first.as_ref().filter(|m| m.start < t),
                    "its" | "his" | "her" => mentions.iter().find(|m| m.end <= t),
                    "they" | "them" | "their" => first_compound.as_ref().filter(|m| m.start < t),
                    _ => None,
                }
                .map(|m| (m.codes.clone(), Some(m.start)))
            });
            if let Some((codes, referent)) = refers {
                if let Some(r) = referent {
                    referents.push((t, r));
                }
                pronouns.push(ActorMention {
                    start: t,
                    end: t + 1,
                    codes,
                    possessive: false,
                    person: None,
                    pronoun: true,
                });
            }
        }
        mentions.extend(pronouns);
        mentions.sort_by_key(|m| m.start);
        let mut starting = vec![None; n];
        for (mi, m) in mentions.iter().enumerate() {
            starting[m.start] = Some(mi);
        }
        let mut v = View {
            tokens,
            ids,
            // The longest stem that is a proper prefix of the word (the word
            // itself, stem or not, is its id).
            stem_ids: (0..n)
                .map(|i| {
                    let w = tokens.norm(i);
                    let cut = w.char_indices().last().map_or(0, |(k, _)| k);
                    d.stem_id(&w[..cut])
                })
                .collect(),
            exact_ids: (0..n).map(|i| d.exact_id(tokens.norm(i))).collect(),
            dead: vec![false; n],
            starting,
            covered,
            mentions,
            inner: vec![None; n],
        };
        if d.options.petrarch {
            for mi in 0..v.mentions.len() {
                let m = &v.mentions[mi];
                if m.pronoun || v.starting.get(m.start) != Some(&Some(mi)) {
                    continue;
                }
                let Some(k) = agent_of(d, &v, m) else {
                    continue;
                };
                let t = tokens.get(k + 1);
                let code = d
                    .longest_actor(ids, t.capitalized, t.all_upper, k + 1)
                    .and_then(|(_, e)| entry_code(e));
                if let Some(code) = code.filter(|c| !null(c)) {
                    let end = m.end;
                    v.mentions.push(ActorMention {
                        start: k + 1,
                        end,
                        codes: vec![code],
                        possessive: false,
                        person: None,
                        pronoun: false,
                    });
                    v.inner[k + 1] = Some(v.mentions.len() - 1);
                }
            }
        }
        // Default actors (`DEFAULT:`) as mentions no search finds.
        let default_mention = |code: &str| ActorMention {
            start: 0,
            end: 1.min(n),
            codes: vec![code.to_string()],
            possessive: false,
            person: None,
            pronoun: false,
        };
        let def_source = opts.default_source.as_ref().map(|(c, prior)| {
            v.mentions.push(default_mention(c));
            (v.mentions.len() - 1, *prior)
        });
        let def_target = opts.default_target.as_ref().map(|(c, after)| {
            v.mentions.push(default_mention(c));
            (v.mentions.len() - 1, *after)
        });
        // PETRARCH with `require_dyad` off: a missing target is `---`.
        let dash_target = (d.options.petrarch && !opts.require_dyad).then(|| {
            v.mentions.push(default_mention("---"));
            v.mentions.len() - 1
        });
        // Comma-delimited clauses are dropped (manual 7.8, `COMMA:`): between
        // commas when they hold more than MIN and at most MAX words, at the end
        // of the sentence EMIN..EMAX, at its start BMIN..BMAX (by default never).
        let mut end = n;
        while end > 0 && matches!(tokens.norm(end - 1), "." | "!" | "?" | "\"" | "'") {
            end -= 1;
        }
        // A comma before a conjunction closes a clause but opens none, so in
        // TABARI it counts even inside a grouped list ("associated with the
        // IMF and Red Cross, and Elrond ...").
        let before_conj = |i: usize| i + 1 < n && CONJ.contains(&tokens.norm(i + 1));
        // PETRARCH's parse keeps a comma between adjectives inside a noun
        // phrase ("restore complete, full diplomatic ties"): it delimits no
        // clause. Such a comma stands between lowercase words that are no
        // verbs, function words or actors, and the phrase goes on after.
        let modifier = |j: usize| {
            let t = tokens.get(j);
            let w = tokens.norm(j);
            t.kind == accord_text::TokenKind::Word
                && !t.capitalized
                && !v.covered[j]
                && d.verbs_of(ids[j]).is_empty()
                && !NP_STOPS.contains(&w)
                && !CONJ.contains(&w)
                && !PRONOUNS.contains(&w)
                && !matches!(w, "the" | "a" | "an" | "this" | "that" | "these" | "those")
        };
        let adjective_comma = |i: usize| {
            d.options.petrarch
                && i > 0
                && i + 2 < n
                && modifier(i - 1)
                && modifier(i + 1)
                && tokens.get(i + 2).kind == accord_text::TokenKind::Word
        };
        let commas: Vec<usize> = (0..end)
            .filter(|&i| {
                tokens.norm(i) == ","
                    && (!v.covered[i] || (!d.options.petrarch && before_conj(i)))
                    && !adjective_comma(i)
            })
            .collect();
        if let (Some([min, max, emin, emax, bmin, bmax]), false) = (opts.comma, commas.is_empty()) {
            let words = |a: usize, b: usize| {
                (a..b)
                    .filter(|&j| tokens.get(j).kind != accord_text::TokenKind::Punct)
                    .count()
            };
            // The phrase before the first comma, then phrases from each comma to
            // the next (or the end); a comma that closes a dropped phrase opens none.
            let mut k = 0;
            if words(0, commas[0]) > bmin && words(0, commas[0]) <= bmax {
                for x in v.dead.iter_mut().take(commas[0] + 1) {
                    *x = true;
                }
                k = 1;
            }
            while k < commas.len() {
                let a = commas[k];
                if !d.options.petrarch && before_conj(a) {
                    k += 1;
                    continue;
                }
                let last = k + 1 == commas.len();
                let b = commas.get(k + 1).copied().unwrap_or(end);
                let (lo, hi) = if last { (emin, emax) } else { (min, max) };
                let w = words(a + 1, b);
                if w > lo && w <= hi {
                    let stop = if last { end } else { b + 1 };
                    for x in v.dead.iter_mut().take(stop).skip(a) {
                        *x = true;
                    }
                    k += 2;
                } else {
                    k += 1;
                }
            }
        }
        // A grouped mention that a dropped clause cuts keeps its live part.
        for mi in 0..v.mentions.len() {
            let m = &v.mentions[mi];
            if m.pronoun || m.start >= n || !v.dead[m.start] || v.starting[m.start] != Some(mi) {
                continue;
            }
            let Some(j) = (m.start..m.end.min(n)).find(|&j| {
                !v.dead[j] && v.covered[j] && {
                    let t = tokens.get(j);
                    t.kind == accord_text::TokenKind::Word && !CONJ.contains(&tokens.norm(j))
                }
            }) else {
                continue;
            };
            let codes = phrase_codes(d, tokens, ids, date, m, j, m.end);
            if codes.is_empty() || v.starting[j].is_some() {
                continue;
            }
            let live = ActorMention {
                start: j,
                codes,
                ..m.clone()
            };
            v.mentions.push(live);
            v.starting[j] = Some(v.mentions.len() - 1);
        }
        // A gapped actor whose tail falls in a dropped clause is no actor
        // ("Radagast, the Brown wizard of reknown," for RADAGAST THE_BROWN).
        for &(st, a, b) in &gap_tails {
            if (a..b).any(|j| v.dead[j]) && !v.dead[st] {
                v.starting[st] = None;
            }
        }
        // A pronoun whose actor stands in a dropped clause stands for nothing.
        for &(t, r) in &referents {
            if v.dead[r] {
                v.starting[t] = None;
            }
        }
        // What the next record's opening pronoun takes: this sentence's first
        // live actor, named here (not a pronoun), as its actor code without
        // agents ("Fornost President" passes on FOR). The manual asks that
        // it stand before a verb; TABARI's own validation records show that
        // it need not.
        if opts.forward.is_some() {
            ctx.tab_forward = (0..n)
                .filter(|&j| !v.dead[j])
                .filter_map(|j| v.starting[j])
                .find(|&mi| !v.mentions[mi].pronoun)
                .and_then(|mi| v.mentions[mi].codes.first())
                .map(|c| match c.get(..3) {
                    Some(root) if c.len() > 3 && d.place(root).is_some() => root.to_string(),
                    _ => c.clone(),
                });
        }
        // Clauses: split at conjunctions that join no actors.
        let mut bounds: Vec<(usize, usize)> = Vec::new();
        let mut cs = 0;
        for i in 0..n {
            // Compound nouns and adjectives ("sheep and goats", "black and white")
            // are no clause break (manual 7.5.1).
            let class = |j: usize| d.tab_class(ids[j]);
            let compound_words = i > 0 && {
                let before = class(i - 1);
                let mut j = i + 1;
                while j < n && class(j) & TAB_ADJECTIVE != 0 && class(j) & TAB_NOUN == 0 {
                    j += 1;
                }
                (before & TAB_NOUN != 0 && j < n && class(j) & TAB_NOUN != 0)
                    || (before & TAB_ADJECTIVE != 0
                        && i + 1 < n
                        && class(i + 1) & TAB_ADJECTIVE != 0)
            };
            // PETRARCH's clauses come from its parse: "and" after no verb
            // joins words ("heavily and unjustly", "death and injury toll").
            let no_verb_yet = d.options.petrarch
                && !(cs..i).any(|j| {
                    let capitalized = j > 0 && tokens.get(j).capitalized;
                    !(v.dead[j] || v.covered[j] || capitalized || d.verbs_of(ids[j]).is_empty())
                });
            // A verb phrase that holds the conjunction ("SHOT_AND_WOUND":
            // "shot and wounded") is no clause break (manual 7.6).
            let in_verb = i > 0
                && i + 1 < n
                && d.verbs_of(ids[i - 1]).iter().any(|&(vi, _)| {
                    let Some(verb) = d.verbs.get(vi as usize) else {
                        return false;
                    };
                    let mut words = verb.lemma.split(' ').skip(1);
                    words.next() == Some(tokens.norm(i))
                        && words.next().is_some_and(|w| {
                            tokens
                                .norm(i + 1)
                                .starts_with(w.to_ascii_lowercase().trim_end_matches('_'))
                        })
                });
            if !v.dead[i]
                && !v.covered[i]
                && !compound_words
                && !no_verb_yet
                && !in_verb
                && CONJ.contains(&tokens.norm(i))
            {
                bounds.push((cs, i));
                cs = i + 1;
            }
        }
        bounds.push((cs, n));
        // Verb candidates: not actors, not dropped, not after a determiner,
        // not capitalized inside the sentence (unless all of it is capitals).
        let all_caps = (0..n).all(|i| {
            let t = tokens.get(i);
            t.kind != accord_text::TokenKind::Word || t.all_upper
        });
        // A multi-word verb (`HAS_NO_WISH`, `WORLD_CUP`) is a verb where its
        // words stand together, not wherever its first word does: "has" or
        // "world" alone is none, for clauses and the `COMPLEX:` count alike.
        let whole_verb = |i: usize| -> bool {
            d.verbs_of(ids[i]).iter().any(|&(vi, _)| {
                let Some(verb) = d.verbs.get(vi as usize) else {
                    return false;
                };
                match verb.lemma.split(' ').nth(1) {
                    None => true,
                    Some(w) => v.next_live(i + 1, n).is_some_and(|j| {
                        let t = tokens.norm(j);
                        let w = w.to_ascii_lowercase();
                        t.starts_with(w.trim_end_matches('_'))
                    }),
                }
            })
        };
        let is_verb = |i: usize| -> bool {
            if v.covered[i] || v.dead[i] || !whole_verb(i) || d.tab_class(ids[i]) & TAB_NOUN != 0 {
                return false;
            }
            if i > 0 && tokens.get(i).capitalized && !all_caps {
                return false;
            }
            // A possessive is a noun: the regular endings are a verb's, `'s`
            // is none of them (manual 5.2.3).
            if i + 1 < n
                && tokens.norm(i + 1) == "'s"
                && tokens.get(i + 1).start == tokens.get(i).end
            {
                return false;
            }
            // PETRARCH's parse tags a modal as an auxiliary, never the verb.
            if d.options.petrarch && MODALS.contains(&tokens.norm(i)) {
                return false;
            }
            // PETRARCH: an actor after a hyphenated prefix is a modifier, and
            // the word after it a noun ("an anti- Gondor parade").
            if d.options.petrarch {
                let mut j = i;
                let mut prefixed = false;
                while let Some(p) = v.prev_live(j, 0) {
                    let hyphen = tokens.norm(p) == "-"
                        || (p + 1 < n
                            && tokens.norm(p + 1) == "-"
                            && tokens.get(p + 1).start == tokens.get(p).end);
                    if hyphen && j < i {
                        prefixed = true;
                    }
                    if v.covered[p] || (hyphen && j < i) {
                        j = p;
                    } else {
                        break;
                    }
                }
                if prefixed {
                    return false;
                }
            }
            !v.prev_live(i, 0)
                .is_some_and(|p| matches!(tokens.norm(p), "the" | "a" | "an"))
        };
        // `COMPLEX:` conditions: too many verbs or conjunctions, no actor before
        // the first verb.
        let verbs = (0..n).filter(|&i| is_verb(i)).count();
        if self.explain {
            let words: Vec<&str> = (0..n)
                .filter(|&i| is_verb(i))
                .map(|i| tokens.norm(i))
                .collect();
            eprintln!("   tabari verbs {words:?}, clauses {}", bounds.len());
        }
        if (opts.complex_verbs > 0 && verbs >= opts.complex_verbs)
            || (opts.complex_conj > 0 && bounds.len() > opts.complex_conj)
        {
            return Vec::new();
        }
        // `NOACTPRIOR` is checked at the first verb that codes: a null-coded
        // verb before the first actor ("On accord Gondor repelled ...") does
        // not make the sentence complex.
        let mut prior_checked = !opts.no_actor_prior;
        let mut events: Vec<CodedEvent> = Vec::new();
        let mut subordinate: Vec<CodedEvent> = Vec::new();
        let mut carried: Option<usize> = None;
        // A verb of the first clause matched a pattern.
        let mut matched_first = false;
        let mut dominant: Vec<CodedEvent> = Vec::new();
        'clauses: for (ci, &(cs, ce)) in bounds.iter().enumerate() {
            // The source of a later clause: an actor right after the conjunction, else
            // the sentence's.
            let clause_source = if ci == 0 {
                None
            } else {
                v.next_live(cs, ce).and_then(|j| v.starting[j]).or(carried)
            };
            let mut coded = false;
            let mut sub: Option<Vec<CodedEvent>> = None;
            #[allow(clippy::needless_range_loop)]
            for pos in cs..ce {
                if !is_verb(pos) {
                    continue;
                }
                // The longest matching pattern over the verbs of this word.
                let mut best: Option<(&VerbPattern, TSlots, u16)> = None;
                // A verb whose own word this is ("LEFT_") before one it is a form
                // of (LEAVE): base forms are tried first and win ties.
                let forms = d.verbs_of(ids[pos]);
                let base_first = forms
                    .iter()
                    .filter(|f| f.1 == VerbForm::Base)
                    .chain(forms.iter().filter(|f| f.1 != VerbForm::Base));
                for &(verb, _) in base_first {
                    let verb = &d.verbs[verb as usize];
                    for &pi in &verb.tab_order {
                        let p = &verb.patterns[pi as usize];
                        let Some(tp) = p.tab.as_deref() else {
                            continue;
                        };
                        if best.as_ref().is_some_and(|b| b.2 >= tp.len) {
                            break;
                        }
                        if let Some(slots) = self.tab_match(&v, tp, pos, cs, ce) {
                            best = Some((p, slots, tp.len));
                            break;
                        }
                    }
                }
                if self.explain {
                    eprintln!(
                        "   tabari verb [{}] clause {ci}: {}",
                        tokens.norm(pos),
                        best.as_ref()
                            .map_or("no pattern".to_string(), |(p, ..)| format!(
                                "{}:{}",
                                d.files.get(p.file as usize).map_or("?", String::as_str),
                                p.line
                            ))
                    );
                }
                let Some((p, slots, _)) = best else {
                    continue;
                };
                let Some(code_id) = p.code else {
                    // A null-coded phrase is a verb found (and coded as
                    // nothing): its source is the sentence's.
                    if ci == 0 && carried.is_none() && !d.options.petrarch {
                        carried = (0..pos).filter(|&j| !v.dead[j]).find_map(|j| v.starting[j]);
                    }
                    matched_first |= ci == 0;
                    continue;
                };
                if !prior_checked {
                    prior_checked = true;
                    if !(0..pos).any(|j| !v.dead[j] && v.starting[j].is_some()) {
                        return Vec::new();
                    }
                }
                let info = d.codes.info(code_id);
                let is_sub = info.code.ends_with('?');
                // A dominant code (`031!`, manual 6.6.2): when one codes, only
                // dominant events are kept. (Validate's FRWD-002-003 shows
                // that it does not reopen a clause that has its event.)
                let is_dom = info.code.ends_with('!');
                // Source and target (manual 5.8).
                let first_before = |limit: usize, differ: Option<usize>| -> Option<usize> {
                    (0..limit)
                        .filter(|&j| !v.dead[j])
                        .filter_map(|j| v.starting[j])
                        .find(|&mi| differ.is_none_or(|o| v.codes_differ(mi, o)))
                };
                let designated =
                    slots.source.is_some() || slots.target.is_some() || slots.compound.is_some();
                // PETRARCH reads `%` as a compound source before the verb and a
                // compound target after it; the other role is found as usual.
                let mut slots = slots;
                if d.options.petrarch {
                    if let Some(c) = slots.compound.take() {
                        if v.mentions[c].start < pos {
                            slots.source = Some(c);
                        } else {
                            slots.target = Some(c);
                        }
                    }
                }
                let (source, target) = if let Some(c) = slots.compound {
                    (Some(c), Some(c))
                } else {
                    // PETRARCH takes the source from the verb's own subject:
                    // the noun phrase before it, back to a comma, a verb or a
                    // subordinating word ("..., almost five years after
                    // Calenardhon crowds burned down"), its first actor; a
                    // subject with no actor ("..., he said") gives no source.
                    // Reaching the clause's start, or with no words but
                    // auxiliaries, the rules above hold. (`Some(None)`: a
                    // subject with no actor.)
                    let subject = || -> Option<Option<usize>> {
                        if !d.options.petrarch {
                            return None;
                        }
                        let mut j = pos;
                        let mut first = None;
                        let mut words = false;
                        let mut pronoun = false;
                        loop {
                            let p = v.prev_live(j, cs)?;
                            j = p;
                            let w = tokens.norm(j);
                            if v.covered[j] {
                                if let Some(mi) = v.starting[j] {
                                    first = Some(mi);
                                }
                                words = true;
                                continue;
                            }
                            let boundary = w == ","
                                || SUBORDINATORS.contains(&w)
                                || CONJ.contains(&w)
                                || (!auxiliary(w) && is_verb(j));
                            if boundary {
                                break;
                            }
                            if !auxiliary(w) && !w.ends_with("ly") {
                                match tokens.get(j).kind {
                                    accord_text::TokenKind::Word if PRONOUNS.contains(&w) => {
                                        pronoun = true
                                    }
                                    accord_text::TokenKind::Word => words = true,
                                    _ => {}
                                }
                            }
                        }
                        if pronoun && !words {
                            return Some(None);
                        }
                        first
                            .filter(|&mi| slots.target.is_none_or(|t| v.codes_differ(mi, t)))
                            .map(Some)
                    };
                    let own = slots.source.is_none().then(subject).flatten();
                    if own == Some(None) {
                        break;
                    }
                    let own_subject = own.flatten();
                    let source = slots.source.or(own_subject).or_else(|| {
                        if ci > 0 {
                            clause_source
                                .filter(|&s| slots.target.is_none_or(|t| v.codes_differ(s, t)))
                                .or_else(|| {
                                    // The clause's own first actor before the verb.
                                    (cs..pos)
                                        .filter(|&j| !v.dead[j])
                                        .filter_map(|j| v.starting[j])
                                        .find(|&mi| {
                                            slots.target.is_none_or(|t| v.codes_differ(mi, t))
                                        })
                                })
                        } else {
                            first_before(pos, slots.target)
                        }
                    });
                    // A pattern's target with no source before the verb: the first
                    // other actor of the sentence ("+ WAS * DEAD": "X was shot dead in Y").
                    let source = source.or_else(|| {
                        let t = slots.target?;
                        (pos + 1..n)
                            .filter(|&j| !v.dead[j])
                            .filter_map(|j| v.starting[j])
                            .find(|&mi| v.codes_differ(mi, t))
                    });
                    // No actor before the verb: the default source, or (without
                    // PRIOR) the first actor after it.
                    let source = source.or_else(|| match def_source {
                        Some((ds, true)) => Some(ds),
                        Some((ds, false)) => (pos + 1..ce)
                            .filter(|&j| !v.dead[j])
                            .find_map(|j| v.starting[j])
                            .or(Some(ds)),
                        // (TABARI: a later clause with no source of its own
                        // takes its first actor, after the verb too.)
                        None if ci > 0 && !d.options.petrarch => (pos + 1..ce)
                            .filter(|&j| !v.dead[j])
                            .find_map(|j| v.starting[j]),
                        None => None,
                    });
                    // A verb coded from its own subject (PETRARCH) takes its
                    // target from its own phrase, up to a comma, else none
                    // (`---` when `require_dyad` is off).
                    let own_target = || -> Option<usize> {
                        let s = own_subject?;
                        (pos + 1..ce)
                            .filter(|&j| !v.dead[j])
                            .take_while(|&j| v.covered[j] || tokens.norm(j) != ",")
                            .filter_map(|j| v.starting[j])
                            .find(|&mi| v.codes_differ(mi, s))
                            .or(dash_target)
                    };
                    let target = slots.target.or_else(|| {
                        if own_subject.is_some() {
                            return own_target();
                        }
                        // TABARI takes a possessive "their" for a compound
                        // source as its target, as if reflexive (Validate's
                        // COMPOUND-24 calls it a bug but keeps it).
                        let reflexive = |mi: usize, s: usize| {
                            !d.options.petrarch
                                && v.mentions[mi].pronoun
                                && tokens.norm(v.mentions[mi].start) == "their"
                                && v.mentions[s].codes.len() > 1
                        };
                        let after = (pos + 1..ce)
                            .filter(|&j| !v.dead[j])
                            .filter_map(|j| v.starting[j])
                            .find(|&mi| {
                                source.is_none_or(|s| v.codes_differ(mi, s) || reflexive(mi, s))
                            });
                        after
                            // A compound source found after the verb (no actor
                            // before it): its other members are the actors
                            // after the verb that differ from its first.
                            .or_else(|| {
                                source.filter(|&s| {
                                    v.mentions[s].start > pos && v.mentions[s].codes.len() > 1
                                })
                            })
                            .or(def_target.filter(|d| d.1).map(|d| d.0))
                            // ... else the nearest other actor before the verb in its clause.
                            .or_else(|| {
                                source.and_then(|s| {
                                    (cs..pos)
                                        .rev()
                                        .filter(|&j| !v.dead[j])
                                        .filter_map(|j| v.starting[j])
                                        .find(|&mi| v.codes_differ(mi, s))
                                })
                            })
                            // ... or a gapped actor whose later part stands there
                            // ("near Durthang and an Orc leader said").
                            .or_else(|| {
                                source.and_then(|s| {
                                    gap_tails
                                        .iter()
                                        .rev()
                                        .filter(|&&(_, a, _)| a >= cs && a < pos && !v.dead[a])
                                        .filter_map(|&(st, _, _)| v.starting[st])
                                        .find(|&mi| v.codes_differ(mi, s))
                                })
                            })
                            // (PETRARCH: not a compound carried from an
                            // earlier clause, which is no part of this one.)
                            .or_else(|| {
                                source.filter(|&s| {
                                    v.mentions[s].codes.len() > 1
                                        && !(d.options.petrarch && v.mentions[s].start < cs)
                                })
                            })
                            .or(def_target.map(|(dt, _)| dt))
                    });
                    (source, target)
                };
                // Passive voice (manual 7.9); a modifier may stand between the
                // verb and BY ("was opposed earlier by").
                let by_follows = v.next_live(pos + 1, n).is_some_and(|j| {
                    tokens.norm(j) == "by"
                        || (!v.covered[j]
                            && d.verbs_of(ids[j]).is_empty()
                            && v.next_live(j + 1, n)
                                .is_some_and(|k| tokens.norm(k) == "by"))
                });
                let passive = !designated
                    && by_follows
                    && [
                        v.prev_live(pos, 0),
                        v.prev_live(pos, 0).and_then(|p| v.prev_live(p, 0)),
                    ]
                    .into_iter()
                    .flatten()
                    .any(|j| matches!(tokens.norm(j), "was" | "were" | "been"));
                let (source, target) = if passive {
                    (target, source)
                } else {
                    (source, target)
                };
                // (TABARI: a verb that finds no target codes nothing and
                // passes no source on.)
                if ci == 0 && carried.is_none() && (target.is_some() || d.options.petrarch) {
                    carried = source;
                }
                matched_first |= ci == 0;
                // PETRARCH's `new_actor_length`: a subject or object noun
                // phrase with no actor becomes one, coded by its own words.
                let (fresh_source, fresh_target) = if d.options.petrarch
                    && opts.new_actor_length > 0
                {
                    let len = opts.new_actor_length;
                    let fs = match source {
                        None => fresh_subject(d, &v, pos, cs, len)
                            .filter(|(a, _, _)| {
                                *a == cs
                                    || v.prev_live(*a, cs)
                                        .is_none_or(|j| !CONJ.contains(&tokens.norm(j)))
                            })
                            .map(|(a, b, code)| fresh_mention(a, b, code)),
                        // "Eriador's death and injury toll has risen": the
                        // conjunct with no actor joins the source.
                        Some(si) => fresh_subject(d, &v, pos, cs, len).and_then(|(a, b, code)| {
                            let and = v.prev_live(a, cs)?;
                            let m = &v.mentions[si];
                            let joined = CONJ.contains(&tokens.norm(and))
                                && m.end <= and
                                && (m.end..and).all(|j| v.skippable(j) || np_word(d, &v, j));
                            joined.then(|| {
                                let mut m = m.clone();
                                m.codes.push(code);
                                m.end = b;
                                m
                            })
                        }),
                    };
                    let ft = match target {
                        None => fresh_object(d, &v, pos, ce, len)
                            .map(|(a, b, code)| fresh_mention(a, b, code)),
                        Some(_) => None,
                    };
                    (fs, ft)
                } else {
                    (None, None)
                };
                let sm = fresh_source.as_ref().or(source.map(|s| &v.mentions[s]));
                let tm = fresh_target.as_ref().or(target.map(|t| &v.mentions[t]));
                let (Some(sm), Some(tm)) = (sm, tm) else {
                    continue;
                };
                let mut out = Vec::new();
                // A compound source that is its own target codes each pair once.
                let half = source.is_some() && source == target && slots.compound.is_none();
                self.tab_events(
                    &mut out, article, index, text, event_date, tokens, sm, tm, pos, p, half,
                );
                if out.is_empty() {
                    continue;
                }
                if is_sub {
                    if sub.is_none() {
                        sub = Some(out);
                    }
                    continue;
                }
                if is_dom {
                    dominant.extend(out.iter().cloned());
                }
                events.extend(out);
                coded = true;
                match opts.code_by {
                    CodeBy::Clause => break,
                    CodeBy::Sentence => break 'clauses,
                    CodeBy::All => {}
                }
            }
            if !coded {
                if let Some(s) = sub {
                    subordinate.extend(s);
                }
            }
            // No event in the first clause: its first actor is the sentence's
            // source, if it is a clause at all: words joined by "and" with no
            // verb ("Ithilen's sheep and pigs of Gondor warned") are not.
            if ci == 0
                && carried.is_none()
                && (d.options.petrarch || !matched_first)
                && (cs..ce).any(&is_verb)
            {
                carried = (cs..ce).filter(|&j| !v.dead[j]).find_map(|j| v.starting[j]);
            }
        }
        if !dominant.is_empty() {
            events = dominant;
        }
        if events.is_empty() {
            events = subordinate;
        }
        let mut seen: Vec<(String, String, String)> = Vec::new();
        events.retain(|e| {
            let k = (e.source.clone(), e.target.clone(), e.code.clone());
            if seen.contains(&k) {
                false
            } else {
                seen.push(k);
                true
            }
        });
        events
    }

    #[allow(clippy::too_many_arguments)]
    fn tab_events(
        &self,
        out: &mut Vec<CodedEvent>,
        article: &str,
        index: u32,
        text: &str,
        date: Option<Date>,
        tokens: &Tokens,
        sm: &ActorMention,
        tm: &ActorMention,
        pos: usize,
        p: &VerbPattern,
        half: bool,
    ) {
        let d = self.dict;
        let span = |m: &ActorMention| [tokens.get(m.start).start, tokens.get(m.end - 1).end];
        let vt = tokens.get(pos);
        let spans = Spans {
            source: span(sm),
            verb: [vt.start, vt.end],
            target: span(tm),
        };
        let pattern = format!(
            "{}:{}",
            d.files.get(p.file as usize).map_or("?", String::as_str),
            p.line
        );
        let clean = |c: &str| c.trim_end_matches(['?', '!']).to_string();
        let Some(code_id) = p.code else {
            return;
        };
        let info = d.codes.info(code_id);
        let code = clean(&info.code);
        let when = date.map(EventDate::Day);
        let site = EventSite {
            article,
            sentence: index,
            date: when,
            text,
            spans,
            pattern: &pattern,
        };
        for (a, s) in sm.codes.iter().enumerate() {
            for (b, t) in tm.codes.iter().enumerate() {
                if s == t || (half && b <= a) {
                    continue;
                }
                out.push(CodedEvent::at(&site, s, t, info, code.clone()));
                if let Some(pinfo) = p.paired.map(|c| d.codes.info(c)) {
                    let reverse = EventSite {
                        spans: spans.reversed(),
                        ..site
                    };
                    out.push(CodedEvent::at(&reverse, t, s, pinfo, clean(&pinfo.code)));
                }
            }
        }
    }

    /// Matches a pattern at the verb in `pos` inside the clause `cs..ce`.
    fn tab_match(
        &self,
        v: &View,
        p: &TabPattern,
        pos: usize,
        cs: usize,
        ce: usize,
    ) -> Option<TSlots> {
        // After the verb, phrase matching stops at a comma.
        let end = (pos + 1..ce)
            .find(|&j| !v.dead[j] && !v.covered[j] && v.norm(j) == ",")
            .unwrap_or(ce);
        let mut slots = TSlots::default();
        if !self.tab_post(v, &p.post, 0, pos + 1, end, None, false, &mut slots) {
            return None;
        }
        // Before the verb: elements in text order within the clause, each at
        // the place nearest the verb that lets the rest match (TABARI reads
        // them backwards from the verb); the last one next to the verb when
        // `_` joins them.
        if !p.pre.is_empty() {
            let joined = p.pre_joined.then_some(pos);
            if !self.tab_post(v, &p.pre, 0, cs, pos, joined, true, &mut slots) {
                return None;
            }
        }
        Some(slots)
    }

    /// The end of a noun phrase starting at `at` (before `end`), with its
    /// actors, or `None` if no noun phrase starts there: it stops at a
    /// preposition (`of` too: in "at the Gondor of the Prince of Dol
    /// Amroth" PETRARCH's `^` skips "the Gondor" alone), conjunction,
    /// punctuation or verb.
    fn noun_phrase_end(&self, v: &View, at: usize, end: usize) -> Option<usize> {
        let d = self.dict;
        let mut j = at;
        while j < end {
            if v.skippable(j) {
                j += 1;
                continue;
            }
            if let Some(mi) = v.starting[j] {
                // "the parliament of Gondor": the agent's noun phrase alone.
                if let Some(k) =
                    agent_of(d, v, &v.mentions[mi]).filter(|&k| v.inner[k + 1].is_some())
                {
                    j = k;
                    break;
                }
                j = v.mentions[mi].end.max(j + 1);
                continue;
            }
            let t = v.tokens.get(j);
            let w = v.norm(j);
            let head = t.kind == accord_text::TokenKind::Word
                && w != "of"
                && !CONJ.contains(&w)
                && !NP_STOPS.contains(&w)
                && (v.covered[j]
                    || d.verbs_of(v.ids[j]).is_empty()
                    || j > at && matches!(v.norm(j - 1), "the" | "a" | "an"));
            if !head {
                break;
            }
            j += 1;
        }
        (j > at).then_some(j)
    }

    /// Matches `elems[ei..]` forwards from `from`.
    #[allow(clippy::too_many_arguments)]
    fn tab_post(
        &self,
        v: &View,
        elems: &[(Elem, bool)],
        ei: usize,
        from: usize,
        end: usize,
        joined: Option<usize>,
        back: bool,
        slots: &mut TSlots,
    ) -> bool {
        let Some((elem, adjacent)) = elems.get(ei) else {
            // `X_*`: the last element must stand right before the verb.
            return joined.is_none_or(|verb| v.next_live(from, verb + 1) == Some(verb));
        };
        let adjacent = *adjacent && ei > 0;
        // Where this element may stand. Before the verb TABARI matches from
        // the verb backwards, so there the nearest places are tried first.
        let mut places: Vec<usize> = Vec::new();
        let mut j = from;
        while let Some(at) = v.next_live(j, end) {
            places.push(at);
            if adjacent {
                break;
            }
            j = at + 1;
        }
        if back {
            places.reverse();
        }
        for at in places {
            match elem {
                // PETRARCH's `^` skips a whole noun phrase, actor or not.
                Elem::Skip if self.dict.options.petrarch => {
                    if let Some(e) = self.noun_phrase_end(v, at, end) {
                        if self.tab_post(v, elems, ei + 1, e, end, joined, back, slots) {
                            return true;
                        }
                        // The first noun phrase met is the one skipped.
                        if !back {
                            return false;
                        }
                    }
                }
                Elem::Target | Elem::Source | Elem::Compound | Elem::Skip => {
                    // (Forwards only: read back from the verb, the whole
                    // "parliament of Gondor" is met first.)
                    let inner = if back { None } else { v.inner[at] };
                    if let Some(mi) = v.starting[at].or(inner) {
                        let is_compound = v.mentions[mi].codes.len() > 1;
                        if matches!(elem, Elem::Compound) && !is_compound {
                            // `%` looks for the first compound actor.
                        } else {
                            let saved = *slots;
                            match elem {
                                Elem::Target => slots.target = Some(mi),
                                Elem::Source => slots.source = Some(mi),
                                Elem::Compound => slots.compound = Some(mi),
                                _ => {}
                            }
                            if self.tab_post(
                                v,
                                elems,
                                ei + 1,
                                v.mentions[mi].end,
                                end,
                                joined,
                                back,
                                slots,
                            ) {
                                return true;
                            }
                            *slots = saved;
                            // The first actor met is the one the slot takes
                            // (before the verb: the nearest one that fits).
                            if !back {
                                return false;
                            }
                        }
                    }
                }
                Elem::Exact(alts) => {
                    if alts.contains(&v.exact_ids[at])
                        && self.tab_post(v, elems, ei + 1, at + 1, end, joined, back, slots)
                    {
                        return true;
                    }
                }
                Elem::Words(alts) => {
                    if (alts.contains(&v.ids[at]) || alts.contains(&v.stem_ids[at]))
                        && self.tab_post(v, elems, ei + 1, at + 1, end, joined, back, slots)
                    {
                        return true;
                    }
                }
                Elem::Set(s) if !self.dict.tab_set(*s).is_empty() => {
                    // A TABARI member is a little pattern of its own (blanks
                    // allow gaps, `$` and `+` are slots) that starts here.
                    for member in self.dict.tab_set(*s) {
                        let mut combined = member.clone();
                        let rest_at = combined.len();
                        combined.extend_from_slice(&elems[ei + 1..]);
                        // A `_` right after a synset does not hold in TABARI
                        // (Validate's SYNSET-22h): the next word may stand apart.
                        if let Some(e) = combined.get_mut(rest_at) {
                            e.1 = false;
                        }
                        let saved = *slots;
                        let next = match &combined[0].0 {
                            Elem::Words(alts)
                                if alts.contains(&v.ids[at]) || alts.contains(&v.stem_ids[at]) =>
                            {
                                Some(at + 1)
                            }
                            Elem::Source | Elem::Target => v.starting[at].map(|mi| {
                                if matches!(combined[0].0, Elem::Source) {
                                    slots.source = Some(mi);
                                } else {
                                    slots.target = Some(mi);
                                }
                                v.mentions[mi].end
                            }),
                            _ => None,
                        };
                        if let Some(next) = next {
                            if self.tab_post(v, &combined, 1, next, end, joined, back, slots) {
                                return true;
                            }
                        }
                        *slots = saved;
                    }
                }
                Elem::Set(s) => {
                    let ends: Vec<usize> = self.dict.set_match_ends(*s, v.ids, at).collect();
                    for e in ends {
                        if self.tab_post(v, elems, ei + 1, e, end, joined, back, slots) {
                            return true;
                        }
                    }
                }
            }
        }
        false
    }
}

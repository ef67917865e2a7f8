//! PETRARCH's rules on top of the TABARI engine (PETRARCH-format validation
//! dictionaries, `CoderOptions::petrarch`).
//!
//! PETRARCH codes each comma-delimited clause from its own parse, so a
//! closing ", a senior official said on Saturday" is an event of its own
//! when `require_dyad` is off: the speaker against no one, written
//! `(---GOV, ---, 023)`.

use crate::mentions::{ActorMention, MentionContext};
use crate::{CodedEvent, Coder, Scratch};
use accord_dict::{ActorEntry, Dictionary};
use accord_text::{Date, Tokens};

impl Coder<'_> {
    /// Codes the sentence's last comma-delimited clause on its own, a
    /// missing target written `---` and an agent with no actor `---AGT`,
    /// unless an event of `events` already comes from it.
    pub(crate) fn petrarch_terminal_clause(
        &self,
        article: &str,
        index: u32,
        text: &str,
        date: Option<Date>,
        tokens: &Tokens,
        events: &mut Vec<CodedEvent>,
    ) {
        let mut end = tokens.len();
        while end > 0 && matches!(tokens.norm(end - 1), "." | "!" | "?" | "\"" | "'") {
            end -= 1;
        }
        let Some(comma) = (0..end).rev().find(|&i| tokens.norm(i) == ",") else {
            return;
        };
        if comma + 1 >= end {
            return;
        }
        let from = tokens.get(comma + 1).start;
        if events.iter().any(|e| e.spans.verb[0] >= from) {
            return;
        }
        // A closing clause the `COMMA:` limits drop (more than EMIN and at
        // most EMAX words) is gone before PETRARCH codes anything.
        if let Some([_, _, emin, emax, _, _]) = self.tab_options().comma {
            let words = (comma + 1..end)
                .filter(|&i| tokens.get(i).kind != accord_text::TokenKind::Punct)
                .count();
            if words > emin && words <= emax {
                return;
            }
        }
        let Some(clause) = text.get(from as usize..) else {
            return;
        };
        // The clause alone: no comma dropping, no length floor, `---` for a
        // missing target, and no further clause pass (require_dyad on).
        let mut tab = self.tab_options().clone();
        tab.require_dyad = true;
        tab.comma = None;
        tab.min_words = 0;
        tab.default_target = Some(("---".to_string(), false));
        let sub = Coder {
            dict: self.dict,
            explain: self.explain,
            tab: Some(tab),
        };
        let mut ctx = MentionContext::default();
        let mut scratch = Scratch::default();
        let (_, found) = sub.code_sentence(article, index, clause, date, &mut ctx, &mut scratch);
        let shift = |s: [u32; 2]| [s[0] + from, s[1] + from];
        for mut e in found {
            // With no target, PETRARCH still needs a phrase after the verb to
            // stand as its object ("said on Saturday"); a bare time word is
            // none ("said today").
            if e.target == "---" && !has_object(clause, e.spans.verb[1] as usize) {
                continue;
            }
            if events
                .iter()
                .any(|x| x.source == e.source && x.target == e.target && x.code == e.code)
            {
                continue;
            }
            e.spans.source = shift(e.spans.source);
            e.spans.verb = shift(e.spans.verb);
            e.spans.target = shift(e.spans.target);
            e.text = text.to_string();
            events.push(e);
        }
    }
}

/// Whether a word other than a time adverb follows byte `at` of `clause`.
fn has_object(clause: &str, at: usize) -> bool {
    clause.get(at..).is_some_and(|rest| {
        rest.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .any(|w| {
                !matches!(
                    w.to_ascii_lowercase().as_str(),
                    "today" | "yesterday" | "tonight" | "now" | "too" | "again"
                )
            })
    })
}

/// PETRARCH's agents: every agent phrase of an actor's noun phrase adds its
/// code, overlapping phrases included ("main opposition group": `MOP` and
/// `OPP`); prefix agents (`NGO~`) go before the actor in the order found,
/// others after it; an agent already in the code is not repeated; "former"
/// right before the actor or an agent makes the agents `ELI` (TABARI
/// manual 5.4.1). Agents joined by "and" are alternatives sharing what
/// precedes them ("Danish Islamist media and government": `DNKMOSMED`,
/// `DNKMOSGOV`), for each actor of a compound they precede ("lawmakers and
/// officials in A and B"). People are left as they are.
pub(crate) fn stack_agents(
    dict: &Dictionary,
    tokens: &Tokens,
    ids: &[u32],
    mentions: &mut Vec<ActorMention>,
) {
    let n = tokens.len();
    let phrase_at = |k: usize| {
        let t = tokens.get(k);
        dict.longest_actor(ids, t.capitalized, t.all_upper, k)
    };
    let agent_at = |k: usize| match phrase_at(k) {
        Some((end, ActorEntry::Agent(a))) => Some((end, a)),
        _ => None,
    };
    // An agent with no actor (`---GOV`) joins the phrase of an actor next to
    // it: it neither bounds phrases nor stays a code beside a real one.
    let anonymous = |m: &ActorMention| m.codes.iter().all(|c| c.contains("---"));
    for m in mentions.iter_mut() {
        if !anonymous(m) {
            m.codes.retain(|c| !c.contains("---"));
        }
    }
    let bounds: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| !anonymous(m))
        .map(|m| (m.start, m.end))
        .collect();
    let free = |k: usize, own: (usize, usize)| {
        !bounds
            .iter()
            .any(|&(a, b)| (a, b) != own && (a..b).contains(&k))
    };
    for mi in 0..mentions.len() {
        let m = &mentions[mi];
        if m.person.is_some() || m.pronoun || m.codes.is_empty() || anonymous(m) {
            continue;
        }
        let own = (m.start, m.end);
        // The actors' own phrases: the non-agent dictionary phrases.
        let mut actors: Vec<(usize, usize, String)> = Vec::new();
        let mut k = m.start;
        while k < m.end {
            let (end, code) = match phrase_at(k) {
                Some((end, ActorEntry::Place(p, _))) => (
                    end,
                    dict.actors.places.get(p as usize).map(|x| x.code.clone()),
                ),
                Some((end, ActorEntry::Organization(o))) => (
                    end,
                    dict.actors
                        .organizations
                        .get(o as usize)
                        .map(|x| x.code.clone()),
                ),
                Some((end, ActorEntry::Person(_))) => (end, None),
                _ => (k + 1, None),
            };
            if let Some(c) = code {
                actors.push((k, end, c));
            }
            k = end;
        }
        let Some(&(a0, _, _)) = actors.first() else {
            continue;
        };
        // The noun phrase: agent phrases and "former" just before the
        // mention, agent phrases just after it.
        let mut from = m.start;
        while from > 0 && free(from - 1, own) {
            if tokens.norm(from - 1) == "former" {
                from -= 1;
                continue;
            }
            let agent_start = (from.saturating_sub(4)..from).find(|&s| {
                agent_at(s).is_some_and(|(end, _)| end == from) && (s..from).all(|j| free(j, own))
            });
            match agent_start {
                Some(s) => from = s,
                None => break,
            }
        }
        let mut to = m.end;
        // "X's awful and evil minister": a possessive's modifiers up to its agent.
        if to < n && tokens.norm(to) == "'s" {
            let modifier = |j: usize| {
                let t = tokens.get(j);
                t.kind == accord_text::TokenKind::Word
                    && !t.capitalized
                    && dict.verbs_of(ids[j]).is_empty()
                    && phrase_at(j).is_none()
            };
            let head = (to + 1..n.min(to + 5))
                .take_while(|&j| free(j, own))
                .find(|&j| !modifier(j));
            if let Some(h) = head.filter(|&h| agent_at(h).is_some()) {
                to = h;
            }
        }
        while to < n && free(to, own) {
            // "media and government": a conjoined agent is part of the phrase.
            let after_agent =
                (to.saturating_sub(4)..to).any(|s| agent_at(s).is_some_and(|(e, _)| e == to));
            let at = if matches!(tokens.norm(to), "and" | "or") && after_agent {
                to + 1
            } else {
                to
            };
            match (at < n).then(|| agent_at(at)).flatten() {
                Some((end, _)) if (to..end).all(|j| free(j, own)) => to = end,
                _ => break,
            }
        }
        // A title's name is part of the phrase: "minister Calimehtar".
        let named = (to > m.end)
            .then(|| mentions.iter().position(|x| x.start == to))
            .flatten()
            .filter(|&j| {
                let x = &mentions[j];
                x.codes.len() == 1 && x.end - x.start <= 2 && tokens.get(x.start).capitalized
            });
        // Agent phrases in runs split at "and"/"or".
        let mut runs: Vec<Vec<&str>> = Vec::new();
        let mut last_end = from;
        let mut last_agent = None;
        let mut former = false;
        for k in from..to {
            if actors.iter().any(|&(a, b, _)| (a..b).contains(&k)) {
                continue;
            }
            if tokens.norm(k) == "former" && (k + 1 == a0 || agent_at(k + 1).is_some()) {
                former = true;
            }
            let Some((end, a)) = agent_at(k) else {
                continue;
            };
            let Some(code) = dict.actors.agents.get(a as usize).map(|x| x.code.as_str()) else {
                continue;
            };
            let joined = (last_end..k).any(|j| matches!(tokens.norm(j), "and" | "or"));
            match runs.last_mut() {
                Some(run) if !joined => run.push(code),
                _ => runs.push(vec![code]),
            }
            last_end = last_end.max(end);
            last_agent = Some(k);
        }
        if runs.is_empty() {
            continue;
        }
        // Several actors: only agents joined before all of them are shared out.
        let compound = actors.len() > 1 || m.codes.len() > 1;
        if compound && (runs.len() < 2 || last_agent.is_some_and(|k| k > a0)) {
            continue;
        }
        let combos: Vec<Vec<&str>> = match runs.split_first() {
            Some((first, rest)) if !rest.is_empty() => {
                let (head, shared) = first.split_last().unwrap_or((&"", &[]));
                std::iter::once(vec![*head])
                    .chain(rest.iter().cloned())
                    .map(|alt| shared.iter().copied().chain(alt).collect())
                    .collect()
            }
            _ => runs,
        };
        let mut codes: Vec<String> = Vec::new();
        for (_, _, base) in &actors {
            for combo in &combos {
                let code = compose(base, combo, former);
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        let end = named.map_or(to, |j| mentions[j].end);
        let start = m.start.min(from);
        if let Some(j) = named {
            mentions[j].codes.clear();
        }
        for x in mentions.iter_mut() {
            if anonymous(x) && x.start >= start && x.end <= end {
                x.codes.clear();
            }
        }
        let m = &mut mentions[mi];
        if end > m.end {
            // The possessive now leads a longer phrase.
            m.possessive = end < n && tokens.norm(end) == "'s";
        }
        m.codes = codes;
        m.start = m.start.min(from);
        m.end = m.end.max(end);
    }
    mentions.retain(|m| !m.codes.is_empty());
}

/// An actor code with its agents: prefix agents (`NGO~`) before it in the
/// order given, others after it, none repeated; `former` makes the others
/// `ELI`.
fn compose(base: &str, agents: &[&str], former: bool) -> String {
    let has = |code: &str, part: &str| code.as_bytes().chunks(3).any(|c| c == part.as_bytes());
    let mut code = base.to_string();
    let mut suffixes: Vec<&str> = agents
        .iter()
        .copied()
        .filter(|a| !a.is_empty() && !a.ends_with('~'))
        .collect();
    if former && !suffixes.is_empty() {
        suffixes = vec!["ELI"];
    }
    for s in suffixes {
        if !has(&code, s) {
            code.push_str(s);
        }
    }
    for p in agents.iter().filter_map(|a| a.strip_suffix('~')) {
        if !has(&code, p) {
            code = format!("{p}{code}");
        }
    }
    code
}

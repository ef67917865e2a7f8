//! Actor mentions: dictionary phrases grouped into the noun phrases that act.
//!
//! Longest-match phrases from the dictionary trie are combined by a few
//! rules: a country word before an agent noun ("Kazakh officials" ->
//! `KAZGOV`), an agent before a person ("President Tokayev"), "of/from" a
//! country after an agent or person ("leaders from five Central Asian
//! nations" -> `CASGOV`), possessives, "including" lists, and coordination
//! ("Bahrain, Morocco and Sudan") into one compound mention.

use accord_dict::{ActorEntry, Dictionary, PlaceForm};
use accord_text::{Date, Tokens};

/// A noun phrase naming one or more actors.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// CAMEO codes; several for a compound ("Bahrain and Morocco").
    pub codes: Vec<String>,
    /// Followed by `'s`.
    pub possessive: bool,
    /// The person named, when the mention is a person (for "he" later).
    pub person: Option<u32>,
    /// A pronoun resolved to an earlier person.
    pub pronoun: bool,
}

/// Words that may stand between a country word and its agent noun
/// ("Israeli defense minister", "U.S. State Department officials").
fn is_filler(w: &str) -> bool {
    !matches!(
        w,
        "and"
            | "or"
            | ","
            | ";"
            | ":"
            | "."
            | "of"
            | "from"
            | "in"
            | "on"
            | "with"
            | "to"
            | "by"
            | "for"
            | "against"
            | "that"
            | "which"
            | "who"
            | "the"
            | "a"
            | "an"
            | "\""
            | "("
            | ")"
            | "unless"
            | "if"
            | "when"
            | "while"
            | "as"
            | "after"
            | "before"
            | "since"
            | "until"
            | "but"
            | "because"
            | "although"
            | "though"
            | "whether"
            | "where"
            | "than"
            | "at"
            | "into"
            | "over"
            | "about"
            | "its"
            | "their"
            | "his"
            | "her"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
    )
}

const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "several",
    "many",
    "some",
    "other",
    "both",
    "all",
    "the",
    "its",
    "their",
    "fellow",
    "neighboring",
    "neighbouring",
];
/// Capitalised words before a place that do not make it a surname: sentence
/// openers, titles and directions (days, months and counts are checked apart).
const NOT_FIRST_NAMES: &[&str] = &[
    "on",
    "in",
    "at",
    "by",
    "from",
    "to",
    "for",
    "with",
    "after",
    "before",
    "since",
    "during",
    "as",
    "when",
    "while",
    "if",
    "and",
    "but",
    "the",
    "a",
    "an",
    "yesterday",
    "today",
    "meanwhile",
    "however",
    "also",
    "then",
    "later",
    "earlier",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "greater",
    "new",
    "old",
    "upper",
    "lower",
    "president",
    "minister",
    "king",
    "queen",
    "prince",
    "general",
    "said",
    "says",
    "visit",
    "visits",
    "invade",
    "invades",
    "attack",
    "attacks",
    "across",
    "inside",
    "outside",
    "near",
    "over",
    "under",
    "into",
    "onto",
    "toward",
    "towards",
    "all",
    "former",
    "dozens",
    "hundreds",
    "thousands",
    "overnight",
];

const GENERIC_HEADS: &[&str] = &[
    "nation",
    "nations",
    "country",
    "countries",
    "state",
    "states",
    "member",
    "members",
    "partner",
    "partners",
    "allies",
    "counterpart",
    "counterparts",
];

#[derive(Debug, Clone, Copy)]
struct Raw {
    start: usize,
    end: usize,
    entry: ActorEntry,
}

/// Per-article state carried from sentence to sentence.
#[derive(Debug, Default, Clone)]
pub struct MentionContext {
    /// The last person mentioned, for "he"/"she".
    pub last_person: Option<(u32, String)>,
    /// An agent with no actor is an actor of its own, `~AGT` (TABARI's
    /// `SET: CONVERT AGENTS`).
    pub convert_agents: bool,
    /// TABARI `FORWARD:`: the actor code a pronoun opening the next sentence
    /// takes (the first actor of this one), written by the TABARI engine.
    pub tab_forward: Option<String>,
}

/// Finds the actor mentions of a tokenized sentence.
pub fn find_mentions(
    dict: &Dictionary,
    tokens: &Tokens,
    ids: &[u32],
    date: Option<Date>,
    ctx: &mut MentionContext,
) -> Vec<ActorMention> {
    let n = tokens.len();
    // Raw phrases, longest match, left to right.
    let mut raws: Vec<Raw> = Vec::new();
    let mut i = 0;
    while i < n {
        let t = tokens.get(i);
        if let Some((end, entry)) = dict.longest_actor(ids, t.capitalized, t.all_upper, i) {
            // "US$1.8 billion", "A$2.5 billion": a currency, not an actor.
            if end < n
                && tokens.norm(end) == "$"
                && tokens.get(end).start == tokens.get(end - 1).end
            {
                i = end;
                continue;
            }
            // "USS George Washington", "HMS Prince of Wales": a ship's name names no
            // one (the words up to the next lowercase word are the name).
            if !dict.options.tabari && {
                let mut b = i;
                while b > 0 && i - b < 4 && tokens.get(b - 1).capitalized {
                    b -= 1;
                }
                (b..i).any(|k| {
                    tokens.get(k).all_upper
                        && matches!(
                            tokens.norm(k),
                            "uss" | "hms" | "usns" | "hmas" | "hmcs" | "hmnzs" | "ins" | "rfs"
                        )
                })
            } {
                i = end;
                continue;
            }
            // "Kanye West", "Michael Jordan", "Thérèse Wagner": a one-word place or
            // organisation right after a capitalised word that is no actor, no weekday
            // and no sentence opener is a surname.
            if !dict.options.tabari
                && end == i + 1
                && matches!(
                    entry,
                    ActorEntry::Place(_, PlaceForm::Name | PlaceForm::Capital)
                        | ActorEntry::Organization(_)
                )
                // (Not after the sentence's first word: "Two Pakistan Army soldiers".)
                && i > 1
                && {
                    let p = tokens.get(i - 1);
                    p.kind == accord_text::TokenKind::Word
                        && p.capitalized
                        && !p.all_upper
                        && p.end < t.start
                        && raws.last().is_none_or(|r| r.end < i)
                        && dict.longest_actor(ids, true, false, i - 1).is_none()
                        && {
                            let w = tokens.norm(i - 1);
                            !NOT_FIRST_NAMES.contains(&w)
                                && !NUMBER_WORDS.contains(&w)
                                && !crate::when::MONTHS.contains(&w)
                                && !crate::when::WEEKDAYS.contains(&w)
                        }
                }
            {
                i = end;
                continue;
            }
            // "the Paris agreement", "the Minsk accords", "the Astana format": a capital
            // naming a text or a process is no government.
            if matches!(entry, ActorEntry::Place(_, PlaceForm::Capital))
                && end < n
                && matches!(
                    tokens.norm(end),
                    "agreement"
                        | "agreements"
                        | "accord"
                        | "accords"
                        | "format"
                        | "process"
                        | "declaration"
                        | "protocol"
                        | "convention"
                        | "conventions"
                        | "club"
                        | "principles"
                        | "group"
                        | "treaty"
                )
            {
                i = end;
                continue;
            }
            // "the South Asia Free Trade Agreement", "the North American Free Trade
            // Agreement": a place in a treaty's capitalised name is no party.
            if !dict.options.tabari
                && matches!(entry, ActorEntry::Place(..))
                && (end..(end + 4).min(n))
                    .take_while(|&k| tokens.get(k).capitalized)
                    .any(|k| {
                        matches!(
                            tokens.norm(k),
                            "agreement"
                                | "accord"
                                | "accords"
                                | "treaty"
                                | "pact"
                                | "charter"
                                | "convention"
                                | "protocol"
                        )
                    })
            {
                i = end;
                continue;
            }
            // "in Western Cambodia": a direction before a place is part of where.
            if matches!(entry, ActorEntry::Place(_, PlaceForm::Adjective))
                && t.capitalized
                && matches!(
                    tokens.norm(i),
                    "western" | "eastern" | "northern" | "southern" | "central"
                )
                && end < n
                && dict
                    .longest_actor(ids, true, false, end)
                    .is_some_and(|(_, e)| matches!(e, ActorEntry::Place(..)))
            {
                i = end;
                continue;
            }
            // "a Chinese-made drone", "an Iranian-backed militia": where a thing was made,
            // who backs a group ("a Russian-flagged tanker" stays: the flag state is
            // whose ship it is; "a Saudi-led coalition" stays: the leader acts).
            if end + 1 < n
                && tokens.norm(end) == "-"
                && matches!(
                    tokens.norm(end + 1),
                    "made"
                        | "built"
                        | "manufactured"
                        | "designed"
                        | "produced"
                        | "supplied"
                        | "backed"
                        | "sponsored"
                        | "funded"
                        | "aligned"
                        | "allied"
                        | "affiliated"
                        | "linked"
                )
            {
                i = end + 2;
                continue;
            }
            raws.push(Raw {
                start: i,
                end,
                entry,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    let norm = |i: usize| if i < n { tokens.norm(i) } else { "" };
    let mut units: Vec<(ActorMention, Option<u32>)> = Vec::new(); // mention, agent index when only an agent
    let mut k = 0;
    let place_code = |idx: u32| dict.actors.places[idx as usize].code.clone();
    let agent_code = |idx: u32| dict.actors.agents[idx as usize].code.clone();
    let person_code = |idx: u32| dict.actors.people[idx as usize].code_on(date);
    // Pronouns: add as raw person units in token order later.
    while k < raws.len() {
        let r = raws[k];
        let mut m = ActorMention {
            start: r.start,
            end: r.end,
            codes: Vec::new(),
            possessive: false,
            person: None,
            pronoun: false,
        };
        let mut agent_only: Option<u32> = None;
        match r.entry {
            ActorEntry::Place(p, form) => {
                let mut code = place_code(p);
                // "Astana said" is the government; "in Baghdad" is a place.
                let locative = r.start > 0
                    && matches!(
                        norm(r.start - 1),
                        "in" | "at"
                            | "near"
                            | "outside"
                            | "across"
                            | "around"
                            | "into"
                            | "to"
                            | "from"
                    );
                // "Kyiv Oblast", "Baghdad University", "Sanaa International Airport": a
                // place named after the capital is in the country, no government.
                let names_a_place = r.end < n
                    && matches!(
                        norm(r.end),
                        "oblast"
                            | "province"
                            | "governorate"
                            | "district"
                            | "county"
                            | "prefecture"
                            | "municipality"
                            | "airport"
                            | "international"
                            | "university"
                            | "stadium"
                    );
                if form == PlaceForm::Capital && !locative && !names_a_place {
                    code.push_str("GOV");
                }
                // Country word + (fillers) + agent [+ person].
                let mut j = r.end;
                let poss = norm(j) == "'s";
                if poss {
                    j += 1;
                }
                if let Some(next) = raws.get(k + 1) {
                    let gap_ok = next.start >= j
                        && next.start - j <= 2
                        && (j..next.start)
                            .all(|t| is_filler(norm(t)) && dict.verbs_of(ids[t]).is_empty());
                    if gap_ok {
                        match next.entry {
                            ActorEntry::Agent(a) if form != PlaceForm::Capital => {
                                code = format!("{}{}", place_code(p), agent_code(a));
                                m.end = next.end;
                                k += 1;
                                // "Israeli Prime Minister Benjamin Netanyahu"
                                if let Some(ActorEntry::Person(pi)) = raws
                                    .get(k + 1)
                                    .filter(|x| x.start == m.end)
                                    .map(|x| x.entry)
                                {
                                    if let Some(c) = person_code(pi) {
                                        code = c;
                                    }
                                    m.person = Some(pi);
                                    m.end = raws[k + 1].end;
                                    k += 1;
                                }
                            }
                            ActorEntry::Person(pi) if next.start == j && !poss => {
                                // "Kazakh President Tokayev" without an agent in the dictionary.
                                if let Some(c) = person_code(pi) {
                                    code = c;
                                }
                                m.person = Some(pi);
                                m.end = next.end;
                                k += 1;
                            }
                            _ => {}
                        }
                    }
                }
                if m.end == r.end && poss {
                    m.possessive = true;
                }
                // "Central Asian nations": a generic head noun after an adjective.
                if form == PlaceForm::Adjective && GENERIC_HEADS.contains(&norm(m.end)) {
                    m.end += 1;
                }
                m.codes.push(code);
            }
            ActorEntry::Organization(o) => {
                m.codes
                    .push(dict.actors.organizations[o as usize].code.clone());
                // "Hamas militants", "UN officials": the organisation is the actor.
                if let Some(next) = raws.get(k + 1) {
                    if next.start == r.end && matches!(next.entry, ActorEntry::Agent(_)) {
                        m.end = next.end;
                        k += 1;
                    }
                }
            }
            ActorEntry::Person(pi) => {
                if let Some(c) = person_code(pi) {
                    m.codes.push(c);
                }
                m.person = Some(pi);
            }
            ActorEntry::Agent(a) => {
                // Runs of agents: the first wins ("military officials").
                while let Some(next) = raws.get(k + 1) {
                    if next.start == m.end && matches!(next.entry, ActorEntry::Agent(_)) {
                        m.end = next.end;
                        k += 1;
                    } else {
                        break;
                    }
                }
                // Agent + person: "President Kassym-Jomart Tokayev".
                if let Some(next) = raws.get(k + 1) {
                    if let (ActorEntry::Person(pi), true) = (next.entry, next.start == m.end) {
                        if let Some(c) = person_code(pi) {
                            m.codes.push(c);
                        }
                        m.person = Some(pi);
                        m.end = next.end;
                        k += 1;
                    }
                }
                if m.codes.is_empty() {
                    agent_only = Some(a);
                }
            }
        }
        // "of Israel" / "from five Central Asian nations" after an agent or person.
        // "police in Moscow", "a court in Bangladesh": a bare agent takes the place it is in.
        // "its troops from Chad": a possessive determiner already says whose agent it
        // is; "from" is where they leave.
        let owned = m.start > 0 && matches!(norm(m.start - 1), "its" | "their" | "his" | "her");
        let linked = match norm(m.end) {
            "from" if owned => false,
            "of" | "from" => agent_only.is_some() || m.person.is_some(),
            "in" => agent_only.is_some(),
            _ => false,
        };
        if linked {
            if let Some(next) = raws.get(k + 1) {
                let gap_start = m.end + 1;
                let fill_ok = next.start >= gap_start
                    && next.start - gap_start <= 2
                    && (gap_start..next.start).all(|t| {
                        NUMBER_WORDS.contains(&norm(t))
                            || tokens.norm(t).bytes().all(|b| b.is_ascii_digit())
                    });
                if let (ActorEntry::Place(p, form), true) = (next.entry, fill_ok) {
                    if let Some(a) = agent_only {
                        m.codes.push(format!("{}{}", place_code(p), agent_code(a)));
                        agent_only = None;
                    } else if m.codes.is_empty() {
                        m.codes.push(format!("{}ELI", place_code(p)));
                    }
                    m.end = next.end;
                    if form == PlaceForm::Adjective && GENERIC_HEADS.contains(&norm(m.end)) {
                        m.end += 1;
                    }
                    k += 1;
                }
            }
        }
        if norm(m.end) == "'s" && !m.codes.is_empty() && !m.possessive {
            m.possessive = true;
        }
        if ctx.convert_agents && m.codes.is_empty() {
            if let Some(a) = agent_only.take() {
                m.codes.push(format!("~{}", agent_code(a)));
            }
        }
        // PETRARCH: an agent with no actor is an actor with the missing-actor
        // mark ("a senior official" -> `---GOV`, "clerics" -> `---MOS`).
        if dict.options.petrarch && m.codes.is_empty() {
            if let Some(a) = agent_only.take() {
                m.codes.push(format!("---{}", agent_code(a)));
            }
        }
        units.push((m, agent_only));
        k += 1;
    }
    // Pronouns "he"/"she" as the last person mentioned before them.
    let mut with_pronouns: Vec<(ActorMention, Option<u32>)> = Vec::with_capacity(units.len());
    let mut current = ctx.last_person.clone();
    // The sentence's first person, usually its subject: ", saying he would ..."
    // reports the speaker, whoever was named since.
    let mut first: Option<(Option<u32>, String)> = None;
    let mut pending = units.into_iter().peekable();
    for t in 0..n {
        while let Some(u) = pending.next_if(|u| u.0.start <= t) {
            if let (Some(pi), Some(c)) = (u.0.person, u.0.codes.first()) {
                current = Some((pi, c.clone()));
            }
            // (A person, or an office: "Israeli President Moshe Katsav" when the
            // dictionary knows the title only.)
            if let Some(c) = u.0.codes.first() {
                if first.is_none()
                    && (u.0.person.is_some() || c.len() > 3)
                    && (u.0.start == 0
                        || u.0.start == 1 && matches!(tokens.norm(0), "the" | "former" | "then"))
                {
                    first = Some((u.0.person, c.clone()));
                }
            }
            with_pronouns.push(u);
        }
        let w = tokens.norm(t);
        if (w == "he" || w == "she") && with_pronouns.last().is_none_or(|u| u.0.end <= t) {
            // (TABARI's own pronoun rules hold in its engine.)
            let reported = !dict.options.tabari && t > 0 && {
                let b = tokens.norm(t - 1);
                crate::SPEECH_VERBS.contains(&b)
                    || b == "that" && t > 1 && crate::SPEECH_VERBS.contains(&tokens.norm(t - 2))
            };
            let antecedent = if reported {
                first
                    .clone()
                    .or_else(|| current.clone().map(|(pi, c)| (Some(pi), c)))
            } else {
                current.clone().map(|(pi, c)| (Some(pi), c))
            };
            if let Some((pi, code)) = antecedent {
                with_pronouns.push((
                    ActorMention {
                        start: t,
                        end: t + 1,
                        codes: vec![code],
                        possessive: false,
                        person: pi,
                        pronoun: true,
                    },
                    None,
                ));
            }
        }
    }
    with_pronouns.extend(pending);
    let units = with_pronouns;

    // "including X, Y and Z" / "such as X": add to the preceding mention.
    let mut out: Vec<ActorMention> = Vec::new();
    let mut idx = 0;
    while idx < units.len() {
        let (mut m, agent) = units[idx].clone();
        idx += 1;
        // "foreign ministers of Egypt, Pakistan and Turkey": the agent is every member's
        // (TABARI gives it to the first only).
        let head_agent = (!dict.options.tabari
            && m.codes.len() == 1
            && m.codes[0].len() == 6
            && (m.start..m.end).any(|t| matches!(norm(t), "of" | "from")))
        .then(|| m.codes[0][3..].to_string());
        // Coordination: M1 [, M2]* [,] and|or [the] Mn.
        let mut last_start = m.start;
        while let Some((nx, nagent)) = units.get(idx) {
            let between: Vec<&str> = (m.end..nx.start).map(norm).collect();
            let joins = matches!(
                between.as_slice(),
                ["and"]
                    | ["or"]
                    | [","]
                    | [",", "and"]
                    | [",", "or"]
                    | ["and", "the"]
                    | [",", "and", "the"]
                    | [",", "the"]
                    | ["or", "the"]
                    | ["as", "well", "as"]
            );
            if !joins
                || m.possessive
                || m.pronoun
                || nx.pronoun
                || nx.codes.is_empty() && nagent.is_none()
                || (m.codes.is_empty() && agent.is_none())
            {
                break;
            }
            // A list with a comma must end in "and"/"or" somewhere later; a bare comma is
            // only a join when another unit follows that is joined by "and".
            if between == [","] || between == [",", "the"] {
                let closes = units[idx..].windows(2).take(6).any(|w| {
                    let b: Vec<&str> = (w[0].0.end..w[1].0.start).map(norm).collect();
                    matches!(
                        b.as_slice(),
                        ["and"]
                            | [",", "and"]
                            | ["or"]
                            | [",", "or"]
                            | ["and", "the"]
                            | [",", "and", "the"]
                    )
                });
                if !closes {
                    break;
                }
            }
            // Country adjectives sharing an agent: "Israeli and Palestinian officials".
            last_start = nx.start;
            m.codes.extend(nx.codes.iter().cloned());
            m.end = nx.end;
            m.possessive = nx.possessive;
            idx += 1;
        }
        if let Some(suffix) = head_agent.filter(|_| m.codes.len() > 1) {
            for c in m.codes.iter_mut().skip(1) {
                if c.len() == 3 && dict.place(c).is_some() {
                    c.push_str(&suffix);
                }
            }
        }
        // Adjective compounds before an agent got the agent only on the last one
        // (not when the agent leads its own phrase: "A and the government of B").
        let agent_first = matches!(
            dict.longest_actor(
                ids,
                tokens.get(last_start).capitalized,
                tokens.get(last_start).all_upper,
                last_start
            ),
            Some((_, ActorEntry::Agent(_)))
        );
        if m.codes.len() > 1 && !agent_first {
            if let Some(last) = m.codes.last().cloned() {
                // Only a country's agent is shared: "Israeli and Palestinian
                // officials", not the `EEU` of `IGOEEU` ("the Philippines and the EU").
                if last.len() == 6 && last.get(..3).is_some_and(|c| dict.place(c).is_some()) {
                    let agent_suffix = &last[3..];
                    for c in m.codes.iter_mut() {
                        if c.len() == 3 {
                            let is_place = dict.place(c).is_some();
                            if is_place {
                                c.push_str(agent_suffix);
                            }
                        }
                    }
                }
            }
        }
        // ", Kazakhstan among them," after a mention.
        if norm(m.end) == "," && !m.codes.is_empty() {
            if let Some((nx, _)) = units
                .get(idx)
                .filter(|u| u.0.start == m.end + 1 && !u.0.codes.is_empty() && !u.0.pronoun)
            {
                if norm(nx.end) == "among" && matches!(norm(nx.end + 1), "them" | "others") {
                    absorb_members(dict, &mut m, &nx.codes);
                    m.end = nx.end + 2;
                    idx += 1;
                }
            }
        }
        // "including Kazakhstan" after a mention.
        let inc_start = if norm(m.end) == "," { m.end + 1 } else { m.end };
        if matches!(norm(inc_start), "including")
            || (norm(inc_start) == "such" && norm(inc_start + 1) == "as")
        {
            let first = if norm(inc_start) == "such" {
                inc_start + 2
            } else {
                inc_start + 1
            };
            if let Some((nx, _)) = units
                .get(idx)
                .filter(|u| u.0.start == first && !u.0.codes.is_empty())
            {
                let mut nx = nx.clone();
                idx += 1;
                // the list itself may be a coordination
                while let Some((ny, _)) = units.get(idx) {
                    let between: Vec<&str> = (nx.end..ny.start).map(norm).collect();
                    if matches!(between.as_slice(), ["and"] | [","] | [",", "and"])
                        && !ny.codes.is_empty()
                    {
                        nx.codes.extend(ny.codes.iter().cloned());
                        nx.end = ny.end;
                        idx += 1;
                    } else {
                        break;
                    }
                }
                absorb_members(dict, &mut m, &nx.codes);
                m.end = nx.end;
            }
        }
        if !m.codes.is_empty() {
            for c in m.codes.iter_mut() {
                if c.len() > 1 && c[1..].contains('~') {
                    *c = prefix_agents(c);
                }
            }
            m.codes.dedup();
            out.push(m);
        }
    }
    // PETRARCH's agent rules: every agent of the noun phrase joins its actor.
    if dict.options.petrarch {
        crate::petrarch::stack_agents(dict, tokens, ids, &mut out);
    }
    if let Some(lp) = out.iter().rev().find(|m| m.person.is_some() && !m.pronoun) {
        if let (Some(pi), Some(c)) = (lp.person, lp.codes.first()) {
            ctx.last_person = Some((pi, c.clone()));
        }
    }
    out
}

/// Moves prefix agents (`NGO~`, TABARI and PETRARCH `[NGO~]`) before the
/// actor: `ARNNGO~` -> `NGOARN`, `ARNNGO~GOV` -> `NGOARNGOV`.
fn prefix_agents(code: &str) -> String {
    let mut c = code.to_string();
    while let Some(p) = c[1..].find('~').map(|p| p + 1) {
        let start = p.saturating_sub(3);
        let agent = c[start..p].to_string();
        c = format!("{agent}{}{}", &c[..start], &c[p + 1..]);
    }
    c
}

/// Adds the members of a group ("including Kazakhstan", "Kazakhstan among
/// them") to the group's mention; bare countries take the group's agent
/// ("leaders ... including Kazakhstan" -> `KAZGOV`).
fn absorb_members(dict: &Dictionary, m: &mut ActorMention, members: &[String]) {
    let agent = m
        .codes
        .first()
        .filter(|c| c.len() == 6)
        .map(|c| c[3..].to_string());
    for c in members {
        let c = match &agent {
            Some(a) if c.len() == 3 && dict.place(c).is_some() => format!("{c}{a}"),
            _ => c.clone(),
        };
        if !m.codes.contains(&c) {
            m.codes.push(c);
        }
    }
}

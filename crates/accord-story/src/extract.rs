//! Reading the story records out of a coded article.
//!
//! Each sentence is re-tokenized and its actor mentions found again with
//! `accord_coder::mentions::find_mentions` (which resolves "he"/"she" to the
//! last named person and keeps the person's index, needed to name quote
//! speakers); agreement names and topic words are matched by the
//! [`Lexicon`]. An article-level context carries what later sentences refer
//! back to: the agreement being talked about ("the accords", "the deal"),
//! the last list of members ("those countries"), the last member announced
//! (for "a signing ceremony would formalize the agreement"), the last pair
//! of countries ("these areas ... bilateral agreements"), and the
//! nationality of the officials quoted ("one official stated").

use crate::lexicon::{Hit, Lexicon};
use crate::{
    Comparison, DistanceClaim, MembershipStep, Quote, Relation, RelationKind, Source, SourceKind,
    Step, Story,
};
use accord_coder::mentions::{find_mentions, ActorMention, MentionContext};
use accord_coder::{find_date, CodedArticle, EventDate};
use accord_dict::Dictionary;
use accord_text::{Article, Date, Tokens};

const JOIN: &[&str] = &[
    "join",
    "joins",
    "joined",
    "joining",
    "rejoin",
    "rejoins",
    "rejoined",
    "rejoining",
];
const SIGN: &[&str] = &["sign", "signs", "signed", "signing"];
const RATIFY: &[&str] = &[
    "ratify",
    "ratifies",
    "ratified",
    "ratifying",
    "ratification",
];
const ACCEDE: &[&str] = &["accede", "accedes", "acceded", "acceding", "accession"];
const WITHDRAW: &[&str] = &[
    "withdraw",
    "withdraws",
    "withdrew",
    "withdrawn",
    "withdrawing",
    "withdrawal",
    "exit",
    "exits",
    "exited",
    "exiting",
    "leave",
    "leaves",
    "left",
    "leaving",
    "quit",
    "quits",
    "quitting",
];
const SUSPEND: &[&str] = &[
    "suspend",
    "suspends",
    "suspended",
    "suspending",
    "suspension",
];
const REINSTATE: &[&str] = &[
    "reinstate",
    "reinstates",
    "reinstated",
    "readmit",
    "readmits",
    "readmitted",
    "restore",
    "restores",
    "restored",
];
/// Words before a verb that make it an intention, not a deed.
const INTENT: &[&str] = &[
    "will", "would", "'ll", "shall", "could", "may", "might", "to", "plans", "planned", "intends",
    "seeks", "wants", "hopes", "bid", "aims", "expected",
];
const NEGATION: &[&str] = &["not", "n't", "never", "no", "refuses", "refused"];
/// Prepositions whose object is not a subject.
const PREPS: &[&str] = &[
    "with",
    "from",
    "against",
    "to",
    "of",
    "on",
    "for",
    "in",
    "by",
    "involving",
    "between",
    "than",
    "at",
    "into",
    "toward",
    "towards",
    "among",
    "over",
];
/// Verbs of saying.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "stating",
    "declared",
    "declares",
    "declaring",
    "wrote",
    "writes",
    "writing",
    "posted",
    "posts",
    "announced",
    "announces",
    "announcing",
    "added",
    "adds",
    "noted",
    "notes",
    "indicated",
    "indicates",
    "asserted",
    "asserts",
    "asserting",
    "saying",
    "describing",
    "described",
    "describes",
    "confirmed",
    "confirms",
    "tweeted",
    "claimed",
    "claims",
    "insisted",
    "warned",
    "warns",
    "explained",
    "stressed",
    "reports",
    "reported",
    "claim",
    "reaffirms",
    "reaffirmed",
    "reiterates",
    "reiterated",
    "accuses",
    "accused",
    "denies",
    "denied",
    "argues",
    "argued",
    "urges",
    "urged",
    "calling",
    "according",
];
const OFFICIAL_NOUNS: &[&str] = &[
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "source",
    "sources",
    "aide",
    "aides",
];
const ANONYMITY: &[&str] = &[
    "anonymously",
    "anonymity",
    "unnamed",
    "anonymous",
    "unidentified",
];
const NUMBERS: &[(&str, u32)] = &[
    ("one", 1),
    ("a", 1),
    ("an", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("several", 0),
];
/// Seats of government named in place of the government.
const INSTITUTIONS: &[(&str, &str)] = &[
    ("white house", "USAGOV"),
    ("state department", "USAGOV"),
    ("pentagon", "USAMIL"),
    ("kremlin", "RUSGOV"),
    ("downing street", "GBRGOV"),
    ("elysee", "FRAGOV"),
    ("élysée", "FRAGOV"),
    ("blue house", "KORGOV"),
];
const PLATFORMS: &[&str] = &[
    "social media",
    "truth social",
    "twitter",
    "telegram",
    "facebook",
    "instagram",
    "tiktok",
    "weibo",
];
const GENERIC_PLURALS: &[&str] = &[
    "countries",
    "nations",
    "states",
    "members",
    "signatories",
    "governments",
    "partners",
];
const MEMBER_HEADS: &[&str] = &[
    "nations",
    "countries",
    "members",
    "member",
    "states",
    "signatories",
    "partners",
    "allies",
];

/// Nouns that, after "the", refer back to the agreement last named.
const GENERIC_AGREEMENTS: &[&str] = &[
    "agreement",
    "deal",
    "accord",
    "pact",
    "treaty",
    "initiative",
    "framework",
];

/// One sentence, tokenized, with its mentions and agreement names.
struct View<'a> {
    index: u32,
    text: &'a str,
    t: Tokens,
    mentions: Vec<ActorMention>,
    agreements: Vec<Hit>,
}

impl View<'_> {
    fn n(&self) -> usize {
        self.t.len()
    }

    fn w(&self, i: usize) -> &str {
        if i < self.t.len() {
            self.t.norm(i)
        } else {
            ""
        }
    }

    fn span(&self, a: usize, b: usize) -> [u32; 2] {
        if self.t.is_empty() {
            return [0, 0];
        }
        let a = a.min(self.n() - 1);
        let b = b.clamp(a + 1, self.n());
        [self.t.get(a).start, self.t.get(b - 1).end]
    }

    fn slice(&self, a: usize, b: usize) -> &str {
        let [s, e] = self.span(a, b);
        self.text.get(s as usize..e as usize).unwrap_or("")
    }

    fn covering(&self, i: usize) -> Option<&ActorMention> {
        self.mentions.iter().find(|m| m.start <= i && i < m.end)
    }

    fn agreement_covering(&self, i: usize) -> Option<Hit> {
        self.agreements
            .iter()
            .copied()
            .find(|h| h.start <= i && i < h.end)
    }

    fn has(&self, words: &[&str]) -> bool {
        (0..self.n()).any(|i| words.contains(&self.w(i)))
    }

    fn has_phrase(&self, phrase: &[&str]) -> Option<usize> {
        (0..self.n()).find(|&i| phrase.iter().enumerate().all(|(k, p)| self.w(i + k) == *p))
    }

    fn is_prep_object(&self, m: &ActorMention) -> bool {
        let mut j = m.start;
        // "with the United Arab Emirates", "from five Central Asian nations"
        while j > 0 && matches!(self.w(j - 1), "the" | "a" | "an") {
            j -= 1;
        }
        j > 0 && PREPS.contains(&self.w(j - 1))
    }
}

/// What later sentences refer back to.
#[derive(Default)]
struct Ctx {
    named: Vec<bool>,
    current: Option<usize>,
    last_members: Vec<String>,
    last_announced: Option<(usize, String)>,
    last_pair: Option<(String, String)>,
    anon_nationality: Option<String>,
    last_subject: Vec<String>,
}

struct Ex<'a> {
    dict: &'a Dictionary,
    lx: &'a Lexicon,
    date: Option<Date>,
}

fn push_unique(v: &mut Vec<String>, c: String) {
    if !v.contains(&c) {
        v.push(c);
    }
}

fn pair(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

fn is_past(w: &str) -> bool {
    w.ends_with("ed") || matches!(w, "withdrew" | "withdrawn" | "left")
}

impl Ex<'_> {
    /// The country a code belongs to (`KAZGOV` -> `KAZ`); none for
    /// organisations, outlets and regions.
    fn country(&self, code: &str) -> Option<String> {
        if self.lx.org_codes.contains(code) {
            return None;
        }
        let c = code.get(..3)?;
        let p = self.dict.place(c)?;
        (!p.is_region).then(|| c.to_string())
    }

    fn countries(&self, m: &ActorMention) -> Vec<String> {
        let mut out = Vec::new();
        for c in &m.codes {
            if let Some(x) = self.country(c) {
                push_unique(&mut out, x);
            }
        }
        out
    }

    /// The first country mention of the sentence before token `before`
    /// that is not a prepositional object: what "it" usually means.
    fn sentence_subject(&self, v: &View, before: usize, ctx: &Ctx) -> Vec<String> {
        v.mentions
            .iter()
            .filter(|m| m.start < before && !m.pronoun && !v.is_prep_object(m))
            .map(|m| self.countries(m))
            .find(|c| !c.is_empty())
            .unwrap_or_else(|| ctx.last_subject.clone())
    }

    /// The countries of the subject of the predicate at token `i`.
    fn subject_before(&self, v: &View, i: usize, ctx: &Ctx) -> Vec<String> {
        let stop = i.saturating_sub(24);
        let mut j = i;
        while j > stop {
            j -= 1;
            let w = v.w(j);
            if matches!(w, ";" | "." | ":" | "but") {
                break;
            }
            if let Some(m) = v.covering(j) {
                j = m.start;
                // "opposition to Ukraine joining": right before the verb, it is its subject.
                if v.is_prep_object(m) && !m.pronoun && m.end != i {
                    continue;
                }
                let c = self.countries(m);
                if !c.is_empty() || m.pronoun {
                    return c;
                }
                // An organisation or an agent of no country acts: no member here.
                return Vec::new();
            }
            if matches!(w, "it" | "its")
                || (matches!(w, "country" | "nation") && v.w(j.wrapping_sub(1)) == "the")
            {
                return self.sentence_subject(v, j, ctx);
            }
            if w == "they" || GENERIC_PLURALS.contains(&w) {
                let prev = v.w(j.wrapping_sub(1));
                let anaphoric = w == "they"
                    || matches!(prev, "those" | "these" | "the" | "both" | "all" | "other")
                    || NUMBERS.iter().any(|(n, _)| *n == prev);
                if !anaphoric {
                    return Vec::new();
                }
                // "The four countries that joined in 2020, the United Arab Emirates, ..."
                if matches!(v.w(j + 1), "that" | "which" | "who") {
                    if let Some(m) = v.mentions.iter().find(|m| {
                        m.start > i && !v.is_prep_object(m) && !self.countries(m).is_empty()
                    }) {
                        return self.countries(m);
                    }
                }
                return ctx.last_members.clone();
            }
            if matches!(w, "that" | "which" | "who" | "whose")
                && !GENERIC_PLURALS.contains(&v.w(j.wrapping_sub(1)))
            {
                break;
            }
        }
        Vec::new()
    }

    /// The first agreement named within `max` tokens after `i`, in the clause.
    fn agreement_after(&self, v: &View, i: usize, max: usize) -> Option<Hit> {
        let h = v
            .agreements
            .iter()
            .copied()
            .find(|h| h.start > i && h.start <= i + max)?;
        (i + 1..h.start)
            .all(|k| !matches!(v.w(k), "." | ";" | ","))
            .then_some(h)
    }

    fn negated(v: &View, i: usize) -> bool {
        (i.saturating_sub(4)..i).any(|k| NEGATION.contains(&v.w(k)))
            || v.has_phrase(&["rules", "out"]).is_some_and(|k| k < i)
            || v.has_phrase(&["ruled", "out"]).is_some_and(|k| k < i)
    }

    fn intent(v: &View, i: usize) -> bool {
        let mut k = i;
        let stop = i.saturating_sub(5);
        while k > stop {
            k -= 1;
            let w = v.w(k);
            if matches!(w, "," | ";" | "." | "and") {
                return false;
            }
            if INTENT.contains(&w) {
                // "becomes the 60th state to ratify": done, not intended.
                let became = (k.saturating_sub(6)..k)
                    .any(|b| matches!(v.w(b), "becomes" | "became" | "become"));
                return !(w == "to" && became);
            }
        }
        false
    }

    /// A date in the sentence around token `i`, or in a following "This
    /// action was announced on Thursday."
    fn text_date(&self, views: &[View], vi: usize, i: usize) -> Option<EventDate> {
        let v = &views[vi];
        find_date(&v.t, i..v.n(), self.date)
            .or_else(|| find_date(&v.t, 0..i, self.date))
            .or_else(|| {
                let next = views.get(vi + 1)?;
                let opens = matches!(next.w(0), "this" | "the" | "it")
                    && next.has(&["announced", "confirmed", "revealed", "disclosed"]);
                if opens {
                    find_date(&next.t, 0..next.n(), self.date)
                } else {
                    None
                }
            })
    }

    fn members_of(&self, story: &Story, agreement: &str) -> Vec<String> {
        let mut out = Vec::new();
        for s in &story.steps {
            if s.agreement == agreement && !matches!(s.step, Step::Withdrew) {
                push_unique(&mut out, s.member.clone());
            }
        }
        out
    }
}

/// Reads the story records of an article. `date` is the effective article
/// date (the `--date` override or the article's own); `coded` is the
/// coder's reading of the same article (its sentence boundaries are used).
pub fn extract(
    dict: &Dictionary,
    lexicon: &Lexicon,
    article: &Article,
    date: Option<Date>,
    coded: &CodedArticle,
) -> Story {
    let ex = Ex {
        dict,
        lx: lexicon,
        date,
    };
    let mut ctx = Ctx::default();
    let mut mctx = MentionContext::default();
    let mut views = Vec::with_capacity(coded.sentences.len());
    let mut named = Vec::new();
    let mut current: Option<usize> = None;
    for s in &coded.sentences {
        let Some(text) = article.text.get(s.start as usize..s.end as usize) else {
            continue;
        };
        let t = Tokens::new(text);
        let ids: Vec<u32> = t.norms().map(|w| dict.token_id(w)).collect();
        let mentions = find_mentions(dict, &t, &ids, date, &mut mctx);
        let mut agreements = lexicon.agreements_in(&t, &mut named);
        // "the agreement", "the deal": the agreement last named in the article.
        let mut last = current;
        for i in 0..t.len() {
            if let Some(h) = agreements.iter().find(|h| h.start <= i && i < h.end) {
                last = Some(h.target);
                continue;
            }
            if let (Some(target), "the", true) = (last, t.norm(i), i + 1 < t.len()) {
                if GENERIC_AGREEMENTS.contains(&t.norm(i + 1))
                    && (i + 2 >= t.len() || !matches!(t.norm(i + 2), "between" | "on" | "with"))
                {
                    agreements.push(Hit {
                        start: i,
                        end: i + 2,
                        target,
                        anaphor: true,
                    });
                }
            }
        }
        agreements.sort_by_key(|h| h.start);
        current = last;
        views.push(View {
            index: s.index,
            text,
            t,
            mentions,
            agreements,
        });
    }
    ctx.named = named;
    let mut story = Story::default();
    for vi in 0..views.len() {
        let v = &views[vi];
        // Generic anaphors for the agreement being talked about.
        if let Some(h) = v.agreements.first() {
            ctx.current = Some(h.target);
        }
        members_in_passing(&ex, v, &mut ctx, &mut story);
        membership(&ex, &views, vi, &mut ctx, &mut story);
        relations(&ex, v, &mut ctx, &mut story);
        cooperation(&ex, v, &mut ctx, &mut story);
        let speakers = sources(&ex, v, &mut ctx, &mut story);
        quotes(&ex, v, &speakers, &mut story);
        distance_claims(&ex, v, &ctx, &mut story);
        if let Some(s) = v
            .mentions
            .iter()
            .filter(|m| !m.pronoun && !v.is_prep_object(m))
            .map(|m| ex.countries(m))
            .find(|c| !c.is_empty())
        {
            ctx.last_subject = s;
        }
    }
    dedup_steps(&mut story.steps);
    story
}

/// One step per agreement, member and step in an article: the first dated
/// by the text, else the first.
fn dedup_steps(steps: &mut Vec<MembershipStep>) {
    let mut out: Vec<MembershipStep> = Vec::with_capacity(steps.len());
    for s in steps.drain(..) {
        if let Some(prev) = out.iter_mut().find(|p| {
            p.agreement == s.agreement
                && p.member == s.member
                && p.step == s.step
                && (p.step != Step::Planned || p.detail == s.detail)
        }) {
            if !prev.dated_by_text && s.dated_by_text {
                *prev = s;
            }
            continue;
        }
        out.push(s);
    }
    *steps = out;
}

#[allow(clippy::too_many_arguments)]
fn step(
    v: &View,
    agreement: &str,
    member: &str,
    step: Step,
    date: Option<EventDate>,
    dated_by_text: bool,
    detail: Option<String>,
    span: (usize, usize),
) -> MembershipStep {
    MembershipStep {
        sentence: v.index,
        agreement: agreement.to_string(),
        member: member.to_string(),
        step,
        date,
        dated_by_text,
        detail,
        span: v.span(span.0, span.1),
    }
}

/// "other Abraham Accord nations, which include Bahrain, ...", "NATO members
/// Poland and Estonia", "Romania, a NATO and European Union member country",
/// "X is a member of Y".
fn members_in_passing(ex: &Ex, v: &View, ctx: &mut Ctx, story: &mut Story) {
    let mut hi = 0;
    while hi < v.agreements.len() {
        // A chain "NATO and European Union" shares what follows.
        let mut chain = vec![v.agreements[hi]];
        while let Some(nx) = v.agreements.get(hi + chain.len()) {
            let last = chain[chain.len() - 1];
            if nx.start == last.end + 1 && v.w(last.end) == "and" {
                chain.push(*nx);
            } else {
                break;
            }
        }
        hi += chain.len();
        let first = chain[0];
        let last = chain[chain.len() - 1];
        let mut found: Vec<String> = Vec::new();
        let mut k = last.end;
        // "members of the accords, such as Bahrain and Morocco"
        let heads_before = first.start >= 2
            && v.w(first.start - 1) == "of"
            && MEMBER_HEADS.contains(&v.w(first.start - 2));
        if heads_before && !MEMBER_HEADS.contains(&v.w(k)) {
            if v.w(k) == "," {
                k += 1;
            }
            let ls = match (v.w(k), v.w(k + 1)) {
                ("include" | "includes" | "including" | "namely", _) => Some(k + 1),
                ("such", "as") => Some(k + 2),
                _ => None,
            };
            if let Some(ls) = ls {
                if let Some(m) = v.mentions.iter().find(|m| m.start == ls) {
                    found = ex.countries(m);
                }
            }
        }
        if MEMBER_HEADS.contains(&v.w(k)) {
            while MEMBER_HEADS.contains(&v.w(k)) || v.w(k) == "member" {
                k += 1;
            }
            // "NATO members Poland and Estonia"
            if let Some(m) = v.mentions.iter().find(|m| m.start == k) {
                found = ex.countries(m);
            } else {
                if v.w(k) == "," {
                    k += 1;
                }
                if matches!(v.w(k), "which" | "that" | "who") {
                    k += 1;
                }
                let list_start = match (v.w(k), v.w(k + 1)) {
                    ("include" | "includes" | "included" | "including" | "namely" | "are", _) => {
                        Some(k + 1)
                    }
                    ("such", "as") => Some(k + 2),
                    (":", _) => Some(k + 1),
                    _ => None,
                };
                if let Some(ls) = list_start {
                    if let Some(m) = v
                        .mentions
                        .iter()
                        .find(|m| m.start == ls || m.start == ls + 1 && v.w(ls) == "the")
                    {
                        found = ex.countries(m);
                    }
                }
            }
            // "Romania, a NATO and European Union member country"
            if found.is_empty()
                && v.w(last.end) == "member"
                && first.start >= 2
                && matches!(v.w(first.start - 1), "a" | "an")
                && v.w(first.start - 2) == ","
            {
                if let Some(m) = v.mentions.iter().find(|m| m.end == first.start - 2) {
                    found = ex.countries(m);
                }
            }
        }
        // "X is a member of Y", "X, a founding member of Y"
        if found.is_empty()
            && first.start >= 2
            && v.w(first.start - 1) == "of"
            && matches!(v.w(first.start - 2), "member" | "signatory" | "party")
        {
            let mut j = first.start - 2;
            while j > 0
                && matches!(
                    v.w(j - 1),
                    "a" | "an" | "founding" | "full" | "is" | "was" | "," | "the"
                )
            {
                j -= 1;
            }
            if let Some(m) = v.mentions.iter().find(|m| m.end == j) {
                found = ex.countries(m);
            }
        }
        if found.is_empty() {
            continue;
        }
        for h in &chain {
            let key = &ex.lx.agreement_keys[h.target];
            for c in &found {
                story.steps.push(step(
                    v,
                    key,
                    c,
                    Step::Member,
                    None,
                    false,
                    None,
                    (first.start, last.end + 1),
                ));
            }
        }
        ctx.last_members = found;
    }
}

/// The membership steps of one sentence.
fn membership(ex: &Ex, views: &[View], vi: usize, ctx: &mut Ctx, story: &mut Story) {
    let v = &views[vi];
    let n = v.n();
    let join_context = v.has(JOIN) || !v.agreements.is_empty();
    for i in 0..n {
        let w = v.w(i);
        let sign_up = SIGN.contains(&w) && v.w(i + 1) == "up";
        let future_cue = v.has(&["would", "will", "soon", "planned", "upcoming", "expected"]);
        let class = if w == "signing"
            && (v.w(i + 1) == "ceremony"
                || (matches!(v.w(i.wrapping_sub(1)), "a" | "formal" | "the") && future_cue))
        {
            "ceremony"
        } else if JOIN.contains(&w) || sign_up {
            "join"
        } else if SIGN.contains(&w) {
            "sign"
        } else if RATIFY.contains(&w) {
            "ratify"
        } else if ACCEDE.contains(&w) {
            "accede"
        } else if WITHDRAW.contains(&w) {
            "withdraw"
        } else if SUSPEND.contains(&w) {
            "suspend"
        } else if REINSTATE.contains(&w) {
            "reinstate"
        } else if w.starts_with("normaliz") || w.starts_with("normalis") {
            "normalize"
        } else {
            continue;
        };
        if v.agreement_covering(i).is_some() || Ex::negated(v, i) {
            continue;
        }
        let prev = v.w(i.wrapping_sub(1));
        let progressive = w.ends_with("ing") && matches!(prev, "is" | "are" | "was" | "were");
        // A bare gerund ("Ukraine joining the EU", "upon joining") asserts nothing.
        if w.ends_with("ing") && !progressive && !matches!(class, "ceremony" | "normalize") {
            continue;
        }
        let intent = Ex::intent(v, i) || progressive;
        let noun = matches!(
            w,
            "withdrawal" | "accession" | "ratification" | "suspension"
        );
        // Which agreement.
        let after = ex
            .agreement_after(v, i + usize::from(sign_up), 6)
            // "join the European Union's initiative": something of the agreement.
            .filter(|h| v.w(h.end) != "'s")
            // "ratifies Argentina's withdrawal from the WHO": the nearer trigger owns it.
            .filter(|h| {
                (i + 1..h.start).all(|k| {
                    !WITHDRAW.contains(&v.w(k))
                        && !JOIN.contains(&v.w(k))
                        && !RATIFY.contains(&v.w(k))
                })
            });
        let object_free = {
            let nx = v.w(i + 1 + usize::from(sign_up));
            matches!(
                nx,
                "" | "."
                    | ","
                    | ";"
                    | "in"
                    | "as"
                    | "on"
                    | "during"
                    | "after"
                    | "before"
                    | "when"
                    | "and"
                    | "\""
            )
        };
        let agreement = match class {
            "join" => after
                .map(|h| h.target)
                .or(if object_free { ctx.current } else { None }),
            "sign" | "ratify" | "accede" | "withdraw" => after.map(|h| h.target),
            "suspend" | "reinstate" => {
                let mem = v
                    .has_phrase(&["membership"])
                    .filter(|&k| k > i && k <= i + 5);
                match mem {
                    Some(_) => v
                        .agreements
                        .iter()
                        .rev()
                        .find(|h| h.end <= i)
                        .map(|h| h.target)
                        .or(after.map(|h| h.target)),
                    None if class == "suspend" && v.w(i + 1) == "from" => after.map(|h| h.target),
                    None => None,
                }
            }
            "normalize" => {
                let rel = (i + 1..(i + 4).min(n)).any(|k| matches!(v.w(k), "relations" | "ties"));
                if rel && join_context {
                    v.agreements.first().map(|h| h.target).or(ctx.current)
                } else {
                    None
                }
            }
            "ceremony" => {
                if future_cue {
                    v.agreements.first().map(|h| h.target).or(ctx.current)
                } else {
                    None
                }
            }
            _ => None,
        };
        let Some(ag) = agreement else { continue };
        let key = ex.lx.agreement_keys[ag].clone();
        // "upon joining the accords": the context of another step, not a step.
        if class == "join"
            && matches!(
                v.w(i.wrapping_sub(1)),
                "upon" | "on" | "after" | "before" | "since"
            )
        {
            continue;
        }
        // Who.
        let mut members: Vec<String> = Vec::new();
        if matches!(class, "suspend" | "reinstate") {
            // "suspends Madagascar's membership", "restores its membership"
            if let Some(m) = v.mentions.iter().find(|m| m.start > i && m.start <= i + 3) {
                members = ex.countries(m);
            } else if v.w(i + 1) == "its" {
                members = v
                    .mentions
                    .iter()
                    .rev()
                    .filter(|m| m.end <= i)
                    .map(|m| ex.countries(m))
                    .find(|c| !c.is_empty())
                    .unwrap_or_default();
            }
            if members.is_empty() && class == "suspend" && v.w(i + 1) == "from" {
                members = ex.subject_before(v, i, ctx);
            }
        } else if class == "ceremony" {
            members = v
                .mentions
                .iter()
                .filter(|m| m.person.is_none())
                .flat_map(|m| ex.countries(m))
                .collect();
            if members.is_empty() {
                if let Some((a, m)) = &ctx.last_announced {
                    if *a == ag {
                        members.push(m.clone());
                    }
                }
            }
        } else if noun && i > 0 && v.w(i - 1) == "'s" {
            if let Some(m) = v.covering(i - 2) {
                members = ex.countries(m);
            }
        } else {
            members = ex.subject_before(v, i, ctx);
        }
        // The agreement's own organisation is not its member.
        members.retain(|c| Some(c.as_str()) != ex.dict.actors.agreements[ag].org.as_deref());
        if members.is_empty() {
            continue;
        }
        let text_date = ex.text_date(views, vi, i);
        let future = |d: &EventDate| ex.date.is_some_and(|a| d.from() > a);
        let (kind, detail): (Step, Option<String>) = match class {
            "join" if intent => (Step::Announced, None),
            "join" => (Step::Joined, None),
            "sign" if intent => (Step::Planned, Some("sign".into())),
            "sign" => (Step::Signed, None),
            "ratify" if intent => (Step::Planned, Some("ratify".into())),
            "ratify" => (Step::Ratified, None),
            "accede" if intent => (Step::Announced, None),
            "accede" => (Step::Acceded, None),
            "withdraw" => {
                let announced = intent
                    || (noun
                        && (i.saturating_sub(5)..i).any(|k| {
                            let x = v.w(k);
                            x.starts_with("announc")
                                || matches!(
                                    x,
                                    "intention" | "notice" | "plans" | "process" | "bill"
                                )
                        }));
                if announced {
                    (Step::WithdrawalAnnounced, None)
                } else {
                    (Step::Withdrew, None)
                }
            }
            "suspend" => (Step::Suspended, None),
            "reinstate" => (Step::Reinstated, None),
            "normalize" => {
                let partner = (i + 1..(i + 6).min(n))
                    .find(|&k| v.w(k) == "with")
                    .and_then(|k| {
                        v.mentions
                            .iter()
                            .find(|m| m.start == k + 1 || m.start == k + 2)
                    })
                    .and_then(|m| ex.countries(m).into_iter().next());
                (Step::Normalized, partner)
            }
            "ceremony" => (Step::Planned, Some("sign".into())),
            _ => continue,
        };
        // The date: from the text, else the article date for what is news
        // of the day (intentions, present tense), else unknown.
        let (date, by_text) = match text_date {
            Some(d) if kind == Step::Planned || !future(&d) => (Some(d), true),
            Some(_) | None => {
                let news = matches!(kind, Step::Announced | Step::WithdrawalAnnounced)
                    || (kind != Step::Normalized
                        && kind != Step::Planned
                        && (!is_past(w) || matches!(prev, "has" | "have"))
                        && !w.ends_with("ing"));
                (
                    if news {
                        ex.date.map(EventDate::Day)
                    } else {
                        None
                    },
                    false,
                )
            }
        };
        let span = (
            i,
            i + 1 + usize::from(sign_up) + usize::from(class == "ceremony"),
        );
        for c in &members {
            story
                .steps
                .push(step(v, &key, c, kind, date, by_text, detail.clone(), span));
            // "will join ... in October": the planned date as well.
            if let Some(d) = text_date.filter(|d| future(d) && kind != Step::Planned) {
                let what = if class == "withdraw" {
                    "withdraw"
                } else {
                    "join"
                };
                story.steps.push(step(
                    v,
                    &key,
                    c,
                    Step::Planned,
                    Some(d),
                    true,
                    Some(what.into()),
                    span,
                ));
            }
            if matches!(kind, Step::Announced | Step::Joined | Step::Signed) {
                ctx.last_announced = Some((ag, c.clone()));
            }
        }
        if members.len() > 1 {
            ctx.last_members = members;
        }
        ctx.current = Some(ag);
    }
}

/// Diplomatic relations established, restored, normalized, downgraded or
/// cut, and earlier bilateral agreements.
fn relations(ex: &Ex, v: &View, ctx: &mut Ctx, story: &mut Story) {
    let n = v.n();
    for i in 0..n {
        let w = v.w(i);
        if matches!(w, "relations" | "ties") {
            // The verb or noun that says what happened, up to four tokens back.
            let mut kind = None;
            let mut cue = i;
            for k in (i.saturating_sub(4)..i).rev() {
                let x = v.w(k);
                let found = if x.starts_with("establish") {
                    Some(RelationKind::Established)
                } else if x.starts_with("restor")
                    || x.starts_with("resum")
                    || x.starts_with("reestablish")
                    || (x == "establish" || x == "established") && v.w(k.wrapping_sub(1)) == "re"
                {
                    Some(RelationKind::Restored)
                } else if x.starts_with("normaliz") || x.starts_with("normalis") {
                    Some(RelationKind::Normalized)
                } else if x.starts_with("downgrad") {
                    Some(RelationKind::Downgraded)
                } else if matches!(
                    x,
                    "cut" | "cuts" | "cutting" | "broke" | "break" | "breaks" | "froze" | "freezes"
                ) || x.starts_with("sever")
                    || (x.starts_with("suspend") && v.w(k + 1) != "membership")
                {
                    Some(RelationKind::Cut)
                } else if matches!(x, "have" | "has" | "had")
                    && (i + 1..n).any(|j| v.w(j) == "since")
                {
                    Some(RelationKind::Established)
                } else {
                    None
                };
                if let Some(f) = found {
                    kind = Some(f);
                    cue = k;
                    break;
                }
            }
            // "re-established": "re" "-" "established"
            if kind == Some(RelationKind::Established)
                && cue >= 2
                && v.w(cue - 1) == "-"
                && v.w(cue - 2) == "re"
            {
                kind = Some(RelationKind::Restored);
            }
            let Some(kind) = kind else { continue };
            if Ex::negated(v, cue) {
                continue;
            }
            let mut subjects = ex.subject_before(v, cue, ctx);
            let mut partners: Vec<String> = Vec::new();
            if let Some(k) = (i + 1..(i + 3).min(n)).find(|&k| v.w(k) == "with") {
                if let Some(m) = v
                    .mentions
                    .iter()
                    .find(|m| m.start == k + 1 || (m.start == k + 2 && v.w(k + 1) == "the"))
                {
                    partners = ex.countries(m);
                }
            } else if let Some(k) = (i + 1..(i + 3).min(n)).find(|&k| v.w(k) == "between") {
                if let Some(m) = v
                    .mentions
                    .iter()
                    .find(|m| m.start == k + 1 || m.start == k + 2)
                {
                    let c = ex.countries(m);
                    if c.len() >= 2 {
                        subjects = vec![c[0].clone()];
                        partners = vec![c[1].clone()];
                    }
                }
            }
            let date = find_date(&v.t, i..n, ex.date);
            for s in &subjects {
                for p in &partners {
                    if s == p {
                        continue;
                    }
                    let (a, b) = pair(s, p);
                    ctx.last_pair = Some((a.clone(), b.clone()));
                    story.relations.push(Relation {
                        sentence: v.index,
                        a,
                        b,
                        kind,
                        date,
                        detail: None,
                        span: v.span(cue, i + 1),
                    });
                }
            }
        }
        // Earlier bilateral agreements, with a date.
        if matches!(
            w,
            "agreements" | "agreement" | "deals" | "treaties" | "accords"
        ) && v.agreement_covering(i).is_none()
        {
            let bilateral =
                (i.saturating_sub(3)..i).any(|k| matches!(v.w(k), "bilateral" | "signed"));
            if !bilateral {
                continue;
            }
            let Some(date) = find_date(&v.t, i..n, ex.date) else {
                continue;
            };
            if ex.date.is_some_and(|a| date.from() > a) {
                continue;
            }
            let p = sentence_pair(ex, v).or_else(|| ctx.last_pair.clone());
            if let Some((a, b)) = p {
                let start = (i.saturating_sub(3)..i)
                    .find(|&k| matches!(v.w(k), "bilateral" | "signed"))
                    .unwrap_or(i);
                story.relations.push(Relation {
                    sentence: v.index,
                    a,
                    b,
                    kind: RelationKind::Agreements,
                    date: Some(date),
                    detail: None,
                    span: v.span(start, i + 1),
                });
            }
        }
    }
}

/// The two countries of a sentence, when it names exactly two.
fn sentence_pair(ex: &Ex, v: &View) -> Option<(String, String)> {
    let mut all: Vec<String> = Vec::new();
    for m in v.mentions.iter().filter(|m| m.person.is_none()) {
        for c in ex.countries(m) {
            push_unique(&mut all, c);
        }
    }
    (all.len() == 2).then(|| pair(&all[0], &all[1]))
}

/// Areas of cooperation from the topic vocabulary.
fn cooperation(ex: &Ex, v: &View, ctx: &mut Ctx, story: &mut Story) {
    let n = v.n();
    let Some(cue) = (0..n).find(|&i| {
        matches!(
            v.w(i),
            "cooperation" | "collaboration" | "partnership" | "co-operation" | "ties"
        )
    }) else {
        return;
    };
    let areas = v.has(&["areas", "fields", "sectors", "spheres", "domains"]);
    let mut hits: Vec<Hit> = Vec::new();
    if areas {
        hits = ex.lx.topics_in(&v.t, 0..n);
    } else {
        // "cooperation in defense and energy"
        if matches!(v.w(cue + 1), "in" | "on" | "over") {
            let all = ex.lx.topics_in(&v.t, cue + 2..n);
            let mut at = cue + 2;
            for h in all {
                let gap_ok =
                    (at..h.start).all(|k| matches!(v.w(k), "," | "and" | "the" | "areas" | "of"));
                if !gap_ok {
                    break;
                }
                at = h.end;
                hits.push(h);
            }
        }
        // "defense and energy cooperation"
        let before = ex.lx.topics_in(&v.t, cue.saturating_sub(8)..cue);
        let mut at = cue;
        for h in before.into_iter().rev() {
            let gap_ok = if at == cue {
                h.end == cue
            } else {
                (h.end..at).all(|k| matches!(v.w(k), "," | "and"))
            };
            if !gap_ok {
                break;
            }
            at = h.start;
            hits.push(h);
        }
    }
    // Topic words inside actor names ("Energy Minister") do not count.
    hits.retain(|h| v.covering(h.start).is_none());
    if hits.is_empty() {
        return;
    }
    // The pair: countries right before the cue ("Israeli-Kazakh cooperation"),
    // "between X and Y", the sentence's two countries, or the last pair.
    let mut near: Vec<String> = Vec::new();
    for m in v
        .mentions
        .iter()
        .filter(|m| m.end <= cue && m.end + 4 >= cue)
    {
        for c in ex.countries(m) {
            push_unique(&mut near, c);
        }
    }
    if near.len() < 2 && v.w(cue + 1) == "between" {
        if let Some(m) = v.mentions.iter().find(|m| m.start == cue + 2) {
            near = ex.countries(m);
        }
    }
    let p = if near.len() >= 2 {
        Some(pair(&near[0], &near[1]))
    } else {
        sentence_pair(ex, v).or_else(|| ctx.last_pair.clone())
    };
    let Some((a, b)) = p else { return };
    ctx.last_pair = Some((a.clone(), b.clone()));
    let mut seen: Vec<usize> = Vec::new();
    for h in hits {
        if seen.contains(&h.target) {
            continue;
        }
        seen.push(h.target);
        story.relations.push(Relation {
            sentence: v.index,
            a: a.clone(),
            b: b.clone(),
            kind: RelationKind::Cooperation,
            date: None,
            detail: Some(ex.lx.topic_keys[h.target].clone()),
            span: v.span(h.start, h.end),
        });
    }
}

/// A possible quote speaker: token position, name, code, kind.
struct Speaker {
    pos: usize,
    name: String,
    code: Option<String>,
    kind: SourceKind,
}

/// A verb of saying follows token `end`, with only auxiliaries and adverbs between.
fn speech_after(v: &View, end: usize) -> bool {
    for k in end..(end + 4).min(v.n()) {
        let w = v.w(k);
        if SPEECH.contains(&w) {
            let passive = w.ends_with("ed")
                && matches!(
                    v.w(k.wrapping_sub(1)),
                    "is" | "are" | "was" | "were" | "be" | "been"
                );
            return w != "according" && !passive;
        }
        let skip = matches!(
            w,
            "also"
                | "has"
                | "had"
                | "have"
                | "later"
                | "then"
                | "again"
                | "would"
                | "will"
                | "is"
                | "was"
                | "once"
                | "first"
        ) || (w.len() > 4 && w.ends_with("ly"));
        if !skip {
            return false;
        }
    }
    false
}

/// The end of a run of two or three capitalized words at `start` that no
/// dictionary knows: a name ("Fernando Aramayo").
fn named_after(v: &View, start: usize) -> Option<usize> {
    let mut e = start;
    while e < v.n()
        && e < start + 3
        && v.t.get(e).capitalized
        && v.t.get(e).kind == accord_text::TokenKind::Word
        && v.covering(e).is_none()
    {
        e += 1;
    }
    let institution = matches!(
        v.w(e.wrapping_sub(1)),
        "command"
            | "forces"
            | "ministry"
            | "army"
            | "council"
            | "party"
            | "office"
            | "agency"
            | "committee"
            | "court"
            | "department"
            | "guard"
            | "corps"
            | "house"
    );
    (e >= start + 2 && !institution).then_some(e)
}

/// Sources of a sentence; returns the speakers quotes may be attributed to.
fn sources(ex: &Ex, v: &View, ctx: &mut Ctx, story: &mut Story) -> Vec<Speaker> {
    let n = v.n();
    let mut speakers: Vec<Speaker> = Vec::new();
    let push = |story: &mut Story, s: Source| {
        if !story
            .sources
            .iter()
            .any(|x| x.sentence == s.sentence && x.kind == s.kind && x.name == s.name)
        {
            story.sources.push(s);
        }
    };
    let according =
        |start: usize| start >= 2 && v.w(start - 1) == "to" && v.w(start - 2) == "according";
    // Outlets.
    let mut outlet: Option<String> = None;
    for m in &v.mentions {
        if let Some(code) = m.codes.iter().find(|c| ex.lx.media_codes.contains(*c)) {
            let start =
                if m.start > 0 && v.w(m.start - 1) == "the" && v.t.get(m.start - 1).capitalized {
                    m.start - 1
                } else {
                    m.start
                };
            let name = v.slice(start, m.end).to_string();
            outlet.get_or_insert_with(|| name.clone());
            if speech_after(v, m.end) || according(m.start) {
                speakers.push(Speaker {
                    pos: start,
                    name: name.clone(),
                    code: Some(code.clone()),
                    kind: SourceKind::Outlet,
                });
            }
            push(
                story,
                Source {
                    sentence: v.index,
                    kind: SourceKind::Outlet,
                    name,
                    code: Some(code.clone()),
                    count: None,
                    nationality: None,
                    outlet: None,
                    span: v.span(start, m.end),
                },
            );
        }
    }
    // Named people (and "he"/"she" resolved to them) who speak.
    let platform = PLATFORMS
        .iter()
        .find_map(|p| {
            let words: Vec<&str> = p.split(' ').collect();
            v.has_phrase(&words).map(|k| (k, words.len()))
        })
        .or_else(|| {
            (0..n)
                .find(|&k| {
                    v.w(k) == "x" && v.t.get(k).capitalized && v.w(k.wrapping_sub(1)) == "on"
                })
                .map(|k| (k, 1))
        });
    // "He said he had a call with X and Y, and he described ...": every
    // "he" of a sentence is the first one's person, not the last one named.
    let first_pronoun = v.mentions.iter().find(|m| m.pronoun).and_then(|m| m.person);
    for m in &v.mentions {
        let Some(mut pi) = m.person else { continue };
        if m.pronoun {
            pi = first_pronoun.unwrap_or(pi);
        }
        let inverted = m.start >= 1
            && SPEECH.contains(&v.w(m.start - 1))
            && m.start >= 2
            && matches!(v.w(m.start - 2), "," | "\"");
        if !(speech_after(v, m.end) || according(m.start) || inverted) {
            continue;
        }
        let Some(p) = ex.dict.actors.people.get(pi as usize) else {
            continue;
        };
        let code = p.code_on(ex.date).or_else(|| m.codes.first().cloned());
        push(
            story,
            Source {
                sentence: v.index,
                kind: SourceKind::Person,
                name: p.name.clone(),
                code: code.clone(),
                count: None,
                nationality: None,
                outlet: None,
                span: v.span(m.start, m.end),
            },
        );
        if let Some((k, len)) = platform {
            let mut s = k;
            while s > 0 && matches!(v.w(s - 1), "his" | "her" | "their" | "its") {
                s -= 1;
            }
            let mut e = k + len;
            while matches!(
                v.w(e),
                "platform" | "site" | "account" | "page" | "channel" | "post"
            ) {
                e += 1;
            }
            push(
                story,
                Source {
                    sentence: v.index,
                    kind: SourceKind::SocialMedia,
                    name: p.name.clone(),
                    code: code.clone(),
                    count: None,
                    nationality: None,
                    outlet: Some(v.slice(s, e).to_string()),
                    span: v.span(s, e),
                },
            );
        }
        speakers.push(Speaker {
            pos: m.start,
            name: p.name.clone(),
            code,
            kind: SourceKind::Person,
        });
    }
    // Unnamed officials.
    let anonymity = v.has(ANONYMITY) || v.has_phrase(&["not", "authorized"]).is_some();
    let mut i = 0;
    while i < n {
        if !OFFICIAL_NOUNS.contains(&v.w(i)) || v.covering(i).is_some_and(|m| m.person.is_some()) {
            i += 1;
            continue;
        }
        let head = i;
        let mut start = v.covering(i).map_or(i, |m| m.start);
        let mut count: Option<u32> = None;
        let mut nationality: Option<String> = v
            .covering(i)
            .and_then(|m| m.codes.iter().find_map(|c| ex.country(c)));
        // Walk back over number words, nationality and modifiers.
        while start > 0 {
            let w = v.w(start - 1);
            if let Some((_, c)) = NUMBERS.iter().find(|(x, _)| *x == w) {
                count = (*c > 0).then_some(*c);
                start -= 1;
            } else if let Ok(c) = w.parse::<u32>() {
                count = Some(c);
                start -= 1;
            } else if matches!(
                w,
                "senior"
                    | "administration"
                    | "government"
                    | "western"
                    | "unnamed"
                    | "anonymous"
                    | "diplomatic"
                    | "security"
                    | "intelligence"
                    | "military"
                    | "other"
                    | "two"
            ) {
                start -= 1;
            } else if let Some(m) = v
                .mentions
                .iter()
                .find(|m| m.end == start && m.person.is_none())
            {
                nationality = nationality.or_else(|| m.codes.iter().find_map(|c| ex.country(c)));
                start = m.start;
            } else if matches!(w, "the" | "of")
                && start >= 2
                && matches!(v.w(start - 2), "of" | "one" | "the")
            {
                // "one of the officials"
                start -= 1;
            } else {
                break;
            }
        }
        if count.is_none() && matches!(v.w(head), "official" | "diplomat" | "source" | "aide") {
            count = Some(1);
        }
        if v.w(start) == "one" && v.w(start + 1) == "of" {
            count = Some(1);
        }
        let spoke = speech_after(v, head + 1) || according(start) || anonymity;
        if !spoke {
            i = head + 1;
            continue;
        }
        if nationality.is_some() {
            ctx.anon_nationality = nationality.clone();
        } else {
            nationality = ctx.anon_nationality.clone();
        }
        let name = v.slice(start, head + 1).to_string();
        let code = nationality.as_ref().map(|c| format!("{c}GOV"));
        push(
            story,
            Source {
                sentence: v.index,
                kind: SourceKind::Anonymous,
                name: name.clone(),
                code: code.clone(),
                count,
                nationality: nationality.clone(),
                outlet: outlet.clone(),
                span: v.span(start, head + 1),
            },
        );
        let who = match &nationality {
            Some(c) => {
                let adj = ex
                    .dict
                    .place(c)
                    .and_then(|p| p.adjectives.first().or(p.names.first()).cloned())
                    .unwrap_or_else(|| c.clone());
                format!(
                    "unnamed {adj} official{}",
                    if count == Some(1) { "" } else { "s" }
                )
            }
            None => format!(
                "unnamed official{}",
                if count == Some(1) { "" } else { "s" }
            ),
        };
        speakers.push(Speaker {
            pos: start,
            name: who,
            code,
            kind: SourceKind::Anonymous,
        });
        i = head + 1;
    }
    // Official statements: "in a statement", seats of government, governments speaking.
    for (name, code) in INSTITUTIONS {
        let words: Vec<&str> = name.split(' ').collect();
        if let Some(k) = v.has_phrase(&words) {
            let end = k + words.len();
            let speaking = speech_after(v, end)
                || according(k)
                || (k >= 1 && SPEECH.contains(&v.w(k.wrapping_sub(1))));
            if speaking || v.has(&["statement"]) {
                let shown = v.slice(k, end).to_string();
                push(
                    story,
                    Source {
                        sentence: v.index,
                        kind: SourceKind::Statement,
                        name: shown.clone(),
                        code: Some(code.to_string()),
                        count: None,
                        nationality: None,
                        outlet: None,
                        span: v.span(k, end),
                    },
                );
                speakers.push(Speaker {
                    pos: k,
                    name: shown,
                    code: Some(code.to_string()),
                    kind: SourceKind::Statement,
                });
            }
        }
    }
    // "its foreign ministry said", "the bloc said in a statement"
    for k in 1..n {
        if !SPEECH.contains(&v.w(k)) || v.w(k) == "according" {
            continue;
        }
        let head = v.w(k - 1);
        if !matches!(
            head,
            "ministry"
                | "government"
                | "office"
                | "bloc"
                | "spokesperson"
                | "spokesman"
                | "spokeswoman"
                | "embassy"
                | "cabinet"
                | "presidency"
                | "alliance"
                | "commission"
        ) || v.covering(k - 1).is_some_and(|m| !m.codes.is_empty())
        {
            continue;
        }
        let mut start = k - 1;
        while start > 0
            && matches!(
                v.w(start - 1),
                "foreign" | "defence" | "defense" | "interior" | "press" | "the" | "its" | "their"
            )
        {
            start -= 1;
        }
        let owner = if matches!(v.w(start), "its" | "their") {
            ex.sentence_subject(v, start, ctx)
                .first()
                .map(|c| format!("{c}GOV"))
        } else if head == "bloc" || head == "alliance" {
            ctx.current
                .and_then(|a| ex.dict.actors.agreements.get(a))
                .and_then(|a| a.org.clone())
        } else {
            None
        };
        let name = v.slice(start, k).to_string();
        push(
            story,
            Source {
                sentence: v.index,
                kind: SourceKind::Statement,
                name: name.clone(),
                code: owner.clone(),
                count: None,
                nationality: None,
                outlet: None,
                span: v.span(start, k),
            },
        );
        speakers.push(Speaker {
            pos: start,
            name,
            code: owner,
            kind: SourceKind::Statement,
        });
    }
    let statement = v.has(&["statement", "communique", "communiqué"]);
    for m in &v.mentions {
        if m.person.is_some() || m.pronoun || v.is_prep_object(m) && !according(m.start) {
            continue;
        }
        if m.codes.iter().any(|c| ex.lx.media_codes.contains(c)) {
            continue;
        }
        // "Bolivian Foreign Minister Fernando Aramayo said": a person the
        // dictionaries do not know, named after their title.
        if let Some(end) = named_after(v, m.end).filter(|&e| speech_after(v, e)) {
            if let Some(code) = m.codes.first().cloned() {
                let name = v.slice(m.end, end).to_string();
                push(
                    story,
                    Source {
                        sentence: v.index,
                        kind: SourceKind::Person,
                        name: name.clone(),
                        code: Some(code.clone()),
                        count: None,
                        nationality: None,
                        outlet: None,
                        span: v.span(m.start, end),
                    },
                );
                if let Some((k, len)) = platform {
                    push(
                        story,
                        Source {
                            sentence: v.index,
                            kind: SourceKind::SocialMedia,
                            name: name.clone(),
                            code: Some(code.clone()),
                            count: None,
                            nationality: None,
                            outlet: Some(v.slice(k, k + len).to_string()),
                            span: v.span(k, k + len),
                        },
                    );
                }
                speakers.push(Speaker {
                    pos: m.start,
                    name,
                    code: Some(code),
                    kind: SourceKind::Person,
                });
            }
            continue;
        }
        let states = (m.end..(m.end + 6).min(n)).any(|k| v.w(k) == "statement");
        if !(speech_after(v, m.end) || according(m.start) || (statement && states)) {
            continue;
        }
        // Agents with no country ("officials") are handled above.
        let Some(code) = m.codes.first().cloned() else {
            continue;
        };
        if named_after(v, m.end).is_some() {
            continue;
        }
        if OFFICIAL_NOUNS.contains(&v.w(m.end - 1)) {
            continue;
        }
        let name = v.slice(m.start, m.end).to_string();
        push(
            story,
            Source {
                sentence: v.index,
                kind: SourceKind::Statement,
                name: name.clone(),
                code: Some(code.clone()),
                count: None,
                nationality: None,
                outlet: None,
                span: v.span(m.start, m.end),
            },
        );
        speakers.push(Speaker {
            pos: m.start,
            name,
            code: Some(code),
            kind: SourceKind::Statement,
        });
    }
    speakers.sort_by_key(|s| s.pos);
    speakers
}

/// Direct quotes and who said them.
fn quotes(ex: &Ex, v: &View, speakers: &[Speaker], story: &mut Story) {
    let marks: Vec<usize> = (0..v.n()).filter(|&i| v.w(i) == "\"").collect();
    let inside = |pos: usize| {
        marks
            .chunks(2)
            .any(|c| c.len() == 2 && c[0] < pos && pos < c[1])
    };
    for c in marks.chunks(2) {
        let [open, close] = c else { break };
        let (open, close) = (*open, *close);
        if close <= open + 1 {
            continue;
        }
        let start = v.t.get(open).end;
        let end = v.t.get(close).start;
        let Some(text) = v.text.get(start as usize..end as usize) else {
            continue;
        };
        let text = text.trim_end_matches([',', ' ']);
        let usable = |s: &&Speaker| !inside(s.pos);
        let before = |kinds: &[SourceKind]| {
            speakers
                .iter()
                .filter(usable)
                .rfind(|s| s.pos < open && kinds.contains(&s.kind))
        };
        let who = before(&[SourceKind::Person, SourceKind::Anonymous])
            .or_else(|| before(&[SourceKind::Statement, SourceKind::Outlet]))
            .or_else(|| speakers.iter().filter(usable).find(|s| s.pos > close));
        // No one is said to speak: the subject of the sentence, when it
        // names someone ("Netanyahu dismisses the reports, calling them ...").
        let subject = if who.is_none() {
            v.mentions
                .iter()
                .find(|m| m.start < open && !v.is_prep_object(m) && !inside(m.start))
                .map(|m| {
                    let person = m.person.and_then(|p| ex.dict.actors.people.get(p as usize));
                    Speaker {
                        pos: m.start,
                        name: person.map_or_else(
                            || v.slice(m.start, m.end).to_string(),
                            |p| p.name.clone(),
                        ),
                        code: m.codes.first().cloned(),
                        kind: if person.is_some() {
                            SourceKind::Person
                        } else {
                            SourceKind::Statement
                        },
                    }
                })
        } else {
            None
        };
        let who = who.or(subject.as_ref());
        story.quotes.push(Quote {
            sentence: v.index,
            speaker: who.map(|s| s.name.clone()).unwrap_or_default(),
            speaker_code: who.and_then(|s| s.code.clone()),
            speaker_kind: who.map(|s| s.kind),
            text: text.to_string(),
            span: [start, start + text.len() as u32],
        });
    }
}

/// "X is farther from Y than the other members".
fn distance_claims(ex: &Ex, v: &View, ctx: &Ctx, story: &mut Story) {
    let n = v.n();
    for i in 0..n {
        let w = v.w(i);
        let prev = v.w(i.wrapping_sub(1));
        let (cmp, cue_start) = match w {
            "farther" | "further" | "farthest" | "furthest" => (Comparison::Farther, i),
            "distance" if matches!(prev, "greater" | "larger" | "longer") => {
                (Comparison::Farther, i - 1)
            }
            "distant" if prev == "more" => (Comparison::Farther, i - 1),
            "closer" | "nearer" => (Comparison::Closer, i),
            _ => continue,
        };
        // The reference: "from Israel" / "to Israel".
        let Some(from) = (i + 1..(i + 3).min(n)).find(|&k| matches!(v.w(k), "from" | "to")) else {
            continue;
        };
        let Some(reference) = v
            .mentions
            .iter()
            .find(|m| m.start == from + 1 || (m.start == from + 2 && v.w(from + 1) == "the"))
            .and_then(|m| ex.countries(m).into_iter().next())
        else {
            continue;
        };
        let Some(than) = (from + 1..n).find(|&k| v.w(k) == "than") else {
            continue;
        };
        let mut subject = ex.subject_before(v, cue_start, ctx);
        if subject.is_empty() {
            continue;
        }
        let subject = subject.remove(0);
        let named = v
            .mentions
            .iter()
            .find(|m| m.start > than && m.start <= than + 4)
            .map(|m| ex.countries(m))
            .unwrap_or_default();
        let mut agreement = None;
        let others: Vec<String> = if !named.is_empty() {
            named
        } else if (than + 1..n).any(|k| GENERIC_PLURALS.contains(&v.w(k)) || v.w(k) == "signatory")
        {
            let ag = v.agreements.first().map(|h| h.target).or(ctx.current);
            let Some(ag) = ag else { continue };
            let key = &ex.lx.agreement_keys[ag];
            agreement = Some(key.clone());
            let mut m = ex.members_of(story, key);
            if m.iter().all(|c| *c == subject || *c == reference) {
                m = ex.dict.actors.agreements[ag]
                    .members
                    .iter()
                    .filter(|f| f.step != "withdrew")
                    .map(|f| f.member.clone())
                    .collect();
                m.dedup();
            }
            m
        } else {
            continue;
        };
        let mut others: Vec<String> = others
            .into_iter()
            .filter(|c| *c != subject && *c != reference)
            .collect();
        others.dedup();
        story.claims.push(DistanceClaim {
            sentence: v.index,
            subject,
            reference,
            others,
            comparison: cmp,
            agreement,
            span: v.span(cue_start, i + 1),
        });
        return;
    }
}

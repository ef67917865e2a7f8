//! The story layer: what an article is about, beyond its coded events.
//!
//! Events say who did what to whom. A reader of a story such as "Kazakhstan
//! to join the Abraham Accords" also wants to know which agreement is
//! concerned and who its members are, how the two countries have related
//! over the years, who the story rests on (named people, outlets, anonymous
//! officials, statements, social media posts), what was quoted and by whom,
//! and which of the story's claims reference data can test. This crate
//! extracts those records from an article that `accord-coder` has already
//! read, with evidence (sentence index and byte spans in the sentence):
//!
//! - [`MembershipStep`]: a country announces it will join, joins, signs,
//!   ratifies, accedes to, normalizes relations on joining, is suspended
//!   from, or withdraws from an agreement (`agreement` records in
//!   `data/agreements/`); planned steps ("a signing ceremony would
//!   formalize the agreement") are [`Step::Planned`], never done; members
//!   named in passing ("other Abraham Accord nations, which include Bahrain,
//!   ...") are [`Step::Member`] with no date rather than an invented one.
//! - [`Relation`]: diplomatic relations established, restored, normalized,
//!   downgraded or cut between two countries, earlier bilateral agreements
//!   ("dating back to the mid-1990s", a range), and areas of cooperation
//!   from the topic vocabulary (`topic` records in `data/topics/`).
//! - [`Source`] and [`Quote`]: who a sentence rests on, and direct quotes
//!   with their speaker ("he" resolved to the last named person).
//! - [`DistanceClaim`]: "X is farther from Y than the other members",
//!   tested by [`check_distance`] with great-circle distances between
//!   capitals and between centroids (`capital-at` / `centroid` in
//!   `data/actors/countries.txt`).
//!
//! Everything is dictionary lookups and closed word lists over the tokens
//! and actor mentions the coder produces; there is no parser. Time
//! expressions are resolved by `accord_coder::find_date` against the
//! article date; a step dated by the article date rather than the text says
//! so (`dated_by_text`).

mod claims;
mod extract;
mod lexicon;

pub use claims::{check_distance, great_circle_km, DistanceCheck, DistanceFigure, Verdict};
pub use extract::extract;
pub use lexicon::Lexicon;

use accord_coder::EventDate;
use serde::Serialize;

/// A membership step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Announced the intent to join ("is set to join", "will join").
    Announced,
    /// Joined, became a member.
    Joined,
    /// Signed the agreement.
    Signed,
    /// Ratified it.
    Ratified,
    /// Acceded to it.
    Acceded,
    /// Normalized relations (with a third country) on joining.
    Normalized,
    /// Named as an existing member, date unknown.
    Member,
    /// A planned step (detail says which: "sign", "join").
    Planned,
    /// Membership suspended.
    Suspended,
    /// Membership restored.
    Reinstated,
    /// Announced the intent to withdraw.
    WithdrawalAnnounced,
    /// Withdrew.
    Withdrew,
}

impl Step {
    /// All steps.
    pub const ALL: [Step; 12] = [
        Step::Announced,
        Step::Joined,
        Step::Signed,
        Step::Ratified,
        Step::Acceded,
        Step::Normalized,
        Step::Member,
        Step::Planned,
        Step::Suspended,
        Step::Reinstated,
        Step::WithdrawalAnnounced,
        Step::Withdrew,
    ];

    /// The name used in storage and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Announced => "announced",
            Step::Joined => "joined",
            Step::Signed => "signed",
            Step::Ratified => "ratified",
            Step::Acceded => "acceded",
            Step::Normalized => "normalized",
            Step::Member => "member",
            Step::Planned => "planned",
            Step::Suspended => "suspended",
            Step::Reinstated => "reinstated",
            Step::WithdrawalAnnounced => "withdrawal_announced",
            Step::Withdrew => "withdrew",
        }
    }

    /// Parses [`Step::as_str`] output.
    pub fn parse(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A member's status after a sequence of steps: `announced`, `signed`,
/// `member`, `planned`, `suspended` or `withdrawn`.
pub fn status_after(steps: &[Step]) -> &'static str {
    let mut status = "";
    for s in steps {
        status = match s {
            Step::Planned if status.is_empty() => "planned",
            Step::Planned | Step::WithdrawalAnnounced => status,
            Step::Announced if matches!(status, "" | "planned") => "announced",
            Step::Announced => status,
            Step::Signed if matches!(status, "" | "planned" | "announced") => "signed",
            Step::Signed => status,
            Step::Joined
            | Step::Ratified
            | Step::Acceded
            | Step::Normalized
            | Step::Member
            | Step::Reinstated => "member",
            Step::Suspended => "suspended",
            Step::Withdrew => "withdrawn",
        };
    }
    if status.is_empty() {
        "announced"
    } else {
        status
    }
}

/// One membership step read from a sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MembershipStep {
    /// Sentence index in the article.
    pub sentence: u32,
    /// Agreement key (`ABRAHAM`).
    pub agreement: String,
    /// CAMEO country code of the member.
    pub member: String,
    /// What happened.
    pub step: Step,
    /// When, if known.
    pub date: Option<EventDate>,
    /// The date was read from the text (not assumed from the article date).
    pub dated_by_text: bool,
    /// For `planned`, the planned step ("sign"); for `normalized`, the partner country.
    pub detail: Option<String>,
    /// Byte span of the trigger words in the sentence.
    pub span: [u32; 2],
}

/// A kind of bilateral relation record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// Diplomatic relations established.
    Established,
    /// Restored or resumed.
    Restored,
    /// Normalized.
    Normalized,
    /// Downgraded.
    Downgraded,
    /// Cut, severed, suspended.
    Cut,
    /// Earlier bilateral agreements.
    Agreements,
    /// An area of cooperation (detail: the topic id).
    Cooperation,
}

impl RelationKind {
    /// All kinds.
    pub const ALL: [RelationKind; 7] = [
        RelationKind::Established,
        RelationKind::Restored,
        RelationKind::Normalized,
        RelationKind::Downgraded,
        RelationKind::Cut,
        RelationKind::Agreements,
        RelationKind::Cooperation,
    ];

    /// The name used in storage and output.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Established => "established",
            RelationKind::Restored => "restored",
            RelationKind::Normalized => "normalized",
            RelationKind::Downgraded => "downgraded",
            RelationKind::Cut => "cut",
            RelationKind::Agreements => "agreements",
            RelationKind::Cooperation => "cooperation",
        }
    }

    /// Parses [`RelationKind::as_str`] output.
    pub fn parse(s: &str) -> Option<RelationKind> {
        RelationKind::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A bilateral relation record. `a` and `b` are in code order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relation {
    /// Sentence index.
    pub sentence: u32,
    /// First country (alphabetically).
    pub a: String,
    /// Second country.
    pub b: String,
    /// What it is.
    pub kind: RelationKind,
    /// When, if known.
    pub date: Option<EventDate>,
    /// Topic id for `cooperation`.
    pub detail: Option<String>,
    /// Byte span of the evidence words in the sentence.
    pub span: [u32; 2],
}

/// A kind of source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A named person.
    Person,
    /// A news outlet or agency.
    Outlet,
    /// Unnamed officials or sources.
    Anonymous,
    /// An official statement, or a government body speaking.
    Statement,
    /// A social media post.
    SocialMedia,
}

impl SourceKind {
    /// All kinds.
    pub const ALL: [SourceKind; 5] = [
        SourceKind::Person,
        SourceKind::Outlet,
        SourceKind::Anonymous,
        SourceKind::Statement,
        SourceKind::SocialMedia,
    ];

    /// The name used in storage and output.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Outlet => "outlet",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Statement => "statement",
            SourceKind::SocialMedia => "social_media",
        }
    }

    /// Parses [`SourceKind::as_str`] output.
    pub fn parse(s: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Who a sentence rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Sentence index.
    pub sentence: u32,
    /// What kind of source.
    pub kind: SourceKind,
    /// Name: the person's full name, the outlet, "three U.S. officials",
    /// the platform of a post.
    pub name: String,
    /// Actor code, when known (`USAGOV`).
    pub code: Option<String>,
    /// How many (anonymous officials), when said.
    pub count: Option<u32>,
    /// Their country (anonymous officials), when said.
    pub nationality: Option<String>,
    /// The outlet they spoke to, when said.
    pub outlet: Option<String>,
    /// Byte span in the sentence.
    pub span: [u32; 2],
}

/// A direct quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// Sentence index.
    pub sentence: u32,
    /// Who said it: a person's full name, "an unnamed U.S. official", a
    /// country or organisation; empty when unknown.
    pub speaker: String,
    /// The speaker's actor code, when known.
    pub speaker_code: Option<String>,
    /// What kind of speaker.
    pub speaker_kind: Option<SourceKind>,
    /// The quoted words (without the quote marks).
    pub text: String,
    /// Byte span of the quoted words in the sentence.
    pub span: [u32; 2],
}

/// Farther or closer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// "farther from", "at a greater distance from".
    Farther,
    /// "closer to", "nearer to".
    Closer,
}

impl Comparison {
    /// The name used in storage and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Comparison::Farther => "farther",
            Comparison::Closer => "closer",
        }
    }

    /// Parses [`Comparison::as_str`] output.
    pub fn parse(s: &str) -> Option<Comparison> {
        match s {
            "farther" => Some(Comparison::Farther),
            "closer" => Some(Comparison::Closer),
            _ => None,
        }
    }
}

/// "`subject` is farther from `reference` than `others`".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistanceClaim {
    /// Sentence index.
    pub sentence: u32,
    /// Country said to be farther (or closer).
    pub subject: String,
    /// Country distances are measured from.
    pub reference: String,
    /// Countries compared with.
    pub others: Vec<String>,
    /// Farther or closer.
    pub comparison: Comparison,
    /// The agreement whose members are the others, when they are named so.
    pub agreement: Option<String>,
    /// Byte span of the comparison words in the sentence.
    pub span: [u32; 2],
}

/// Everything the story layer read from one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Story {
    /// Membership steps.
    pub steps: Vec<MembershipStep>,
    /// Bilateral relations.
    pub relations: Vec<Relation>,
    /// Sources.
    pub sources: Vec<Source>,
    /// Quotes.
    pub quotes: Vec<Quote>,
    /// Distance claims.
    pub claims: Vec<DistanceClaim>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_follows_the_steps() {
        use Step::*;
        assert_eq!(status_after(&[Announced, Planned]), "announced");
        assert_eq!(status_after(&[Planned]), "planned");
        assert_eq!(status_after(&[Announced, Signed]), "signed");
        assert_eq!(status_after(&[Member, Normalized]), "member");
        assert_eq!(status_after(&[Joined, Suspended]), "suspended");
        assert_eq!(status_after(&[Joined, Suspended, Reinstated]), "member");
        assert_eq!(status_after(&[Joined, WithdrawalAnnounced]), "member");
        assert_eq!(status_after(&[Joined, Withdrew]), "withdrawn");
        for s in Step::ALL {
            assert_eq!(Step::parse(s.as_str()), Some(s));
        }
        for k in RelationKind::ALL {
            assert_eq!(RelationKind::parse(k.as_str()), Some(k));
        }
        for k in SourceKind::ALL {
            assert_eq!(SourceKind::parse(k.as_str()), Some(k));
        }
    }
}

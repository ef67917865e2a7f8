//! The story layer on the seed article (when ../shared is present), on our
//! retelling of it (samples/), and on articles of our own in the same
//! shapes (tests/fixtures/).

use accord_coder::{Coder, EventDate, Scratch};
use accord_dict::Dictionary;
use accord_story::{
    check_distance, extract, Comparison, Lexicon, RelationKind, SourceKind, Step, Story, Verdict,
};
use accord_text::{parse_article_text, Date};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn dict() -> &'static Dictionary {
    static D: OnceLock<Dictionary> = OnceLock::new();
    D.get_or_init(|| {
        let loaded = Dictionary::embedded();
        let errors: Vec<String> = loaded.errors().map(ToString::to_string).collect();
        assert!(errors.is_empty(), "dictionary errors: {errors:#?}");
        loaded.dictionary
    })
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn story_of(path: &Path, date: Option<&str>) -> Story {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let a = parse_article_text("t", &text).expect("article parses");
    let date = date.and_then(Date::parse_iso).or(a.date);
    let coded = Coder::new(dict()).code_article(&a, date, &mut Scratch::default());
    extract(dict(), &Lexicon::new(dict()), &a, date, &coded)
}

fn fixture(name: &str) -> Story {
    story_of(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
        None,
    )
}

fn d(s: &str) -> Option<EventDate> {
    match s.split_once('/') {
        Some((a, b)) => Some(EventDate::Range(Date::parse_iso(a)?, Date::parse_iso(b)?)),
        None => Date::parse_iso(s).map(EventDate::Day),
    }
}

fn steps_of<'a>(s: &'a Story, member: &str) -> Vec<(&'a str, Step, Option<EventDate>)> {
    s.steps
        .iter()
        .filter(|x| x.member == member)
        .map(|x| (x.agreement.as_str(), x.step, x.date))
        .collect()
}

fn members(s: &Story) -> Vec<&str> {
    let mut m: Vec<&str> = s.steps.iter().map(|x| x.member.as_str()).collect();
    m.sort();
    m.dedup();
    m
}

fn topics(s: &Story) -> Vec<&str> {
    let mut t: Vec<&str> = s
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Cooperation)
        .filter_map(|r| r.detail.as_deref())
        .collect();
    t.sort();
    t
}

fn relation(s: &Story, a: &str, b: &str, kind: RelationKind) -> Option<Option<EventDate>> {
    s.relations
        .iter()
        .find(|r| r.a == a && r.b == b && r.kind == kind)
        .map(|r| r.date)
}

/// What the seed and our retelling must both show (the list).
fn check_kazakhstan_story(s: &Story, announced: &str, four_joined: Option<EventDate>) {
    assert_eq!(
        members(s),
        ["ARE", "BHR", "KAZ", "MAR", "SDN"],
        "{:#?}",
        s.steps
    );
    let kaz = steps_of(s, "KAZ");
    assert!(
        kaz.contains(&("ABRAHAM", Step::Announced, d(announced))),
        "{kaz:?}"
    );
    assert!(
        kaz.iter().any(|x| x.1 == Step::Planned),
        "signing ceremony pending: {kaz:?}"
    );
    assert!(
        !kaz.iter()
            .any(|x| matches!(x.1, Step::Joined | Step::Signed)),
        "a planned signing is not a signature: {kaz:?}"
    );
    for c in ["ARE", "BHR", "MAR", "SDN"] {
        let st = steps_of(s, c);
        assert!(
            st.iter()
                .any(|x| x.1 == Step::Normalized && x.0 == "ABRAHAM"),
            "{c}: {st:?}"
        );
        if let Some(j) = four_joined {
            assert!(
                st.contains(&("ABRAHAM", Step::Joined, Some(j))),
                "{c}: {st:?}"
            );
        } else {
            assert!(
                st.iter().all(|x| x.2.is_none()),
                "{c}: a member named in passing has no date: {st:?}"
            );
        }
    }
    assert_eq!(
        relation(s, "ISR", "KAZ", RelationKind::Established),
        Some(d("1992-01-01/1992-12-31"))
    );
    assert_eq!(
        relation(s, "ISR", "KAZ", RelationKind::Agreements),
        Some(d("1994-01-01/1996-12-31")),
        "mid-1990s is a range"
    );
    assert_eq!(
        topics(s),
        ["cybersecurity", "defense", "energy", "food-technology"]
    );
    let anon = s
        .sources
        .iter()
        .find(|x| x.kind == SourceKind::Anonymous && x.count == Some(3))
        .unwrap_or_else(|| panic!("three anonymous officials: {:#?}", s.sources));
    assert_eq!(anon.nationality.as_deref(), Some("USA"));
    assert!(anon
        .outlet
        .as_deref()
        .is_some_and(|o| o.contains("Associated Press")));
    let post = s
        .sources
        .iter()
        .find(|x| x.kind == SourceKind::SocialMedia)
        .unwrap_or_else(|| panic!("Trump's post: {:#?}", s.sources));
    assert_eq!(post.name, "Donald Trump");
    assert!(post
        .outlet
        .as_deref()
        .is_some_and(|o| o.contains("social media")));
    assert!(
        !s.sources
            .iter()
            .any(|x| x.kind == SourceKind::Person && x.name != "Donald Trump"),
        "Netanyahu and Tokayev are talked to, not quoted: {:#?}",
        s.sources
    );
    for q in &s.quotes {
        assert!(!q.text.is_empty() && !q.text.contains('"'), "{q:?}");
    }
    let great = s
        .quotes
        .iter()
        .find(|q| q.text == "great call")
        .expect("great call quoted");
    assert_eq!(great.speaker, "Donald Trump");
    assert_eq!(s.claims.len(), 1, "{:#?}", s.claims);
    let c = &s.claims[0];
    assert_eq!(
        (c.subject.as_str(), c.reference.as_str(), c.comparison),
        ("KAZ", "ISR", Comparison::Farther)
    );
    let mut others = c.others.clone();
    others.sort();
    assert_eq!(others, ["ARE", "BHR", "MAR", "SDN"]);
    let chk = check_distance(dict(), c);
    assert_eq!(chk.verdict, Verdict::NotSupported, "{}", chk.summary);
    let km = |code: &str| {
        chk.figures
            .iter()
            .find(|f| f.country == code)
            .and_then(|f| f.capital_km)
            .unwrap_or_else(|| panic!("{code} in {:?}", chk.figures))
    };
    assert!(
        km("MAR") > km("KAZ"),
        "Rabat is farther from Jerusalem than Astana"
    );
    assert!((3550.0..3750.0).contains(&km("KAZ")), "{}", km("KAZ"));
    assert!((3800.0..4000.0).contains(&km("MAR")), "{}", km("MAR"));
}

#[test]
fn the_seed_story() {
    let p = root().join("../shared/seed/kazakhstan-abraham-accords.txt");
    if !p.exists() {
        eprintln!("skipped: ../shared/seed/kazakhstan-abraham-accords.txt is absent");
        return;
    }
    let s = story_of(&p, Some("2025-11-06"));
    check_kazakhstan_story(&s, "2025-11-06", None);
    for c in ["ARE", "BHR", "MAR", "SDN"] {
        assert!(steps_of(&s, c).iter().any(|x| x.1 == Step::Member));
    }
    // Every quoted phrase of Trump's, and the unnamed official's two.
    let by = |speaker_part: &str| {
        s.quotes
            .iter()
            .filter(|q| q.speaker.contains(speaker_part))
            .count()
    };
    assert_eq!(by("Donald Trump"), 5, "{:#?}", s.quotes);
    let official: Vec<_> = s
        .quotes
        .iter()
        .filter(|q| q.speaker_kind == Some(SourceKind::Anonymous))
        .collect();
    assert_eq!(official.len(), 2, "{:#?}", s.quotes);
    assert!(official[0].text.contains("completely changed the paradigm"));
    assert_eq!(official[0].speaker_code.as_deref(), Some("USAGOV"));
}

#[test]
fn our_retelling_of_the_seed() {
    let s = story_of(&root().join("samples/kazakhstan-joins-accords.txt"), None);
    // Article dated 2025-11-07, a Friday: "on Thursday" is 2025-11-06.
    check_kazakhstan_story(&s, "2025-11-06", d("2020-01-01/2020-12-31"));
    assert!(s
        .sources
        .iter()
        .any(|x| x.kind == SourceKind::Statement && x.name == "White House"));
}

#[test]
fn an_announcement_with_a_planned_signing_and_a_supported_claim() {
    let s = fixture("azerbaijan-accords.txt");
    let aze = steps_of(&s, "AZE");
    // 2026-03-12 is a Thursday; "on Tuesday" is 2026-03-10, "next month" April.
    assert!(
        aze.contains(&("ABRAHAM", Step::Announced, d("2026-03-10"))),
        "{aze:?}"
    );
    assert!(
        aze.contains(&("ABRAHAM", Step::Planned, d("2026-04-01/2026-04-30"))),
        "{aze:?}"
    );
    assert_eq!(members(&s), ["AZE", "BHR", "MAR"]);
    assert_eq!(steps_of(&s, "BHR"), [("ABRAHAM", Step::Member, None)]);
    assert_eq!(
        relation(&s, "AZE", "ISR", RelationKind::Agreements),
        Some(d("2000-01-01/2003-12-31"))
    );
    assert_eq!(topics(&s), ["agriculture", "energy", "water"]);
    let anon = s
        .sources
        .iter()
        .find(|x| x.kind == SourceKind::Anonymous)
        .expect("anonymous");
    assert_eq!(
        (
            anon.count,
            anon.nationality.as_deref(),
            anon.outlet.as_deref()
        ),
        (Some(2), Some("ISR"), Some("Reuters"))
    );
    assert!(s
        .sources
        .iter()
        .any(|x| x.kind == SourceKind::Statement && x.code.as_deref() == Some("AZEGOV")));
    assert_eq!(s.quotes.len(), 1);
    assert_eq!(
        s.quotes[0].speaker, "Benjamin Netanyahu",
        "\"..., he said\" after Netanyahu"
    );
    assert_eq!(s.quotes[0].text, "This is a historic day for our region");
    let chk = check_distance(dict(), &s.claims[0]);
    assert_eq!(s.claims[0].comparison, Comparison::Closer);
    assert_eq!(chk.verdict, Verdict::Supported, "{}", chk.summary);
}

#[test]
fn withdrawals_suspensions_and_members_in_apposition() {
    let s = fixture("sahel-ecowas-nato.txt");
    for c in ["BFA", "MLI", "NER"] {
        assert_eq!(
            steps_of(&s, c),
            [("ECOWAS", Step::Withdrew, d("2025-01-01/2025-01-31"))],
            "{c}: \"last month\" from 2025-02-03"
        );
    }
    assert_eq!(steps_of(&s, "GAB"), [("AU", Step::Suspended, None)]);
    assert_eq!(
        steps_of(&s, "FIN"),
        [("NATO", Step::Joined, d("2023-04-01/2023-04-30"))]
    );
    assert_eq!(
        steps_of(&s, "IDN"),
        [("BRICS", Step::Member, None)],
        "\"would not leave\" is no withdrawal"
    );
    assert!(s
        .sources
        .iter()
        .any(|x| x.kind == SourceKind::Statement && x.code.as_deref() == Some("IGOWAFWAS")));
    assert_eq!(s.quotes.len(), 1);
    assert_eq!(s.quotes[0].speaker_kind, Some(SourceKind::Anonymous));
}

#[test]
fn relations_restored_and_cut_and_a_named_speaker_the_dictionary_lacks() {
    let s = fixture("bolivia-israel-ties.txt");
    assert_eq!(
        relation(&s, "BOL", "ISR", RelationKind::Restored),
        Some(d("2025-12-09"))
    );
    assert!(relation(&s, "BOL", "ISR", RelationKind::Cut).is_some());
    assert!(relation(&s, "BOL", "ISR", RelationKind::Established).is_none());
    assert!(s.steps.is_empty(), "no agreement here: {:#?}", s.steps);
    assert_eq!(topics(&s), ["trade"], "\"trade cooperation\"");
    let post = s
        .sources
        .iter()
        .find(|x| x.kind == SourceKind::SocialMedia)
        .expect("post on X");
    assert_eq!(
        (post.name.as_str(), post.outlet.as_deref()),
        ("Fernando Aramayo", Some("X"))
    );
    assert_eq!(s.quotes[0].speaker, "Fernando Aramayo");
    let chk = check_distance(dict(), &s.claims[0]);
    assert_eq!(chk.verdict, Verdict::Supported, "{}", chk.summary);
}

#[test]
fn every_agreement_fact_names_a_country_of_the_dictionary() {
    for a in &dict().actors.agreements {
        for m in &a.members {
            let p = dict().place(&m.member);
            assert!(
                p.is_some_and(|p| !p.is_region),
                "{} member {} (line {}) is not a country",
                a.key,
                m.member,
                m.line
            );
        }
    }
    let lx = Lexicon::new(dict());
    for name in [
        "Abraham Accords",
        "abraham accords",
        "NATO",
        "BRICS",
        "ABRAHAM",
    ] {
        assert!(lx.find_agreement(dict(), name).is_some(), "{name}");
    }
    assert!(
        lx.find_agreement(dict(), "the accords").is_none(),
        "an anaphor names nothing by itself"
    );
}

//! The TABARI engine on small inline dictionaries (no ../shared needed).

mod common;

use accord_compat::{FileKind, Reader};
use accord_dict::{Dictionary, TabOptions};
use common::{code, no_min_words, no_min_words_of};
use std::path::Path;

const ACTORS: &str = "\
<ADJECTIVE>
EVIL
</ADJECTIVE>
ARNOR [ARN]
GONDOR [GON]
ROHAN [ROH]
PRINCE DOL_AMROTH [DOL]
";

const VERBS: &str = "\
SHOULD [101]
- SUGGESTED + * DEMAND CONVENTIONS [161]
WARN [160]
- * AT ^ + [162]
SAID [023?]
ATTACK [190]
MEET [031:031]
";

fn dictionary() -> Dictionary {
    let mut r = Reader::new();
    r.read(Path::new("t.actors"), ACTORS, FileKind::Actors);
    r.read(Path::new("t.verbs"), VERBS, FileKind::Verbs);
    let loaded = r.finish();
    assert!(
        loaded.dictionary.options.tabari,
        "TABARI files ask for the TABARI engine"
    );
    loaded.dictionary
}

#[test]
fn patterns_place_actors_before_the_verb_and_skip_actors() {
    let d = dictionary();
    let no_min = no_min_words();
    // `+` between a word and the verb is the target; the source is the first other actor.
    assert_eq!(
        code(
            &d,
            Some(no_min.clone()),
            "Arnor suggested Gondor should demand Geneva conventions in its dealings with Rohan."
        ),
        ["ARN/GON/161"]
    );
    // `^` skips Gondor; the phrase's words may stand apart ("the Prince of Dol_Amroth").
    assert_eq!(
        code(
            &d,
            Some(no_min.clone()),
            "Rohan warned at the Gondor of the Prince of Dol_Amroth today."
        ),
        ["ROH/DOL/162"]
    );
}

#[test]
fn clauses_commas_compounds_and_subordinate_codes() {
    let d = dictionary();
    let no_min = no_min_words();
    // A compound with an <ADJECTIVE> inside; a comma clause of 3..10 words is dropped.
    assert_eq!(
        code(
            &d,
            Some(no_min.clone()),
            "Arnor and the evil Gondor, in a long awaited move, attacked Rohan on Monday."
        ),
        ["ARN/ROH/190", "GON/ROH/190"]
    );
    // A subordinate code (`023?`) codes only when nothing else does; the source
    // is the sentence's first actor.
    assert_eq!(
        code(
            &d,
            Some(no_min.clone()),
            "Arnor said Rohan attacked Gondor."
        ),
        ["ARN/GON/190"]
    );
    assert_eq!(
        code(&d, Some(no_min), "Arnor said it to Rohan on Monday."),
        ["ARN/ROH/023"]
    );
    // Passive voice swaps source and target.
    let no_min = no_min_words();
    assert_eq!(
        code(&d, Some(no_min), "Gondor was attacked by Rohan yesterday."),
        ["ROH/GON/190"]
    );
    // MINIMUM WORDS (default 8): short sentences code nothing.
    assert!(code(&d, None, "Gondor attacked Rohan.").is_empty());
}

#[test]
fn options_lines_apply() {
    let mut t = TabOptions::default();
    assert!(t.apply("SET: CODE BY SENTENCE"));
    assert_eq!(t.code_by, accord_dict::CodeBy::Sentence);
    assert!(t.apply("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8"));
    assert_eq!(t.comma, Some([4, 6, 3, 6, 3, 8]));
    assert!(t.apply("COMMA: OFF"));
    assert_eq!(t.comma, None);
    assert!(t.apply("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR]"));
    assert_eq!(t.default_source, Some(("DEFSRC".into(), true)));
    assert_eq!(t.default_target, Some(("DEFTAR".into(), false)));
    assert!(t.apply("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN"));
    assert_eq!(
        (t.complex_verbs, t.complex_conj, t.no_actor_prior),
        (5, 4, true)
    );
    assert!(t.apply("SET: MINIMUM WORDS = 4"));
    assert_eq!(t.min_words, 4);
    assert!(!t.apply("LABEL: 010=YIELD"));
}

#[test]
fn a_sentence_ending_in_an_adjective_codes_without_panicking() {
    let d = dictionary();
    let no_min = no_min_words_of(&d);
    assert_eq!(
        code(&d, Some(no_min), "Arnor will attack Gondor evil."),
        vec!["ARN/GON/190"]
    );
}

#[test]
fn a_gapped_actor_line_keeps_its_code_when_its_parts_stand_apart() {
    let actors = "AL_GORE [AGR]\nAL GORE [TEN]\nARNOR [ARN]\n";
    let mut r = Reader::new();
    r.read(Path::new("t.actors"), actors, FileKind::Actors);
    r.read(Path::new("t.verbs"), VERBS, FileKind::Verbs);
    let d = r.finish().dictionary;
    let no_min = no_min_words_of(&d);
    let apart = code(
        &d,
        Some(no_min.clone()),
        "Arnor warned Al \"The Weasel\" Gore",
    );
    assert_eq!(apart, vec!["ARN/TEN/160"]);
    assert_eq!(
        code(&d, Some(no_min), "Arnor warned Al Gore"),
        vec!["ARN/AGR/160"]
    );
}

#[test]
fn a_multi_word_verb_counts_as_a_verb_only_where_its_words_stand_together() {
    let actors = "ARNOR [ARN]\nGONDOR [GON]\n";
    let verbs = "SAID [023]\nPRAISE [041]\nHAS_NO_WISH [025]\nWORLD_CUP [###]\n";
    let mut r = Reader::new();
    r.read(Path::new("t.actors"), actors, FileKind::Actors);
    r.read(Path::new("t.verbs"), verbs, FileKind::Verbs);
    let d = r.finish().dictionary;
    let mut t = no_min_words_of(&d);
    assert!(t.apply("COMPLEX: VERBS[3]"));
    // "has" and "world" are no verbs here: two verbs, under the limit.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "Arnor said it has praised Gondor before the world."
        ),
        ["ARN/GON/023"]
    );
    // With its words together the phrase is a verb: three verbs, complex.
    assert!(code(
        &d,
        Some(t.clone()),
        "Arnor said it has no wish to praise Gondor."
    )
    .is_empty());
}

#[test]
fn the_source_passed_to_a_later_clause() {
    let actors = "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\n";
    let verbs = "SHOT [224]\nSHOT_AND_WOUND [223]\nALLEGE [022]\nACKNOWLEDGE [023]\n\
                 LAUNCH [---]\n- * DIPLOMATIC OFFENSIVE [122]\nRAID [220]\n";
    let mut r = Reader::new();
    r.read(Path::new("t.actors"), actors, FileKind::Actors);
    r.read(Path::new("t.verbs"), verbs, FileKind::Verbs);
    let d = r.finish().dictionary;
    let t = no_min_words_of(&d);
    // A verb phrase holding the conjunction is no clause break.
    assert_eq!(
        code(&d, Some(t.clone()), "Arnor shot and wounded Gondor."),
        ["ARN/GON/223"]
    );
    // ALLEGE matches but finds no target: it passes no source on, and the
    // next clause takes its own first actor, after the verb.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "Arnor alleged and acknowledged the claims of Gondor against Rohan."
        ),
        ["GON/ROH/023"]
    );
    // A null-coded phrase is a verb found: the sentence's source goes on.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "Arnor launched a bombing and raided Gondor."
        ),
        ["ARN/GON/220"]
    );
}

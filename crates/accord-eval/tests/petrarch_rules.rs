//! PETRARCH's rules on top of the TABARI engine, on small inline
//! PETRARCH-format dictionaries (no ../shared needed).

mod common;

use accord_compat::{FileKind, Reader};
use accord_dict::Dictionary;
use common::{code, no_min_words, no_min_words_of};
use std::path::Path;

const ACTORS: &str = "\
ARNOR [ARN]
GONDOR [GON]
DENMARK [DNK]
+DANISH
";

const AGENTS: &str = "\
!MINST! = MINISTER, MINISTRY
MAIN_OPPOSITION_GROUP [~MOP]
OPPOSITION_GROUP [~OPP]
MSF {} [NGO~]
POLICE {} [~COP]
OFFICIAL [~GOV]
GOVERNMENT [~GOV]
MEDIA {} [~MED]
ISLAMIST [~MOS]
PROSECUTOR [~JUD]
CLERIC [~MOS]
LAWMAKER [~LEG]
!MINST!_OF_SILLY_WALKS [~GOV]
";

const VERBS: &str = "\
--- RESTORE [064] ---
RESTORE
--- WARN [160] ---
WARN
--- SAYS [023?] ---
SAYS
";

fn dictionary() -> Dictionary {
    let mut r = Reader::new().with_tabari_engine(true);
    r.read(Path::new("t.actors.txt"), ACTORS, FileKind::Actors);
    r.read(Path::new("t.agents.txt"), AGENTS, FileKind::Agents);
    r.read(Path::new("t.verbs.txt"), VERBS, FileKind::Verbs);
    let loaded = r.finish();
    assert!(
        loaded.dictionary.options.petrarch,
        "PETRARCH files, TABARI engine"
    );
    loaded.dictionary
}

#[test]
fn agents_of_a_noun_phrase_stack() {
    let d = dictionary();
    let t = no_min_words();
    // Overlapping agent phrases both count.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "Arnor restored ties with the Gondor main opposition group."
        ),
        ["ARN/GONMOPOPP/064"]
    );
    // A prefix agent goes first; a suffix agent after the actor.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "An MSF Arnor official restored ties with Gondor."
        ),
        ["NGOARNGOV/GON/064"]
    );
    // "former" makes the agent an elite.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "Arnor restored ties with former Gondor prosecutors."
        ),
        ["ARN/GONELI/064"]
    );
    // Agents joined by "and" are alternatives sharing what precedes them.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "Danish Islamist media and government warned Arnor."
        ),
        ["DNKMOSGOV/ARN/160", "DNKMOSMED/ARN/160"]
    );
}

#[test]
fn an_agent_with_no_actor_is_a_missing_actor() {
    let d = dictionary();
    assert_eq!(
        code(
            &d,
            Some(no_min_words()),
            "Clerics and lawmakers warned Arnor."
        ),
        ["---LEG/ARN/160", "---MOS/ARN/160"]
    );
}

#[test]
fn agent_files_read_as_petrarch_does() {
    let d = dictionary();
    let t = no_min_words();
    // `{}`: no regular plural.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "Arnor restored ties with Gondor's polices."
        ),
        ["ARN/GON/064"]
    );
    // A line using a macro is an entry.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "The Arnor Ministry of Silly Walks warned Gondor."
        ),
        ["ARNGOV/GON/160"]
    );
}

#[test]
fn without_require_dyad_a_closing_clause_codes_alone() {
    let d = dictionary();
    let mut t = no_min_words_of(&d);
    let text = "Arnor restored ties with Gondor, a senior official says on Saturday.";
    assert_eq!(code(&d, Some(t.clone()), text), ["ARN/GON/064"]);
    assert!(t.apply("PETRARCH: REQUIRE_DYAD = FALSE"));
    assert_eq!(
        code(&d, Some(t.clone()), text),
        ["---GOV/---/023", "ARN/GON/064"]
    );
    // No phrase after the verb for an object: nothing.
    let bare = "Arnor restored ties with Gondor, a senior official says today.";
    assert_eq!(code(&d, Some(t.clone()), bare), ["ARN/GON/064"]);
    // `comma_emin`/`comma_emax` set: a closing clause of more than EMIN and
    // at most EMAX words is dropped before coding; a longer one stays.
    assert!(t.apply("COMMA: EMIN = 3"));
    assert!(t.apply("COMMA: EMAX = 6"));
    assert_eq!(code(&d, Some(t.clone()), text), ["ARN/GON/064"]);
    let long = "Arnor restored ties with Gondor, a senior Arnor official says on Saturday.";
    assert_eq!(
        code(&d, Some(t.clone()), long),
        ["ARN/GON/064", "ARNGOV/---/023"]
    );
}

#[test]
fn compound_slots_discards_and_modals() {
    let actors = "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nNASGUL [###]\n";
    let verbs = "--- POSTPONE [191] ---\nPOSTPONE\n- % HAVE * [192]\n\
                 --- AGREE [030] ---\nAGREE\n- * WITH % [031]\n\
                 --- WARN [160] ---\nWARN\n\
                 --- SHOULD [101] ---\nSHOULD\n";
    let mut r = Reader::new().with_tabari_engine(true);
    r.read(Path::new("t.actors.txt"), actors, FileKind::Actors);
    r.read(Path::new("t.verbs.txt"), verbs, FileKind::Verbs);
    let d = r.finish().dictionary;
    let t = no_min_words();
    // `%` before the verb is a compound source, the target found as usual.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "Arnor and Gondor have postponed talks with Rohan."
        ),
        ["ARN/ROH/192", "GON/ROH/192"]
    );
    // `%` after the verb is a compound target.
    assert_eq!(
        code(&d, Some(t.clone()), "Rohan agrees with Arnor and Gondor."),
        ["ROH/ARN/031", "ROH/GON/031"]
    );
    // `###` in an actors file is an ordinary code in PETRARCH.
    assert_eq!(
        code(&d, Some(t.clone()), "The Nasgul warned Rohan."),
        ["###/ROH/160"]
    );
    // A modal is no verb: "should have warned" codes WARN.
    assert_eq!(
        code(&d, Some(t.clone()), "Arnor should have warned Rohan."),
        ["ARN/ROH/160"]
    );
}

#[test]
fn a_comma_between_adjectives_delimits_no_clause() {
    let d = dictionary();
    let mut t = no_min_words_of(&d);
    assert!(t.apply("COMMA: BMIN = 2"));
    assert!(t.apply("COMMA: BMAX = 6"));
    // "complete, full ties" is one noun phrase: the opening words are no
    // comma clause to drop.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "Arnor restores complete, full ties with Gondor."
        ),
        ["ARN/GON/064"]
    );
    // A real opening clause of three words still goes.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "In Arnor today, officials restore ties with Gondor."
        ),
        ["---GOV/GON/064"]
    );
}

#[test]
fn a_subordinate_verb_codes_from_its_own_subject() {
    let d = dictionary();
    let mut t = no_min_words_of(&d);
    let text =
        "Arnor is about to improve ties with Gondor, years after Danish crowds warned its embassy.";
    // The subject of "warned" is the Danish crowds, and its phrase holds no
    // actor ("its" is no actor to PETRARCH): with require_dyad, no event.
    assert_eq!(code(&d, Some(t.clone()), text), Vec::<String>::new());
    assert!(t.apply("PETRARCH: REQUIRE_DYAD = FALSE"));
    assert_eq!(code(&d, Some(t.clone()), text), ["DNK/---/160"]);
    // An actor in the verb's phrase is its target.
    let named =
        "Arnor is about to improve ties with Gondor, years after Danish crowds warned Arnor.";
    assert_eq!(code(&d, Some(t.clone()), named), ["DNK/ARN/160"]);
}

#[test]
fn a_skip_passes_over_one_noun_phrase_not_its_of_attachment() {
    let actors = "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\n";
    let verbs = "--- WARN [160] ---\nWARN\n- * AT ^ + [162]\n";
    let mut r = Reader::new().with_tabari_engine(true);
    r.read(Path::new("t.actors.txt"), actors, FileKind::Actors);
    r.read(Path::new("t.verbs.txt"), verbs, FileKind::Verbs);
    let d = r.finish().dictionary;
    let t = no_min_words();
    // `^` skips "the Gondor"; the actor of its `of` phrase is the target.
    assert_eq!(
        code(&d, Some(t.clone()), "Arnor warned at the Gondor of Rohan."),
        ["ARN/ROH/162"]
    );
    // With nothing after the skipped phrase, the pattern does not match.
    assert_eq!(
        code(&d, Some(t.clone()), "Arnor warned at the Gondor today."),
        ["ARN/GON/160"]
    );
}

#[test]
fn a_verb_whose_subject_is_a_pronoun_takes_its_clause_and_codes_nothing() {
    let d = dictionary();
    let t = no_min_words_of(&d);
    // PETRARCH resolves no pronouns: "he says" matches SAYS with no source,
    // and the verbs of what he says are not coded in its place.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "In the capital, he says Gondor restores ties with Arnor."
        ),
        Vec::<String>::new()
    );
    // A named speaker: the subordinate SAYS yields to the verb it reports.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "In the capital, Denmark says Gondor restores ties with Arnor."
        ),
        ["GON/ARN/064"]
    );
}

#[test]
fn new_actor_length_makes_an_unknown_noun_phrase_an_actor() {
    let d = dictionary();
    let mut t = no_min_words_of(&d);
    let subject = "The Ministry of Magic warned Gondor.";
    let object = "Arnor warned the Ministry of Magic.";
    let conjunct = "Arnor's death and injury toll warned Gondor.";
    // Off (the default): no actor, no event; the conjunct adds nothing.
    assert!(code(&d, Some(t.clone()), subject).is_empty());
    assert!(code(&d, Some(t.clone()), object).is_empty());
    assert_eq!(code(&d, Some(t.clone()), conjunct), ["ARN/GON/160"]);
    assert!(t.apply("PETRARCH: NEW_ACTOR_LENGTH = 4"));
    assert_eq!(
        code(&d, Some(t.clone()), subject),
        ["THE MINISTRY OF MAGIC/GON/160"]
    );
    assert_eq!(
        code(&d, Some(t.clone()), object),
        ["ARN/THE MINISTRY OF MAGIC/160"]
    );
    // The conjunct of a subject with an actor joins it as a second source.
    assert_eq!(
        code(&d, Some(t.clone()), conjunct),
        ["ARN/GON/160", "INJURY TOLL/GON/160"]
    );
    // Longer than the limit: no actor.
    assert!(t.apply("PETRARCH: NEW_ACTOR_LENGTH = 3"));
    assert!(code(&d, Some(t.clone()), subject).is_empty());
}

#[test]
fn a_skip_passes_over_an_agent_but_not_the_actor_of_its_of_phrase() {
    let actors = "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nDENMARK [DNK]\n";
    let verbs = "--- CELEBRATE [181] ---\nCELEBRATE\n- * IFTAR AT ^ ^ + [044]\n";
    let mut r = Reader::new().with_tabari_engine(true);
    r.read(Path::new("t.actors.txt"), actors, FileKind::Actors);
    r.read(Path::new("t.agents.txt"), AGENTS, FileKind::Agents);
    r.read(Path::new("t.verbs.txt"), verbs, FileKind::Verbs);
    let d = r.finish().dictionary;
    let t = no_min_words();
    // The second `^` skips "the lawmakers"; Gondor, in their `of` phrase, is
    // the target (not Denmark after it).
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "Arnor celebrated Iftar at Rohan with the lawmakers of Gondor in Denmark."
        ),
        ["ARN/GON/044"]
    );
    // Named as a whole elsewhere, the phrase is still Gondor's lawmakers.
    assert_eq!(
        code(
            &d,
            Some(t.clone()),
            "The lawmakers of Gondor celebrated Iftar at Rohan with the people of Arnor."
        ),
        ["GONLEG/ARN/044"]
    );
}

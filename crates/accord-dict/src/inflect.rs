//! English inflection for dictionary entries, so files list lemmas only.
//!
//! Generating a form that English lacks ("visitted" beside "visited") is
//! harmless: it never occurs in text. Missing a real form is the failure to
//! avoid, so when a rule is unsure (consonant doubling) both forms are made.

/// The grammatical form of a verb token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum VerbForm {
    /// "attack"
    Base,
    /// "attacks"
    ThirdSingular,
    /// "attacked" (simple past)
    Past,
    /// "attacked" (past participle; may equal the past)
    Participle,
    /// "attacking"
    Gerund,
}

/// Irregular verbs: base, past, participle. Facts of English.
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("be", "was", "been"),
    ("beat", "beat", "beaten"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("bring", "brought", "brought"),
    ("build", "built", "built"),
    ("buy", "bought", "bought"),
    ("catch", "caught", "caught"),
    ("choose", "chose", "chosen"),
    ("come", "came", "come"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("do", "did", "done"),
    ("draw", "drew", "drawn"),
    ("drive", "drove", "driven"),
    ("eat", "ate", "eaten"),
    ("fall", "fell", "fallen"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "gotten"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("grow", "grew", "grown"),
    ("hang", "hung", "hung"),
    ("have", "had", "had"),
    ("hear", "heard", "heard"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lie", "lay", "lain"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("overcome", "overcame", "overcome"),
    ("overtake", "overtook", "overtaken"),
    ("overthrow", "overthrew", "overthrown"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("read", "read", "read"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("ride", "rode", "ridden"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shoot", "shot", "shot"),
    ("shut", "shut", "shut"),
    ("sink", "sank", "sunk"),
    ("sit", "sat", "sat"),
    ("slay", "slew", "slain"),
    ("speak", "spoke", "spoken"),
    ("spend", "spent", "spent"),
    ("split", "split", "split"),
    ("spread", "spread", "spread"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("stick", "stuck", "stuck"),
    ("strike", "struck", "struck"),
    ("swear", "swore", "sworn"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("undergo", "underwent", "undergone"),
    ("understand", "understood", "understood"),
    ("undertake", "undertook", "undertaken"),
    ("uphold", "upheld", "upheld"),
    ("wage", "waged", "waged"),
    ("wake", "woke", "woken"),
    ("wear", "wore", "worn"),
    ("win", "won", "won"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("write", "wrote", "written"),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The third-person singular ("attacks", "pushes", "denies") or regular plural.
pub fn add_s(w: &str) -> String {
    let b = w.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ies", &w[..n - 1])
    } else if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
        || (w.ends_with('o') && n > 1 && !is_vowel(b[n - 2]))
    {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// Does the word end consonant-vowel-consonant (a candidate for doubling)?
fn ends_cvc(w: &str) -> bool {
    let b = w.as_bytes();
    let n = b.len();
    n >= 3
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
}

/// Every surface form of a verb lemma with its grammatical form.
/// Multi-word lemmas inflect their first word.
pub fn verb_forms(lemma: &str) -> Vec<(String, VerbForm)> {
    let (head, tail) = match lemma.split_once(' ') {
        Some((h, t)) => (h, format!(" {t}")),
        None => (lemma, String::new()),
    };
    let mut out: Vec<(String, VerbForm)> = Vec::new();
    let mut add = |s: String, f: VerbForm| {
        let s = format!("{s}{tail}");
        if !out.iter().any(|(o, of)| *o == s && *of == f) {
            out.push((s, f));
        }
    };
    add(head.to_string(), VerbForm::Base);
    if head == "be" {
        for (f, k) in [
            ("is", VerbForm::ThirdSingular),
            ("are", VerbForm::Base),
            ("am", VerbForm::Base),
            ("were", VerbForm::Past),
            ("being", VerbForm::Gerund),
        ] {
            add(f.to_string(), k);
        }
    } else if head == "have" {
        add("has".to_string(), VerbForm::ThirdSingular);
    } else if head == "do" || head == "go" {
        add(format!("{head}es"), VerbForm::ThirdSingular);
    } else {
        add(add_s(head), VerbForm::ThirdSingular);
    }
    // Gerund.
    let b = head.as_bytes();
    let n = b.len();
    if head.ends_with("ie") {
        add(format!("{}ying", &head[..n - 2]), VerbForm::Gerund);
    } else if head.ends_with('e') && !head.ends_with("ee") && !head.ends_with("ye") && n > 2 {
        add(format!("{}ing", &head[..n - 1]), VerbForm::Gerund);
    } else {
        add(format!("{head}ing"), VerbForm::Gerund);
        if ends_cvc(head) {
            add(format!("{head}{}ing", &head[n - 1..]), VerbForm::Gerund);
        }
    }
    if let Some(&(_, past, part)) = IRREGULAR.iter().find(|(b, _, _)| *b == head) {
        add(past.to_string(), VerbForm::Past);
        add(part.to_string(), VerbForm::Participle);
        return out;
    }
    // Regular past / participle.
    let ed = if head.ends_with('e') {
        vec![format!("{head}d")]
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        vec![format!("{}ied", &head[..n - 1])]
    } else if head.ends_with('c') {
        vec![format!("{head}ked"), format!("{head}ed")]
    } else if ends_cvc(head) {
        vec![format!("{head}ed"), format!("{head}{}ed", &head[n - 1..])]
    } else {
        vec![format!("{head}ed")]
    };
    for e in ed {
        add(e.clone(), VerbForm::Past);
        add(e, VerbForm::Participle);
    }
    out
}

/// A noun and its regular plural (both, for matching either).
pub fn noun_forms(noun: &str) -> Vec<String> {
    let (head, last) = match noun.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), noun),
    };
    let mut v = vec![noun.to_string()];
    // Words that are already plural or uncountable are left alone.
    if !last.ends_with("ss") && last.ends_with('s') || last.chars().any(|c| !c.is_alphabetic()) {
        return v;
    }
    let p = match last.strip_suffix("man") {
        Some(stem) => format!("{stem}men"),
        None => add_s(last),
    };
    v.push(format!("{head}{p}"));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(l: &str) -> Vec<String> {
        verb_forms(l).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn inflects_regular_and_irregular_verbs() {
        for w in ["attacks", "attacked", "attacking"] {
            assert!(forms("attack").contains(&w.to_string()), "{w}");
        }
        for w in ["denies", "denied", "denying"] {
            assert!(forms("deny").contains(&w.to_string()), "{w}");
        }
        for w in ["hosted", "hosting", "hosts"] {
            assert!(forms("host").contains(&w.to_string()), "{w}");
        }
        for w in ["met", "meets", "meeting"] {
            assert!(forms("meet").contains(&w.to_string()), "{w}");
        }
        for w in [
            "stopped",
            "stopping",
            "agreed",
            "agreeing",
            "pushes",
            "criticized",
            "criticizing",
        ] {
            let l = match w {
                "stopped" | "stopping" => "stop",
                "agreed" | "agreeing" => "agree",
                "pushes" => "push",
                _ => "criticize",
            };
            assert!(forms(l).contains(&w.to_string()), "{l} -> {w}");
        }
        assert!(forms("take part").contains(&"took part".to_string()));
        assert!(!forms("attack").contains(&"attackked".to_string()));
    }

    #[test]
    fn pluralizes_nouns() {
        assert_eq!(noun_forms("official"), ["official", "officials"]);
        assert_eq!(noun_forms("ministry"), ["ministry", "ministries"]);
        assert_eq!(
            noun_forms("prime minister"),
            ["prime minister", "prime ministers"]
        );
        assert_eq!(noun_forms("troops"), ["troops"]);
        assert_eq!(noun_forms("congressman"), ["congressman", "congressmen"]);
    }
}

//! Sentence splitting for news English.
//!
//! Generic splitters break after "Mr.", "Gen.", "U.N." and initials; news
//! needs its own rules. A sentence ends at `.`, `!` or `?` (with any closing
//! quotes and brackets after it) when whitespace and a plausible sentence
//! start follow, unless the word before the dot is a known abbreviation, an
//! initial, or a dotted acronym that is not followed by a typical
//! sentence-opening word. A blank line always ends a sentence.

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "cmdr", "gov", "sen", "rep", "rev", "st", "sr", "jr", "hon", "pres", "amb", "brig", "cpl",
    "pvt", "supt", "insp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "no", "nos",
    "vs", "v", "etc", "approx", "est", "inc", "corp", "ltd", "co", "dept", "univ", "assn", "bros",
    "ft", "mt", "fig", "vol", "al", "e.g", "i.e", "cf", "ca", "op", "pp",
];

/// Words that start a sentence often enough that a dotted acronym before them
/// ("... in the U.S. The talks ...") ends the sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "In",
    "On",
    "At",
    "After",
    "Before",
    "Meanwhile",
    "However",
    "His",
    "Her",
    "Their",
    "Its",
    "There",
    "When",
    "While",
    "As",
    "Officials",
];

/// Byte ranges `(start, end)` of the sentences of `text`, trimmed of
/// surrounding whitespace, in order.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        // Paragraph break: a newline, optional spaces, another newline.
        if b == b'\n' {
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                push_trimmed(text, start, i, &mut out);
                start = j + 1;
                i = j + 1;
                continue;
            }
        }
        if b == b'.' || b == b'!' || b == b'?' {
            // Swallow runs of terminators and closing quotes/brackets.
            let mut j = i + 1;
            loop {
                if j < bytes.len()
                    && matches!(bytes[j], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']')
                {
                    j += 1;
                } else if text[j..].starts_with('\u{201D}') || text[j..].starts_with('\u{2019}') {
                    j += 3;
                } else {
                    break;
                }
            }
            if j >= bytes.len() {
                break;
            }
            if !bytes[j].is_ascii_whitespace() {
                i = j;
                continue;
            }
            let mut k = j;
            while k < bytes.len() && bytes[k].is_ascii_whitespace() {
                k += 1;
            }
            if k >= bytes.len() {
                break;
            }
            if b == b'.' && !ends_sentence(text, start, i, k) {
                i = j;
                continue;
            }
            if !starts_sentence(&text[k..]) {
                i = j;
                continue;
            }
            push_trimmed(text, start, j, &mut out);
            start = k;
            i = k;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((start + lead, end - trail));
    }
}

/// Could the text after whitespace open a sentence?
fn starts_sentence(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        Some('"' | '\u{201C}' | '\'' | '\u{2018}' | '(' | '[') => chars
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
        _ => false,
    }
}

/// Does the period at `dot` end a sentence, given the next sentence would begin at `next`?
fn ends_sentence(text: &str, start: usize, dot: usize, next: usize) -> bool {
    // The word before the dot.
    let before = &text[start..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201C}')
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    if ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        return false;
    }
    // A single capital letter is an initial ("George W. Bush").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_alphabetic() && c.is_uppercase() {
            return false;
        }
    }
    // Dotted acronym "U.S." / "U.N.": ends a sentence only before an opener.
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1) {
        let next_word: String = text[next..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        return SENTENCE_OPENERS.contains(&next_word.as_str());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        split_sentences(s)
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect()
    }

    #[test]
    fn survives_abbreviations_initials_and_acronyms() {
        let s = "Mr. Smith met Gen. Jones on Jan. 5 in St. Louis. George W. Bush spoke. The U.S. and the U.N. agreed. Talks began in the U.S. The end.";
        assert_eq!(
            split(s),
            [
                "Mr. Smith met Gen. Jones on Jan. 5 in St. Louis.",
                "George W. Bush spoke.",
                "The U.S. and the U.N. agreed.",
                "Talks began in the U.S.",
                "The end."
            ]
        );
    }

    #[test]
    fn handles_quotes_parentheses_and_paragraphs() {
        let s = "He said “we will win.” Then he left. (It rained.) Later\n\nNew paragraph here? Yes! ok";
        assert_eq!(
            split(s),
            [
                "He said “we will win.”",
                "Then he left.",
                "(It rained.)",
                "Later",
                "New paragraph here?",
                "Yes! ok"
            ]
        );
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            split("The vote was 5 vs. 3 in favour. ok then"),
            ["The vote was 5 vs. 3 in favour. ok then"]
        );
    }
}

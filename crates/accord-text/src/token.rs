//! Tokens with byte offsets into the original text.
//!
//! A token's normal form is lowercase with typographic apostrophes folded to
//! `'`, so dictionaries and text meet on one spelling. Hyphens split words
//! ("Israeli-Kazakh" is three tokens) so each part can match a dictionary
//! entry; dictionary phrases are tokenized by the same function, so
//! "Kassym-Jomart" still matches as a phrase.

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits, apostrophes or dotted initials inside a word).
    Word,
    /// Digits, with `,` or `.` inside.
    Number,
    /// Any other single character.
    Punct,
}

/// One token: a byte range of the text and a range of the normal-form buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte, in the tokenized text.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    norm_start: u32,
    norm_end: u32,
    /// What the token is made of.
    pub kind: TokenKind,
    /// The first character is uppercase.
    pub capitalized: bool,
    /// Every letter is uppercase ("US", "WHO", "U.S.").
    pub all_upper: bool,
}

/// The tokens of one piece of text, with their normal forms in one buffer.
#[derive(Default, Debug, Clone)]
pub struct Tokens {
    norms: String,
    tokens: Vec<Token>,
}

impl Tokens {
    /// Tokenizes `text`; offsets are relative to `text`.
    pub fn new(text: &str) -> Tokens {
        let mut t = Tokens::default();
        t.tokenize(text);
        t
    }

    /// Tokenizes `text` into this buffer, reusing its allocations.
    pub fn tokenize(&mut self, text: &str) {
        self.norms.clear();
        self.tokens.clear();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < text.len() {
            let c = match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            };
            let clen = c.len_utf8();
            if c.is_whitespace() {
                i += clen;
                continue;
            }
            if c.is_alphabetic() {
                let end = scan_word(text, i);
                // Split a clitic "n't" off its verb ("didn't" -> "did" "n't").
                let word = &text[i..end];
                let apos = word.rfind(['\'', '\u{2019}']);
                let is_nt = apos.is_some_and(|a| {
                    a >= 2
                        && word[..a].ends_with(['n', 'N'])
                        && word[a..]
                            .chars()
                            .skip(1)
                            .collect::<String>()
                            .eq_ignore_ascii_case("t")
                });
                match apos {
                    Some(a) if is_nt => {
                        self.push(text, i, i + a - 1, TokenKind::Word);
                        self.push(text, i + a - 1, end, TokenKind::Word);
                    }
                    _ => self.push(text, i, end, TokenKind::Word),
                }
                i = end;
                continue;
            }
            if c.is_ascii_digit() {
                let mut j = i + 1;
                while j < bytes.len() {
                    let b = bytes[j];
                    if b.is_ascii_digit() {
                        j += 1;
                    } else if (b == b',' || b == b'.')
                        && j + 1 < bytes.len()
                        && bytes[j + 1].is_ascii_digit()
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                // "1990s", "5th": letters glued to a number stay in the token.
                while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
                    j += 1;
                }
                self.push(text, i, j, TokenKind::Number);
                i = j;
                continue;
            }
            // Possessive or clitic after a word: "'s", "’s".
            if (c == '\'' || c == '\u{2019}') && !self.tokens.is_empty() {
                let rest = &text[i + clen..];
                let prev_end = self.tokens[self.tokens.len() - 1].end as usize;
                if prev_end == i && (rest.starts_with('s') || rest.starts_with('S')) {
                    let after = rest[1..].chars().next();
                    if after.is_none_or(|a| !a.is_alphanumeric()) {
                        self.push(text, i, i + clen + 1, TokenKind::Word);
                        i += clen + 1;
                        continue;
                    }
                }
            }
            self.push(text, i, i + clen, TokenKind::Punct);
            i += clen;
        }
    }

    fn push(&mut self, text: &str, start: usize, end: usize, kind: TokenKind) {
        let s = &text[start..end];
        let norm_start = self.norms.len() as u32;
        if s.is_ascii() {
            // Fast path for the common case: byte-wise lowercase.
            for b in s.bytes() {
                self.norms.push(match b {
                    b'`' => '\'',
                    _ => b.to_ascii_lowercase() as char,
                });
            }
        } else {
            self.push_unicode_norm(s);
        }
        let capitalized = s.chars().next().is_some_and(char::is_uppercase);
        let all_upper = capitalized && s.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        self.tokens.push(Token {
            start: start as u32,
            end: end as u32,
            norm_start,
            norm_end: self.norms.len() as u32,
            kind,
            capitalized,
            all_upper,
        });
    }

    fn push_unicode_norm(&mut self, s: &str) {
        for ch in s.chars() {
            match ch {
                '\u{2019}' | '\u{2018}' | '`' => self.norms.push('\''),
                '\u{201C}' | '\u{201D}' => self.norms.push('"'),
                '\u{2013}' | '\u{2014}' => self.norms.push('-'),
                c => self.norms.extend(c.to_lowercase()),
            }
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The tokens in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Token `i`.
    pub fn get(&self, i: usize) -> Token {
        self.tokens[i]
    }

    /// The normal form of token `i`.
    pub fn norm(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.norms[t.norm_start as usize..t.norm_end as usize]
    }

    /// Iterates over the normal forms.
    pub fn norms(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.tokens.len()).map(|i| self.norm(i))
    }
}

/// End of a word starting at `i`: letters, digits, marks, inner apostrophes
/// ("O'Brien", "didn't") and dotted initials ("U.S.", "U.A.E.").
fn scan_word(text: &str, i: usize) -> usize {
    let mut j = i;
    let mut chars = text[i..].char_indices().peekable();
    let mut letters_since_dot = 0usize;
    let mut dotted = false;
    while let Some((off, c)) = chars.next() {
        let pos = i + off;
        if c.is_alphanumeric() || is_mark(c) {
            letters_since_dot += 1;
            j = pos + c.len_utf8();
        } else if c == '\'' || c == '\u{2019}' {
            // Inner apostrophe: a letter must follow, and it is not a possessive 's.
            let next = chars.peek().map(|&(_, n)| n);
            let after_next = text[pos + c.len_utf8()..].chars().nth(1);
            match next {
                Some(n) if n.is_alphabetic() => {
                    let is_possessive =
                        (n == 's' || n == 'S') && after_next.is_none_or(|a| !a.is_alphanumeric());
                    if is_possessive {
                        break;
                    }
                    j = pos + c.len_utf8();
                }
                _ => break,
            }
        } else if c == '.' && letters_since_dot == 1 {
            // "U.S." style initials: single letters separated by dots.
            let next = chars.peek().map(|&(_, n)| n);
            let single_letter_before = text[i..pos].chars().last().is_some_and(char::is_alphabetic);
            // Initials keep one case: "U.S.", and "k.u." or "e.g." (dictionary
            // phrases are lowercased before they are tokenized).
            let before_upper = text[i..pos].chars().last().is_some_and(char::is_uppercase);
            if single_letter_before
                && (dotted
                    || next.is_some_and(|n| n.is_alphabetic() && n.is_uppercase() == before_upper))
            {
                dotted = true;
                letters_since_dot = 0;
                j = pos + 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    // A dotted sequence must end with its dot ("U.S."), not "U.S" + "."
    j
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        Tokens::new(s).norms().map(String::from).collect()
    }

    #[test]
    fn splits_words_possessives_and_clitics() {
        assert_eq!(
            norms("Kazakhstan's intention"),
            ["kazakhstan", "'s", "intention"]
        );
        assert_eq!(
            norms("Israel’s army didn't attack"),
            ["israel", "'s", "army", "did", "n't", "attack"]
        );
        assert_eq!(
            norms("The U.S. and U.A.E. met."),
            ["the", "u.s.", "and", "u.a.e.", "met", "."]
        );
        // Lowercased initials (dictionary phrases) read the same; mixed case does not join.
        assert_eq!(norms("the k.u. team"), ["the", "k.u.", "team"]);
        assert_eq!(norms("a.B"), ["a", ".", "b"]);
        assert_eq!(
            norms("Kassym-Jomart Tokayev"),
            ["kassym", "-", "jomart", "tokayev"]
        );
        assert_eq!(norms("“great call”"), ["\"", "great", "call", "\""]);
        assert_eq!(
            norms("O'Brien paid $1,500.50 in 1990s"),
            ["o'brien", "paid", "$", "1,500.50", "in", "1990s"]
        );
        assert_eq!(norms("Côte d’Ivoire"), ["côte", "d'ivoire"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let s = "Trump’s “great call” with Netanyahu";
        let t = Tokens::new(s);
        for (i, tok) in t.tokens().iter().enumerate() {
            let piece = &s[tok.start as usize..tok.end as usize];
            assert!(!piece.is_empty(), "token {i} is empty");
        }
        assert_eq!(&s[t.get(0).start as usize..t.get(0).end as usize], "Trump");
        assert_eq!(&s[t.get(1).start as usize..t.get(1).end as usize], "’s");
        assert!(t.get(0).capitalized && !t.get(3).capitalized);
    }
}

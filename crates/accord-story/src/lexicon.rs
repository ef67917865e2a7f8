//! Phrase tables the story layer matches over a sentence's tokens:
//! agreement names (from `agreement` records), topic words (from `topic`
//! records), and the codes of organisations and news outlets.

use accord_dict::Dictionary;
use accord_text::Tokens;
use std::collections::{HashMap, HashSet};

/// How a name must be cased in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// Every letter uppercase ("NATO", "EU").
    Upper,
    /// The first token capitalized ("Abraham Accords").
    Capitalized,
    /// An anaphor ("the accords"): any case, only after the full name.
    Anaphor,
}

/// A compiled phrase.
#[derive(Debug, Clone)]
struct Phrase {
    norms: Vec<String>,
    target: usize,
    case: Case,
}

/// Agreement names, topic words and organisation codes, compiled once.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    agreements: Vec<Phrase>,
    topics: Vec<Phrase>,
    /// Phrase indices by first word, longest first: a sentence position is
    /// checked only against phrases that can start there.
    agreement_first: HashMap<String, Vec<usize>>,
    topic_first: HashMap<String, Vec<usize>>,
    /// Agreement key by index.
    pub agreement_keys: Vec<String>,
    /// Agreement display name by index.
    pub agreement_names: Vec<String>,
    /// Topic id by index.
    pub topic_keys: Vec<String>,
    /// Codes of organisations (not countries).
    pub org_codes: HashSet<String>,
    /// Codes of news outlets.
    pub media_codes: HashSet<String>,
    /// Agreement index by organisation code (`IGOWSTNAT` -> NATO).
    pub agreement_by_org: HashMap<String, usize>,
}

/// A phrase found in a sentence: tokens `start..end`, what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index of the agreement or topic.
    pub target: usize,
    /// Matched through an anaphor ("the accords").
    pub anaphor: bool,
}

fn norms_of(s: &str) -> Vec<String> {
    Tokens::new(s).norms().map(str::to_string).collect()
}

fn case_of(name: &str) -> Case {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if name.chars().next().is_some_and(char::is_lowercase) {
        Case::Anaphor
    } else if !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()) {
        Case::Upper
    } else {
        Case::Capitalized
    }
}

impl Lexicon {
    /// Compiles the agreement and topic records of a dictionary.
    pub fn new(dict: &Dictionary) -> Lexicon {
        let mut lx = Lexicon::default();
        for (i, a) in dict.actors.agreements.iter().enumerate() {
            lx.agreement_keys.push(a.key.clone());
            lx.agreement_names
                .push(a.names.first().cloned().unwrap_or_else(|| a.key.clone()));
            if let Some(o) = &a.org {
                lx.agreement_by_org.insert(o.clone(), i);
            }
            for n in &a.names {
                let norms = norms_of(n);
                if !norms.is_empty() {
                    lx.agreements.push(Phrase {
                        norms,
                        target: i,
                        case: case_of(n),
                    });
                }
            }
        }
        for (i, t) in dict.actors.topics.iter().enumerate() {
            lx.topic_keys.push(t.key.clone());
            for w in &t.words {
                let norms = norms_of(w);
                if !norms.is_empty() {
                    lx.topics.push(Phrase {
                        norms,
                        target: i,
                        case: Case::Anaphor,
                    });
                }
            }
        }
        for o in &dict.actors.organizations {
            lx.org_codes.insert(o.code.clone());
            if o.kind == "media" {
                lx.media_codes.insert(o.code.clone());
            }
        }
        // Longest phrases first, so the first match at a position is the longest.
        lx.agreements
            .sort_by_key(|p| std::cmp::Reverse(p.norms.len()));
        lx.topics.sort_by_key(|p| std::cmp::Reverse(p.norms.len()));
        for (k, p) in lx.agreements.iter().enumerate() {
            lx.agreement_first
                .entry(p.norms[0].clone())
                .or_default()
                .push(k);
        }
        for (k, p) in lx.topics.iter().enumerate() {
            lx.topic_first
                .entry(p.norms[0].clone())
                .or_default()
                .push(k);
        }
        lx
    }

    /// The index of an agreement by key or any of its names (case-insensitive).
    pub fn find_agreement(&self, dict: &Dictionary, name: &str) -> Option<usize> {
        let want = norms_of(name);
        let want_key = name.trim().to_uppercase();
        dict.actors.agreements.iter().position(|a| {
            a.key == want_key
                || a.names
                    .iter()
                    .any(|n| case_of(n) != Case::Anaphor && norms_of(n) == want)
        })
    }

    fn matches<'p>(
        phrases: &'p [Phrase],
        first: &HashMap<String, Vec<usize>>,
        t: &Tokens,
        i: usize,
    ) -> Option<&'p Phrase> {
        first
            .get(t.norm(i))?
            .iter()
            .map(|&k| &phrases[k])
            .find(|p| {
                i + p.norms.len() <= t.len()
                    && p.norms.iter().enumerate().all(|(k, n)| t.norm(i + k) == n)
                    && match p.case {
                        Case::Upper => t.get(i).all_upper,
                        Case::Capitalized => t.get(i).capitalized,
                        Case::Anaphor => true,
                    }
            })
    }

    /// Agreement names in a sentence. `named[i]` tells whether agreement `i`
    /// was named in full earlier in the article (anaphors need it); names
    /// found here are marked in it.
    pub fn agreements_in(&self, t: &Tokens, named: &mut Vec<bool>) -> Vec<Hit> {
        named.resize(self.agreement_keys.len(), false);
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.len() {
            let candidates = self
                .agreement_first
                .get(t.norm(i))
                .map_or(&[][..], Vec::as_slice);
            let hit = candidates.iter().map(|&k| &self.agreements[k]).filter(|p| {
                i + p.norms.len() <= t.len()
                    && p.norms.iter().enumerate().all(|(k, n)| t.norm(i + k) == n)
                    && match p.case {
                        Case::Upper => t.get(i).all_upper,
                        Case::Capitalized => t.get(i).capitalized,
                        Case::Anaphor => named[p.target],
                    }
            });
            if let Some(p) = hit.into_iter().next() {
                let anaphor = p.case == Case::Anaphor;
                if !anaphor {
                    named[p.target] = true;
                }
                out.push(Hit {
                    start: i,
                    end: i + p.norms.len(),
                    target: p.target,
                    anaphor,
                });
                i += p.norms.len();
            } else {
                i += 1;
            }
        }
        out
    }

    /// Topic words in tokens `range`.
    pub fn topics_in(&self, t: &Tokens, range: std::ops::Range<usize>) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut i = range.start;
        let end = range.end.min(t.len());
        while i < end {
            match Lexicon::matches(&self.topics, &self.topic_first, t, i) {
                Some(p) if i + p.norms.len() <= end => {
                    out.push(Hit {
                        start: i,
                        end: i + p.norms.len(),
                        target: p.target,
                        anaphor: false,
                    });
                    i += p.norms.len();
                }
                _ => i += 1,
            }
        }
        out
    }
}

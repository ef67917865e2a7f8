//! Benchmarks of the coding stages on real news text.
//!
//! Input: the Wikipedia current-events corpus in `../shared` when present
//! (12,240 sentences), else the project's `samples/`. Run with
//! `cargo bench -p accord-coder`; divan prints medians. Throughput in
//! sentences/s is `sentences / median`; the counts are printed first.

use accord_coder::{mentions, Coder, MentionContext, Scratch};
use accord_dict::Dictionary;
use accord_text::{parse_jsonl_line, split_sentences, Article, ArticleReader, Tokens};
use std::path::PathBuf;
use std::sync::OnceLock;

fn main() {
    let (arts, sents) = corpus();
    let n: usize = sents.len();
    eprintln!("bench corpus: {} articles, {} sentences", arts.len(), n);
    divan::main();
}

fn dict() -> &'static Dictionary {
    static D: OnceLock<Dictionary> = OnceLock::new();
    D.get_or_init(|| Dictionary::embedded().dictionary)
}

fn corpus() -> &'static (Vec<Article>, Vec<String>) {
    static C: OnceLock<(Vec<Article>, Vec<String>)> = OnceLock::new();
    C.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        let wiki = root.join("../shared/corpora/wikipedia-current-events-2025-2026.jsonl");
        let articles: Vec<Article> = if wiki.exists() {
            std::fs::read_to_string(&wiki)
                .unwrap_or_default()
                .lines()
                .enumerate()
                .filter_map(|(i, l)| parse_jsonl_line("wiki", i + 1, l).ok())
                .collect()
        } else {
            ArticleReader::new(&[root.join("samples")])
                .filter_map(Result::ok)
                .collect()
        };
        let sentences = articles
            .iter()
            .flat_map(|a| {
                split_sentences(&a.text)
                    .into_iter()
                    .map(|(s, e)| a.text[s..e].to_string())
            })
            .collect();
        (articles, sentences)
    })
}

/// Sentence splitting over every article.
#[divan::bench]
fn split(b: divan::Bencher) {
    let (arts, _) = corpus();
    b.bench(|| {
        arts.iter()
            .map(|a| split_sentences(&a.text).len())
            .sum::<usize>()
    });
}

/// Tokenizing every sentence.
#[divan::bench]
fn tokenize(b: divan::Bencher) {
    let (_, sents) = corpus();
    let mut t = Tokens::default();
    b.bench_local(|| {
        let mut n = 0;
        for s in sents {
            t.tokenize(s);
            n += t.len();
        }
        n
    });
}

/// Tokenizing plus actor matching (trie lookups and mention grouping).
#[divan::bench]
fn actor_matching(b: divan::Bencher) {
    let (_, sents) = corpus();
    let d = dict();
    let mut t = Tokens::default();
    let mut ids = Vec::new();
    b.bench_local(|| {
        let mut n = 0;
        let mut ctx = MentionContext::default();
        for s in sents {
            t.tokenize(s);
            ids.clear();
            ids.extend(t.norms().map(|w| d.token_id(w)));
            n += mentions::find_mentions(d, &t, &ids, None, &mut ctx).len();
        }
        n
    });
}

/// Whole-sentence coding: tokens, mentions, verbs, patterns, events.
#[divan::bench]
fn code_sentences(b: divan::Bencher) {
    let (_, sents) = corpus();
    let coder = Coder::new(dict());
    let mut scratch = Scratch::default();
    b.bench_local(|| {
        let mut n = 0;
        let mut ctx = MentionContext::default();
        for (i, s) in sents.iter().enumerate() {
            n += coder
                .code_sentence("a", i as u32, s, None, &mut ctx, &mut scratch)
                .1
                .len();
        }
        n
    });
}

/// Whole-article coding including sentence splitting.
#[divan::bench]
fn code_articles(b: divan::Bencher) {
    let (arts, _) = corpus();
    let coder = Coder::new(dict());
    let mut scratch = Scratch::default();
    b.bench_local(|| {
        arts.iter()
            .map(|a| coder.code_article(a, None, &mut scratch).sentences.len())
            .sum::<usize>()
    });
}

/// Compiling the built-in dictionaries (part of start-up).
#[divan::bench(sample_count = 10)]
fn compile_dictionaries() -> usize {
    Dictionary::embedded().dictionary.pattern_count
}

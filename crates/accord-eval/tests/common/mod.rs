//! Helpers shared by the engine tests on inline dictionaries.

use accord_coder::{Coder, MentionContext, Scratch};
use accord_dict::{Dictionary, TabOptions};

/// TABARI options with no minimum sentence length, so short test sentences code.
pub fn no_min_words() -> TabOptions {
    TabOptions {
        min_words: 0,
        ..TabOptions::default()
    }
}

/// The dictionary's own TABARI options with no minimum sentence length.
pub fn no_min_words_of(d: &Dictionary) -> TabOptions {
    TabOptions {
        min_words: 0,
        ..d.options.tab.clone()
    }
}

/// Codes one sentence; the events as sorted `SOURCE/TARGET/CODE` strings.
pub fn code(d: &Dictionary, tab: Option<TabOptions>, text: &str) -> Vec<String> {
    let mut coder = Coder::new(d);
    if let Some(t) = tab {
        coder = coder.with_tab_options(t);
    }
    let mut ctx = MentionContext::default();
    let mut scratch = Scratch::default();
    let (_, events) = coder.code_sentence("t", 0, text, None, &mut ctx, &mut scratch);
    let mut out: Vec<String> = events
        .iter()
        .map(|e| format!("{}/{}/{}", e.source, e.target, e.code))
        .collect();
    out.sort();
    out
}

//! PETRARCH's rules on top of the TABARI engine (PETRARCH-format validation
//! dictionaries, `CoderOptions::petrarch`).
//!
//! PETRARCH codes each comma-delimited clause from its own parse, so a
//! closing ", a senior official said on Saturday" is an event of its own
//! when `require_dyad` is off: the speaker against no one, written
//! `(---GOV, ---, 023)`.

use crate::mentions::MentionContext;
use crate::{CodedEvent, Coder, Scratch};
use accord_text::{Date, Tokens};

impl Coder<'_> {
    /// Codes the sentence's last comma-delimited clause on its own, a
    /// missing target written `---` and an agent with no actor `---AGT`,
    /// unless an event of `events` already comes from it.
    pub(crate) fn petrarch_terminal_clause(
        &self,
        article: &str,
        index: u32,
        text: &str,
        date: Option<Date>,
        tokens: &Tokens,
        events: &mut Vec<CodedEvent>,
    ) {
        let mut end = tokens.len();
        while end > 0 && matches!(tokens.norm(end - 1), "." | "!" | "?" | "\"" | "'") {
            end -= 1;
        }
        let Some(comma) = (0..end).rev().find(|&i| tokens.norm(i) == ",") else {
            return;
        };
        if comma + 1 >= end {
            return;
        }
        let from = tokens.get(comma + 1).start;
        if events.iter().any(|e| e.spans.verb[0] >= from) {
            return;
        }
        let Some(clause) = text.get(from as usize..) else {
            return;
        };
        // The clause alone: no comma dropping, no length floor, `---` for a
        // missing target, and no further clause pass (require_dyad on).
        let mut tab = self.tab_options().clone();
        tab.require_dyad = true;
        tab.comma = None;
        tab.min_words = 0;
        tab.default_target = Some(("---".to_string(), false));
        let sub = Coder {
            dict: self.dict,
            explain: self.explain,
            tab: Some(tab),
        };
        let mut ctx = MentionContext {
            anonymous_agents: true,
            ..MentionContext::default()
        };
        let mut scratch = Scratch::default();
        let (_, found) = sub.code_sentence(article, index, clause, date, &mut ctx, &mut scratch);
        let shift = |s: [u32; 2]| [s[0] + from, s[1] + from];
        for mut e in found {
            // With no target, PETRARCH still needs a phrase after the verb to
            // stand as its object ("said on Saturday"); a bare time word is
            // none ("said today").
            if e.target == "---" && !has_object(clause, e.spans.verb[1] as usize) {
                continue;
            }
            if events
                .iter()
                .any(|x| x.source == e.source && x.target == e.target && x.code == e.code)
            {
                continue;
            }
            e.spans.source = shift(e.spans.source);
            e.spans.verb = shift(e.spans.verb);
            e.spans.target = shift(e.spans.target);
            e.text = text.to_string();
            events.push(e);
        }
    }
}

/// Whether a word other than a time adverb follows byte `at` of `clause`.
fn has_object(clause: &str, at: usize) -> bool {
    clause.get(at..).is_some_and(|rest| {
        rest.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .any(|w| {
                !matches!(
                    w.to_ascii_lowercase().as_str(),
                    "today" | "yesterday" | "tonight" | "now" | "too" | "again"
                )
            })
    })
}

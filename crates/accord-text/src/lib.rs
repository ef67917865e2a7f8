//! The text stage of accord: articles, sentences and tokens.
//!
//! Everything downstream refers to text by byte offsets, so this crate never
//! rewrites text: an [`Article`]'s `text` is kept as read, sentences are byte
//! ranges of it, and tokens are byte ranges of their sentence with a
//! normalised (lowercase) form beside them.

mod article;
mod date;
mod sentence;
mod token;

pub use article::{
    parse_article_text, parse_jsonl_line, Article, ArticleReader, InputError, InputItem,
};
pub use date::{days_in_month, Date};
pub use sentence::split_sentences;
pub use token::{Token, TokenKind, Tokens};

//! Prints the story records of article files: `cargo run -p accord-story --example story -- FILE [DATE]`.
use accord_coder::{Coder, Scratch};
use accord_dict::Dictionary;
use accord_story::{extract, Lexicon};
use accord_text::{parse_article_text, Date};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: story FILE [DATE]");
        return;
    };
    let date = args.get(2).and_then(|d| Date::parse_iso(d));
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return;
        }
    };
    let article = match parse_article_text(path, &text) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let dict = Dictionary::embedded().dictionary;
    let lx = Lexicon::new(&dict);
    let coded = Coder::new(&dict).code_article(&article, date, &mut Scratch::default());
    let story = extract(&dict, &lx, &article, date.or(article.date), &coded);
    match serde_json::to_string_pretty(&story) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("{e}"),
    }
}

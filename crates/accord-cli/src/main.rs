fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.iter().position(|a| a == "--data").and_then(|i| args.get(i + 1)).cloned().unwrap_or_else(|| "data".into());
    match accord_dict::Dictionary::load_dir(std::path::Path::new(&dir)) {
        Ok(l) => {
            for d in &l.diagnostics {
                eprintln!("{d}");
            }
            let d = &l.dictionary;
            println!("{} places, {} organizations, {} agents, {} people, {} verbs, {} patterns, {} codes", d.actors.places.len(), d.actors.organizations.len(), d.actors.agents.len(), d.actors.people.len(), d.verbs.len(), d.pattern_count, d.codes.len());
            std::process::exit(if l.errors().next().is_some() { 1 } else { 0 });
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}

//! A cache of compiled dictionaries, so large dictionary sets (Phoenix with
//! a CAMEO verb file: ~60k actor phrases, ~15k patterns) start in
//! milliseconds instead of being parsed and compiled on every run.
//!
//! The cache is keyed by the SHA-256 of every source file's path and bytes
//! (and of the accord binary), so an edited source can never be served stale:
//! its key changes and the dictionary is rebuilt. Entries live in
//! `$ACCORD_CACHE`, else `$XDG_CACHE_HOME/accord`, else `~/.cache/accord`;
//! the newest few are kept. A cache that cannot be read or written only
//! costs the rebuild.

use crate::{DictError, Dictionary, Loaded};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Bumped when the compiled layout changes.
const FORMAT: u32 = 7;
/// Cache entries kept per directory.
const KEEP: usize = 8;

/// Where the cache lives, or `None` when no home for it is known.
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("ACCORD_CACHE") {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME") {
        return Some(PathBuf::from(d).join("accord"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/accord"))
}

/// How a dictionary was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheOutcome {
    /// Read from the cache.
    Hit,
    /// Built and stored in the cache.
    Stored,
    /// Built; the cache could not be used.
    Built,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Entry {
    format: u32,
    version: String,
    key: [u8; 32],
    dictionary: Dictionary,
    diagnostics: Vec<DictError>,
}

/// The cache key of a set of source files.
pub fn key_of(files: &[PathBuf]) -> Result<[u8; 32], DictError> {
    let mut h = Sha256::new();
    h.update(FORMAT.to_le_bytes());
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    // The binary itself: a rebuilt accord (whose compiled layout may differ)
    // never reads an entry another build wrote.
    if let Ok(m) = std::env::current_exe().and_then(std::fs::metadata) {
        h.update(m.len().to_le_bytes());
        if let Ok(t) = m.modified().and_then(|t| {
            t.duration_since(std::time::UNIX_EPOCH)
                .map_err(std::io::Error::other)
        }) {
            h.update(t.as_nanos().to_le_bytes());
        }
    }
    for f in files {
        let bytes =
            std::fs::read(f).map_err(|e| DictError::new(f, 0, format!("cannot read: {e}")))?;
        h.update(f.display().to_string().as_bytes());
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(&bytes);
    }
    Ok(h.finalize().into())
}

fn hex(key: &[u8; 32]) -> String {
    key.iter().map(|b| format!("{b:02x}")).collect()
}

/// The dictionary compiled from `files`: from `dir` when a current entry is
/// there, else built by `build` and stored.
pub fn load_cached<E>(
    dir: Option<&Path>,
    files: &[PathBuf],
    build: impl FnOnce() -> Result<Loaded, E>,
) -> Result<(Loaded, CacheOutcome), E> {
    let key = match key_of(files) {
        Ok(k) => k,
        Err(_) => return build().map(|l| (l, CacheOutcome::Built)),
    };
    let Some(dir) = dir else {
        return build().map(|l| (l, CacheOutcome::Built));
    };
    let path = dir.join(format!("{}.dict", hex(&key)));
    if let Ok(bytes) = std::fs::read(&path) {
        if let Ok(e) = postcard::from_bytes::<Entry>(&bytes) {
            if e.format == FORMAT && e.version == env!("CARGO_PKG_VERSION") && e.key == key {
                return Ok((
                    Loaded {
                        dictionary: e.dictionary,
                        diagnostics: e.diagnostics,
                    },
                    CacheOutcome::Hit,
                ));
            }
        }
    }
    let loaded = build()?;
    let entry = Entry {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        key,
        dictionary: loaded.dictionary,
        diagnostics: loaded.diagnostics,
    };
    let outcome = if store(dir, &path, &entry).is_ok() {
        CacheOutcome::Stored
    } else {
        CacheOutcome::Built
    };
    Ok((
        Loaded {
            dictionary: entry.dictionary,
            diagnostics: entry.diagnostics,
        },
        outcome,
    ))
}

fn store(dir: &Path, path: &Path, entry: &Entry) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let bytes = postcard::to_stdvec(entry).map_err(std::io::Error::other)?;
    // Write then rename, so a reader never sees half an entry.
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)?;
    prune(dir);
    Ok(())
}

/// Keeps the newest [`KEEP`] entries.
fn prune(dir: &Path) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<(std::time::SystemTime, PathBuf)> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "dict"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.0));
    for (_, p) in entries.into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_source_is_rebuilt_never_served_stale() {
        let dir = std::env::temp_dir().join(format!("accord-cache-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let src = dir.join("src");
        std::fs::create_dir_all(&src).unwrap_or_default();
        let file = src.join("c.txt");
        let write = |name: &str| {
            std::fs::write(&file, format!("country KAZ\n    name: {name}\n")).unwrap_or_default()
        };
        let build = || -> Result<Loaded, DictError> { Dictionary::load_dir(&src) };
        let cache = dir.join("cache");
        write("Kazakhstan");
        let files = vec![file.clone()];
        let (a, o1) = load_cached(Some(&cache), &files, build).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(o1, CacheOutcome::Stored);
        let (b, o2) = load_cached(Some(&cache), &files, build).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(o2, CacheOutcome::Hit);
        assert_eq!(a.dictionary.actors.places, b.dictionary.actors.places);
        assert_eq!(
            a.dictionary.token_id("kazakhstan"),
            b.dictionary.token_id("kazakhstan")
        );
        write("Qazaqstan");
        let (c, o3) = load_cached(Some(&cache), &files, build).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(o3, CacheOutcome::Stored, "the edited file has a new key");
        assert_eq!(
            c.dictionary.actors.places[0].names,
            vec!["Qazaqstan".to_string()]
        );
        // A corrupt entry is rebuilt, not trusted.
        for e in std::fs::read_dir(&cache).into_iter().flatten().flatten() {
            std::fs::write(e.path(), b"garbage").unwrap_or_default();
        }
        let (_, o4) = load_cached(Some(&cache), &files, build).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(o4, CacheOutcome::Stored);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

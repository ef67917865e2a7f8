//! The CAMEO event code table: Goldstein value, quad class and PLOVER type.

use crate::DictError;
use std::collections::HashMap;
use std::path::Path;

/// What accord knows about one CAMEO event code.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CodeInfo {
    /// The code, e.g. `041`.
    pub code: String,
    /// Root code, e.g. `04`.
    pub root: String,
    /// Goldstein conflict-cooperation value.
    pub goldstein: f32,
    /// Quad class 1-4.
    pub quad: u8,
    /// PLOVER event type, when one applies.
    pub plover: Option<String>,
    /// PLOVER mode (`visit`, `assist`, `seize`, ...), when the code implies one.
    pub plover_mode: Option<String>,
    /// PLOVER contexts (`diplomatic`, `military;legal`, ...), when the code implies any.
    pub plover_context: Option<String>,
    /// Short description.
    pub name: String,
}

/// All CAMEO codes, indexable by a small id.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct CodeTable {
    infos: Vec<CodeInfo>,
    by_code: HashMap<String, u16>,
}

impl CodeTable {
    /// Parses `cameo/codes.txt`.
    pub fn parse(path: &Path, text: &str, errors: &mut Vec<DictError>) -> CodeTable {
        let mut t = CodeTable::default();
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 5 {
                errors.push(DictError::new(path, n, format!("expected 5 tab-separated columns (code, goldstein, quad, plover, name), found {}", cols.len())));
                continue;
            }
            let code = cols[0].trim();
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                errors.push(DictError::new(
                    path,
                    n,
                    format!("code {code:?} is not 2-4 digits"),
                ));
                continue;
            }
            let Ok(goldstein) = cols[1].trim().parse::<f32>() else {
                errors.push(DictError::new(
                    path,
                    n,
                    format!("goldstein {:?} is not a number", cols[1]),
                ));
                continue;
            };
            let quad = match cols[2].trim().parse::<u8>() {
                Ok(q @ 1..=4) => q,
                _ => {
                    errors.push(DictError::new(
                        path,
                        n,
                        format!("quad {:?} is not 1-4", cols[2]),
                    ));
                    continue;
                }
            };
            let plover = cols[3].trim();
            let plover = (!plover.is_empty() && plover != "-").then(|| plover.to_string());
            // Optional columns after the name: PLOVER mode and context.
            let optional = |k: usize| {
                cols.get(k)
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty() && *c != "-")
                    .map(str::to_string)
            };
            t.insert(CodeInfo {
                code: code.to_string(),
                root: code[..2].to_string(),
                goldstein,
                quad,
                plover,
                plover_mode: optional(5),
                plover_context: optional(6),
                name: cols[4].trim().to_string(),
            });
        }
        t
    }

    fn insert(&mut self, info: CodeInfo) {
        let id = self.infos.len() as u16;
        self.by_code.insert(info.code.clone(), id);
        self.infos.push(info);
    }

    /// The id of a code, if known.
    pub fn id(&self, code: &str) -> Option<u16> {
        self.by_code.get(code).copied()
    }

    /// Info for an id.
    pub fn info(&self, id: u16) -> &CodeInfo {
        &self.infos[id as usize]
    }

    /// Info for a code string.
    pub fn get(&self, code: &str) -> Option<&CodeInfo> {
        self.id(code).map(|i| self.info(i))
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.infos.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.infos.is_empty()
    }

    /// Adds a code not in the table (a dictionary may use codes the table
    /// lacks); values fall back to the code's root.
    pub fn intern(&mut self, code: &str) -> u16 {
        if let Some(id) = self.id(code) {
            return id;
        }
        let root = code.get(..2).unwrap_or(code).to_string();
        let base = self.get(&root).cloned();
        let info = CodeInfo {
            code: code.to_string(),
            root,
            goldstein: base.as_ref().map_or(0.0, |b| b.goldstein),
            quad: base.as_ref().map_or(1, |b| b.quad),
            plover: base.as_ref().and_then(|b| b.plover.clone()),
            plover_mode: None,
            plover_context: base.as_ref().and_then(|b| b.plover_context.clone()),
            name: String::new(),
        };
        self.insert(info);
        self.by_code[code]
    }
}

/// The ISO 3166-1 alpha-3 code for a CAMEO country code, where the two differ
/// (CAMEO kept some older or its own codes); PLOVER uses ISO codes.
pub fn iso3_of_cameo(code: &str) -> &str {
    match code {
        "ROM" => "ROU",
        "MTN" => "MNE",
        "TMP" => "TLS",
        "IMY" => "IMN",
        "KSV" => "XKX",
        other => other,
    }
}

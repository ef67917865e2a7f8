//! Actor records: countries and regions, organisations, agents, people.

use crate::record::Record;
use crate::DictError;
use accord_text::Date;
use std::path::Path;

/// A country or a CAMEO region.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Place {
    /// CAMEO code (`KAZ`, `CAS`).
    pub code: String,
    /// True for a region record.
    pub is_region: bool,
    /// ISO alpha-2 code.
    pub iso2: Option<String>,
    /// CAMEO regions the country belongs to.
    pub regions: Vec<String>,
    /// Names and aliases.
    pub names: Vec<String>,
    /// Adjectives ("Kazakh").
    pub adjectives: Vec<String>,
    /// Plural demonyms ("Kazakhs").
    pub people: Vec<String>,
    /// Capital names (metonyms for the government).
    pub capitals: Vec<String>,
    /// Capital latitude and longitude.
    pub capital_at: Option<(f64, f64)>,
    /// Centroid latitude and longitude.
    pub centroid: Option<(f64, f64)>,
}

/// An organisation: IGO, NGO, company, armed group, party or outlet.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Organization {
    /// Full CAMEO actor code.
    pub code: String,
    /// Names and abbreviations.
    pub names: Vec<String>,
    /// `igo`, `ngo`, `mnc`, `armed`, `party`, `media`.
    pub kind: String,
}

/// An actor type and the nouns that signal it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Agent {
    /// Three-letter CAMEO type code (`GOV`).
    pub code: String,
    /// Nouns and titles, singular as listed.
    pub nouns: Vec<String>,
    /// Only the listed forms match: the file gave the plurals itself
    /// (PETRARCH `POLICE {}`, `GOLDEN_GOOSE {GOLDEN_GEESE}`), so no regular
    /// plural is made.
    #[serde(default)]
    pub exact: bool,
}

/// A dated role of a person.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Role {
    /// CAMEO code while in the role.
    pub code: String,
    /// First day (inclusive), open when `None`.
    pub from: Option<Date>,
    /// Last day (inclusive), open when `None`.
    pub to: Option<Date>,
}

/// A person with dated roles.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Person {
    /// Usual full name.
    pub name: String,
    /// Country code.
    pub country: Option<String>,
    /// Name forms.
    pub names: Vec<String>,
    /// Roles over time.
    pub roles: Vec<Role>,
}

impl Person {
    /// The code this person acts as on `date`. Without a date the most recent
    /// role is used; outside every role, the country's elite (`USAELI`).
    pub fn code_on(&self, date: Option<Date>) -> Option<String> {
        match date {
            Some(d) => {
                let hit = self
                    .roles
                    .iter()
                    .find(|r| r.from.is_none_or(|f| f <= d) && r.to.is_none_or(|t| d <= t));
                match hit {
                    Some(r) => Some(r.code.clone()),
                    None => self.country.as_ref().map(|c| format!("{c}ELI")),
                }
            }
            None => self
                .roles
                .iter()
                .max_by_key(|r| r.to.map_or((1, Date::year_start(0)), |t| (0, t)))
                .map(|r| r.code.clone())
                .or_else(|| self.country.as_ref().map(|c| format!("{c}ELI"))),
        }
    }
}

fn is_code(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn coords(v: &str) -> Option<(f64, f64)> {
    let mut it = v.split_whitespace();
    let lat: f64 = it.next()?.parse().ok()?;
    let lng: f64 = it.next()?.parse().ok()?;
    if it.next().is_some() || !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lng) {
        return None;
    }
    Some((lat, lng))
}

/// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as the first (`end == false`)
/// or last day of the period.
pub fn parse_partial_date(s: &str, end: bool) -> Option<Date> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let year: i32 = parts.first().filter(|p| p.len() == 4)?.parse().ok()?;
    match parts.len() {
        1 => Some(if end {
            Date::year_end(year)
        } else {
            Date::year_start(year)
        }),
        2 => {
            let m: u8 = parts[1].parse().ok()?;
            if !(1..=12).contains(&m) {
                return None;
            }
            Some(if end {
                Date::month_end(year, m)
            } else {
                Date {
                    year,
                    month: m,
                    day: 1,
                }
            })
        }
        3 => Date::parse_iso(s),
        _ => None,
    }
}

/// Parses `CODE FROM..TO`.
fn parse_role(v: &str) -> Result<Role, String> {
    let mut it = v.split_whitespace();
    let code = it.next().ok_or("empty role")?;
    if !is_code(code, 3, 15) {
        return Err(format!("role code {code:?} is not an uppercase CAMEO code"));
    }
    let range: String = it.collect::<Vec<_>>().join("");
    if range.is_empty() {
        return Ok(Role {
            code: code.to_string(),
            from: None,
            to: None,
        });
    }
    let (a, b) = range
        .split_once("..")
        .ok_or_else(|| format!("role range {range:?} must be FROM..TO"))?;
    let from = if a.is_empty() {
        None
    } else {
        Some(parse_partial_date(a, false).ok_or_else(|| format!("bad date {a:?}"))?)
    };
    let to = if b.is_empty() {
        None
    } else {
        Some(parse_partial_date(b, true).ok_or_else(|| format!("bad date {b:?}"))?)
    };
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(format!("role starts ({f}) after it ends ({t})"));
        }
    }
    Ok(Role {
        code: code.to_string(),
        from,
        to,
    })
}

/// The actor records of all files.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct ActorSet {
    /// Countries and regions.
    pub places: Vec<Place>,
    /// Organisations.
    pub organizations: Vec<Organization>,
    /// Agents.
    pub agents: Vec<Agent>,
    /// People.
    pub people: Vec<Person>,
    /// Agreements, alliances and groupings (`agreement` records).
    pub agreements: Vec<crate::Agreement>,
    /// Topics of cooperation (`topic` records).
    pub topics: Vec<crate::Topic>,
}

impl ActorSet {
    /// Adds the records of one file.
    pub fn add_records(&mut self, path: &Path, records: Vec<Record>, errors: &mut Vec<DictError>) {
        for r in records {
            let vals = |name: &str| {
                r.values(name)
                    .map(|(v, _)| v.to_string())
                    .collect::<Vec<_>>()
            };
            match r.kind.as_str() {
                "country" | "region" => {
                    if !is_code(&r.key, 3, 3) {
                        errors.push(DictError::new(path, r.line, format!("{} code {:?} must be three uppercase letters", r.kind, r.key)));
                        continue;
                    }
                    let mut p = Place {
                        code: r.key.clone(),
                        is_region: r.kind == "region",
                        iso2: r.attr("iso2").map(str::to_string),
                        regions: r.attr("region").map(|s| s.split(',').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect()).unwrap_or_default(),
                        names: vals("name"),
                        adjectives: vals("adjective"),
                        people: vals("people"),
                        capitals: vals("capital"),
                        capital_at: None,
                        centroid: None,
                    };
                    for (field, slot) in [("capital-at", &mut p.capital_at), ("centroid", &mut p.centroid)] {
                        if let Some((v, line)) = r.values(field).next() {
                            match coords(v) {
                                Some(c) => *slot = Some(c),
                                None => errors.push(DictError::new(path, line, format!("`{field}` must be `LAT LNG` in decimal degrees, found {v:?}"))),
                            }
                        }
                    }
                    check_fields(path, &r, &["name", "adjective", "people", "capital", "capital-at", "centroid"], errors);
                    if p.names.is_empty() {
                        errors.push(DictError::new(path, r.line, format!("{} {} has no `name`", r.kind, r.key)));
                    }
                    self.places.push(p);
                }
                "org" => {
                    check_fields(path, &r, &["name", "kind"], errors);
                    if !is_code(&r.key, 3, 15) {
                        errors.push(DictError::new(path, r.line, format!("org code {:?} must be uppercase letters", r.key)));
                        continue;
                    }
                    self.organizations.push(Organization { code: r.key.clone(), names: vals("name"), kind: vals("kind").into_iter().next().unwrap_or_else(|| "igo".into()) });
                }
                "agent" => {
                    check_fields(path, &r, &["noun"], errors);
                    if !is_code(&r.key, 3, 3) {
                        errors.push(DictError::new(path, r.line, format!("agent code {:?} must be three uppercase letters", r.key)));
                        continue;
                    }
                    self.agents.push(Agent {
                        code: r.key.clone(),
                        nouns: vals("noun"),
                        exact: false,
                    });
                }
                "person" => {
                    check_fields(path, &r, &["name", "role", "country"], errors);
                    let mut roles = Vec::new();
                    for (v, line) in r.values("role") {
                        match parse_role(v) {
                            Ok(role) => roles.push(role),
                            Err(e) => errors.push(DictError::new(path, line, format!("bad role for {}: {e}", r.key))),
                        }
                    }
                    let mut names = vals("name");
                    if !names.iter().any(|n| n == &r.key) {
                        names.insert(0, r.key.clone());
                    }
                    let country = vals("country").into_iter().next();
                    if country.is_none() && roles.is_empty() {
                        errors.push(DictError::new(path, r.line, format!("person {} has neither `country` nor `role`", r.key)));
                        continue;
                    }
                    self.people.push(Person { name: r.key.clone(), country, names, roles });
                }
                "agreement" => self.agreements.extend(crate::agreements::agreement(path, &r, errors)),
                "topic" => self.topics.extend(crate::agreements::topic(path, &r, errors)),
                other => errors.push(DictError::new(path, r.line, format!("unknown record kind `{other}` (expected country, region, org, agent, person, agreement or topic)"))),
            }
        }
    }
}

fn check_fields(path: &Path, r: &Record, allowed: &[&str], errors: &mut Vec<DictError>) {
    for f in &r.fields {
        if !allowed.contains(&f.name.as_str()) {
            errors.push(DictError::new(
                path,
                f.line,
                format!(
                    "unknown field `{}` in {} record (allowed: {})",
                    f.name,
                    r.kind,
                    allowed.join(", ")
                ),
            ));
        }
    }
}

//! Funds (Fördertöpfe): budgets that pay the mediators' side of some assignments.
//! A confirmed request commits its expected mediator cost to the first fund (by
//! priority) whose rules match and whose budget covers it.

use crate::institution::Category;
use crate::mediator::Sector;
use crate::request::Mode;
use crate::validation::{FieldErrors, Validated, required_text};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Which requests a fund pays for; an empty list allows any.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Rules {
    pub sectors: Vec<Sector>,
    pub categories: Vec<Category>,
    pub modes: Vec<Mode>,
    /// ISO 639-3 codes.
    pub languages: Vec<String>,
}

/// A fund with what it holds now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fund {
    pub id: Uuid,
    pub name: String,
    pub budget_cents: i64,
    pub from: Date,
    pub to: Date,
    pub rules: Rules,
    /// Lower numbers are tried first.
    pub priority: i64,
    pub committed_cents: i64,
    pub spent_cents: i64,
}

impl Fund {
    pub fn left_cents(&self) -> i64 {
        self.budget_cents - self.committed_cents - self.spent_cents
    }

    /// The share of the budget used, in percent (0 for an empty budget).
    pub fn used_pct(&self) -> i64 {
        if self.budget_cents <= 0 {
            0
        } else {
            (self.committed_cents + self.spent_cents).saturating_mul(100) / self.budget_cents
        }
    }

    pub fn matches(&self, need: &Need<'_>) -> bool {
        let r = &self.rules;
        (r.sectors.is_empty() || r.sectors.contains(&need.sector))
            && (r.categories.is_empty() || r.categories.contains(&need.category))
            && (r.modes.is_empty() || r.modes.contains(&need.mode))
            && (r.languages.is_empty() || r.languages.iter().any(|l| l == need.language))
            && self.from <= need.day
            && need.day <= self.to
    }
}

/// What a request needs of a fund.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Need<'a> {
    pub sector: Sector,
    pub category: Category,
    pub mode: Mode,
    pub language: &'a str,
    pub day: Date,
    /// The expected mediator cost.
    pub cents: i64,
}

/// The fund that pays for `need`: the first by priority whose rules match and whose
/// budget still covers it.
pub fn choose<'f>(funds: &'f [Fund], need: &Need<'_>) -> Option<&'f Fund> {
    let mut candidates: Vec<&Fund> = funds
        .iter()
        .filter(|f| f.matches(need) && f.left_cents() >= need.cents)
        .collect();
    candidates.sort_by_key(|f| (f.priority, f.name.clone(), f.id));
    candidates.first().copied()
}

/// Which threshold (80 or 100 percent) a fund crossed when its use went from `before` to `after` percent.
pub fn crossed(before: i64, after: i64) -> Option<i64> {
    [100, 80].into_iter().find(|t| before < *t && after >= *t)
}

/// A fund as entered.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(default)]
pub struct FundInput {
    pub name: String,
    pub budget_cents: Option<i64>,
    pub from: String,
    pub to: String,
    pub rules: RulesInput,
    pub priority: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(default)]
pub struct RulesInput {
    pub sectors: Vec<String>,
    pub categories: Vec<String>,
    pub modes: Vec<String>,
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FundDraft {
    pub name: String,
    pub budget_cents: i64,
    pub from: Date,
    pub to: Date,
    pub rules: Rules,
    pub priority: i64,
}

fn parse_list<T: PartialEq>(
    e: &mut FieldErrors,
    field: &str,
    given: &[String],
    parse: impl Fn(&str) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    for (i, s) in given.iter().enumerate() {
        match parse(s.trim()) {
            Some(v) if !out.contains(&v) => out.push(v),
            Some(_) => {}
            None => e.add(format!("{field}[{i}]"), "invalid"),
        }
    }
    out
}

fn day(e: &mut FieldErrors, field: &str, v: &str) -> Option<Date> {
    match v.trim().parse::<Date>() {
        Ok(d) if v.trim().len() == 10 && (2000..=2100).contains(&d.year()) => Some(d),
        _ => {
            e.add(
                field,
                if v.trim().is_empty() {
                    "required"
                } else {
                    "invalid"
                },
            );
            None
        }
    }
}

impl FundInput {
    pub fn validate(&self) -> Validated<FundDraft> {
        let mut e = FieldErrors::new();
        let name = required_text(&mut e, "name", &self.name, 200);
        let budget_cents = match self.budget_cents {
            None => {
                e.add("budget_cents", "required");
                0
            }
            Some(b) if !(0..=100_000_000_000).contains(&b) => {
                e.add("budget_cents", "out-of-range");
                0
            }
            Some(b) => b,
        };
        let from = day(&mut e, "from", &self.from);
        let to = day(&mut e, "to", &self.to);
        if let (Some(f), Some(t)) = (from, to)
            && t < f
        {
            e.add("to", "before-start");
        }
        let priority = self.priority.unwrap_or(100);
        if !(0..=10_000).contains(&priority) {
            e.add("priority", "out-of-range");
        }
        let r = &self.rules;
        let rules = Rules {
            sectors: parse_list(&mut e, "rules.sectors", &r.sectors, Sector::parse),
            categories: parse_list(&mut e, "rules.categories", &r.categories, Category::parse),
            modes: parse_list(&mut e, "rules.modes", &r.modes, Mode::parse),
            languages: parse_list(&mut e, "rules.languages", &r.languages, |l| {
                crate::language::lookup(&l.to_ascii_lowercase()).map(|x| x.code.to_owned())
            }),
        };
        match (from, to) {
            (Some(from), Some(to)) => e.finish(FundDraft {
                name,
                budget_cents,
                from,
                to,
                rules,
                priority,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn fund(name: &str, priority: i64, budget: i64, rules: Rules) -> Fund {
        Fund {
            id: Uuid::new_v4(),
            name: name.into(),
            budget_cents: budget,
            from: date(2027, 1, 1),
            to: date(2027, 12, 31),
            rules,
            priority,
            committed_cents: 0,
            spent_cents: 0,
        }
    }

    fn need(cents: i64) -> Need<'static> {
        Need {
            sector: Sector::School,
            category: Category::School,
            mode: Mode::Onsite,
            language: "ukr",
            day: date(2027, 3, 10),
            cents,
        }
    }

    #[test]
    fn the_first_matching_fund_with_budget_pays() {
        let schools = Rules {
            sectors: vec![Sector::School],
            ..Rules::default()
        };
        let health = Rules {
            sectors: vec![Sector::Medical],
            ..Rules::default()
        };
        let mut funds = vec![
            fund("Landesmittel Schule", 1, 10_000, schools),
            fund("Gesundheit", 0, 1_000_000, health),
            fund("Kommune", 5, 1_000_000, Rules::default()),
        ];
        assert_eq!(
            choose(&funds, &need(5_000)).map(|f| f.name.as_str()),
            Some("Landesmittel Schule")
        );
        funds[0].committed_cents = 6_000;
        assert_eq!(
            choose(&funds, &need(5_000)).map(|f| f.name.as_str()),
            Some("Kommune")
        );
        funds[2].spent_cents = 999_000;
        assert_eq!(choose(&funds, &need(5_000)), None, "unfunded");
        let late = Need {
            day: date(2028, 1, 1),
            ..need(1)
        };
        assert_eq!(choose(&funds, &late), None, "outside every fund's period");
        assert_eq!(funds[2].used_pct(), 99);
        assert_eq!(crossed(79, 80), Some(80));
        assert_eq!(crossed(79, 100), Some(100));
        assert_eq!(crossed(80, 99), None);
    }

    #[test]
    fn a_fund_names_every_bad_field() {
        let i = FundInput {
            name: "".into(),
            budget_cents: Some(-1),
            from: "2027-01-01".into(),
            to: "2026-12-31".into(),
            rules: RulesInput {
                sectors: vec!["bakery".into()],
                languages: vec!["xx-yy".into()],
                ..RulesInput::default()
            },
            priority: None,
        };
        let e = i.validate().unwrap_err();
        for (f, r) in [
            ("name", "required"),
            ("budget_cents", "out-of-range"),
            ("to", "before-start"),
            ("rules.sectors[0]", "invalid"),
            ("rules.languages[0]", "invalid"),
        ] {
            assert_eq!(e.get(f), Some(r), "{f}");
        }
    }
}

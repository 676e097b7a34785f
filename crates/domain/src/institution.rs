//! Institutions (Einrichtungen) that ask for mediators, and their places.

use crate::validation::{self, FieldErrors, Validated};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The category of an institution; it selects the tariff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Authority,
    Health,
    School,
    Social,
    Court,
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Authority,
        Category::Health,
        Category::School,
        Category::Social,
        Category::Court,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Authority => "authority",
            Category::Health => "health",
            Category::School => "school",
            Category::Social => "social",
            Category::Court => "court",
            Category::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A site of an institution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub id: Uuid,
    pub name: String,
    pub address: String,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Institution {
    pub id: Uuid,
    pub name: String,
    pub category: Category,
    pub active: bool,
    pub places: Vec<Place>,
    /// Whom to call, and the number (empty when not given).
    pub contact: String,
    pub phone: String,
}

/// A place as entered; `id` is set when an existing place is edited.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct PlaceInput {
    pub id: Option<Uuid>,
    pub name: String,
    pub address: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// An institution as entered in a form or an API body, before validation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InstitutionInput {
    pub name: String,
    pub category: String,
    pub places: Vec<PlaceInput>,
    pub contact: String,
    pub phone: String,
}

/// A validated institution, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct InstitutionDraft {
    pub name: String,
    pub category: Category,
    pub places: Vec<PlaceDraft>,
    pub contact: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlaceDraft {
    pub id: Option<Uuid>,
    pub name: String,
    pub address: String,
    pub lat: f64,
    pub lon: f64,
}

impl InstitutionInput {
    pub fn validate(&self) -> Validated<InstitutionDraft> {
        let mut e = FieldErrors::new();
        let name = validation::required_text(&mut e, "name", &self.name, 200);
        let contact = validation::optional_text(&mut e, "contact", Some(&self.contact), 200)
            .unwrap_or_default();
        let phone = validation::phone(&mut e, "phone", &self.phone);
        let category = Category::parse(self.category.trim());
        if category.is_none() {
            e.add(
                "category",
                if self.category.trim().is_empty() {
                    "required"
                } else {
                    "invalid"
                },
            );
        }
        if self.places.len() > 50 {
            e.add("places", "too-many-items");
        }
        let mut places = Vec::new();
        for (i, p) in self.places.iter().enumerate() {
            let prefix = format!("places[{i}].");
            let name = validation::required_text(&mut e, &format!("{prefix}name"), &p.name, 200);
            let address =
                validation::required_text(&mut e, &format!("{prefix}address"), &p.address, 300);
            let (lat, lon) = match (p.lat, p.lon) {
                (Some(lat), Some(lon)) => {
                    validation::coordinates(&mut e, &prefix, lat, lon);
                    (lat, lon)
                }
                (lat, lon) => {
                    if lat.is_none() {
                        e.add(format!("{prefix}lat"), "required");
                    }
                    if lon.is_none() {
                        e.add(format!("{prefix}lon"), "required");
                    }
                    (0.0, 0.0)
                }
            };
            places.push(PlaceDraft {
                id: p.id,
                name,
                address,
                lat,
                lon,
            });
        }
        match category {
            Some(category) => e.finish(InstitutionDraft {
                name,
                category,
                places,
                contact,
                phone,
            }),
            None => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> InstitutionInput {
        InstitutionInput {
            name: " Jobcenter ".into(),
            category: "authority".into(),
            places: vec![PlaceInput {
                id: None,
                name: "Mitte".into(),
                address: "Beispielstraße 1, 45127 Essen".into(),
                lat: Some(51.45),
                lon: Some(7.01),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn valid_input_is_trimmed() {
        let d = input().validate().unwrap();
        assert_eq!(d.name, "Jobcenter");
        assert_eq!(d.category, Category::Authority);
        assert_eq!(d.places.len(), 1);
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut i = input();
        i.name = "".into();
        i.category = "bakery".into();
        i.places[0].lat = Some(123.0);
        i.places[0].lon = None;
        i.places[0].address = " ".into();
        let e = i.validate().unwrap_err();
        assert_eq!(e.get("name"), Some("required"));
        assert_eq!(e.get("category"), Some("invalid"));
        assert_eq!(e.get("places[0].lon"), Some("required"));
        assert_eq!(e.get("places[0].address"), Some("required"));
    }
}

//! The parties of an invoice: the centre (seller) and the institution's billing address.

use crate::validation::{FieldErrors, Validated, optional_text, required_text};
use serde::{Deserialize, Serialize};

/// The centre as the seller of its invoices (a tenant setting, admins only).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Seller {
    pub legal_name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_id: Option<String>,
    pub iban: String,
    pub bic: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
}

/// Where an institution's invoices go.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BillingAddress {
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
    pub email: String,
    /// The Leitweg-ID of a public buyer (BT-10 of XRechnung).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leitweg_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_id: Option<String>,
}

fn country(e: &mut FieldErrors, field: &str, v: &str) -> String {
    let v = v.trim().to_ascii_uppercase();
    if v.is_empty() {
        e.add(field, "required");
    } else if v.len() != 2 || !v.bytes().all(|b| b.is_ascii_uppercase()) {
        e.add(field, "invalid");
    }
    v
}

fn email(e: &mut FieldErrors, field: &str, v: &str) -> String {
    let v = required_text(e, field, v, 254);
    let ok = v
        .split_once('@')
        .is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !v.contains(char::is_whitespace));
    if !v.is_empty() && !ok {
        e.add(field, "invalid");
    }
    v
}

/// An IBAN with a correct check sum (ISO 13616, mod 97), without spaces, upper case.
pub fn iban(e: &mut FieldErrors, field: &str, v: &str) -> String {
    let v: String = v
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if v.is_empty() {
        e.add(field, "required");
        return v;
    }
    let shape = (15..=34).contains(&v.len())
        && v.bytes().all(|b| b.is_ascii_alphanumeric())
        && v.bytes().take(2).all(|b| b.is_ascii_uppercase())
        && v.bytes().skip(2).take(2).all(|b| b.is_ascii_digit());
    let rearranged = v.bytes().skip(4).chain(v.bytes().take(4));
    let mut rem: u32 = 0;
    for b in rearranged {
        let d = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        rem = if d >= 10 {
            (rem * 100 + d) % 97
        } else {
            (rem * 10 + d) % 97
        };
    }
    if !shape || rem != 1 {
        e.add(field, "invalid");
    }
    v
}

/// A Leitweg-ID: a coarse address of 2-12 digits, an optional fine address, and 2 check
/// digits (ISO 7064 mod 97-10), parts joined by `-`.
pub fn leitweg_ok(v: &str) -> bool {
    let parts: Vec<&str> = v.split('-').collect();
    let (coarse, fine, check) = match parts.as_slice() {
        [c, k] => (*c, "", *k),
        [c, f, k] => (*c, *f, *k),
        _ => return false,
    };
    let coarse_ok = (2..=12).contains(&coarse.len()) && coarse.bytes().all(|b| b.is_ascii_digit());
    let fine_ok = fine.len() <= 30 && fine.bytes().all(|b| b.is_ascii_alphanumeric());
    let check_ok = check.len() == 2 && check.bytes().all(|b| b.is_ascii_digit());
    if !(coarse_ok && fine_ok && check_ok) {
        return false;
    }
    let mut rem: u32 = 0;
    for b in coarse
        .bytes()
        .chain(fine.to_ascii_uppercase().bytes())
        .chain(check.bytes())
    {
        let d = if b.is_ascii_digit() {
            u32::from(b - b'0')
        } else {
            u32::from(b - b'A') + 10
        };
        rem = if d >= 10 {
            (rem * 100 + d) % 97
        } else {
            (rem * 10 + d) % 97
        };
    }
    rem == 1
}

impl Seller {
    pub fn validate(&self) -> Validated<Seller> {
        let mut e = FieldErrors::new();
        let s = Seller {
            legal_name: required_text(&mut e, "seller.legal_name", &self.legal_name, 200),
            street: required_text(&mut e, "seller.street", &self.street, 200),
            postcode: required_text(&mut e, "seller.postcode", &self.postcode, 20),
            city: required_text(&mut e, "seller.city", &self.city, 100),
            country: country(&mut e, "seller.country", &self.country),
            tax_number: optional_text(&mut e, "seller.tax_number", self.tax_number.as_deref(), 40),
            vat_id: optional_text(&mut e, "seller.vat_id", self.vat_id.as_deref(), 40),
            iban: iban(&mut e, "seller.iban", &self.iban),
            bic: required_text(&mut e, "seller.bic", &self.bic, 11),
            contact_name: required_text(&mut e, "seller.contact_name", &self.contact_name, 200),
            phone: required_text(&mut e, "seller.phone", &self.phone, 40),
            email: email(&mut e, "seller.email", &self.email),
        };
        if s.tax_number.is_none() && s.vat_id.is_none() {
            e.add("seller.tax_number", "required");
        }
        if s.phone.bytes().filter(u8::is_ascii_digit).count() < 3 {
            e.add("seller.phone", "invalid");
        }
        e.finish(s)
    }
}

impl BillingAddress {
    pub fn validate(&self) -> Validated<BillingAddress> {
        let mut e = FieldErrors::new();
        let b = BillingAddress {
            name: required_text(&mut e, "billing.name", &self.name, 200),
            street: required_text(&mut e, "billing.street", &self.street, 200),
            postcode: required_text(&mut e, "billing.postcode", &self.postcode, 20),
            city: required_text(&mut e, "billing.city", &self.city, 100),
            country: country(&mut e, "billing.country", &self.country),
            email: email(&mut e, "billing.email", &self.email),
            leitweg_id: optional_text(&mut e, "billing.leitweg_id", self.leitweg_id.as_deref(), 46),
            vat_id: optional_text(&mut e, "billing.vat_id", self.vat_id.as_deref(), 40),
        };
        if b.leitweg_id.as_deref().is_some_and(|l| !leitweg_ok(l)) {
            e.add("billing.leitweg_id", "invalid");
        }
        e.finish(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ibans_and_leitweg_ids_are_checked() {
        let mut e = FieldErrors::new();
        assert_eq!(
            iban(&mut e, "iban", "de02 1203 0000 0000 2020 51"),
            "DE02120300000000202051"
        );
        assert!(e.is_empty());
        iban(&mut e, "iban", "DE03120300000000202051");
        assert_eq!(e.get("iban"), Some("invalid"));
        assert!(leitweg_ok("05315-12345-85"));
        assert!(!leitweg_ok("05315-12345-67"));
        assert!(!leitweg_ok("abc"));
    }

    #[test]
    fn a_seller_needs_a_tax_number_or_vat_id() {
        let s = Seller {
            legal_name: "Stadt Musterstadt, Kommunales Integrationszentrum".into(),
            street: "Musterstraße 1".into(),
            postcode: "12345".into(),
            city: "Musterstadt".into(),
            country: "de".into(),
            tax_number: None,
            vat_id: None,
            iban: "DE02120300000000202051".into(),
            bic: "BYLADEM1001".into(),
            contact_name: "Team Sprachmittlung".into(),
            phone: "0123 45678".into(),
            email: "ki@example.org".into(),
        };
        assert_eq!(
            s.validate().unwrap_err().get("seller.tax_number"),
            Some("required")
        );
        let ok = Seller {
            tax_number: Some("123/456/78901".into()),
            ..s
        }
        .validate()
        .unwrap();
        assert_eq!(ok.country, "DE");
    }
}

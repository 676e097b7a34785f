//! Coordinates from an address, so that nobody types them: a configurable geocoder
//! (`MITTLER_GEOCODER_URL`), a city's own Nominatim (`.../search`) or Photon
//! (`.../api`). Mittler asks `GET URL?q=ADDRESS&format=json&limit=1` and reads either
//! answer: Nominatim's `[{"lat": "51.45", "lon": "7.01"}]` or Photon's GeoJSON
//! (`features[0].geometry.coordinates = [lon, lat]`). Without a geocoder, or when it finds
//! nothing, the form asks for the coordinates.

use std::time::Duration;

#[derive(Clone)]
pub struct Geocoder {
    url: String,
    client: reqwest::Client,
}

impl Geocoder {
    pub fn new(url: &str) -> Result<Geocoder, String> {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err("MITTLER_GEOCODER_URL: an http(s) address".into());
        }
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(8))
            // Nominatim's usage policy asks for an identifying agent.
            .user_agent("Mittler (integration centre mediation platform)")
            .build()
            .map_err(|e| format!("geocoder client: {e}"))?;
        Ok(Geocoder {
            url: url.to_owned(),
            client,
        })
    }

    /// The coordinates of `address`; where the geocoder does not know the street, the
    /// centre of its postcode district ("45127 Essen"); `None` when neither is found or
    /// the geocoder cannot be reached (the caller then asks a person).
    pub async fn locate(&self, address: &str) -> Option<(f64, f64)> {
        if let Some(p) = self.ask(address).await {
            return Some(p);
        }
        let district = district_of(address)?;
        self.ask(&district).await
    }

    async fn ask(&self, address: &str) -> Option<(f64, f64)> {
        let resp = self
            .client
            .get(&self.url)
            .query(&[("q", address), ("format", "json"), ("limit", "1")])
            .send()
            .await
            .ok()?;
        if !resp.status().is_success() {
            return None;
        }
        let body: serde_json::Value = serde_json::from_str(&resp.text().await.ok()?).ok()?;
        read(&body)
    }
}

/// The postcode and town of a German address ("Beispielweg 1, 45127 Essen" gives
/// "45127 Essen"), for the district's centre.
fn district_of(address: &str) -> Option<String> {
    let words: Vec<&str> = address
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let at = words
        .iter()
        .position(|w| w.len() == 5 && w.chars().all(|c| c.is_ascii_digit()))?;
    Some(words.get(at..)?.join(" "))
}

fn number(v: &serde_json::Value) -> Option<f64> {
    v.as_f64().or_else(|| v.as_str()?.parse().ok())
}

/// A point from a Nominatim or a Photon answer, checked to be a point on Earth.
fn read(body: &serde_json::Value) -> Option<(f64, f64)> {
    let (lat, lon) = if let Some(first) = body.as_array().and_then(|a| a.first()) {
        (number(first.get("lat")?)?, number(first.get("lon")?)?)
    } else {
        let c = body
            .get("features")?
            .get(0)?
            .get("geometry")?
            .get("coordinates")?;
        (number(c.get(1)?)?, number(c.get(0)?)?)
    };
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_district_is_the_postcode_and_town() {
        assert_eq!(
            district_of("Beispielweg 1, 45127 Essen").as_deref(),
            Some("45127 Essen")
        );
        assert_eq!(
            district_of("Hauptstr. 5 44787 Bochum-Mitte").as_deref(),
            Some("44787 Bochum-Mitte")
        );
        assert_eq!(district_of("Rathaus"), None);
    }

    #[test]
    fn nominatim_and_photon_answers() {
        assert_eq!(
            read(&json!([{"lat": "51.4556", "lon": "7.0116"}])),
            Some((51.4556, 7.0116))
        );
        assert_eq!(
            read(&json!({"features": [{"geometry": {"coordinates": [7.0116, 51.4556]}}]})),
            Some((51.4556, 7.0116))
        );
        assert_eq!(read(&json!([])), None);
        assert_eq!(read(&json!({"features": []})), None);
        assert_eq!(read(&json!([{"lat": "951", "lon": "7"}])), None);
    }
}

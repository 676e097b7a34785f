//! The day's places and the distances between them, computed once.
//!
//! The search asks for travel times millions of times a second; the haversine formula's
//! sines, cosines and arc sine were more than half of its time. Every distinct point of
//! the day (appointment places and homes) becomes a node; a day of up to [`MATRIX_NODES`]
//! nodes keeps all distances in a matrix, a larger one keeps each node's latitude in
//! radians and its cosine, which leaves two sines and an arc sine per distance. Both give
//! exactly the distance of `mittler_domain::matching::haversine_km`, bit for bit, so a plan
//! costs here what the validator says it costs.

use mittler_domain::matching::{Point, haversine_km};
use std::collections::HashMap;

/// Days with at most this many distinct places keep a full distance matrix (at most
/// 1,600² × 8 bytes = 20 MB).
pub(crate) const MATRIX_NODES: usize = 1600;

const EARTH_RADIUS_KM: f64 = 6371.0088;

pub(crate) struct Geo {
    points: Vec<Point>,
    lat_rad: Vec<f64>,
    cos_lat: Vec<f64>,
    matrix: Vec<f64>,
    index: HashMap<(u64, u64), u32>,
}

impl Geo {
    pub(crate) fn new() -> Geo {
        Geo {
            points: Vec::new(),
            lat_rad: Vec::new(),
            cos_lat: Vec::new(),
            matrix: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// The node of a point: equal points (as `==` compares them) share one node, so that
    /// equal nodes mean no travel at all, as in the spec.
    pub(crate) fn node(&mut self, p: Point) -> u32 {
        // `0.0 == -0.0`: one key for both.
        let key = |x: f64| if x == 0.0 { 0u64 } else { x.to_bits() };
        let next = self.points.len() as u32;
        *self
            .index
            .entry((key(p.lat), key(p.lon)))
            .or_insert_with(|| {
                let lat = p.lat.to_radians();
                self.points.push(p);
                self.lat_rad.push(lat);
                self.cos_lat.push(lat.cos());
                next
            })
    }

    /// Fills the matrix (once every node is known) when the day is small enough.
    pub(crate) fn finish(&mut self) {
        let n = self.points.len();
        self.index = HashMap::new();
        if n > MATRIX_NODES {
            return;
        }
        let mut matrix = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..i {
                // The formula is symmetric to the bit (sin² of a negated angle, a product).
                let d = haversine_km(self.points[i], self.points[j]);
                matrix[i * n + j] = d;
                matrix[j * n + i] = d;
            }
        }
        self.matrix = matrix;
    }

    /// The great-circle distance in km between two nodes.
    #[inline]
    pub(crate) fn km(&self, p: u32, q: u32) -> f64 {
        let (p, q) = (p as usize, q as usize);
        if !self.matrix.is_empty() {
            return self.matrix[p * self.points.len() + q];
        }
        // The formula of `haversine_km`, with the per-point parts computed once.
        let (p1, p2) = (self.lat_rad[p], self.lat_rad[q]);
        let dp = p2 - p1;
        let dl = (self.points[q].lon - self.points[p].lon).to_radians();
        let h =
            (dp / 2.0).sin().powi(2) + self.cos_lat[p] * self.cos_lat[q] * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
    }

    #[cfg(test)]
    pub(crate) fn without_matrix(&mut self) {
        self.matrix = Vec::new();
    }
}

/// `x.ceil()` for the travel formula's values (finite, below 2^52), without the call into
/// the maths library that `ceil` is on the baseline x86-64 target.
#[inline]
pub(crate) fn ceil(x: f64) -> f64 {
    let t = x as i64 as f64;
    if t < x { t + 1.0 } else { t }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Rng;

    #[test]
    fn distances_are_haversine_bit_for_bit_with_and_without_the_matrix() {
        let mut rng = Rng::new(7);
        let mut geo = Geo::new();
        let mut points = Vec::new();
        for _ in 0..300 {
            let p = Point {
                lat: 47.0 + 8.0 * rng.unit(),
                lon: 5.0 + 10.0 * rng.unit(),
            };
            points.push((geo.node(p), p));
        }
        // The same point again is the same node; -0.0 and 0.0 are one point.
        assert_eq!(geo.node(points[5].1), points[5].0);
        let z = geo.node(Point { lat: 0.0, lon: 1.0 });
        assert_eq!(
            geo.node(Point {
                lat: -0.0,
                lon: 1.0
            }),
            z
        );
        geo.finish();
        let check = |geo: &Geo| {
            for &(i, p) in &points {
                for &(j, q) in &points {
                    assert_eq!(geo.km(i, j).to_bits(), haversine_km(p, q).to_bits());
                }
            }
        };
        check(&geo);
        geo.without_matrix();
        check(&geo);
    }

    #[test]
    fn ceil_is_the_library_ceil_on_travel_values() {
        let mut rng = Rng::new(3);
        for x in [-1e-9, 0.0, 1.0, 1.0 - 1e-9, 2.5, 119.99999, 1e6] {
            assert_eq!(ceil(x).max(0.0), x.ceil().max(0.0), "{x}");
        }
        for _ in 0..100_000 {
            let x = 500.0 * rng.unit() - 1e-9;
            assert_eq!(ceil(x).max(0.0), x.ceil().max(0.0), "{x}");
        }
    }
}

//! A small keep-alive HTTP/1.1 client for the benchmarks: one request, one response,
//! on a connection of its own (no pool, no redirects), and latency percentiles.

#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]

use anyhow::{Context, Result};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// One client's connection.
pub struct Conn(BufReader<TcpStream>);

/// How a request is signed in: an API token or a browser session cookie.
#[derive(Clone)]
pub enum Auth {
    Bearer(String),
    Cookie(String),
    None,
}

impl Conn {
    pub async fn open(addr: std::net::SocketAddr) -> Result<Conn> {
        Ok(Conn(BufReader::new(TcpStream::connect(addr).await?)))
    }

    /// Sends one request and reads its whole response: (status, body).
    pub async fn send(
        &mut self,
        method: &str,
        path: &str,
        auth: &Auth,
        json: Option<&str>,
    ) -> Result<(u16, Vec<u8>)> {
        let mut req = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        match auth {
            Auth::Bearer(t) => req.push_str(&format!("Authorization: Bearer {t}\r\n")),
            Auth::Cookie(t) => req.push_str(&format!("Cookie: mittler_session={t}\r\n")),
            Auth::None => {}
        }
        if let Some(b) = json {
            req.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                b.len()
            ));
        }
        req.push_str("\r\n");
        if let Some(b) = json {
            req.push_str(b);
        }
        self.0.get_mut().write_all(req.as_bytes()).await?;
        let mut line = String::new();
        self.0.read_line(&mut line).await?;
        let status: u16 = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .context("status")?;
        let mut len = 0usize;
        loop {
            line.clear();
            self.0.read_line(&mut line).await?;
            if line == "\r\n" || line.is_empty() {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                len = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0u8; len];
        self.0.read_exact(&mut body).await?;
        Ok((status, body))
    }

    pub async fn get(&mut self, path: &str, auth: &Auth) -> Result<u16> {
        Ok(self.send("GET", path, auth, None).await?.0)
    }
}

/// Latencies, sorted, with their percentiles in milliseconds.
pub struct Latencies(Vec<Duration>);

impl Latencies {
    pub fn new(mut all: Vec<Duration>) -> Latencies {
        all.sort();
        Latencies(all)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The `p`-th percentile (0.0 to 1.0) in milliseconds.
    pub fn ms(&self, p: f64) -> f64 {
        let i = ((self.0.len() as f64 * p) as usize).min(self.0.len().saturating_sub(1));
        self.0
            .get(i)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0)
    }
}

//! What the command-line tests share: the real binary, temporary folders, a server.
#![allow(dead_code)]

use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};
use std::time::{Duration, Instant};

pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mittler"));
    for var in [
        "MITTLER_DATABASE_URL",
        "MITTLER_BIND",
        "MITTLER_PASSWORD",
        "MITTLER_PUBLIC_URL",
    ] {
        c.env_remove(var);
    }
    c.env("MITTLER_LOG", "warn");
    // A key file made beside a PostgreSQL URL lands in the working directory: not the crate's.
    c.current_dir(std::env::temp_dir());
    c
}

pub fn temp_dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("mittler-cli-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

pub fn run(cmd: &mut Command) -> (bool, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().unwrap();
    (
        status.success(),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

pub struct Server(pub Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn get(port: u16, path: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    Some(out)
}

pub fn serve(dir: &Path, extra: &[&str]) -> (Server, u16) {
    let port = free_port();
    let child = bin()
        .current_dir(dir)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .args(extra)
        .spawn()
        .unwrap();
    let server = Server(child);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if get(port, "/login").is_some_and(|r| r.starts_with("HTTP/1.1 200")) {
            return (server, port);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("mittler serve did not answer");
}

/// Whether `needle` occurs in `haystack`.
pub fn holds(haystack: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    !n.is_empty() && haystack.windows(n.len()).any(|w| w == n)
}

/// One HTTP/1.1 exchange; `None` when the server did not answer in full (not acknowledged).
pub fn call(
    port: u16,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> Option<(u16, Value)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let auth = token
        .map(|t| format!("Authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    let status: u16 = out.get(9..12)?.parse().ok()?;
    let (head, rest) = out.split_once("\r\n\r\n")?;
    // A response is complete when its length is what the header said (or it is chunked and ends).
    let text = if head.to_lowercase().contains("transfer-encoding: chunked") {
        if !rest.ends_with("0\r\n\r\n") {
            return None;
        }
        let mut t = String::new();
        let mut r = rest;
        while let Some((len, tail)) = r.split_once("\r\n") {
            let n = usize::from_str_radix(len.trim(), 16).ok()?;
            if n == 0 {
                break;
            }
            t.push_str(tail.get(..n)?);
            r = tail.get(n + 2..)?;
        }
        t
    } else {
        rest.to_owned()
    };
    Some((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
}

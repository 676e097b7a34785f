//! The load: keep-alive HTTP clients on loopback for a fixed time.

use super::*;

/// One request on a keep-alive HTTP/1.1 connection: the status and the body's length.
/// Reads bodies with a length or chunked.
pub(super) async fn get(
    conn: &mut BufReader<TcpStream>,
    path: &str,
    body: &mut Vec<u8>,
) -> Result<(u16, usize)> {
    let req = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    conn.get_mut().write_all(req.as_bytes()).await?;
    let mut line = String::new();
    ensure!(conn.read_line(&mut line).await? > 0, "connection closed");
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .context("status")?;
    let mut len = 0usize;
    let mut chunked = false;
    loop {
        line.clear();
        ensure!(conn.read_line(&mut line).await? > 0, "connection closed");
        if line == "\r\n" {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            len = v.trim().parse().context("content-length")?;
        } else if let Some(v) = lower.strip_prefix("transfer-encoding:") {
            chunked = v.contains("chunked");
        }
    }
    body.clear();
    if !chunked {
        body.resize(len, 0);
        conn.read_exact(body).await?;
        return Ok((status, len));
    }
    loop {
        line.clear();
        ensure!(conn.read_line(&mut line).await? > 0, "connection closed");
        let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
            .context("chunk size")?;
        if size == 0 {
            // Trailers up to the empty line.
            loop {
                line.clear();
                ensure!(conn.read_line(&mut line).await? > 0, "connection closed");
                if line == "\r\n" {
                    break;
                }
            }
            return Ok((status, body.len()));
        }
        let at = body.len();
        body.resize(at + size + 2, 0);
        conn.read_exact(body.get_mut(at..).context("chunk")?)
            .await?;
        body.truncate(at + size);
    }
}

pub(super) async fn connect(addr: SocketAddr) -> Result<BufReader<TcpStream>> {
    let s = TcpStream::connect(addr).await?;
    s.set_nodelay(true)?;
    Ok(BufReader::with_capacity(64 * 1024, s))
}

/// What the clients saw while measuring.
#[derive(Default)]
pub(super) struct Outcome {
    /// Latencies of the 200 answers.
    pub(super) ok: Vec<Duration>,
    pub(super) other_status: u64,
    pub(super) errors: u64,
}

impl Outcome {
    pub(super) fn percentile_ms(&self, p: f64) -> f64 {
        let i = ((self.ok.len() as f64 * p) as usize).min(self.ok.len().saturating_sub(1));
        self.ok.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }
}

/// `connections` clients ask for `path` as fast as they can: one second of warm-up,
/// then `seconds` measured.
pub(super) async fn load(
    addr: SocketAddr,
    path: &str,
    connections: usize,
    seconds: u64,
) -> Result<Outcome> {
    let start = Instant::now();
    let measure_from = start + Duration::from_secs(1);
    let until = measure_from + Duration::from_secs(seconds);
    let path: Arc<str> = Arc::from(path);
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let path = path.clone();
        tasks.push(tokio::spawn(async move {
            let mut out = Outcome::default();
            let mut conn = connect(addr).await?;
            let mut body = Vec::new();
            loop {
                let s = Instant::now();
                if s >= until {
                    break;
                }
                let counted = s >= measure_from;
                match get(&mut conn, &path, &mut body).await {
                    Ok((200, _)) if counted => out.ok.push(s.elapsed()),
                    Ok((_, _)) if counted => out.other_status += 1,
                    Ok(_) => {}
                    Err(_) => {
                        if counted {
                            out.errors += 1;
                        }
                        conn = connect(addr).await?;
                    }
                }
            }
            Ok::<_, anyhow::Error>(out)
        }));
    }
    let mut all = Outcome::default();
    for t in tasks {
        let o = t.await??;
        all.ok.extend(o.ok);
        all.other_status += o.other_status;
        all.errors += o.errors;
    }
    all.ok.sort();
    Ok(all)
}

/// Exactly `len` bytes of HTML.
pub(super) fn filler(len: usize) -> Vec<u8> {
    let head = "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>Static</title></head><body>\n";
    let row = "<article class=\"card\"><h2>Angebot</h2><p>Wir treffen uns jede Woche in kleinen Gruppen.</p></article>\n";
    let mut s = String::with_capacity(len + row.len());
    s.push_str(head);
    while s.len() < len {
        s.push_str(row);
    }
    let mut b = s.into_bytes();
    b.truncate(len);
    b
}

pub(super) fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

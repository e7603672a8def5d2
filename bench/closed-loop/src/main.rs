//! A closed-loop client of hushlink's API flow, beside wrk: N connections,
//! each creating a secret (`POST /api/v2/passwords`) and revealing it (`GET`
//! of its self link), one request at a time, on two threads (as `wrk -t2`).
//! It times each request from its first byte written to its last byte read,
//! and prints the percentiles, the same over the run's last part only, and
//! when the slowest 1% happened (per 100 ms), so a tail can be matched
//! with what the server did at the time.
//!
//! It also prints the percentiles corrected as wrk corrects its own
//! (`stats_correct` in wrk's `stats.c`, applied before wrk prints or hands
//! its latency to a script's `done`): with `interval` the mean time between
//! two requests of one connection, every request that took `n >= 2 *
//! interval` adds samples at `n - interval`, `n - 2 * interval`, … down to
//! `interval`, the requests a client sending at a constant rate would have
//! seen delayed (coordinated omission). A stall of `s` ms that holds every
//! connection adds about `connections * s / interval` samples, so the
//! corrected p99 follows the stalls' total length, where the raw p99 counts
//! only the requests a stall held.
//!
//!   closed-loop ADDR SECONDS CONNECTIONS [LATE_FROM_SECONDS]

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Writes a request and reads one response; returns its body. Needs a
/// `Content-Length` (hushlink's API answers carry one).
async fn round_trip(stream: &mut TcpStream, request: &[u8], buf: &mut Vec<u8>) -> Vec<u8> {
    stream.write_all(request).await.expect("write");
    buf.clear();
    let mut chunk = [0u8; 8192];
    loop {
        let n = stream.read(&mut chunk).await.expect("read");
        assert!(n > 0, "the server closed the connection");
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .map_or(0, |v| v.trim().parse().expect("content-length"));
            if buf.len() >= end + 4 + len {
                return buf[end + 4..end + 4 + len].to_vec();
            }
        }
    }
}

/// The path of the `self` link in a create's answer.
fn self_path(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let link = text
        .split('{')
        .find(|part| part.contains("\"self\""))
        .expect("a self link");
    let href = &link[link.find("\"href\":\"").expect("href") + 8..];
    let url = &href[..href.find('"').expect("end of href")];
    let after_scheme = &url[url.find("://").expect("absolute link") + 3..];
    after_scheme[after_scheme.find('/').expect("a path")..].to_owned()
}

/// Microseconds since the start, and the request's duration in microseconds.
type Sample = (u64, u64);

fn percentiles(mut durations: Vec<u64>) -> String {
    durations.sort_unstable();
    let n = durations.len();
    if n == 0 {
        return "no requests".into();
    }
    let at = |q: f64| durations[((n as f64 * q) as usize).min(n - 1)];
    format!(
        "{n} requests, p50 {} µs, p90 {}, p99 {}, p99.9 {}, max {}",
        at(0.5),
        at(0.9),
        at(0.99),
        at(0.999),
        durations[n - 1]
    )
}

/// The durations with wrk's correction for coordinated omission: the same
/// loop as wrk's `stats_correct`, on microseconds instead of its histogram.
fn corrected(durations: &[u64], interval: u64) -> Vec<u64> {
    let mut out = durations.to_vec();
    if interval == 0 {
        return out;
    }
    for &n in durations.iter().filter(|&&n| n >= 2 * interval) {
        let mut m = n - interval;
        while m > interval {
            out.push(m);
            m -= interval;
        }
    }
    out
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: closed-loop ADDR SECONDS CONNECTIONS [LATE_FROM_SECONDS]");
        std::process::exit(2);
    }
    let addr = args[1].clone();
    let seconds: u64 = args[2].parse().expect("SECONDS");
    let connections: usize = args[3].parse().expect("CONNECTIONS");
    let late_from: u64 = args
        .get(4)
        .map_or(seconds / 2, |s| s.parse().expect("LATE_FROM_SECONDS"));
    let body = r#"{"password": "benchmark-secret-1234", "ttl": 3600}"#;
    let create = format!(
        "POST /api/v2/passwords HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n\
         Accept: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let start = Instant::now();
    let end = start + Duration::from_secs(seconds);
    let clients: Vec<_> = (0..connections)
        .map(|_| {
            let (addr, create) = (addr.clone(), create.clone());
            tokio::spawn(async move {
                let mut stream = TcpStream::connect(&addr).await.expect("connect");
                stream.set_nodelay(true).expect("nodelay");
                let mut buf = Vec::new();
                let mut samples: Vec<Sample> = Vec::new();
                let mut timed = async |stream: &mut TcpStream, request: &[u8]| {
                    let sent = Instant::now();
                    let body = round_trip(stream, request, &mut buf).await;
                    let at = (sent - start).as_micros() as u64;
                    samples.push((at, sent.elapsed().as_micros() as u64));
                    body
                };
                while Instant::now() < end {
                    let created = timed(&mut stream, create.as_bytes()).await;
                    let reveal = format!(
                        "GET {} HTTP/1.1\r\nHost: bench\r\nAccept: application/json\r\n\r\n",
                        self_path(&created)
                    );
                    timed(&mut stream, reveal.as_bytes()).await;
                }
                samples
            })
        })
        .collect();
    let mut all: Vec<Sample> = Vec::new();
    for client in clients {
        all.extend(client.await.expect("client"));
    }
    all.sort_unstable();
    println!(
        "closed loop, {connections} connections, {:.0} req/s: {}",
        all.len() as f64 / seconds as f64,
        percentiles(all.iter().map(|s| s.1).collect())
    );
    println!(
        "from {late_from} s on: {}",
        percentiles(
            all.iter()
                .filter(|s| s.0 >= late_from * 1_000_000)
                .map(|s| s.1)
                .collect()
        )
    );
    let durations: Vec<u64> = all.iter().map(|s| s.1).collect();
    let per_connection = all.len() as u64 / connections as u64;
    let interval = (seconds * 1_000_000)
        .checked_div(per_connection)
        .unwrap_or(0);
    println!(
        "corrected as wrk does (interval {interval} µs): {}",
        percentiles(corrected(&durations, interval))
    );
    let mut sorted = durations;
    sorted.sort_unstable();
    let p99 = sorted[(sorted.len() * 99 / 100).min(sorted.len() - 1)];
    let mut bins = std::collections::BTreeMap::<u64, u32>::new();
    for (at, took) in &all {
        if *took >= p99 {
            *bins.entry(at / 100_000).or_default() += 1;
        }
    }
    let when: Vec<String> = bins
        .iter()
        .map(|(bin, n)| format!("{:.1}s:{n}", *bin as f64 / 10.0))
        .collect();
    println!(
        "the slowest 1% (>= {p99} µs), by 100 ms: {}",
        when.join(" ")
    );
}

#[cfg(test)]
mod tests {
    use super::corrected;

    #[test]
    fn a_stall_adds_the_requests_a_constant_rate_would_have_seen_late() {
        // interval 1 ms: a 5 ms request adds 4, 3 and 2 ms (not 1 ms, as in
        // wrk, where the loop stops at `m > interval`); one under 2 ms adds
        // nothing.
        let mut out = corrected(&[1_500, 5_000], 1_000);
        out.sort_unstable();
        assert_eq!(out, vec![1_500, 2_000, 3_000, 4_000, 5_000]);
        assert_eq!(corrected(&[7], 0), vec![7]);
    }
}

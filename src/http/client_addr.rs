//! Who the client is: the address that rate limits and the bootstrap brake
//! count by.
//!
//! The socket's peer, unless that peer is one of `HUSHLINK_TRUSTED_PROXIES`:
//! then the forwarding headers (`Forwarded`'s `for=`, else
//! `X-Forwarded-For`) are read from the right, each hop appended by a
//! proxy, skipping trusted proxies; the first address that is not one is
//! the client. A header from an untrusted peer is ignored, so a client
//! cannot choose the address it is counted under.

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request};

/// The client's address, as the rule above finds it; a request extension
/// on the public router (absent when the connection has no address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// `HUSHLINK_TRUSTED_PROXIES`, parsed: address ranges (CIDR).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<(IpAddr, u8)>);

impl TrustedProxies {
    /// A comma-separated list of `address/prefix` or bare addresses; an
    /// error names the first entry that is neither.
    pub fn parse_setting(value: Option<&str>) -> Result<Self, String> {
        let mut ranges = Vec::new();
        for entry in value
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            let bad =
                || format!("'{entry}' is not an address or a CIDR range (10.0.0.0/8, fd00::/8)");
            let (addr, prefix) = match entry.split_once('/') {
                Some((addr, prefix)) => (addr, Some(prefix.parse::<u8>().map_err(|_| bad())?)),
                None => (entry, None),
            };
            let addr = addr.parse::<IpAddr>().map_err(|_| bad())?.to_canonical();
            let max = if addr.is_ipv4() { 32 } else { 128 };
            let prefix = prefix.unwrap_or(max);
            if prefix > max {
                return Err(bad());
            }
            ranges.push((addr, prefix));
        }
        Ok(TrustedProxies(ranges))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0
            .iter()
            .any(|(net, prefix)| in_range(ip, *net, *prefix))
    }
}

fn in_range(ip: IpAddr, net: IpAddr, prefix: u8) -> bool {
    match (ip, net) {
        (IpAddr::V4(ip), IpAddr::V4(net)) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
            u32::from(ip) & mask == u32::from(net) & mask
        }
        (IpAddr::V6(ip), IpAddr::V6(net)) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
            u128::from(ip) & mask == u128::from(net) & mask
        }
        _ => false,
    }
}

/// The client of `request` (see the module documentation).
pub fn client_of<B>(request: &Request<B>, trusted: &TrustedProxies) -> Option<IpAddr> {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())?;
    Some(resolve(peer, request.headers(), trusted))
}

/// The rule itself, on a peer address and the request's headers.
pub fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> IpAddr {
    let mut client = peer.to_canonical();
    if !trusted.contains(client) {
        return client;
    }
    for hop in forwarded_chain(headers).into_iter().rev() {
        // A hop that is not an address ("unknown", an obfuscated name):
        // nothing further left can be trusted.
        let Some(hop) = hop else { return client };
        client = hop;
        if !trusted.contains(hop) {
            return client;
        }
    }
    client
}

/// The forwarded-for hops, first (the original client) to last: from
/// `Forwarded` when present, else `X-Forwarded-For`.
fn forwarded_chain(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let values = |name: &str| -> Vec<String> {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect()
    };
    let forwarded = values("forwarded");
    if !forwarded.is_empty() {
        return forwarded
            .iter()
            .filter_map(|element| {
                element.split(';').find_map(|pair| {
                    let (key, value) = pair.trim().split_once('=')?;
                    key.trim()
                        .eq_ignore_ascii_case("for")
                        .then(|| parse_node(value.trim().trim_matches('"')))
                })
            })
            .collect();
    }
    values("x-forwarded-for")
        .iter()
        .map(|v| parse_node(v))
        .collect()
}

/// An address as proxies write it: `192.0.2.1`, `192.0.2.1:4711`,
/// `2001:db8::1`, `[2001:db8::1]`, `[2001:db8::1]:4711`.
fn parse_node(value: &str) -> Option<IpAddr> {
    if let Ok(ip) = value.parse::<IpAddr>() {
        return Some(ip.to_canonical());
    }
    if let Ok(addr) = value.parse::<SocketAddr>() {
        return Some(addr.ip().to_canonical());
    }
    let inner = value.strip_prefix('[')?.split(']').next()?;
    inner.parse::<IpAddr>().ok().map(|ip| ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn trusted_ranges() {
        let t = TrustedProxies::parse_setting(Some("10.0.0.0/8, 192.0.2.7, fd00::/8")).unwrap();
        assert!(t.contains(ip("10.1.2.3")));
        assert!(t.contains(ip("::ffff:10.1.2.3")));
        assert!(t.contains(ip("192.0.2.7")));
        assert!(!t.contains(ip("192.0.2.8")));
        assert!(t.contains(ip("fd12::1")));
        assert!(!t.contains(ip("2001:db8::1")));
        assert!(
            TrustedProxies::parse_setting(Some("0.0.0.0/0"))
                .unwrap()
                .contains(ip("8.8.8.8"))
        );
        assert!(TrustedProxies::parse_setting(None).unwrap().is_empty());
        for bad in ["10.0.0.0/33", "proxy.local", "10.0.0.0/x", "::/129"] {
            assert!(TrustedProxies::parse_setting(Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn headers_count_only_behind_a_trusted_proxy() {
        let trusted = TrustedProxies::parse_setting(Some("10.0.0.0/8")).unwrap();
        let xff = headers(&[("x-forwarded-for", "203.0.113.9, 10.0.0.2")]);
        // From an untrusted peer, the header is the client's own claim.
        assert_eq!(
            resolve(ip("198.51.100.1"), &xff, &trusted),
            ip("198.51.100.1")
        );
        // Through two trusted proxies, the first untrusted hop from the right.
        assert_eq!(resolve(ip("10.0.0.1"), &xff, &trusted), ip("203.0.113.9"));
        // A client cannot hide behind a forged left part.
        let forged = headers(&[("x-forwarded-for", "1.1.1.1, 203.0.113.9")]);
        assert_eq!(
            resolve(ip("10.0.0.1"), &forged, &trusted),
            ip("203.0.113.9")
        );
        // No header: the proxy itself.
        assert_eq!(
            resolve(ip("10.0.0.1"), &HeaderMap::new(), &trusted),
            ip("10.0.0.1")
        );
        // Several header lines are one list.
        let lines = headers(&[
            ("x-forwarded-for", "203.0.113.9"),
            ("x-forwarded-for", "10.0.0.5:4711"),
        ]);
        assert_eq!(resolve(ip("10.0.0.1"), &lines, &trusted), ip("203.0.113.9"));
    }

    #[test]
    fn forwarded_wins_over_x_forwarded_for() {
        let trusted = TrustedProxies::parse_setting(Some("127.0.0.1")).unwrap();
        let h = headers(&[
            (
                "forwarded",
                "for=192.0.2.60;proto=http;by=203.0.113.43, for=\"[2001:db8:cafe::17]:4711\"",
            ),
            ("x-forwarded-for", "198.51.100.1"),
        ]);
        assert_eq!(
            resolve(ip("127.0.0.1"), &h, &trusted),
            ip("2001:db8:cafe::17")
        );
        let unknown = headers(&[("forwarded", "for=192.0.2.60, for=unknown")]);
        assert_eq!(
            resolve(ip("127.0.0.1"), &unknown, &trusted),
            ip("127.0.0.1")
        );
    }
}

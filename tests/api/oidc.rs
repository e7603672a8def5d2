//! Sign-in for senders against a real OpenID Provider: panva's certified
//! `oidc-provider` from npm (tests/oidc/provider.mjs) on a loopback port,
//! driven with plain HTTP the way a browser would (cookies kept by hand, so
//! a test can also tamper with them).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use reqwest::{StatusCode, Url, header};

use crate::helpers::{RedisServer, STARTUP_BOUND, TestApp, spawn_app_on_redis, spawn_app_with};
use hushlink::config::Config;

const SECRET: &str = "hushlink-test-client-secret-0123456789abcdef";

/// tests/oidc, with its node_modules installed (`npm ci`, once per run).
fn provider_dir() -> PathBuf {
    static READY: OnceLock<PathBuf> = OnceLock::new();
    READY
        .get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc");
            if !dir.join("node_modules/oidc-provider").exists() {
                let status = Command::new("npm")
                    .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
                    .current_dir(&dir)
                    .status()
                    .expect("npm not found: run the README's test command, which installs it");
                assert!(status.success(), "npm ci in tests/oidc failed");
            }
            dir
        })
        .clone()
}

/// A running provider, killed on drop.
pub struct Provider {
    pub issuer: String,
    child: Child,
}

/// The provider's port, held from the moment hushlink is told the issuer
/// until the provider starts: bound but not listening, so hushlink's
/// discovery is refused as by a provider not up yet, and no socket of the
/// tests running alongside (a server on port 0, an outgoing connection's
/// own port) takes it meanwhile. Without it, the provider sometimes found
/// its port taken and exited (`EADDRINUSE`) under the parallel suite.
pub struct HeldPort {
    port: u16,
    _socket: tokio::net::TcpSocket,
}

impl HeldPort {
    pub fn new() -> Self {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let port = socket.local_addr().unwrap().port();
        HeldPort {
            port,
            _socket: socket,
        }
    }
}

impl Provider {
    /// Starts on the held port with hushlink's redirect URI and `flags`
    /// (`--publish-other-key`: a key other than the one that signs;
    /// `--no-end-session`: no RP-Initiated Logout). Should the port be
    /// taken all the same in the instant between its release and the
    /// provider's `listen`, waits until it is free (10 s at most) and
    /// tries again, three times at most.
    pub fn start(held: HeldPort, redirect: &str, flags: &[&str]) -> Self {
        let port = held.port;
        drop(held);
        let mut why = String::new();
        for _ in 0..3 {
            match Self::spawn(port, redirect, flags) {
                Ok(provider) => return provider,
                Err(stderr) if stderr.contains("EADDRINUSE") => {
                    why = stderr;
                    let deadline = Instant::now() + Duration::from_secs(10);
                    while std::net::TcpListener::bind(("127.0.0.1", port)).is_err()
                        && Instant::now() < deadline
                    {
                        std::thread::sleep(Duration::from_millis(50));
                    }
                }
                Err(stderr) => panic!("provider did not start: {stderr}"),
            }
        }
        panic!("the provider's port {port} stayed taken: {why}");
    }

    /// One start; the provider's standard error if it did not come up.
    fn spawn(port: u16, redirect: &str, flags: &[&str]) -> Result<Self, String> {
        let dir = provider_dir();
        let mut command = Command::new("node");
        command
            .arg(dir.join("provider.mjs"))
            .args([
                "--port",
                &port.to_string(),
                "--redirect",
                redirect,
                "--secret",
                SECRET,
            ])
            .args(flags)
            .current_dir(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("node not found");
        let stdout = child.stdout.take().unwrap();
        let mut stderr = child.stderr.take().unwrap();
        let mut reader = BufReader::new(stdout);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let Some(issuer) = line.strip_prefix("listening ") else {
            // It exited: what it said on the way out.
            let mut said = String::new();
            let _ = std::io::Read::read_to_string(&mut stderr, &mut said);
            let _ = child.wait();
            return Err(format!("{line:?} {said}"));
        };
        let issuer = issuer.trim().to_owned();
        // Both drained to the end: a closed pipe would kill the provider at
        // its next line of output, a full one would stop it.
        std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
        std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
        Ok(Provider { issuer, child })
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A hushlink with sign-in, and its provider (started after it, on the port
/// its issuer names: hushlink must cope with a provider that comes late).
pub struct Setup {
    pub app: TestApp,
    pub provider: Option<Provider>,
    provider_port: u16,
    /// Until the provider starts.
    held_port: Option<HeldPort>,
    provider_flags: &'static [&'static str],
}

impl Setup {
    pub async fn new(tweak: impl FnOnce(&mut Config)) -> Self {
        Self::build(tweak, &[], true).await
    }

    pub async fn build(
        tweak: impl FnOnce(&mut Config),
        provider_flags: &'static [&'static str],
        start: bool,
    ) -> Self {
        Self::build_on(None, tweak, provider_flags, start).await
    }

    /// As [`Setup::build`], over `redis` when given (else the embedded store).
    pub async fn build_on(
        redis: Option<&std::sync::Arc<RedisServer>>,
        tweak: impl FnOnce(&mut Config),
        provider_flags: &'static [&'static str],
        start: bool,
    ) -> Self {
        // The server's log, shown with a failing test's output: why a sign-in failed.
        let _ = tracing_subscriber::fmt().with_test_writer().try_init();
        let held_port = HeldPort::new();
        let provider_port = held_port.port;
        let configure = move |c: &mut Config| {
            c.oidc.issuer = Some(format!("http://127.0.0.1:{provider_port}"));
            c.oidc.client_id = Some("hushlink".into());
            c.oidc.client_secret = Some(SECRET.into());
            c.oidc.scopes = "openid email profile groups".into();
            c.oidc.groups_claim = "groups".into();
            c.oidc.session_ttl = 3600;
            tweak(c);
        };
        let app = match redis {
            Some(redis) => spawn_app_on_redis(redis, configure).await,
            None => spawn_app_with(configure).await,
        };
        let mut setup = Setup {
            app,
            provider: None,
            provider_port,
            held_port: Some(held_port),
            provider_flags,
        };
        if start {
            setup.start_provider().await;
        }
        setup
    }

    /// Starts the provider and waits until hushlink has discovered it.
    pub async fn start_provider(&mut self) {
        let redirect = self.app.url("/_/oidc/callback");
        let held = self.held_port.take().expect("the provider is started once");
        let provider = Provider::start(held, &redirect, self.provider_flags);
        assert_eq!(
            provider.issuer,
            format!("http://127.0.0.1:{}", self.provider_port)
        );
        self.provider = Some(provider);
        let deadline = Instant::now() + STARTUP_BOUND;
        loop {
            let r = self.app.client.get(self.app.url("/")).send().await.unwrap();
            if r.status() == StatusCode::OK {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "hushlink never discovered the provider"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

/// A browser: cookies by name (the provider and hushlink share 127.0.0.1;
/// their cookie names differ), no automatic redirects.
#[derive(Default)]
pub struct Browser {
    client: reqwest::Client,
    jar: Mutex<HashMap<String, String>>,
}

impl Browser {
    pub fn new() -> Self {
        Browser {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            jar: Mutex::default(),
        }
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.jar.lock().unwrap().get(name).cloned()
    }

    pub fn set_cookie(&self, name: &str, value: &str) {
        self.jar.lock().unwrap().insert(name.into(), value.into());
    }

    fn cookie_header(&self) -> String {
        let jar = self.jar.lock().unwrap();
        jar.iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep(&self, r: &reqwest::Response) {
        let mut jar = self.jar.lock().unwrap();
        for value in r.headers().get_all(header::SET_COOKIE) {
            let text = value.to_str().unwrap();
            let (pair, attrs) = text.split_once(';').unwrap_or((text, ""));
            let (name, value) = pair.split_once('=').unwrap();
            let removed = value.is_empty()
                || attrs.to_ascii_lowercase().contains("max-age=0")
                || attrs.contains("1970");
            if removed {
                jar.remove(name.trim());
            } else {
                jar.insert(name.trim().to_owned(), value.to_owned());
            }
        }
    }

    pub async fn get(&self, url: &str) -> reqwest::Response {
        let r = self
            .client
            .get(url)
            .header(header::COOKIE, self.cookie_header())
            .send()
            .await
            .unwrap();
        self.keep(&r);
        r
    }

    pub async fn post(&self, url: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let r = self
            .client
            .post(url)
            .header(header::COOKIE, self.cookie_header())
            .form(form)
            .send()
            .await
            .unwrap();
        self.keep(&r);
        r
    }
}

/// Where a redirect points, resolved against the request's URL.
fn location(r: &reqwest::Response) -> String {
    assert!(
        r.status().is_redirection(),
        "expected a redirect, got {}",
        r.status()
    );
    let to = r.headers()[header::LOCATION].to_str().unwrap();
    r.url().join(to).unwrap().to_string()
}

/// Runs the flow up to the provider's redirect back: the callback URL (with
/// `code` and `state`), not yet visited.
async fn to_callback(b: &Browser, app: &TestApp, login_path: &str, user: &str) -> String {
    let r = b.get(&app.url(login_path)).await;
    let authorize = location(&r);
    assert!(authorize.contains("code_challenge="), "PKCE: {authorize}");
    assert!(authorize.contains("nonce="), "nonce: {authorize}");
    let interaction = location(&b.get(&authorize).await);
    let page = b.get(&interaction).await;
    assert_eq!(page.status(), 200);
    let resume = location(
        &b.post(
            &interaction,
            &[("prompt", "login"), ("login", user), ("password", "any")],
        )
        .await,
    );
    let callback = location(&b.get(&resume).await);
    assert!(
        callback.starts_with(&app.url("/_/oidc/callback")),
        "{callback}"
    );
    callback
}

/// The whole sign-in; the callback's answer.
async fn sign_in(b: &Browser, app: &TestApp, user: &str) -> reqwest::Response {
    let callback = to_callback(b, app, "/_/oidc/login?next=/", user).await;
    b.get(&callback).await
}

fn csrf_of(html: &str) -> String {
    let at = html.find("name=\"csrf\" value=\"").expect("a CSRF field");
    let rest = &html[at + "name=\"csrf\" value=\"".len()..];
    rest[..rest.find('"').unwrap()].to_owned()
}

fn with_param(url: &str, name: &str, value: &str) -> String {
    let mut url = Url::parse(url).unwrap();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == name {
                value.to_owned()
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    url.query_pairs_mut().clear().extend_pairs(pairs);
    url.to_string()
}

/// Creates through the form as a signed-in sender; the link and the receipt token.
async fn create_signed_in(b: &Browser, app: &TestApp, secret: &str) -> (String, String) {
    let form = b.get(&app.url("/")).await.text().await.unwrap();
    let csrf = csrf_of(&form);
    let r = b
        .post(
            &app.url("/"),
            &[("password", secret), ("ttl", "Hour"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("id=\"signed-in-user\""),
        "who is signed in, on the link page"
    );
    let at = html
        .find(&app.url("/snappass"))
        .expect("a link on the page");
    let link = html[at..].split(['"', '<']).next().unwrap().to_owned();
    let at = html.find("/r/hlr_").expect("a receipt on the page");
    let receipt = html[at + 3..].split(['"', '<']).next().unwrap().to_owned();
    (link, receipt)
}

#[tokio::test]
async fn the_receipt_names_the_sender_and_the_reader_never_sees_it() {
    let redis = std::sync::Arc::new(RedisServer::start());
    for redis in [None, Some(&redis)] {
        let s = Setup::build_on(redis, |_| {}, &[], true).await;
        let b = Browser::new();
        assert_eq!(sign_in(&b, &s.app, "alice").await.status(), 303);
        let (link, receipt) = create_signed_in(&b, &s.app, "from alice").await;
        let api = s.app.url(&format!("/api/v2/receipts/{receipt}"));
        let status: serde_json::Value = s
            .app
            .client
            .get(&api)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(status["sender"], "alice@allowed.test", "{status}");
        let reader = Browser::new();
        let preview = reader.get(&link).await.text().await.unwrap();
        let reveal = reader.post(&link, &[]).await.text().await.unwrap();
        assert!(reveal.contains("from alice"));
        for page in [preview, reveal] {
            assert!(!page.contains("alice@"), "the reader sees no sender");
        }
        // After the view (the take script rewrote the receipt), still there.
        let status: serde_json::Value = s
            .app
            .client
            .get(&api)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(status["state"], "viewed");
        assert_eq!(status["sender"], "alice@allowed.test", "{status}");
    }
}

#[tokio::test]
async fn an_allowed_user_signs_in_creates_and_signs_out() {
    let s = Setup::new(|c| c.oidc.allowed_email_domains = Some("allowed.test".into())).await;
    let app = &s.app;
    let b = Browser::new();

    // Nobody signed in: the sign-in page, not the form, and no create.
    let page = b.get(&app.url("/")).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("/_/oidc/login?next="), "{html}");
    assert!(!html.contains("name=\"password\""));
    let r = b
        .post(&app.url("/"), &[("password", "x"), ("ttl", "Hour")])
        .await;
    assert_eq!(r.status(), 401);

    let r = sign_in(&b, app, "alice").await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()[header::LOCATION], "/");
    let set_cookie: Vec<_> = r.headers().get_all(header::SET_COOKIE).iter().collect();
    let session = set_cookie
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|v| v.starts_with("hushlink_session="))
        .expect("a session cookie");
    assert!(session.contains("HttpOnly"), "{session}");
    assert!(session.contains("SameSite=Lax"), "{session}");
    assert!(session.contains("Max-Age=3600"), "{session}");
    assert!(
        b.cookie("hushlink_signin").is_none(),
        "the pre-login cookie is used once"
    );

    // Signed in: the form, who, and a working create with the CSRF token.
    let html = b.get(&app.url("/")).await.text().await.unwrap();
    assert!(html.contains("alice@allowed.test"), "{html}");
    assert!(html.contains("/_/oidc/logout"));
    let (link, _) = create_signed_in(&b, app, "for the reader").await;

    // Without the CSRF token, or with another one: refused.
    let r = b
        .post(&app.url("/"), &[("password", "x"), ("ttl", "Hour")])
        .await;
    assert_eq!(r.status(), 403);
    let r = b
        .post(
            &app.url("/"),
            &[
                ("password", "x"),
                ("ttl", "Hour"),
                ("csrf", &"0".repeat(64)),
            ],
        )
        .await;
    assert_eq!(r.status(), 403);

    // Reading needs no sign-in.
    let reader = Browser::new();
    assert_eq!(reader.get(&link).await.status(), 200);
    let r = reader.post(&link, &[]).await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("for the reader"));

    // Sign-out: not without the CSRF token (another site cannot sign
    // anyone out); with it, the cookie goes, the form with it.
    let r = b.post(&app.url("/_/oidc/logout"), &[]).await;
    assert_eq!(r.status(), 403);
    assert!(b.cookie("hushlink_session").is_some());
    let html = b.get(&app.url("/")).await.text().await.unwrap();
    let r = b
        .post(&app.url("/_/oidc/logout"), &[("csrf", &csrf_of(&html))])
        .await;
    assert_eq!(r.status(), 303);
    assert!(b.cookie("hushlink_session").is_none());
    let html = b.get(&app.url("/")).await.text().await.unwrap();
    assert!(!html.contains("name=\"password\""));
}

/// Sessions need no sticky routing: a second instance with the same
/// provider settings (the cookie's key comes from the client secret)
/// accepts the session and CSRF token that the first one issued.
#[tokio::test]
async fn a_session_made_on_one_instance_creates_on_another() {
    let s = Setup::new(|c| c.oidc.allowed_email_domains = Some("allowed.test".into())).await;
    let port = s.provider_port;
    let other = spawn_app_with(move |c: &mut Config| {
        c.oidc.issuer = Some(format!("http://127.0.0.1:{port}"));
        c.oidc.client_id = Some("hushlink".into());
        c.oidc.client_secret = Some(SECRET.into());
        c.oidc.scopes = "openid email profile groups".into();
        c.oidc.groups_claim = "groups".into();
        c.oidc.session_ttl = 3600;
        c.oidc.allowed_email_domains = Some("allowed.test".into());
    })
    .await;
    let b = Browser::new();
    assert_eq!(sign_in(&b, &s.app, "alice").await.status(), 303);

    // The other instance (discovery done once its form is served).
    let deadline = Instant::now() + STARTUP_BOUND;
    let html = loop {
        let r = b.get(&other.url("/")).await;
        let html = r.text().await.unwrap();
        if html.contains("name=\"password\"") {
            break html;
        }
        assert!(
            Instant::now() < deadline,
            "the other instance never served the form: {html}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(html.contains("alice@allowed.test"), "{html}");
    let (link, _) = create_signed_in(&b, &other, "made on the other one").await;
    let r = Browser::new().post(&link, &[]).await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("made on the other one"));

    // A session of another deployment (another client secret) is not one.
    let stranger = spawn_app_with(move |c: &mut Config| {
        c.oidc.issuer = Some(format!("http://127.0.0.1:{port}"));
        c.oidc.client_id = Some("hushlink".into());
        c.oidc.client_secret = Some("another-deployment-secret-0123456789abcdef".into());
    })
    .await;
    // Once it has discovered the provider, it asks to sign in.
    let deadline = Instant::now() + STARTUP_BOUND;
    loop {
        let r = b.get(&stranger.url("/")).await;
        let ready = r.status() == StatusCode::OK;
        let html = r.text().await.unwrap();
        assert!(!html.contains("name=\"password\""), "{html}");
        if ready {
            assert!(html.contains("/_/oidc/login?next="), "{html}");
            break;
        }
        assert!(Instant::now() < deadline, "never discovered: {html}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn the_zero_knowledge_create_needs_the_session_and_its_csrf_header() {
    let s = Setup::new(|_| {}).await;
    let app = &s.app;
    let b = Browser::new();
    let body = serde_json::json!({
        "envelope": "AAAA", "verifier": "AAAA", "key_check": "AAAA", "ttl": 3600, "views": 1
    });
    let post = |csrf: Option<String>, cookie: Option<String>| {
        let mut r = app
            .client
            .post(app.url("/s"))
            .header("accept", "application/json")
            .json(&body);
        if let Some(c) = csrf {
            r = r.header("x-csrf-token", c);
        }
        if let Some(c) = cookie {
            r = r.header(header::COOKIE, format!("hushlink_session={c}"));
        }
        r.send()
    };
    assert_eq!(post(None, None).await.unwrap().status(), 401);
    sign_in(&b, app, "alice").await;
    let session = b.cookie("hushlink_session").unwrap();
    let csrf = csrf_of(&b.get(&app.url("/")).await.text().await.unwrap());
    assert_eq!(
        post(None, Some(session.clone())).await.unwrap().status(),
        403
    );
    // With both, the request reaches the envelope's validation (a 400 for
    // this fake envelope, not a refusal of the sender).
    let r = post(Some(csrf), Some(session)).await.unwrap();
    assert_eq!(r.status(), 400, "{}", r.text().await.unwrap());
}

#[tokio::test]
async fn refused_users_get_no_session() {
    // Allowed by domain only: bob (other.test) is refused, though in a group.
    let s = Setup::new(|c| c.oidc.allowed_email_domains = Some("allowed.test".into())).await;
    let b = Browser::new();
    let r = sign_in(&b, &s.app, "bob").await;
    assert_eq!(r.status(), 403);
    assert!(b.cookie("hushlink_session").is_none());
    drop(s);

    // Allowed by group only: carol (senders) gets in, bob (staff) does not.
    let s = Setup::new(|c| c.oidc.allowed_groups = Some("senders".into())).await;
    let b = Browser::new();
    assert_eq!(sign_in(&b, &s.app, "carol").await.status(), 303);
    assert!(b.cookie("hushlink_session").is_some());
    let b = Browser::new();
    assert_eq!(sign_in(&b, &s.app, "bob").await.status(), 403);
    assert!(b.cookie("hushlink_session").is_none());
}

#[tokio::test]
async fn a_tampered_state_and_a_replayed_code_are_refused() {
    let s = Setup::new(|_| {}).await;
    let app = &s.app;

    let b = Browser::new();
    let callback = to_callback(&b, app, "/_/oidc/login", "alice").await;
    let r = b
        .get(&with_param(&callback, "state", "not-the-state"))
        .await;
    assert_eq!(r.status(), 400);
    assert!(b.cookie("hushlink_session").is_none());

    // An answer that names another issuer (RFC 9207, a mix-up) is refused
    // before its code is used.
    let b = Browser::new();
    let callback = to_callback(&b, app, "/_/oidc/login", "alice").await;
    assert!(
        callback.contains("iss="),
        "the provider names itself: {callback}"
    );
    let r = b
        .get(&with_param(&callback, "iss", "https://evil.example"))
        .await;
    assert_eq!(r.status(), 400);
    assert!(b.cookie("hushlink_session").is_none());

    // A code used once: the same callback again, then the old code under a
    // new sign-in's own state.
    let b = Browser::new();
    let callback = to_callback(&b, app, "/_/oidc/login", "alice").await;
    let pre_login = b.cookie("hushlink_signin").unwrap();
    assert_eq!(b.get(&callback).await.status(), 303);
    assert_eq!(
        b.get(&callback).await.status(),
        400,
        "no sign-in under way any more"
    );
    // Even with a copy of the pre-login cookie (same state, same PKCE
    // verifier), the provider refuses a code it has already exchanged.
    let copy = Browser::new();
    copy.set_cookie("hushlink_signin", &pre_login);
    assert_eq!(copy.get(&callback).await.status(), 400);
    assert!(copy.cookie("hushlink_session").is_none());
    let fresh = Browser::new();
    let authorize = location(&fresh.get(&app.url("/_/oidc/login")).await);
    let new_state = Url::parse(&authorize)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "state")
        .unwrap()
        .1
        .into_owned();
    let r = fresh.get(&with_param(&callback, "state", &new_state)).await;
    assert_eq!(r.status(), 400);
    assert!(fresh.cookie("hushlink_session").is_none());
}

#[tokio::test]
async fn next_stays_on_this_server() {
    let s = Setup::new(|_| {}).await;
    for (next, expected) in [
        ("/r/abc", "/r/abc"),
        ("//evil.example/x", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
    ] {
        let b = Browser::new();
        let path = format!(
            "/_/oidc/login?next={}",
            form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
        );
        let callback = to_callback(&b, &s.app, &path, "alice").await;
        let r = b.get(&callback).await;
        assert_eq!(r.headers()[header::LOCATION], expected, "next={next}");
    }
}

#[tokio::test]
async fn an_expired_session_is_refused() {
    // Long enough for the page below to be fetched inside the session on a
    // loaded machine (a 1 s session expired before it there).
    const TTL: Duration = Duration::from_secs(4);
    let s = Setup::new(|c| c.oidc.session_ttl = TTL.as_secs()).await;
    let b = Browser::new();
    assert_eq!(sign_in(&b, &s.app, "alice").await.status(), 303);
    // The session's lifetime started at the callback, before this instant.
    let signed_in = tokio::time::Instant::now();
    let session = b.cookie("hushlink_session").unwrap();
    let csrf = csrf_of(&b.get(&s.app.url("/")).await.text().await.unwrap());
    // Expiry is counted in whole seconds: one more second makes it certain.
    tokio::time::sleep_until(signed_in + TTL + Duration::from_millis(1100)).await;
    // The cookie kept past its lifetime (as a copy would be) does not work.
    b.set_cookie("hushlink_session", &session);
    let html = b.get(&s.app.url("/")).await.text().await.unwrap();
    assert!(!html.contains("name=\"password\""));
    let r = b
        .post(
            &s.app.url("/"),
            &[("password", "x"), ("ttl", "Hour"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn a_forged_session_cookie_is_refused() {
    let s = Setup::new(|_| {}).await;
    let b = Browser::new();
    b.set_cookie(
        "hushlink_session",
        "{\"user\":\"mallory\",\"exp\":99999999999,\"csrf\":\"x\"}",
    );
    let html = b.get(&s.app.url("/")).await.text().await.unwrap();
    assert!(!html.contains("name=\"password\""));
}

#[tokio::test]
async fn an_id_token_signed_by_another_key_is_refused() {
    let s = Setup::build(|_| {}, &["--publish-other-key"], true).await;
    let b = Browser::new();
    let r = sign_in(&b, &s.app, "alice").await;
    assert_eq!(r.status(), 400);
    assert!(b.cookie("hushlink_session").is_none());
}

#[tokio::test]
async fn a_provider_down_at_start_up_leaves_the_form_closed_until_it_is_up() {
    let mut s = Setup::build(|_| {}, &[], false).await;
    let app = &s.app;
    let b = Browser::new();
    let r = b.get(&app.url("/")).await;
    assert_eq!(r.status(), 503);
    let html = r.text().await.unwrap();
    assert!(!html.contains("name=\"password\""));
    assert!(
        !html.contains("/_/oidc/login"),
        "no sign-in button while unavailable"
    );
    let r = b
        .post(&app.url("/"), &[("password", "x"), ("ttl", "Hour")])
        .await;
    assert_ne!(r.status(), 200);
    assert_eq!(b.get(&app.url("/_/oidc/login")).await.status(), 503);
    // Reading still works meanwhile.
    let token = app.create("read me").await;
    assert_eq!(b.get(&app.url(&format!("/{token}"))).await.status(), 200);

    s.start_provider().await;
    assert_eq!(sign_in(&b, &s.app, "alice").await.status(), 303);
}

#[tokio::test]
async fn api_keys_still_create_through_the_form_shortcut() {
    // SnapPass's JSON shortcut on POST / is an API: a key works, nobody
    // without one (or a session) gets in.
    let s = Setup::new(|_| {}).await;
    let r = s
        .app
        .client
        .post(s.app.url("/"))
        .header("accept", "application/json")
        .form(&[("password", "x"), ("ttl", "Hour")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);

    // A personal key (made on the keys page) works there, with no session.
    let b = Browser::new();
    sign_in(&b, &s.app, "alice").await;
    let html = b.get(&s.app.url("/_/keys")).await.text().await.unwrap();
    let html = b
        .post(
            &s.app.url("/_/keys"),
            &[
                ("op", "create"),
                ("name", "script"),
                ("csrf", &csrf_of(&html)),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
    let at = html.find("id=\"new-key\">").unwrap() + "id=\"new-key\">".len();
    let key = &html[at..at + 46];
    let r = s
        .app
        .client
        .post(s.app.url("/"))
        .header("accept", "application/json")
        .bearer_auth(key)
        .form(&[("password", "x"), ("ttl", "Hour")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body: serde_json::Value = r.json().await.unwrap();
    assert!(
        body["link"].as_str().unwrap().contains("snappass"),
        "{body}"
    );
}

#[tokio::test]
async fn signed_in_senders_make_list_and_revoke_their_own_keys() {
    let s = Setup::new(|c| c.api_auth = hushlink::config::ApiAuth::Required).await;
    let app = &s.app;
    let keys = app.url("/_/keys");

    // Not signed in: no page, no change.
    let anonymous = Browser::new();
    let html = anonymous.get(&keys).await.text().await.unwrap();
    assert!(!html.contains("key-create"));
    let r = anonymous
        .post(&keys, &[("op", "create"), ("name", "x")])
        .await;
    assert_eq!(r.status(), 401);

    let alice = Browser::new();
    sign_in(&alice, app, "alice").await;
    let html = alice.get(&keys).await.text().await.unwrap();
    assert!(html.contains("id=\"no-keys\""), "{html}");
    let csrf = csrf_of(&html);
    let r = alice
        .post(&keys, &[("op", "create"), ("name", "laptop")])
        .await;
    assert_eq!(r.status(), 403, "no CSRF token");
    let r = alice
        .post(
            &keys,
            &[("op", "create"), ("name", "laptop"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    let at = html
        .find("id=\"new-key\">")
        .expect("the new key, shown once")
        + "id=\"new-key\">".len();
    let key = html[at..at + 46].to_owned();
    assert!(key.starts_with("hlk_"), "{key}");
    let again = alice.get(&keys).await.text().await.unwrap();
    assert!(
        again.contains("laptop") && !again.contains(&key),
        "listed, never shown again"
    );

    // The key creates through the API (keys are required there), and
    // only creates: the admin routes refuse it.
    let create = |key: String| {
        app.client
            .post(app.url("/api/v2/passwords"))
            .bearer_auth(key)
            .json(&serde_json::json!({ "password": "via the CLI" }))
            .send()
    };
    assert_eq!(create(key.clone()).await.unwrap().status(), 200);
    let r = app
        .client
        .get(app.url("/api/v2/keys"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);

    // Someone else sees none of it and cannot revoke it.
    let carol = Browser::new();
    sign_in(&carol, app, "carol").await;
    let html = carol.get(&keys).await.text().await.unwrap();
    assert!(!html.contains("laptop"));
    let r = carol
        .post(
            &keys,
            &[
                ("op", "revoke"),
                ("name", "laptop"),
                ("csrf", &csrf_of(&html)),
            ],
        )
        .await;
    assert_eq!(r.status(), 404);
    assert_eq!(create(key.clone()).await.unwrap().status(), 200);

    // Its owner revokes it: it stops working (within the key cache's second).
    let r = alice
        .post(
            &keys,
            &[("op", "revoke"), ("name", "laptop"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(r.status(), 303);
    tokio::time::sleep(hushlink::keys::CACHE_TTL + Duration::from_millis(100)).await;
    assert_eq!(create(key).await.unwrap().status(), 401);
    let html = alice.get(&keys).await.text().await.unwrap();
    assert!(html.contains("id=\"no-keys\""));
}

#[tokio::test]
async fn an_issuer_that_is_not_the_providers_never_opens_the_form() {
    // The provider answers, but under another issuer than the one set:
    // discovery refuses it (the crate compares them), and keeps refusing.
    let mut s = Setup::build(|_| {}, &[], false).await;
    let port = s.provider_port;
    let redirect = s.app.url("/_/oidc/callback");
    let held = s.held_port.take().unwrap();
    s.provider = Some(Provider::start(held, &redirect, &[]));
    let app = spawn_app_with(|c| {
        c.oidc.issuer = Some(format!("http://localhost:{port}"));
        c.oidc.client_id = Some("hushlink".into());
        c.oidc.client_secret = Some(SECRET.into());
    })
    .await;
    // Discovery is retried after 1 s, 2 s: give it those chances.
    tokio::time::sleep(Duration::from_millis(3500)).await;
    let r = app.client.get(app.url("/")).send().await.unwrap();
    assert_eq!(r.status(), 503);
    assert!(!r.text().await.unwrap().contains("name=\"password\""));
    assert_eq!(
        app.client
            .get(app.url("/_/oidc/login"))
            .send()
            .await
            .unwrap()
            .status(),
        503
    );
}

/// A webhook receiver that keeps every body it gets.
async fn webhook_receiver() -> (String, std::sync::Arc<Mutex<Vec<String>>>) {
    let got = std::sync::Arc::new(Mutex::new(Vec::new()));
    let keep = got.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |body: String| {
            let keep = keep.clone();
            async move {
                keep.lock().unwrap().push(body);
                StatusCode::NO_CONTENT
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, got)
}

#[tokio::test]
async fn the_secret_created_webhook_names_the_signed_in_sender() {
    use base64::Engine;
    let (url, got) = webhook_receiver().await;
    let secret = format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(rand::random::<[u8; 32]>())
    );
    let s = Setup::new(move |c| {
        c.webhook_url = Some(url.clone());
        c.webhook_secret = Some(secret.clone());
        c.webhook_retry_base_ms = 100;
        c.webhook_timeout = 2;
    })
    .await;
    let b = Browser::new();
    sign_in(&b, &s.app, "alice").await;
    create_signed_in(&b, &s.app, "webhooked").await;
    let deadline = Instant::now() + Duration::from_secs(30);
    let event = loop {
        let bodies = got.lock().unwrap().clone();
        if let Some(body) = bodies.iter().find(|b| b.contains("secret.created")) {
            break serde_json::from_str::<serde_json::Value>(body).unwrap();
        }
        assert!(Instant::now() < deadline, "no secret.created event");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(event["data"]["sender"], "alice@allowed.test", "{event}");
    assert!(event["data"].get("api_key_name").is_none(), "{event}");
}

// ---- Sign-out at the provider (RP-Initiated Logout) ----

/// Signs out with the session's CSRF token (read from the form, as the
/// page sends it); the answer, not followed.
async fn sign_out(b: &Browser, app: &TestApp) -> reqwest::Response {
    let html = b.get(&app.url("/")).await.text().await.unwrap();
    b.post(&app.url("/_/oidc/logout"), &[("csrf", &csrf_of(&html))])
        .await
}

/// Signs out and checks that it stayed in hushlink: back to the home page,
/// the session cookie gone, the provider's session left as it was (a new
/// sign-in goes straight through).
async fn signs_out_locally(b: &Browser, app: &TestApp) {
    let r = sign_out(b, app).await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()[header::LOCATION], "/");
    assert!(b.cookie("hushlink_session").is_none());
    assert!(!provider_asks_to_log_in(b, app).await);
}

/// Starts a new sign-in and says whether the provider asks for credentials
/// (its login form) or, still holding a session, sends the browser straight
/// back to the callback (which is then followed: signed in again).
async fn provider_asks_to_log_in(b: &Browser, app: &TestApp) -> bool {
    let authorize = location(&b.get(&app.url("/_/oidc/login")).await);
    let next = location(&b.get(&authorize).await);
    if next.starts_with(&app.url("/_/oidc/callback")) {
        assert_eq!(b.get(&next).await.status(), 303, "signed in again");
        return false;
    }
    assert!(next.contains("/interaction/"), "{next}");
    let page = b.get(&next).await.text().await.unwrap();
    assert!(page.contains("name=\"login\""), "the login form: {page}");
    true
}

/// Follows sign-out's redirect through the provider's confirmation page
/// ("Yes, sign me out", as a person would press it); where the provider
/// sends the browser afterwards.
async fn confirm_at_provider(b: &Browser, end_session: &str) -> String {
    let page = b.get(end_session).await;
    assert_eq!(page.status(), 200);
    let base = page.url().clone();
    let html = page.text().await.unwrap();
    let field = |after: &str| {
        let at = html
            .find(after)
            .unwrap_or_else(|| panic!("{after} in {html}"))
            + after.len();
        html[at..].split('"').next().unwrap().to_owned()
    };
    let action = base.join(&field("action=\"")).unwrap().to_string();
    let xsrf = field("name=\"xsrf\" value=\"");
    let r = b.post(&action, &[("xsrf", &xsrf), ("logout", "yes")]).await;
    location(&r)
}

/// The length of the session cookie's `Set-Cookie` header in `r`.
fn session_cookie_len(r: &reqwest::Response) -> usize {
    r.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.as_bytes())
        .find(|v| v.starts_with(b"hushlink_session="))
        .expect("a session cookie")
        .len()
}

fn query_of(url: &str) -> Vec<(String, String)> {
    Url::parse(url)
        .unwrap()
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The `form-action` directive of the page's Content-Security-Policy.
async fn form_action(app: &TestApp) -> String {
    let r = app.client.get(app.url("/")).send().await.unwrap();
    let csp = r.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    csp.split(';')
        .map(str::trim)
        .find(|d| d.starts_with("form-action"))
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn sign_out_ends_the_providers_session_too() {
    use base64::Engine;
    let s = Setup::new(|_| {}).await;
    let app = &s.app;
    let issuer = s.provider.as_ref().unwrap().issuer.clone();
    let b = Browser::new();
    let r = sign_in(&b, app, "alice").await;
    assert_eq!(r.status(), 303);
    let cookie_len = session_cookie_len(&r);
    eprintln!("session cookie with the ID token: {cookie_len} bytes (Set-Cookie)");
    assert!(cookie_len <= hushlink::oidc::session::SESSION_COOKIE_MAX);
    // The provider's session is what would sign the person straight back in.
    assert!(!provider_asks_to_log_in(&b, app).await);
    // Pages let the sign-out form lead to the provider (browsers check the
    // redirect after a form against `form-action`).
    assert_eq!(
        form_action(app).await,
        format!("form-action 'self' {issuer}")
    );

    // A wrong CSRF token: refused, the session kept, no redirect anywhere.
    let r = b
        .post(&app.url("/_/oidc/logout"), &[("csrf", &"0".repeat(64))])
        .await;
    assert_eq!(r.status(), 403);
    assert!(r.headers().get(header::LOCATION).is_none());
    assert!(b.cookie("hushlink_session").is_some());

    // With it: the cookie goes, and the browser to the provider's end-session
    // endpoint; nothing of the request steers where (no open redirect).
    let html = b.get(&app.url("/")).await.text().await.unwrap();
    let evil = "https://evil.example/";
    let r = b
        .post(
            &app.url(&format!(
                "/_/oidc/logout?post_logout_redirect_uri={evil}&next={evil}"
            )),
            &[
                ("csrf", csrf_of(&html).as_str()),
                ("post_logout_redirect_uri", evil),
                ("state", "mine"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(b.cookie("hushlink_session").is_none());
    let end = location(&r);
    assert!(end.starts_with(&format!("{issuer}/session/end?")), "{end}");
    assert!(!end.contains("evil") && !end.contains("mine"), "{end}");
    let params = query_of(&end);
    let names: Vec<&str> = params.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        ["id_token_hint", "client_id", "post_logout_redirect_uri"]
    );
    assert_eq!(params[1].1, "hushlink");
    assert_eq!(params[2].1, app.url("/"));
    // The hint is the sign-in's ID token: issued by this provider, for this
    // client, about alice.
    let payload = params[0].1.split('.').nth(1).unwrap();
    let claims: serde_json::Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        (&claims["iss"], &claims["aud"], &claims["sub"]),
        (
            &serde_json::json!(issuer),
            &serde_json::json!("hushlink"),
            &serde_json::json!("alice")
        ),
        "{claims}"
    );
    eprintln!("ID token: {} bytes", params[0].1.len());

    // The provider asks, ends its session and sends the browser home.
    let back = confirm_at_provider(&b, &end).await;
    assert_eq!(back, app.url("/"));
    let home = b.get(&back).await.text().await.unwrap();
    assert!(home.contains("/_/oidc/login?next="), "{home}");
    assert!(!home.contains("name=\"password\""));
    // The next sign-in asks for credentials again, and works.
    assert!(provider_asks_to_log_in(&b, app).await);
    assert_eq!(sign_in(&b, app, "alice").await.status(), 303);
    assert!(b.cookie("hushlink_session").is_some());
}

#[tokio::test]
async fn with_provider_logout_off_sign_out_stays_local() {
    let s = Setup::new(|c| c.oidc.provider_logout = false).await;
    let app = &s.app;
    let b = Browser::new();
    let r = sign_in(&b, app, "alice").await;
    assert_eq!(r.status(), 303);
    // No ID token kept when nothing will send it.
    let cookie_len = session_cookie_len(&r);
    assert!(cookie_len < 400, "{cookie_len}");
    assert_eq!(form_action(app).await, "form-action 'self'");
    // The provider's session is the provider's.
    signs_out_locally(&b, app).await;
}

#[tokio::test]
async fn a_provider_without_an_end_session_endpoint_signs_out_locally() {
    let s = Setup::build(|_| {}, &["--no-end-session"], true).await;
    let app = &s.app;
    let b = Browser::new();
    let r = sign_in(&b, app, "alice").await;
    assert_eq!(r.status(), 303);
    let cookie_len = session_cookie_len(&r);
    assert!(cookie_len < 400, "no ID token kept: {cookie_len}");
    signs_out_locally(&b, app).await;
}

#[tokio::test]
async fn an_id_token_too_large_for_the_cookie_signs_out_with_the_client_id() {
    // dave is in 150 groups: his ID token would make the cookie too large.
    let s = Setup::new(|c| c.oidc.allowed_groups = Some("senders".into())).await;
    let app = &s.app;
    let b = Browser::new();
    let r = sign_in(&b, app, "dave").await;
    assert_eq!(r.status(), 303);
    let cookie_len = session_cookie_len(&r);
    assert!(
        cookie_len < 400,
        "signed in, without the token: {cookie_len}"
    );
    let html = b.get(&app.url("/")).await.text().await.unwrap();
    assert!(html.contains("dave@allowed.test"), "{html}");

    // The client id alone, without a return address (providers must not
    // redirect without an ID token to vouch for it; strict ones refuse).
    let r = sign_out(&b, app).await;
    assert_eq!(r.status(), 303);
    assert!(b.cookie("hushlink_session").is_none());
    let issuer = &s.provider.as_ref().unwrap().issuer;
    let end = location(&r);
    assert!(end.starts_with(&format!("{issuer}/session/end?")), "{end}");
    assert_eq!(query_of(&end), [("client_id".into(), "hushlink".into())]);
    // The provider's own "signed out" page, and its session is over.
    let done = confirm_at_provider(&b, &end).await;
    assert!(
        done.starts_with(&format!("{issuer}/session/end/success")),
        "{done}"
    );
    assert_eq!(b.get(&done).await.status(), 200);
    assert!(provider_asks_to_log_in(&b, app).await);
}

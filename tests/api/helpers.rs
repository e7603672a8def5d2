//! Test helpers: in-process servers on free ports, over a fresh embedded
//! store or a private `redis-server`, and real `hushlink` processes.

use std::net::TcpListener as StdListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use hushlink::Application;
use hushlink::apikey::ApiKey;
use hushlink::config::{ApiAuth, Config, StoreKind};
use tempfile::TempDir;
use tokio::sync::oneshot;

/// A running in-process server. Dropping it stops the server.
pub struct TestApp {
    pub address: String,
    pub port: u16,
    /// The metrics listener's port, when `metrics_addr` was set.
    pub metrics_port: Option<u16>,
    pub client: reqwest::Client,
    pub backend: &'static str,
    /// The Redis behind this app, if any (kept alive as long as the app).
    pub redis: Option<std::sync::Arc<RedisServer>>,
    _data_dir: Option<TempDir>,
    stop: Option<oneshot::Sender<()>>,
    done: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// A blocking connection to the Redis behind this app (panics on an
    /// app over the embedded store).
    pub fn redis_connection(&self) -> redis::Connection {
        self.redis.as_ref().expect("an app on Redis").connection()
    }

    /// The v2 API's address of the secret `token` opens.
    pub fn password_url(&self, token: &str) -> String {
        self.url(&format!("/api/v2/passwords/{}", quote_plus(token)))
    }

    /// Creates a secret through the v2 API and returns its token.
    pub async fn create(&self, password: &str) -> String {
        let r = self
            .client
            .post(self.url("/api/v2/passwords"))
            .json(&serde_json::json!({ "password": password }))
            .send()
            .await
            .expect("create request");
        assert_eq!(r.status(), 200, "create on {}", self.backend);
        let body: serde_json::Value = r.json().await.unwrap();
        body["token"].as_str().unwrap().to_owned()
    }
}

impl TestApp {
    /// Stops the server and waits until it has released its store.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(done) = self.done.take() {
            let _ = done.await;
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A server over a fresh embedded store.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// A server over a fresh embedded store, with settings changed by `tweak`.
pub async fn spawn_app_with(tweak: impl FnOnce(&mut Config)) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::for_tests(dir.path().join("data"));
    tweak(&mut config);
    start(config, "embedded", Some(dir), None).await
}

/// A server over the embedded store in `data_dir` (which outlives it, so a
/// test can stop the server and start another on the same store).
pub async fn spawn_app_in(data_dir: &Path, tweak: impl FnOnce(&mut Config)) -> TestApp {
    let mut config = Config::for_tests(data_dir.to_owned());
    tweak(&mut config);
    start(config, "embedded", None, None).await
}

/// A server over its own fresh `redis-server`.
pub async fn spawn_redis_app() -> TestApp {
    let redis = std::sync::Arc::new(RedisServer::start());
    spawn_app_on_redis(&redis, |_| {}).await
}

/// A server over an existing Redis.
pub async fn spawn_app_on_redis(
    redis: &std::sync::Arc<RedisServer>,
    tweak: impl FnOnce(&mut Config),
) -> TestApp {
    let mut config = Config::for_tests(PathBuf::from("/nonexistent"));
    config.store = Some(StoreKind::Redis);
    config.redis_url = Some(redis.url());
    tweak(&mut config);
    start(config, "redis", None, Some(redis.clone())).await
}

/// One server per backend, for tests that must hold on every one: the
/// embedded store, one Redis, and a Redis Cluster (3 masters, 3 replicas,
/// shared by the tests of this run; secrets have random keys, so tests
/// cannot see each other's, and none of these tests makes API keys).
pub async fn both_backends() -> Vec<TestApp> {
    vec![
        spawn_app().await,
        spawn_redis_app().await,
        spawn_cluster_app(shared_cluster(), |_| {}).await,
    ]
}

/// A server over a Redis Cluster, acknowledged writes required on one
/// replica (`HUSHLINK_REDIS_WAIT_REPLICAS=1`), as a cluster should run.
pub async fn spawn_cluster_app(cluster: &RedisCluster, tweak: impl FnOnce(&mut Config)) -> TestApp {
    let mut config = Config::for_tests(PathBuf::from("/nonexistent"));
    config.store = Some(StoreKind::Redis);
    config.redis_cluster = Some(cluster.seeds());
    config.redis_ca_file = cluster.ca_file();
    config.redis_wait_replicas = 1;
    config.redis_wait_timeout_ms = 2_000;
    tweak(&mut config);
    start(config, "cluster", None, None).await
}

/// The Redis Cluster the tests of this run share, started on first use.
pub fn shared_cluster() -> &'static RedisCluster {
    static CLUSTER: std::sync::OnceLock<RedisCluster> = std::sync::OnceLock::new();
    CLUSTER.get_or_init(RedisCluster::start)
}

/// A Redis Cluster of three masters with one replica each, on free
/// loopback ports, made with `redis-cli --cluster create`. Each node runs
/// under a watchdog shell that kills it, and removes its directory, when
/// this test process exits: the shared cluster lives in a static, which is
/// never dropped.
pub struct RedisCluster {
    pub ports: Vec<u16>,
    nodes: Vec<std::sync::Mutex<Child>>,
    security: Option<ClusterSecurity>,
}

/// TLS everywhere (clients, cluster bus, replication) and a password.
pub struct ClusterSecurity {
    pub tls: TlsFiles,
    pub password: String,
}

impl RedisCluster {
    pub fn start() -> Self {
        Self::start_with(None)
    }

    /// A cluster whose nodes speak only TLS and need a password.
    pub fn start_secure() -> Self {
        Self::start_with(Some(ClusterSecurity {
            tls: TlsFiles::generate(),
            password: format!("pw-{}", hex::encode(rand::random::<[u8; 8]>())),
        }))
    }

    fn start_with(security: Option<ClusterSecurity>) -> Self {
        let mut cluster = RedisCluster {
            ports: Vec::new(),
            nodes: Vec::new(),
            security,
        };
        for _ in 0..6 {
            cluster.spawn_node();
        }
        let mut create = cluster.cli_command();
        create.args(["--cluster", "create"]);
        create.args(cluster.ports.iter().map(|p| format!("127.0.0.1:{p}")));
        create.args(["--cluster-replicas", "1", "--cluster-yes"]);
        let out = create.output().expect("redis-cli --cluster create");
        assert!(
            out.status.success(),
            "cluster create: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        cluster.wait_healthy();
        cluster.wait_replicated();
        cluster
    }

    /// Seed URLs, as `HUSHLINK_REDIS_CLUSTER` takes them.
    pub fn seeds(&self) -> String {
        let (scheme, auth) = match &self.security {
            Some(s) => ("rediss", format!(":{}@", s.password)),
            None => ("redis", String::new()),
        };
        self.ports
            .iter()
            .map(|p| format!("{scheme}://{auth}127.0.0.1:{p}"))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The CA file hushlink must trust (`HUSHLINK_REDIS_CA_FILE`), if TLS.
    pub fn ca_file(&self) -> Option<PathBuf> {
        self.security.as_ref().map(|s| s.tls.ca())
    }

    /// Starts one node on a free port and returns the port. A port that
    /// another process takes between `free_cluster_ports` and the node's
    /// start (tests run in parallel) is detected and another one tried, as
    /// `RedisServer::start` does, so the cluster never starts on, or with,
    /// someone else's server.
    fn spawn_node(&mut self) -> u16 {
        const ATTEMPTS: usize = 5;
        for _ in 0..ATTEMPTS {
            let port = free_cluster_ports(1)
                .into_iter()
                .find(|p| !self.ports.contains(p));
            if let Some(port) = port
                && self.try_spawn_node(port)
            {
                return port;
            }
        }
        panic!("cluster node: no free port after {ATTEMPTS} attempts");
    }

    /// Starts one node on `port` under a watchdog: the shell ends its
    /// redis-server (and removes the node's directory) when the server
    /// exits, when the shell is told to stop, or when this test process is
    /// gone. False when the port was taken: our server exited, or the one
    /// answering there is not ours (it does not run in our directory).
    fn try_spawn_node(&mut self, port: u16) -> bool {
        const WATCHDOG: &str = r#"
dir=$NODE_DIR
redis-server "$@" --bind 127.0.0.1 --cluster-enabled yes \
  --cluster-config-file "$dir/nodes.conf" --cluster-node-timeout 1000 \
  --dir "$dir" --save '' --appendonly no >/dev/null 2>&1 &
node=$!
trap 'kill -9 $node 2>/dev/null; wait $node 2>/dev/null; rm -rf "$dir"; exit 0' EXIT TERM INT
# Until the node ends (a zombie counts as ended: a server that could not
# take its port exits at once) or the test process is gone.
while [ -n "$(sed -n 's/^State:[[:space:]]*\([^Z]\).*/\1/p' /proc/$node/status 2>/dev/null)" ] \
  && kill -0 "$WATCHED" 2>/dev/null; do sleep 0.2; done
"#;
        let mut args = vec![];
        match &self.security {
            None => args.extend(["--port".to_owned(), port.to_string()]),
            Some(s) => {
                args.extend(["--port", "0", "--tls-port"].map(String::from));
                args.push(port.to_string());
                args.extend(s.tls.server_args());
                args.extend(["--tls-cluster", "yes", "--tls-replication", "yes"].map(String::from));
                args.extend(["--requirepass".to_owned(), s.password.clone()]);
                args.extend(["--masterauth".to_owned(), s.password.clone()]);
            }
        }
        // The watchdog removes it when the node ends.
        let dir = tempfile::Builder::new()
            .prefix("hushlink-cluster.")
            .tempdir()
            .unwrap()
            .keep();
        let mut child = Command::new("sh")
            .args(["-c", WATCHDOG, "cluster-node"])
            .args(&args)
            .env("WATCHED", std::process::id().to_string())
            .env("NODE_DIR", &dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start a redis-server cluster node");
        let mut exited = false;
        wait_for(STARTUP_BOUND, || {
            exited = matches!(child.try_wait(), Ok(Some(_)));
            exited || self.cli(port, &["PING"]) == "PONG"
        })
        .unwrap_or_else(|| panic!("cluster node {port} did not start"));
        let ours = !exited
            && self
                .cli(port, &["CONFIG", "GET", "dir"])
                .lines()
                .any(|line| Path::new(line.trim()) == dir.canonicalize().unwrap_or(dir.clone()));
        if !ours {
            let _ = Command::new("kill")
                .args(["-TERM", &child.id().to_string()])
                .status();
            let _ = child.wait();
            let _ = std::fs::remove_dir_all(&dir);
            return false;
        }
        self.nodes.push(std::sync::Mutex::new(child));
        self.ports.push(port);
        true
    }

    /// `redis-cli` with this cluster's TLS and password options.
    fn cli_command(&self) -> Command {
        let mut cli = Command::new("redis-cli");
        if let Some(s) = &self.security {
            cli.arg("--tls").arg("--cacert").arg(s.tls.ca());
            cli.args(["-a", &s.password, "--no-auth-warning"]);
        }
        cli
    }

    /// `redis-cli -p port args...`'s output, trimmed ("" when it fails, or
    /// takes over 10 s: a port held by something that is not Redis may
    /// never answer, and this redis-cli has no timeout of its own).
    fn cli(&self, port: u16, args: &[&str]) -> String {
        let Ok(mut child) = self
            .cli_command()
            .args(["-h", "127.0.0.1", "-p", &port.to_string()])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
        else {
            return String::new();
        };
        let answered = wait_for(Duration::from_secs(10), || {
            matches!(child.try_wait(), Ok(Some(_)))
        });
        if answered.is_none() {
            let _ = child.kill();
            let _ = child.wait();
            return String::new();
        }
        child
            .wait_with_output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_default()
    }

    /// Waits until every master has a replica online (WAIT 1 can succeed).
    pub fn wait_replicated(&self) {
        wait_for(STARTUP_BOUND * 2, || {
            self.live_ports().iter().all(|&port| {
                let info = self.cli(port, &["INFO", "replication"]);
                !info.contains("role:master")
                    || info
                        .lines()
                        .any(|l| l.starts_with("slave0:") && l.contains("state=online"))
            })
        })
        .expect("the cluster's masters did not get their replicas in sync");
    }

    /// Starts one more node and makes it a replica of a master that has
    /// none (what an operator does after losing a node).
    pub fn add_replica(&mut self) {
        let port = self.spawn_node();
        let existing = format!("127.0.0.1:{}", self.masters()[0]);
        let out = self
            .cli_command()
            .args([
                "--cluster",
                "add-node",
                &format!("127.0.0.1:{port}"),
                &existing,
            ])
            .arg("--cluster-slave")
            .output()
            .expect("redis-cli --cluster add-node");
        assert!(
            out.status.success(),
            "add-node: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        self.wait_healthy();
        self.wait_replicated();
    }

    /// Waits until every live node sees the cluster as healthy, with all
    /// 16384 slots served.
    pub fn wait_healthy(&self) {
        wait_for(STARTUP_BOUND * 2, || {
            self.live_ports().iter().all(|&port| {
                let info = self.cli(port, &["CLUSTER", "INFO"]);
                info.contains("cluster_state:ok") && info.contains("cluster_slots_ok:16384")
            })
        })
        .expect("the cluster did not become healthy");
    }

    /// The ports of the masters, as a live node sees them.
    pub fn masters(&self) -> Vec<u16> {
        let port = self.live_ports()[0];
        self.cli(port, &["CLUSTER", "NODES"])
            .lines()
            .filter(|l| l.contains("master") && !l.contains("fail"))
            .filter_map(|l| {
                let addr = l.split_whitespace().nth(1)?;
                addr.split(['@', ':']).nth(1)?.parse().ok()
            })
            .collect()
    }

    /// Kills one node at once (SIGKILL), as a crash would.
    pub fn kill(&self, port: u16) {
        let i = self.ports.iter().position(|&p| p == port).unwrap();
        let mut node = self.nodes[i].lock().unwrap();
        // The watchdog shell kills its redis-server when it is killed.
        let _ = Command::new("kill")
            .args(["-TERM", &node.id().to_string()])
            .status();
        let _ = node.wait();
        drop(node);
        wait_for(STARTUP_BOUND, || self.cli(port, &["PING"]) != "PONG")
            .expect("the killed node still answers");
    }

    fn live_ports(&self) -> Vec<u16> {
        self.ports
            .iter()
            .zip(&self.nodes)
            .filter(|(_, node)| matches!(node.lock().unwrap().try_wait(), Ok(None)))
            .map(|(p, _)| *p)
            .collect()
    }
}

impl Drop for RedisCluster {
    fn drop(&mut self) {
        for node in &self.nodes {
            let mut node = node.lock().unwrap();
            if matches!(node.try_wait(), Ok(None)) {
                let _ = Command::new("kill")
                    .args(["-TERM", &node.id().to_string()])
                    .status();
                let _ = node.wait();
            }
        }
    }
}

/// A throwaway CA and a server certificate for 127.0.0.1 it signed, made
/// with `openssl`, for Redis over TLS.
pub struct TlsFiles {
    dir: TempDir,
}

impl TlsFiles {
    pub fn generate() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let script = r#"
set -e
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj /CN=hushlink-test-ca
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=127.0.0.1
printf 'subjectAltName=IP:127.0.0.1\n' >ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 2 -extfile ext
"#;
        let out = Command::new("sh")
            .args(["-c", script])
            .current_dir(dir.path())
            .output()
            .expect("openssl");
        assert!(
            out.status.success(),
            "openssl: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        TlsFiles { dir }
    }

    pub fn ca(&self) -> PathBuf {
        self.dir.path().join("ca.crt")
    }

    /// redis-server's TLS options (client certificates not required).
    pub fn server_args(&self) -> Vec<String> {
        let file = |name: &str| self.dir.path().join(name).display().to_string();
        vec![
            "--tls-cert-file".into(),
            file("server.crt"),
            "--tls-key-file".into(),
            file("server.key"),
            "--tls-ca-cert-file".into(),
            file("ca.crt"),
            "--tls-auth-clients".into(),
            "no".into(),
        ]
    }
}

/// `n` ports whose cluster bus ports (port + 10000) are free too.
fn free_cluster_ports(n: usize) -> Vec<u16> {
    let mut ports = Vec::new();
    while ports.len() < n {
        let port = free_port();
        let bus_free = port
            .checked_add(10_000)
            .is_some_and(|bus| StdListener::bind(("127.0.0.1", bus)).is_ok());
        if bus_free && !ports.contains(&port) {
            ports.push(port);
        }
    }
    ports
}

/// Polls `ready` every 50 ms for at most `bound`.
fn wait_for(bound: Duration, mut ready: impl FnMut() -> bool) -> Option<()> {
    let deadline = Instant::now() + bound;
    while Instant::now() < deadline {
        if ready() {
            return Some(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

async fn start(
    config: Config,
    backend: &'static str,
    data_dir: Option<TempDir>,
    redis: Option<std::sync::Arc<RedisServer>>,
) -> TestApp {
    let app = Application::build(&config).await.expect("build app");
    let port = app.port();
    let metrics_port = app.metrics_port();
    let (stop, stopped) = oneshot::channel::<()>();
    let done = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        port,
        metrics_port,
        client: client(),
        backend,
        redis,
        _data_dir: data_dir,
        stop: Some(stop),
        done: Some(done),
    }
}

/// An app with an admin key recorded from its hash (the hash bootstrap way),
/// keys required on the create APIs.
pub async fn apps_with_admin() -> Vec<(TestApp, ApiKey)> {
    let admin = ApiKey::generate();
    let hash = admin.hash().to_hex();
    let h = hash.clone();
    let embedded = spawn_app_with(move |c| {
        c.admin_key_sha256 = Some(h);
        c.api_auth = ApiAuth::Required;
    })
    .await;
    let redis = std::sync::Arc::new(RedisServer::start());
    let on_redis = spawn_app_on_redis(&redis, move |c| {
        c.admin_key_sha256 = Some(hash);
        c.api_auth = ApiAuth::Required;
    })
    .await;
    vec![(embedded, admin.clone()), (on_redis, admin)]
}

/// How long a child server (Redis, hushlink, SnapPass) may take to start.
/// Only a hang should reach it: on the loaded 2-core CI machine a Redis once
/// took more than 10 s to answer its first command.
pub const STARTUP_BOUND: Duration = Duration::from_secs(60);

/// A free loopback port (bound, then released).
pub fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A private `redis-server` on a free loopback port, killed on drop.
pub struct RedisServer {
    pub port: u16,
    child: std::sync::Mutex<Child>,
}

impl RedisServer {
    /// Starts on a free port. A port that another process takes between
    /// `free_port` and the spawn (tests run in parallel) is detected and
    /// another one tried, so two tests never share a Redis unknowingly.
    pub fn start() -> Self {
        for _ in 0..5 {
            if let Some(server) = Self::try_start_on(free_port()) {
                return server;
            }
        }
        panic!("redis-server: no free port after 5 attempts");
    }

    /// Starts on `port` (to restart a killed server in place).
    pub fn start_on(port: u16) -> Self {
        Self::try_start_on(port)
            .unwrap_or_else(|| panic!("redis-server could not take port {port}"))
    }

    /// Our own server on `port`, or `None` when the port was taken.
    fn try_start_on(port: u16) -> Option<Self> {
        let child = Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server not found: run the README's test command, which installs it");
        let server = RedisServer {
            port,
            child: std::sync::Mutex::new(child),
        };
        server.wait_ready().then_some(server)
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    pub fn client(&self) -> redis::Client {
        redis::Client::open(self.url()).unwrap()
    }

    /// A blocking connection to this server, for a test to look at or
    /// change what the store wrote.
    pub fn connection(&self) -> redis::Connection {
        self.client().get_connection().unwrap()
    }

    /// Waits until the Redis on our port is the one we spawned (its
    /// `process_id` is our child's); false once our child has exited.
    fn wait_ready(&self) -> bool {
        let pid = self.child.lock().unwrap().id();
        let deadline = Instant::now() + STARTUP_BOUND;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.lock().unwrap().try_wait() {
                return false;
            }
            if let Ok(mut c) = self.client().get_connection()
                && let Ok(info) = redis::cmd("INFO").arg("server").query::<String>(&mut c)
            {
                return info
                    .lines()
                    .any(|line| line.trim() == format!("process_id:{pid}"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("redis-server on port {} did not start", self.port);
    }

    /// Stalls every client's commands for `ms` (`CLIENT PAUSE … ALL`):
    /// they wait in Redis and run once it resumes, as after a slow fork.
    pub fn pause(&self, ms: u64) {
        self.pause_mode(ms, "ALL");
    }

    /// Stalls writes only (scripts included) for `ms`: a request's reads
    /// still pass, and its write waits.
    pub fn pause_writes(&self, ms: u64) {
        self.pause_mode(ms, "WRITE");
    }

    fn pause_mode(&self, ms: u64, mode: &str) {
        let _: () = redis::cmd("CLIENT")
            .arg("PAUSE")
            .arg(ms)
            .arg(mode)
            .query(&mut self.connection())
            .unwrap();
    }

    /// Returns once a paused server takes writes again: a write on a new
    /// connection (a `DEL` of a key nobody uses) waits out either pause.
    pub async fn wait_resumed(self: &std::sync::Arc<Self>) {
        let redis = self.clone();
        tokio::task::spawn_blocking(move || {
            let _: u32 = redis::cmd("DEL")
                .arg("hushlink-tests:no-such-key")
                .query(&mut redis.connection())
                .unwrap();
        })
        .await
        .unwrap();
    }

    /// Kills the server (as a crash would).
    pub fn kill(&self) {
        let mut child = self.child.lock().unwrap();
        let _ = child.kill();
        let _ = child.wait();
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A real `hushlink serve` process, killed on drop.
pub struct ServerProcess {
    pub port: u16,
    pub child: Child,
    pub log: PathBuf,
}

impl ServerProcess {
    /// Starts the binary with `envs` on a port of its own choosing (port 0,
    /// read back from its "listening" log line, so parallel tests never race
    /// for a port) and waits for health.
    pub async fn start(envs: &[(&str, String)], log: &Path) -> Self {
        let log_file = std::fs::File::create(log).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_hushlink"))
            .arg("serve")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("SNAPPASS_BIND_ADDRESS", "127.0.0.1")
            .env("SNAPPASS_PORT", "0")
            .env("NO_SSL", "true")
            .env("HUSHLINK_STORE_TIMEOUT_MS", SLOW_MACHINE_STORE_TIMEOUT_MS)
            // Tests make secrets faster than any person; a test of the
            // create rate limit sets its own.
            .env("HUSHLINK_CREATE_RATE", "0")
            .envs(envs.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .unwrap();
        let port = match listening_port(&mut child, log).await {
            Some(port) => port,
            None => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "hushlink did not start listening; log:\n{}",
                    std::fs::read_to_string(log).unwrap_or_default()
                );
            }
        };
        let server = ServerProcess {
            port,
            child,
            log: log.to_owned(),
        };
        server.wait_healthy().await;
        server
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    async fn wait_healthy(&self) {
        let deadline = Instant::now() + STARTUP_BOUND;
        while Instant::now() < deadline {
            if let Ok(r) = client().get(self.url("/_/_/health")).send().await
                && r.status() == 200
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!(
            "hushlink did not become healthy; log:\n{}",
            std::fs::read_to_string(&self.log).unwrap_or_default()
        );
    }

    /// SIGKILL: no chance to flush anything.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM, then waits for the exit status.
    pub fn terminate(&mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        self.child.wait().unwrap()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The store timeout given to the binary in tests: a loaded, shared test
/// machine can make one store call slower than the production default, and a
/// slow call must not turn into a 503 (tests of a store that is down set
/// their own).
const SLOW_MACHINE_STORE_TIMEOUT_MS: &str = "10000";

/// The `hushlink` binary with `args`, and only `envs` (plus `PATH` and the
/// slow-machine store timeout) in its environment.
fn hushlink_command(args: &[&str], envs: &[(&str, String)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hushlink"));
    command
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HUSHLINK_STORE_TIMEOUT_MS", SLOW_MACHINE_STORE_TIMEOUT_MS)
        .envs(envs.iter().map(|(k, v)| (*k, v.as_str())));
    command
}

/// Runs the `hushlink` binary (a CLI command) with only `envs` set, and
/// waits for it.
pub fn hushlink_cli(args: &[&str], envs: &[(&str, String)]) -> Output {
    hushlink_command(args, envs)
        .output()
        .expect("run the hushlink binary")
}

/// Runs the `hushlink` binary as a client (`send`, `get`, ...) with `stdin`
/// piped in (so it is never a terminal). Asynchronous, so that a server
/// running in this test's runtime keeps answering meanwhile.
pub async fn hushlink_client(args: &[&str], envs: &[(&str, String)], stdin: &[u8]) -> Output {
    use tokio::io::AsyncWriteExt;
    let mut child = tokio::process::Command::from(hushlink_command(args, envs))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("run the hushlink binary");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    // Fed from a task: a client that exits early (bad usage) closes the
    // pipe, and a large secret must not wait on stdout being drained.
    let feeder = tokio::spawn(async move {
        let _ = pipe.write_all(&input).await;
    });
    let output = child.wait_with_output().await.expect("wait for hushlink");
    let _ = feeder.await;
    output
}

/// The Python tools venv that `scripts/python-tools.sh` fills, beside the
/// build's target directory.
pub fn python_tools() -> PathBuf {
    let target = Path::new(env!("CARGO_BIN_EXE_hushlink"))
        .ancestors()
        .nth(2)
        .expect("the binary lives in <target>/<profile>/");
    let venv = target.join("python-tools");
    assert!(
        venv.join("bin/gunicorn").exists(),
        "no Python test tools at {}: run scripts/python-tools.sh (the README's test command does)",
        venv.display()
    );
    venv
}

/// A real SnapPass 1.6.2 (from PyPI) under gunicorn, over `redis`, with
/// plain-HTTP links. Killed on drop.
pub struct SnapPass {
    port: u16,
    child: Child,
    log: PathBuf,
    _dir: TempDir,
}

impl SnapPass {
    pub async fn start(redis: &RedisServer) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("snappass.log");
        let port = free_port();
        let child = Command::new(python_tools().join("bin/gunicorn"))
            .args(["--bind", &format!("127.0.0.1:{port}"), "--workers", "1"])
            .args(["--worker-tmp-dir", dir.path().to_str().unwrap()])
            .arg("snappass.main:app")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("REDIS_HOST", "127.0.0.1")
            .env("REDIS_PORT", redis.port.to_string())
            .env("NO_SSL", "true")
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("start gunicorn");
        let mut snappass = SnapPass {
            port,
            child,
            log,
            _dir: dir,
        };
        snappass.wait_ready().await;
        snappass
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    async fn wait_ready(&mut self) {
        let deadline = Instant::now() + STARTUP_BOUND;
        while Instant::now() < deadline && matches!(self.child.try_wait(), Ok(None)) {
            if let Ok(r) = client().get(self.url("/")).send().await
                && r.status() == 200
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "SnapPass did not start; its log:\n{}",
            std::fs::read_to_string(&self.log).unwrap_or_default()
        );
    }
}

impl Drop for SnapPass {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Asserts the CLI exited with `code`, showing its stderr when not.
pub fn assert_exit(out: &Output, code: i32, what: &str) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{what}; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The port from the server's "hushlink listening" log
/// line (logged at info, which every test's log level includes); `None` when
/// the process exits or [`STARTUP_BOUND`] passes first.
async fn listening_port(child: &mut Child, log: &Path) -> Option<u16> {
    let deadline = Instant::now() + STARTUP_BOUND;
    while Instant::now() < deadline {
        let text = strip_ansi(&std::fs::read_to_string(log).unwrap_or_default());
        if let Some(line) = text.lines().find(|l| l.contains("hushlink listening")) {
            // Text logs say `addr=127.0.0.1:PORT`, JSON logs `"addr":"127.0.0.1:PORT"`.
            let (_, rest) = line
                .split_once("addr=")
                .or_else(|| line.split_once("\"addr\":\""))?;
            let addr = rest.split(|c: char| c == '"' || c.is_whitespace()).next()?;
            return addr.rsplit(':').next()?.parse().ok();
        }
        if let Ok(Some(_)) = child.try_wait() {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    None
}

/// `text` without terminal colour sequences (`ESC [ ... m`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits a token `<storage key>~<fernet key>`.
pub fn split_token(token: &str) -> (&str, &str) {
    token.split_once('~').unwrap()
}

/// Percent-encodes like Python's `quote_plus`.
pub fn quote_plus(s: &str) -> String {
    hushlink::token::quote_plus(s)
}

/// The cluster fixture never takes a port that another process holds:
/// neither one where its node cannot start, nor one where another Redis
/// answers in its place.
#[test]
fn a_cluster_node_is_never_started_on_a_taken_port() {
    let mut cluster = RedisCluster {
        ports: Vec::new(),
        nodes: Vec::new(),
        security: None,
    };
    let other = RedisServer::start();
    assert!(
        !cluster.try_spawn_node(other.port),
        "took another Redis's port"
    );
    let held = StdListener::bind("127.0.0.1:0").unwrap();
    let port = held.local_addr().unwrap().port();
    assert!(!cluster.try_spawn_node(port), "took a port in use");
    assert!(cluster.ports.is_empty() && cluster.nodes.is_empty());
    // And with a free one, it starts.
    let port = cluster.spawn_node();
    assert_eq!(cluster.ports, vec![port]);
    assert_eq!(cluster.cli(port, &["PING"]), "PONG");
}

/// A receipt as an anonymous create without a verifier makes it: no
/// creator, no sender, kept 600 s.
pub fn anonymous_receipt(hash: hushlink::receipt::ReceiptHash) -> hushlink::receipt::NewReceipt {
    hushlink::receipt::NewReceipt {
        verifier: None,
        hash,
        retention_secs: 600,
        creator: None,
        sender: None,
    }
}

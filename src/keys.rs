//! API key management and checking: the rules, over the store's records.
//!
//! Every change is optimistic: read the whole key set, decide, and commit
//! naming the version read; if another request (or another instance) got
//! there first, read again and decide again. The rules that span keys
//! (names are unique, the last active admin key cannot be removed,
//! bootstrap happens once) therefore hold across any number of server
//! processes sharing a store.
//!
//! Checking a key is one lookup by its SHA-256. Found records are cached
//! for at most [`CACHE_TTL`], so a key disabled, deleted or rotated on one
//! instance stops working on every other within that bound (and at once on
//! the instance that made the change). The last use of a key is written at
//! most once a minute per key, in the background, so the hot path never
//! waits for a write.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::Serialize;

use crate::apikey::{self, ApiKey, KeyHash, KeyName, Scope};
use crate::error::{Conflict, Error};
use crate::store::{BootstrapMark, DynStore, KeyChange, KeyRecord, KeySet};

/// How long a found key record may be reused without asking the store.
pub const CACHE_TTL: Duration = Duration::from_secs(1);
/// How often, at most, a key's last use is written.
const TOUCH_EVERY_SECS: u64 = 60;
/// Optimistic commits retried this many times before answering 503.
const MAX_ATTEMPTS: usize = 16;
/// Cached records kept at most; the cache is cleared when it fills.
const CACHE_MAX: usize = 4096;
/// Longest description accepted, in bytes.
pub const MAX_DESCRIPTION: usize = 256;

/// Who is calling, once authenticated.
#[derive(Debug, Clone)]
pub enum Caller {
    /// A valid API key.
    Key { name: KeyName, scopes: Vec<Scope> },
    /// The local admin socket or the in-process CLI: the operator on the host.
    Local,
    /// No key needed (`HUSHLINK_API_AUTH=open` on a create route).
    Anonymous,
}

/// How the first admin key came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BootstrapVia {
    Token,
    Hash,
    Cli,
}

impl BootstrapVia {
    pub fn as_str(self) -> &'static str {
        match self {
            BootstrapVia::Token => "token",
            BootstrapVia::Hash => "hash",
            BootstrapVia::Cli => "cli",
        }
    }
}

/// A key's state as listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Expired,
    Disabled,
}

/// A key as the admin API and the CLI show it: never the key, never its hash.
/// Times are RFC 3339, UTC.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct KeyInfo {
    pub name: KeyName,
    pub description: Option<String>,
    pub scopes: Vec<Scope>,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used_at: Option<String>,
    pub status: Status,
    /// Who made it on the personal keys page; absent for keys made by an admin.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The key's own create rate, creates a minute (0: unlimited); `null`:
    /// `HUSHLINK_CREATE_RATE` per client address, like anonymous creates.
    pub create_rate: Option<u32>,
}

/// A key just made: the one answer that shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NewKey {
    pub name: KeyName,
    /// The key itself (`hlk_` + 42 characters), shown in this answer only.
    #[schema(pattern = "^hlk_[0-9A-Za-z]{42}$")]
    pub key: String,
    pub description: Option<String>,
    pub scopes: Vec<Scope>,
    pub created_at: String,
    pub expires_at: Option<String>,
    /// The key's own create rate (see [`KeyInfo::create_rate`]).
    pub create_rate: Option<u32>,
}

/// A validated request for a new key.
#[derive(Debug, Clone)]
pub struct KeySpec {
    pub name: KeyName,
    pub description: Option<String>,
    pub scopes: Vec<Scope>,
    /// Unix seconds, in the future.
    pub expires_at: Option<u64>,
    /// Creates a minute of its own (0: unlimited); `None`: the default.
    pub create_rate: Option<u32>,
}

/// The largest create rate a key may carry, creates a minute.
pub const MAX_CREATE_RATE: u32 = 1_000_000;

/// A validated change to a key; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct KeyPatch {
    pub name: Option<KeyName>,
    pub description: Option<Option<String>>,
    pub disabled: Option<bool>,
    pub expires_at: Option<Option<u64>>,
    /// `Some(None)`: back to the default rate.
    pub create_rate: Option<Option<u32>>,
}

/// Manages and checks API keys over a store.
pub struct KeyService {
    store: DynStore,
    cache: Mutex<HashMap<KeyHash, (Instant, KeyRecord)>>,
    touched: Mutex<HashMap<KeyName, u64>>,
    /// Set once the store was seen with a key or a bootstrap: from then on
    /// no 401 carries the bootstrap hint, so anonymous requests stop costing
    /// a store read. It never needs to go back: the last admin key cannot be
    /// deleted, and a reset bootstrap keeps the keys.
    set_up: AtomicBool,
}

impl KeyService {
    pub fn new(store: DynStore) -> Self {
        KeyService {
            store,
            cache: Mutex::new(HashMap::new()),
            touched: Mutex::new(HashMap::new()),
            set_up: AtomicBool::new(false),
        }
    }

    /// Checks a presented key for `needed`. Malformed keys are refused
    /// without touching the store; unknown, expired and disabled keys all
    /// answer the same `Unauthorized` (the log says which, by name, never the
    /// key). A refused key costs at most the one lookup by hash.
    pub async fn authenticate(&self, presented: &str, needed: Scope) -> Result<Caller, Error> {
        let key = match ApiKey::parse(presented.trim()) {
            Ok(key) => key,
            Err(reason) => {
                tracing::info!(%reason, "API key refused: malformed");
                return Err(Error::Unauthorized {
                    bootstrap_hint: false,
                });
            }
        };
        let hash = key.hash();
        let Some(record) = self.lookup(&hash).await? else {
            tracing::info!("API key refused: unknown");
            return Err(Error::Unauthorized {
                bootstrap_hint: false,
            });
        };
        let now = now_secs();
        match status(&record, now) {
            Status::Active => {}
            refused => {
                tracing::info!(key = %record.name, status = ?refused, "API key refused");
                return Err(Error::Unauthorized {
                    bootstrap_hint: false,
                });
            }
        }
        if !apikey::allows(&record.scopes, needed) {
            tracing::info!(key = %record.name, needed = ?needed, "API key lacks scope");
            return Err(Error::Forbidden);
        }
        self.note_use(&record.name, now);
        Ok(Caller::Key {
            name: record.name,
            scopes: record.scopes,
        })
    }

    /// The create rate of its own of the key `presented`, if it is a usable
    /// key (active, allowed to create) that has one: what the create rate
    /// limit counts it by. Quiet (the create's own check logs a refusal)
    /// and cheap (the 1 s record cache; a malformed key costs nothing).
    pub async fn own_create_rate(&self, presented: &str) -> Option<(KeyName, u32)> {
        let key = ApiKey::parse(presented.trim()).ok()?;
        let record = self.lookup(&key.hash()).await.ok()??;
        let usable = status(&record, now_secs()) == Status::Active
            && apikey::allows(&record.scopes, Scope::Create);
        let rate = record.create_rate.filter(|_| usable)?;
        Some((record.name, rate))
    }

    /// The 401 for a request that presented no key: with a hint on how to
    /// bootstrap while the store has no key and was never bootstrapped. Reads
    /// the store only until it is seen set up.
    pub async fn unauthorized(&self) -> Error {
        if self.set_up.load(Ordering::Relaxed) {
            return Error::Unauthorized {
                bootstrap_hint: false,
            };
        }
        let bootstrap_hint = match self.store.key_set().await {
            Ok(set) if set.bootstrapped.is_none() && set.keys.is_empty() => true,
            Ok(_) => {
                self.set_up.store(true, Ordering::Relaxed);
                false
            }
            // The store is down: a plain 401 (the hint is only a courtesy).
            Err(_) => false,
        };
        Error::Unauthorized { bootstrap_hint }
    }

    async fn lookup(&self, hash: &KeyHash) -> Result<Option<KeyRecord>, Error> {
        if let Some((at, record)) = self.cache().get(hash)
            && at.elapsed() < CACHE_TTL
        {
            return Ok(Some(record.clone()));
        }
        let found = self.store.key_by_hash(hash).await?;
        if let Some(record) = &found {
            let mut cache = self.cache();
            if cache.len() >= CACHE_MAX {
                cache.clear();
            }
            cache.insert(*hash, (Instant::now(), record.clone()));
        }
        Ok(found)
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, HashMap<KeyHash, (Instant, KeyRecord)>> {
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes the last use in the background, at most once a minute per key.
    fn note_use(&self, name: &KeyName, now: u64) {
        {
            let mut touched = self.touched.lock().unwrap_or_else(|e| e.into_inner());
            match touched.get(name) {
                Some(&at) if now < at + TOUCH_EVERY_SECS => return,
                _ => {}
            }
            if touched.len() >= CACHE_MAX {
                touched.clear();
            }
            touched.insert(name.clone(), now);
        }
        let (store, name) = (self.store.clone(), name.clone());
        tokio::spawn(async move {
            if let Err(e) = store.touch_key(&name, now).await {
                tracing::debug!(error = %e, key = %name, "could not record API key use");
            }
        });
    }

    /// Every key, sorted by name.
    pub async fn list(&self) -> Result<Vec<KeyInfo>, Error> {
        let set = self.store.key_set().await?;
        let now = now_secs();
        let mut keys: Vec<KeyInfo> = set.keys.iter().map(|r| info(r, &set, now)).collect();
        keys.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(keys)
    }

    pub async fn get(&self, name: &KeyName) -> Result<KeyInfo, Error> {
        let set = self.store.key_set().await?;
        let record = find(&set, name).ok_or(Error::NoSuchKey)?;
        Ok(info(record, &set, now_secs()))
    }

    /// Whether the store has been bootstrapped.
    pub async fn bootstrapped(&self) -> Result<bool, Error> {
        Ok(self.store.key_set().await?.bootstrapped.is_some())
    }

    /// Makes a new key; 409 when the name is taken.
    pub async fn create(&self, spec: KeySpec) -> Result<NewKey, Error> {
        self.mutate(|set| {
            if find(set, &spec.name).is_some() {
                return Err(Error::Conflict(Conflict::NameTaken));
            }
            let (record, key) = new_record(&spec);
            Ok((
                vec![KeyChange::Put(record.clone())],
                None,
                shown(&record, key),
            ))
        })
        .await
    }

    /// Makes a personal key for `owner` (a signed-in sender): scope
    /// `create` only, whatever else the spec says.
    pub async fn create_owned(&self, spec: KeySpec, owner: &str) -> Result<NewKey, Error> {
        self.mutate(|set| {
            if find(set, &spec.name).is_some() {
                return Err(Error::Conflict(Conflict::NameTaken));
            }
            let (record, key) = new_record(&KeySpec {
                scopes: vec![Scope::Create],
                ..spec.clone()
            });
            let record = KeyRecord {
                owner: Some(owner.to_owned()),
                ..record
            };
            Ok((
                vec![KeyChange::Put(record.clone())],
                None,
                shown(&record, key),
            ))
        })
        .await
    }

    /// The keys `owner` made, sorted by name.
    pub async fn list_owned(&self, owner: &str) -> Result<Vec<KeyInfo>, Error> {
        let mut keys = self.list().await?;
        keys.retain(|k| k.owner.as_deref() == Some(owner));
        Ok(keys)
    }

    /// Deletes one of `owner`'s keys; anyone else's is `NoSuchKey`.
    pub async fn delete_owned(&self, name: &KeyName, owner: &str) -> Result<(), Error> {
        self.mutate(|set| {
            let record = find(set, name).ok_or(Error::NoSuchKey)?;
            if record.owner.as_deref() != Some(owner) {
                return Err(Error::NoSuchKey);
            }
            Ok((vec![KeyChange::Delete(name.clone())], None, ()))
        })
        .await
    }

    /// Changes a key; renames keep its last use.
    pub async fn update(&self, name: &KeyName, patch: KeyPatch) -> Result<KeyInfo, Error> {
        let (record, last_used) = self
            .mutate(|set| {
                let current = find(set, name).ok_or(Error::NoSuchKey)?;
                let mut next = current.clone();
                if let Some(new_name) = &patch.name {
                    if new_name != name && find(set, new_name).is_some() {
                        return Err(Error::Conflict(Conflict::NameTaken));
                    }
                    next.name = new_name.clone();
                }
                if let Some(description) = &patch.description {
                    next.description = description.clone();
                }
                if let Some(disabled) = patch.disabled {
                    next.disabled = disabled;
                }
                if let Some(expires_at) = patch.expires_at {
                    next.expires_at = expires_at;
                }
                if let Some(create_rate) = patch.create_rate {
                    next.create_rate = create_rate;
                }
                let mut changes = Vec::new();
                if next.name != *name {
                    changes.push(KeyChange::Delete(name.clone()));
                }
                changes.push(KeyChange::Put(next.clone()));
                guard_last_admin(set, &changes)?;
                Ok((
                    changes,
                    None,
                    (next, set.last_used.get(name.as_str()).copied()),
                ))
            })
            .await?;
        if let (true, Some(at)) = (record.name != *name, last_used) {
            let _ = self.store.touch_key(&record.name, at).await;
        }
        self.get(&record.name).await
    }

    /// Deletes a key; 409 if it is the last active admin key.
    pub async fn delete(&self, name: &KeyName) -> Result<(), Error> {
        self.mutate(|set| {
            find(set, name).ok_or(Error::NoSuchKey)?;
            let changes = vec![KeyChange::Delete(name.clone())];
            guard_last_admin(set, &changes)?;
            Ok((changes, None, ()))
        })
        .await
    }

    /// A new key under the same name, scopes, description and expiry; the
    /// old key stops working at once.
    pub async fn rotate(&self, name: &KeyName) -> Result<NewKey, Error> {
        self.mutate(|set| {
            let current = find(set, name).ok_or(Error::NoSuchKey)?;
            let (record, key) = new_record(&KeySpec {
                name: current.name.clone(),
                description: current.description.clone(),
                scopes: current.scopes.clone(),
                expires_at: current.expires_at,
                create_rate: current.create_rate,
            });
            let record = KeyRecord {
                disabled: current.disabled,
                owner: current.owner.clone(),
                ..record
            };
            Ok((
                vec![KeyChange::Put(record.clone())],
                None,
                shown(&record, key),
            ))
        })
        .await
    }

    /// Makes the first admin key, once per store, ever. 409 afterwards,
    /// whatever happened to the keys since.
    pub async fn bootstrap(
        &self,
        name: KeyName,
        expires_at: Option<u64>,
        create_rate: Option<u32>,
        via: BootstrapVia,
    ) -> Result<NewKey, Error> {
        let spec = KeySpec {
            name,
            description: Some(format!("first admin key (bootstrap via {})", via.as_str())),
            scopes: vec![Scope::Admin],
            expires_at,
            create_rate,
        };
        let made = self
            .mutate(|set| {
                if set.bootstrapped.is_some() {
                    return Err(Error::Conflict(Conflict::AlreadyBootstrapped));
                }
                if find(set, &spec.name).is_some() {
                    return Err(Error::Conflict(Conflict::NameTaken));
                }
                let (record, key) = new_record(&spec);
                let done = mark(&spec.name, via);
                Ok((
                    vec![KeyChange::Put(record.clone())],
                    Some(done),
                    shown(&record, key),
                ))
            })
            .await?;
        tracing::warn!(
            "bootstrap done via {}, key name {}",
            via.as_str(),
            made.name
        );
        Ok(made)
    }

    /// Records an admin key known only by its hash (`HUSHLINK_ADMIN_KEY_SHA256`),
    /// once per store. Returns whether it did; an already bootstrapped store
    /// is left alone.
    pub async fn bootstrap_with_hash(&self, name: KeyName, hash: KeyHash) -> Result<bool, Error> {
        let result = self
            .mutate(|set| {
                if set.bootstrapped.is_some() {
                    return Err(Error::Conflict(Conflict::AlreadyBootstrapped));
                }
                if find(set, &name).is_some() {
                    return Err(Error::Conflict(Conflict::NameTaken));
                }
                let record = KeyRecord {
                    name: name.clone(),
                    description: Some("first admin key (bootstrap via hash)".into()),
                    scopes: vec![Scope::Admin],
                    created_at: now_secs(),
                    expires_at: None,
                    disabled: false,
                    hash: hash.to_hex(),
                    owner: None,
                    create_rate: None,
                };
                Ok((
                    vec![KeyChange::Put(record)],
                    Some(mark(&name, BootstrapVia::Hash)),
                    (),
                ))
            })
            .await;
        match result {
            Ok(()) => {
                tracing::warn!("bootstrap done via hash, key name {name}");
                Ok(true)
            }
            Err(Error::Conflict(Conflict::AlreadyBootstrapped)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Forgets that the store was bootstrapped, so a bootstrap way works
    /// once more. Keys are left as they are.
    pub async fn reset_bootstrap(&self) -> Result<bool, Error> {
        let existed = self.store.reset_bootstrap().await?;
        tracing::warn!(
            existed,
            "BOOTSTRAP RESET: the store accepts one more bootstrap"
        );
        Ok(existed)
    }

    /// The optimistic loop: read, decide, commit if nothing moved.
    async fn mutate<T>(
        &self,
        decide: impl Fn(&KeySet) -> Result<(Vec<KeyChange>, Option<BootstrapMark>, T), Error>,
    ) -> Result<T, Error> {
        for _ in 0..MAX_ATTEMPTS {
            let set = self.store.key_set().await?;
            let (changes, mark, out) = decide(&set)?;
            if self.store.commit_keys(set.version, changes, mark).await? {
                self.cache().clear();
                return Ok(out);
            }
        }
        Err(Error::Conflict(Conflict::Busy))
    }
}

fn find<'a>(set: &'a KeySet, name: &KeyName) -> Option<&'a KeyRecord> {
    set.keys.iter().find(|r| &r.name == name)
}

fn mark(name: &KeyName, via: BootstrapVia) -> BootstrapMark {
    BootstrapMark {
        via: via.as_str().to_owned(),
        name: name.clone(),
        at: now_secs(),
    }
}

/// Refuses a change that would take the number of active admin keys from
/// one or more to none.
fn guard_last_admin(set: &KeySet, changes: &[KeyChange]) -> Result<(), Error> {
    let now = now_secs();
    let is_admin =
        |r: &KeyRecord| status(r, now) == Status::Active && r.scopes.contains(&Scope::Admin);
    let before = set.keys.iter().filter(|r| is_admin(r)).count();
    let mut after: HashMap<&KeyName, &KeyRecord> = set.keys.iter().map(|r| (&r.name, r)).collect();
    for change in changes {
        match change {
            KeyChange::Put(r) => {
                after.insert(&r.name, r);
            }
            KeyChange::Delete(name) => {
                after.remove(name);
            }
        }
    }
    let after = after.values().filter(|r| is_admin(r)).count();
    if before > 0 && after == 0 {
        return Err(Error::Conflict(Conflict::LastAdmin));
    }
    Ok(())
}

fn new_record(spec: &KeySpec) -> (KeyRecord, ApiKey) {
    let key = ApiKey::generate();
    let record = KeyRecord {
        name: spec.name.clone(),
        description: spec.description.clone(),
        scopes: apikey::normalize_scopes(spec.scopes.clone()),
        created_at: now_secs(),
        expires_at: spec.expires_at,
        disabled: false,
        hash: key.hash().to_hex(),
        owner: None,
        create_rate: spec.create_rate,
    };
    (record, key)
}

fn shown(record: &KeyRecord, key: ApiKey) -> NewKey {
    NewKey {
        name: record.name.clone(),
        key: key.expose().to_owned(),
        description: record.description.clone(),
        scopes: record.scopes.clone(),
        created_at: rfc3339(record.created_at),
        expires_at: record.expires_at.map(rfc3339),
        create_rate: record.create_rate,
    }
}

fn info(record: &KeyRecord, set: &KeySet, now: u64) -> KeyInfo {
    KeyInfo {
        name: record.name.clone(),
        description: record.description.clone(),
        scopes: record.scopes.clone(),
        created_at: rfc3339(record.created_at),
        expires_at: record.expires_at.map(rfc3339),
        last_used_at: set.last_used.get(record.name.as_str()).map(|&t| rfc3339(t)),
        status: status(record, now),
        owner: record.owner.clone(),
        create_rate: record.create_rate,
    }
}

/// Disabled wins over expired.
pub fn status(record: &KeyRecord, now: u64) -> Status {
    if record.disabled {
        Status::Disabled
    } else if record.expires_at.is_some_and(|at| at <= now) {
        Status::Expired
    } else {
        Status::Active
    }
}

pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Unix seconds as RFC 3339 in UTC (`2026-11-25T15:00:00Z`).
pub fn rfc3339(secs: u64) -> String {
    i64::try_from(secs)
        .ok()
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// Parses an RFC 3339 time (any offset) to unix seconds; it must lie in the future.
pub fn parse_expiry(raw: &str) -> Result<u64, &'static str> {
    let at: jiff::Timestamp = raw
        .trim()
        .parse()
        .map_err(|_| "Use an RFC 3339 time such as 2027-01-31T12:00:00Z.")?;
    let secs = u64::try_from(at.as_second()).map_err(|_| "The time must lie in the future.")?;
    if secs <= now_secs() {
        return Err("The time must lie in the future.");
    }
    Ok(secs)
}

/// Parses a lifetime such as `90d`, `12h`, `30m`, `2w` or `3600` (seconds).
pub fn parse_lifetime(raw: &str) -> Result<u64, String> {
    let raw = raw.trim();
    let split = raw.find(|c: char| !c.is_ascii_digit()).unwrap_or(raw.len());
    let (digits, unit) = raw.split_at(split);
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("'{raw}' is not a lifetime (use e.g. 90d, 12h, 30m, 2w)"))?;
    let scale = match unit {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3_600,
        "d" => 86_400,
        "w" => 604_800,
        _ => return Err(format!("'{raw}': unknown unit (use s, m, h, d or w)")),
    };
    match n.checked_mul(scale) {
        Some(0) | None => Err(format!("'{raw}' is not a usable lifetime")),
        Some(secs) => Ok(secs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifetimes() {
        assert_eq!(parse_lifetime("90d"), Ok(90 * 86_400));
        assert_eq!(parse_lifetime("3600"), Ok(3600));
        assert_eq!(parse_lifetime("2w"), Ok(1_209_600));
        assert!(parse_lifetime("0d").is_err());
        assert!(parse_lifetime("5y").is_err());
        assert!(parse_lifetime("d").is_err());
    }

    #[test]
    fn times() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert!(parse_expiry("2001-01-01T00:00:00Z").is_err());
        assert!(parse_expiry("2999-01-01T02:00:00+02:00").is_ok());
        assert!(parse_expiry("tomorrow").is_err());
    }
}

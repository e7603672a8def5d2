//! Sign-in for senders with OpenID Connect: the settings, the provider's
//! discovered configuration, and the authorization code flow.
//!
//! Everything that is a security check of the protocol is the `openidconnect`
//! crate's: PKCE (S256), `nonce`, and the ID token's signature (against the
//! provider's published keys), issuer, audience and expiry. This module
//! only decides who may send (e-mail domain and/or group) and keeps the
//! provider's configuration fresh.
//!
//! Discovery runs in a background task owned by [`Oidc`] (aborted when it is
//! dropped): at start-up a provider that is down or a wrong issuer does not
//! stop the server; it logs the failure and retries with a backoff doubling
//! from 1 s to a bound of 60 s. Until discovery succeeds, sign-in is
//! unavailable and the create form is not served (the page says so). Once
//! found, the configuration (and with it the signing keys) is read again every
//! hour, so a provider's key rotation is picked up.
//!
//! Sign-out at the provider (RP-Initiated Logout) is `logout`'s: the
//! end-session endpoint is read with the rest of the configuration.

pub mod logout;
pub mod session;

use std::collections::HashMap;
use std::sync::{Arc, RwLock, Weak};
use std::time::Duration;

use clap::{Args, ValueEnum};
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreAuthenticationFlow, CoreErrorResponseType,
    CoreGenderClaim, CoreJsonWebKey, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreRevocableToken, CoreRevocationErrorResponse, CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AdditionalClaims, AuthType, AuthorizationCode, ClientId, ClientSecret, CsrfToken,
    EmptyExtraTokenFields, EndSessionUrl, EndpointMaybeSet, EndpointNotSet, EndpointSet,
    IdTokenFields, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier,
    ProviderMetadataWithLogout, RedirectUrl, Scope, StandardErrorResponse, StandardTokenResponse,
    TokenResponse,
};
use serde::{Deserialize, Serialize};

use self::session::{IdTokenHint, PreLogin, Session};

/// How hushlink authenticates at the provider's token endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum TokenAuth {
    /// HTTP Basic with the client id and secret (the OpenID default).
    #[default]
    #[value(name = "client_secret_basic")]
    ClientSecretBasic,
    /// The client id and secret in the request body.
    #[value(name = "client_secret_post")]
    ClientSecretPost,
}

/// The sign-in settings of `hushlink serve`; sign-in is on when the issuer is set.
#[derive(Args, Clone, Debug, Default)]
pub struct OidcConfig {
    /// OpenID Provider (issuer URL, discovered through
    /// `/.well-known/openid-configuration`); when set, creating secrets from
    /// the web needs a signed-in, allowed user. Off when unset.
    #[arg(long = "oidc-issuer", env = "HUSHLINK_OIDC_ISSUER", value_name = "URL")]
    pub issuer: Option<String>,

    /// This server's client id at the provider.
    #[arg(long = "oidc-client-id", env = "HUSHLINK_OIDC_CLIENT_ID")]
    pub client_id: Option<String>,

    /// This server's client secret at the provider.
    #[arg(
        long = "oidc-client-secret",
        env = "HUSHLINK_OIDC_CLIENT_SECRET",
        hide_env_values = true,
        conflicts_with = "client_secret_file"
    )]
    pub client_secret: Option<String>,

    /// File holding the client secret (a mounted secret); preferred over the variable.
    #[arg(
        long = "oidc-client-secret-file",
        env = "HUSHLINK_OIDC_CLIENT_SECRET_FILE"
    )]
    pub client_secret_file: Option<std::path::PathBuf>,

    /// Scopes asked for, space-separated.
    #[arg(
        long = "oidc-scopes",
        env = "HUSHLINK_OIDC_SCOPES",
        default_value = "openid email profile"
    )]
    pub scopes: String,

    /// E-mail domains (comma-separated) whose users may send; a user passes
    /// when their e-mail domain or one of their groups is allowed. Neither
    /// set: every user of the provider may send.
    #[arg(
        long = "oidc-allowed-email-domains",
        env = "HUSHLINK_OIDC_ALLOWED_EMAIL_DOMAINS",
        value_name = "DOMAINS"
    )]
    pub allowed_email_domains: Option<String>,

    /// Groups (comma-separated) whose members may send, read from the ID
    /// token's groups claim.
    #[arg(
        long = "oidc-allowed-groups",
        env = "HUSHLINK_OIDC_ALLOWED_GROUPS",
        value_name = "GROUPS"
    )]
    pub allowed_groups: Option<String>,

    /// The ID token claim that lists the user's groups.
    #[arg(
        long = "oidc-groups-claim",
        env = "HUSHLINK_OIDC_GROUPS_CLAIM",
        default_value = "groups"
    )]
    pub groups_claim: String,

    /// How to authenticate at the token endpoint.
    #[arg(
        long = "oidc-token-auth",
        env = "HUSHLINK_OIDC_TOKEN_AUTH",
        value_enum,
        default_value = "client_secret_basic"
    )]
    pub token_auth: TokenAuth,

    /// Seconds a sign-in lasts before the user must sign in again.
    #[arg(long = "oidc-session-ttl", env = "HUSHLINK_OIDC_SESSION_TTL", default_value_t = 28_800,
          value_parser = clap::value_parser!(u64).range(1..=604_800))]
    pub session_ttl: u64,

    /// Sign-out also ends the session at the provider (OpenID Connect
    /// RP-Initiated Logout) when its discovery document names an
    /// `end_session_endpoint`; `false` keeps sign-out local to hushlink.
    #[arg(long = "oidc-provider-logout", env = "HUSHLINK_OIDC_PROVIDER_LOGOUT",
          value_name = "BOOL", value_parser = crate::config::parse_bool, default_value = "true",
          num_args = 0..=1, default_missing_value = "true")]
    pub provider_logout: bool,
}

/// The settings, checked.
#[derive(Clone)]
pub struct Settings {
    pub issuer: IssuerUrl,
    pub client_id: ClientId,
    client_secret: ClientSecret,
    pub scopes: Vec<String>,
    pub allowed_domains: Vec<String>,
    pub allowed_groups: Vec<String>,
    pub groups_claim: String,
    pub token_auth: TokenAuth,
    pub session_ttl: Duration,
    /// Whether sign-out goes on to the provider's end-session endpoint.
    pub provider_logout: bool,
}

impl Settings {
    /// The origin pages must allow as a form's target (`form-action`) for
    /// sign-out to go on to the provider: the issuer's. `None` when sign-out
    /// stays local.
    pub fn logout_origin(&self) -> Option<String> {
        self.provider_logout
            .then(|| logout::origin(self.issuer.url()))
    }
}

impl OidcConfig {
    /// The checked settings, `None` when sign-in is off.
    pub fn settings(&self) -> anyhow::Result<Option<Settings>> {
        let Some(issuer) = self
            .issuer
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        else {
            return Ok(None);
        };
        // Kept exactly as given: discovery requires the provider's `issuer`
        // to be this very string (Authentik's ends with `/`, Keycloak's not).
        let issuer = IssuerUrl::new(issuer.to_owned())
            .map_err(|e| anyhow::anyhow!("HUSHLINK_OIDC_ISSUER: not a URL: {e}"))?;
        let client_id = self
            .client_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "HUSHLINK_OIDC_ISSUER is set: HUSHLINK_OIDC_CLIENT_ID is needed too"
                )
            })?;
        let secret = match (&self.client_secret_file, &self.client_secret) {
            (Some(path), _) => std::fs::read_to_string(path)
                .map_err(|e| {
                    anyhow::anyhow!(
                        "HUSHLINK_OIDC_CLIENT_SECRET_FILE: cannot read {}: {e}",
                        path.display()
                    )
                })?
                .trim()
                .to_owned(),
            (None, Some(s)) => s.trim().to_owned(),
            (None, None) => String::new(),
        };
        if secret.is_empty() {
            anyhow::bail!(
                "HUSHLINK_OIDC_ISSUER is set: HUSHLINK_OIDC_CLIENT_SECRET (or _FILE) is needed too \
                 (hushlink is a confidential client)"
            );
        }
        let list = |s: &Option<String>| -> Vec<String> {
            s.as_deref()
                .unwrap_or("")
                .split(',')
                .map(|v| v.trim().trim_start_matches('@').to_owned())
                .filter(|v| !v.is_empty())
                .collect()
        };
        let mut scopes: Vec<String> = self.scopes.split_whitespace().map(str::to_owned).collect();
        // `openid` is what makes it OpenID Connect; the crate adds it itself.
        scopes.retain(|s| s != "openid");
        Ok(Some(Settings {
            issuer,
            client_id: ClientId::new(client_id.to_owned()),
            client_secret: ClientSecret::new(secret),
            scopes,
            allowed_domains: list(&self.allowed_email_domains)
                .into_iter()
                .map(|d| d.to_ascii_lowercase())
                .collect(),
            allowed_groups: list(&self.allowed_groups),
            groups_claim: self.groups_claim.trim().to_owned(),
            token_auth: self.token_auth,
            session_ttl: Duration::from_secs(self.session_ttl),
            provider_logout: self.provider_logout,
        }))
    }
}

/// Every claim of the ID token beyond the standard ones, kept as JSON: the
/// groups claim's name is a setting, so it cannot be a field.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ExtraClaims(HashMap<String, serde_json::Value>);
impl AdditionalClaims for ExtraClaims {}

type IdFields = IdTokenFields<
    ExtraClaims,
    EmptyExtraTokenFields,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;
type Tokens = StandardTokenResponse<IdFields, CoreTokenType>;

/// The client once the provider is discovered: authorization endpoint set,
/// token endpoint as discovered.
type Discovered = openidconnect::Client<
    ExtraClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    Tokens,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// Who signed in, as the ID token says.
#[derive(Debug, Clone)]
pub struct Identity {
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: Option<bool>,
    pub groups: Vec<String>,
    /// The ID token itself, kept for sign-out's `id_token_hint` only when
    /// sign-out goes on to the provider.
    pub id_token: Option<IdTokenHint>,
}

/// The provider as discovered: the client, and where sign-out goes on to
/// (RP-Initiated Logout), if it has such an endpoint and it is used.
struct Provider {
    client: Discovered,
    end_session: Option<EndSessionUrl>,
}

/// Why a sign-in did not complete. The cause goes to the log; the person sees
/// one of a few pages.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// Discovery has not succeeded (yet): the provider is down or the issuer wrong.
    #[error("sign-in unavailable: the provider is not discovered")]
    Unavailable,
    /// No (or an expired) pre-login cookie, or a `state` that is not ours.
    #[error("sign-in state missing, expired or not matching")]
    BadState,
    /// The provider answered the authorization with an error.
    #[error("the provider refused: {0}")]
    Provider(String),
    /// The code exchange failed (a replayed or stolen code, a wrong verifier).
    #[error("code exchange failed: {0}")]
    Exchange(String),
    /// The ID token did not verify (signature, issuer, audience, expiry, nonce).
    #[error("ID token refused: {0}")]
    Token(String),
    /// A valid user whom the settings do not allow to send.
    #[error("user not allowed to send")]
    NotAllowed,
}

/// Aborts the discovery task when the service is dropped.
struct TaskGuard(tokio::task::AbortHandle);
impl Drop for TaskGuard {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The sign-in service.
pub struct Oidc {
    settings: Settings,
    http: openidconnect::reqwest::Client,
    client: RwLock<Option<Arc<Provider>>>,
    /// The cookie key: derived from the client secret, so every instance
    /// configured alike shares it.
    pub cookie_key: axum_extra::extract::cookie::Key,
    task: RwLock<Option<TaskGuard>>,
}

/// First and last wait between failed discoveries.
const RETRY_FIRST: Duration = Duration::from_secs(1);
const RETRY_MAX: Duration = Duration::from_secs(60);
/// How often a discovered configuration (and its keys) is read again.
const REFRESH_EVERY: Duration = Duration::from_secs(3600);
/// Bound of every request to the provider.
const HTTP_TIMEOUT: Duration = Duration::from_secs(10);

impl Oidc {
    /// The service, with discovery started in the background (needs a Tokio runtime).
    pub fn start(settings: Settings) -> anyhow::Result<Arc<Self>> {
        // No redirects: the crate's advice against SSRF through the provider.
        let http = openidconnect::reqwest::ClientBuilder::new()
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(HTTP_TIMEOUT)
            // Requests to the provider are rare (a sign-in, an hourly
            // refresh); a pooled connection would mostly be one the provider
            // has closed meanwhile (Node's keep-alive is 5 s), and the next
            // token request would fail with a reset.
            .pool_max_idle_per_host(0)
            .build()?;
        let cookie_key = session::derive_key(&settings.client_secret, &settings.client_id);
        let oidc = Arc::new(Oidc {
            settings,
            http,
            client: RwLock::new(None),
            cookie_key,
            task: RwLock::new(None),
        });
        let weak = Arc::downgrade(&oidc);
        let handle = tokio::spawn(discovery_loop(weak)).abort_handle();
        *oidc.task.write().unwrap_or_else(|e| e.into_inner()) = Some(TaskGuard(handle));
        Ok(oidc)
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Whether the provider is discovered, so sign-in can start.
    pub fn available(&self) -> bool {
        self.discovered().is_some()
    }

    fn discovered(&self) -> Option<Arc<Provider>> {
        self.client
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    async fn discover(&self) -> anyhow::Result<()> {
        let metadata =
            ProviderMetadataWithLogout::discover_async(self.settings.issuer.clone(), &self.http)
                .await?;
        let end_session = if self.settings.provider_logout {
            logout::end_session(&metadata, &self.settings.issuer)
        } else {
            None
        };
        let client = Discovered::from_provider_metadata(
            metadata,
            self.settings.client_id.clone(),
            Some(self.settings.client_secret.clone()),
        )
        .set_auth_type(match self.settings.token_auth {
            TokenAuth::ClientSecretBasic => AuthType::BasicAuth,
            TokenAuth::ClientSecretPost => AuthType::RequestBody,
        });
        let provider = Provider {
            client,
            end_session,
        };
        *self.client.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(provider));
        Ok(())
    }

    /// Where sign-out sends the browser after removing the session: the
    /// provider's end-session endpoint with the session's ID token (or the
    /// client id), and `home` (this server's home page URL) to come back to.
    /// `None` when sign-out stays local: the setting is off, the provider
    /// is not discovered, or it has no end-session endpoint.
    pub fn end_session_url(&self, id_token: Option<&IdTokenHint>, home: &str) -> Option<String> {
        let provider = self.discovered()?;
        let endpoint = provider.end_session.as_ref()?;
        logout::request_url(endpoint, &self.settings.client_id, id_token, home)
    }

    /// Starts a sign-in: the provider's authorization URL and what the
    /// callback needs to finish it (kept in a short-lived encrypted cookie).
    pub fn begin(&self, redirect: &str, next: String) -> Result<(String, PreLogin), SignInError> {
        let client = self.discovered().ok_or(SignInError::Unavailable)?;
        let redirect_url = RedirectUrl::new(redirect.to_owned())
            .map_err(|e| SignInError::Provider(format!("redirect URI: {e}")))?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge)
            .set_redirect_uri(std::borrow::Cow::Owned(redirect_url));
        for scope in &self.settings.scopes {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        let (url, state, nonce) = request.url();
        let pre = PreLogin::new(
            state.secret().clone(),
            nonce.secret().clone(),
            verifier.secret().clone(),
            next,
            redirect.to_owned(),
        );
        Ok((url.to_string(), pre))
    }

    /// Finishes a sign-in: `state` checked against the pre-login cookie's,
    /// the code exchanged (with the PKCE verifier), the ID token verified by
    /// the crate, then the allow rules.
    pub async fn finish(
        &self,
        pre: PreLogin,
        code: &str,
        state: &str,
    ) -> Result<Identity, SignInError> {
        let client = self.discovered().ok_or(SignInError::Unavailable)?;
        if !pre.state_matches(state) {
            return Err(SignInError::BadState);
        }
        let redirect_url = RedirectUrl::new(pre.redirect.clone())
            .map_err(|e| SignInError::Provider(format!("redirect URI: {e}")))?;
        let tokens = client
            .client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| SignInError::Exchange(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pre.verifier.clone()))
            .set_redirect_uri(std::borrow::Cow::Owned(redirect_url))
            .request_async(&self.http)
            .await
            .map_err(|e| SignInError::Exchange(describe(&e)))?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| SignInError::Token("no ID token in the answer".into()))?;
        let claims = id_token
            .claims(
                &client.client.id_token_verifier(),
                &Nonce::new(pre.nonce.clone()),
            )
            .map_err(|e| SignInError::Token(e.to_string()))?;
        let groups = match claims
            .additional_claims()
            .0
            .get(&self.settings.groups_claim)
        {
            Some(serde_json::Value::Array(values)) => values
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            Some(serde_json::Value::String(one)) => vec![one.clone()],
            _ => Vec::new(),
        };
        let identity = Identity {
            subject: claims.subject().as_str().to_owned(),
            email: claims.email().map(|e| e.as_str().to_owned()),
            email_verified: claims.email_verified(),
            groups,
            // Only where sign-out will send it: a smaller cookie otherwise.
            id_token: client
                .end_session
                .is_some()
                .then(|| IdTokenHint::new(id_token.to_string())),
        };
        if !self.allows(&identity) {
            tracing::info!(user = %identity.name(), "sign-in refused: not an allowed sender");
            return Err(SignInError::NotAllowed);
        }
        Ok(identity)
    }

    /// The allow rules: no list set lets every user of the provider in; else
    /// a verified (or not marked unverified) e-mail in an allowed domain, or
    /// membership of an allowed group.
    pub fn allows(&self, who: &Identity) -> bool {
        let s = &self.settings;
        if s.allowed_domains.is_empty() && s.allowed_groups.is_empty() {
            return true;
        }
        let domain_ok = who.email_verified != Some(false)
            && who
                .email
                .as_deref()
                .and_then(|e| e.rsplit_once('@'))
                .is_some_and(|(_, d)| s.allowed_domains.iter().any(|a| a.eq_ignore_ascii_case(d)));
        let group_ok = who.groups.iter().any(|g| s.allowed_groups.contains(g));
        domain_ok || group_ok
    }

    /// A session for `who`, for [`Settings::session_ttl`], with the ID
    /// token when sign-out will need it.
    pub fn session_for(&self, who: &Identity) -> Session {
        let mut session = Session::new(who.name().to_owned(), self.settings.session_ttl);
        session.id_token = who.id_token.clone();
        session
    }
}

impl Identity {
    /// The e-mail address, else the subject: what receipts and logs name.
    pub fn name(&self) -> &str {
        self.email.as_deref().unwrap_or(&self.subject)
    }
}

/// A request error's whole chain, for the log (the crate's outer message
/// alone is often just "Server returned error response").
fn describe(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Discovers the provider, retrying with a bounded backoff while it fails,
/// then refreshes hourly. Ends when the service is dropped.
async fn discovery_loop(oidc: Weak<Oidc>) {
    let mut wait = RETRY_FIRST;
    loop {
        let Some(service) = oidc.upgrade() else {
            return;
        };
        let was_available = service.available();
        match service.discover().await {
            Ok(()) => {
                if !was_available {
                    tracing::info!(issuer = %service.settings.issuer.as_str(), "OpenID Provider discovered: sign-in available");
                }
                wait = RETRY_FIRST;
                drop(service);
                tokio::time::sleep(REFRESH_EVERY).await;
            }
            Err(e) => {
                tracing::warn!(
                    issuer = %service.settings.issuer.as_str(),
                    error = %describe(e.as_ref()),
                    retry_in_s = wait.as_secs(),
                    "OpenID Provider discovery failed: sign-in unavailable, creating from the web refused until it works"
                );
                drop(service);
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(RETRY_MAX);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(domains: &str, groups: &str) -> OidcConfig {
        OidcConfig {
            issuer: Some("https://id.example".into()),
            client_id: Some("hushlink".into()),
            client_secret: Some("s3cret".into()),
            scopes: "openid email".into(),
            allowed_email_domains: Some(domains.into()),
            allowed_groups: Some(groups.into()),
            groups_claim: "groups".into(),
            token_auth: TokenAuth::ClientSecretBasic,
            session_ttl: 60,
            client_secret_file: None,
            provider_logout: true,
        }
    }

    fn who(email: &str, verified: Option<bool>, groups: &[&str]) -> Identity {
        Identity {
            subject: "sub".into(),
            email: Some(email.into()),
            email_verified: verified,
            groups: groups.iter().map(|g| (*g).to_owned()).collect(),
            id_token: None,
        }
    }

    #[tokio::test]
    async fn allow_rules() {
        let s = settings("allowed.test, @Corp.Example", "senders")
            .settings()
            .unwrap()
            .unwrap();
        let oidc = Oidc::start(s).unwrap();
        assert!(oidc.allows(&who("a@allowed.test", Some(true), &[])));
        assert!(oidc.allows(&who("a@CORP.example", None, &[])));
        assert!(
            !oidc.allows(&who("a@allowed.test", Some(false), &[])),
            "unverified e-mail"
        );
        assert!(!oidc.allows(&who("a@allowed.test.evil", Some(true), &[])));
        assert!(oidc.allows(&who("b@other.test", Some(true), &["senders"])));
        assert!(!oidc.allows(&who("b@other.test", Some(true), &["staff"])));
    }

    #[test]
    fn the_issuer_is_kept_exactly() {
        let mut c = settings("", "");
        c.issuer = Some(" https://id.example/application/o/hushlink/ ".into());
        let s = c.settings().unwrap().unwrap();
        assert_eq!(
            s.issuer.as_str(),
            "https://id.example/application/o/hushlink/"
        );
        c.issuer = Some("not a url".into());
        assert!(c.settings().is_err());
    }

    #[test]
    fn provider_logout_is_on_unless_turned_off() {
        use clap::Parser;
        #[derive(Parser)]
        struct Serve {
            #[command(flatten)]
            oidc: OidcConfig,
        }
        let parse = |args: &[&str]| {
            let mut argv = vec!["serve", "--oidc-issuer", "https://id.example"];
            argv.extend_from_slice(args);
            argv.extend_from_slice(&["--oidc-client-id", "c", "--oidc-client-secret", "s"]);
            Serve::try_parse_from(argv).map(|s| s.oidc.settings().unwrap().unwrap())
        };
        let on = parse(&[]).unwrap();
        assert!(on.provider_logout);
        assert_eq!(on.logout_origin().as_deref(), Some("https://id.example"));
        assert!(parse(&["--oidc-provider-logout"]).unwrap().provider_logout);
        let off = parse(&["--oidc-provider-logout=false"]).unwrap();
        assert!(!off.provider_logout);
        assert_eq!(off.logout_origin(), None);
        assert!(parse(&["--oidc-provider-logout=maybe"]).is_err());
    }

    #[test]
    fn settings_need_client_and_secret() {
        let mut c = settings("", "");
        c.client_secret = None;
        assert!(c.settings().is_err());
        c.issuer = None;
        assert!(matches!(c.settings(), Ok(None)));
    }
}

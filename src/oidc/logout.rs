//! Sign-out at the provider too: OpenID Connect RP-Initiated Logout 1.0.
//!
//! Removing hushlink's own session cookie leaves the provider's session
//! alive, so the next "Sign in" would sign the same person straight back in
//! without a prompt: not what someone who pressed "Sign out" on a shared
//! computer expects. When the provider's discovery document names an
//! `end_session_endpoint`, sign-out therefore sends the browser there
//! (`HUSHLINK_OIDC_PROVIDER_LOGOUT`, on by default).
//!
//! What this module owns:
//! - which end-session endpoint is used: only one on the issuer's own origin,
//!   because that is the one origin the pages' Content-Security-Policy lets a
//!   form lead to (`form-action`; browsers apply it to the redirect that
//!   follows the sign-out form), and it is what every common provider
//!   publishes (Keycloak, Entra ID, Okta, Authentik, Auth0);
//! - the request's URL, built by the `openidconnect` crate from fixed parts
//!   only: the endpoint from discovery, the ID token of the sign-in as
//!   `id_token_hint` (from the encrypted session cookie, so the provider
//!   knows whom and for which client), `client_id` (always), and
//!   `post_logout_redirect_uri`, this server's home page (built like the
//!   callback URL). Nothing of the sign-out request itself goes into it, so
//!   it cannot be made an open redirect.
//! - without the ID token (too large to keep in the cookie), `client_id`
//!   alone, which the specification allows, and no return address: the
//!   specification tells providers not to redirect without an ID token to
//!   vouch for the address, and strict ones (Authentik) refuse the whole
//!   request then, leaving their session alive. The person ends on the
//!   provider's own "signed out" page instead.
//!
//! No `state`: it exists so that a relying party can tie the provider's
//! redirect back to the logout it started, for a callback that acts on it.
//! Here the return is the plain home page, which acts on nothing (the session
//! was removed before leaving), so there is nothing to tie; sending one would
//! only add a value that is checked nowhere.

use openidconnect::core::{
    CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
};
use openidconnect::url::Url;
use openidconnect::{
    ClientId, EndSessionUrl, IdToken, IssuerUrl, LogoutRequest, PostLogoutRedirectUrl,
    ProviderMetadataWithLogout,
};

use super::ExtraClaims;
use super::session::IdTokenHint;

/// The ID token as the crate types it: parsed (not verified again) only to
/// be sent back to the provider that issued it.
type ParsedIdToken = IdToken<
    ExtraClaims,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;

/// A URL's origin, as a `Content-Security-Policy` source (`https://host[:port]`).
pub fn origin(url: &Url) -> String {
    url.origin().ascii_serialization()
}

/// The provider's end-session endpoint, when it has one on the issuer's
/// origin. One elsewhere is not used (sign-out stays local, with a warning
/// in the log): the pages' `form-action` would make the browser refuse to
/// follow the redirect there.
pub fn end_session(
    metadata: &ProviderMetadataWithLogout,
    issuer: &IssuerUrl,
) -> Option<EndSessionUrl> {
    let endpoint = metadata
        .additional_metadata()
        .end_session_endpoint
        .clone()?;
    if origin(endpoint.url()) == origin(issuer.url()) {
        Some(endpoint)
    } else {
        tracing::warn!(
            end_session_endpoint = %endpoint.url(),
            issuer = %issuer.as_str(),
            "the provider's end_session_endpoint is not on the issuer's origin: \
             sign-out stays local to hushlink"
        );
        None
    }
}

/// The end-session request's URL: with the session's ID token,
/// `id_token_hint`, `client_id` and `post_logout_redirect_uri` (`home`);
/// without it, `client_id` alone. `None` if `home` is not an absolute URL
/// (it always is: it is built from the checked base URL).
pub fn request_url(
    endpoint: &EndSessionUrl,
    client_id: &ClientId,
    id_token: Option<&IdTokenHint>,
    home: &str,
) -> Option<String> {
    let home = PostLogoutRedirectUrl::new(home.to_owned()).ok()?;
    let request = LogoutRequest::from(endpoint.clone()).set_client_id(client_id.clone());
    // A cookie's token that does not parse (it cannot: it came from a
    // verified sign-in) counts as none.
    let request = match id_token.and_then(|t| t.as_str().parse::<ParsedIdToken>().ok()) {
        Some(token) => request
            .set_id_token_hint(&token)
            .set_post_logout_redirect_uri(home),
        None => request,
    };
    Some(request.http_get_url().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    // A syntactically valid JWT (header, claims, signature), as a provider
    // issues one; `request_url` does not verify it, the provider does.
    const TOKEN: &str = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ.\
        eyJpc3MiOiJodHRwczovL2lkLmV4YW1wbGUiLCJzdWIiOiJhbGljZSIsImF1ZCI6Imh1c2hsaW5rIiwiZXhwIjoxLCJpYXQiOjF9.\
        c2ln";

    fn query(url: &str) -> Vec<(String, String)> {
        Url::parse(url)
            .unwrap()
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    }

    #[test]
    fn the_request_carries_the_token_the_client_and_home_only() {
        let endpoint = EndSessionUrl::new("https://id.example/logout?tenant=t".into()).unwrap();
        let client = ClientId::new("hushlink".into());
        let hint = IdTokenHint::new(TOKEN.into());
        let url = request_url(&endpoint, &client, Some(&hint), "https://s.example/p/").unwrap();
        assert!(url.starts_with("https://id.example/logout?"), "{url}");
        assert_eq!(
            query(&url),
            [
                ("tenant", "t"),
                ("id_token_hint", TOKEN),
                ("client_id", "hushlink"),
                ("post_logout_redirect_uri", "https://s.example/p/"),
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
        // Without the token (too large for the cookie): the client id alone,
        // no return address for the provider to refuse.
        let url = request_url(&endpoint, &client, None, "https://s.example/").unwrap();
        let names: Vec<String> = query(&url).into_iter().map(|(k, _)| k).collect();
        assert_eq!(names, ["tenant", "client_id"]);
        // A value that is no JWT is not passed on.
        let junk = IdTokenHint::new("not a token".into());
        let url = request_url(&endpoint, &client, Some(&junk), "https://s.example/").unwrap();
        assert_eq!(query(&url).len(), 2, "{url}");
        assert!(request_url(&endpoint, &client, None, "/relative").is_none());
    }

    #[test]
    fn only_an_endpoint_on_the_issuers_origin_is_used() {
        let doc = |end_session: &str| -> ProviderMetadataWithLogout {
            serde_json::from_value(serde_json::json!({
                "issuer": "https://id.example/realms/r",
                "authorization_endpoint": "https://id.example/realms/r/auth",
                "jwks_uri": "https://id.example/realms/r/certs",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "end_session_endpoint": end_session,
            }))
            .unwrap()
        };
        let issuer = IssuerUrl::new("https://id.example/realms/r".into()).unwrap();
        let same = doc("https://id.example/realms/r/logout");
        assert_eq!(
            end_session(&same, &issuer).unwrap().url().as_str(),
            "https://id.example/realms/r/logout"
        );
        for elsewhere in [
            "https://other.example/logout",
            "http://id.example/realms/r/logout",
            "https://id.example:8443/logout",
        ] {
            assert!(
                end_session(&doc(elsewhere), &issuer).is_none(),
                "{elsewhere}"
            );
        }
        assert_eq!(origin(issuer.url()), "https://id.example");
    }
}

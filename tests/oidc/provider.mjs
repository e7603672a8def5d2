// A real OpenID Provider for hushlink's sign-in tests: panva's certified
// `oidc-provider`, on a loopback port, with one confidential client for
// hushlink and three test accounts. Started by tests/api/helpers.rs and the
// browser test; never for production.
//
//   node tests/oidc/provider.mjs --port 0 --redirect http://127.0.0.1:5000/_/oidc/callback \
//        [--secret S] [--publish-other-key] [--post-logout URI] [--no-end-session]
//
// Prints one line `listening <issuer>` on stdout once it answers.
//
// Sign-in uses the provider's own development interaction (a plain HTML
// form: any password, the login is the account id), which a test drives with
// plain HTTP; consent is granted automatically for the one client, so the
// flow is: authorize -> login form -> callback.
//
// `--publish-other-key` makes the JWKS endpoint publish the public half of a
// different key (under the same `kid`) than the one that signs ID tokens:
// exactly what a relying party sees when a token was signed by someone other
// than the issuer. hushlink must refuse those tokens.
//
// Sign-out (RP-Initiated Logout) is on: discovery names the end-session
// endpoint (`/session/end`), which asks "Do you want to sign-out?" (a form
// with an `xsrf` field and a `logout=yes` button) and then sends the browser
// to the registered post-logout URI: `--post-logout`, by default hushlink's
// home page (the redirect URI without `_/oidc/callback`). `--no-end-session`
// turns the feature off, so discovery names no endpoint, as GitHub-like
// providers do.

import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  return process.argv[i + 1];
}

const port = Number(arg('port', '0'));
const redirect = arg('redirect');
const secret = arg('secret', 'hushlink-test-client-secret-0123456789abcdef');
const otherKey = process.argv.includes('--publish-other-key');
const endSession = !process.argv.includes('--no-end-session');
if (!redirect) {
  console.error('usage: provider.mjs --port N --redirect URI [--secret S] [--publish-other-key] '
    + '[--post-logout URI] [--no-end-session]');
  process.exit(2);
}
const postLogout = arg('post-logout', redirect.replace(/_\/oidc\/callback$/, ''));

// The accounts: the login is the account id.
const ACCOUNTS = {
  alice: { email: 'alice@allowed.test', email_verified: true, name: 'Alice', groups: ['senders', 'staff'] },
  bob: { email: 'bob@other.test', email_verified: true, name: 'Bob', groups: ['staff'] },
  carol: { email: 'carol@other.test', email_verified: true, name: 'Carol', groups: ['senders'] },
  // In 150 groups, named by object id as Entra ID names them: an ID token
  // too large to keep in a session cookie.
  dave: {
    email: 'dave@allowed.test',
    email_verified: true,
    name: 'Dave',
    groups: ['senders', ...Array.from({ length: 150 }, (_, i) => `0b5e${String(i).padStart(4, '0')}-7c1d-4a8e-9f2b-3d6c8e1a5f70`)],
  },
};

const kid = 'test-key-1';
function rsaJwk() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
}
const signing = rsaJwk();
const published = otherKey ? rsaJwk() : signing;
const publicOnly = ({ kty, n, e, kid: k, alg, use }) => ({ kty, n, e, kid: k, alg, use });

// Listen first, so the issuer carries the real port.
const server = createServer();
await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'hushlink',
    client_secret: secret,
    redirect_uris: [redirect],
    post_logout_redirect_uris: [postLogout],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: arg('token-auth', 'client_secret_basic'),
  }],
  jwks: { keys: [signing] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    groups: ['groups'],
  },
  scopes: ['openid', 'email', 'profile', 'groups'],
  // The claims of the granted scopes go into the ID token itself, as most
  // providers do for groups (Keycloak, Entra ID, Authentik).
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: endSession } },
  cookies: { keys: ['hushlink-oidc-test-cookie-key'] },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...account }; } };
  },
  // No consent screen for the one test client: every requested scope is granted.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(ctx.oidc.params.scope);
    grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups']);
    await grant.save();
    return grant;
  },
  renderError(ctx, out) {
    ctx.type = 'text/plain';
    ctx.body = `${out.error}: ${out.error_description ?? ''}`;
  },
});

// The swapped JWKS, in front of the provider's own handler.
provider.use(async (ctx, next) => {
  if (otherKey && ctx.method === 'GET' && ctx.path === '/jwks') {
    ctx.type = 'application/jwk-set+json';
    ctx.body = JSON.stringify({ keys: [publicOnly(published)] });
    return;
  }
  await next();
});

server.on('request', provider.callback());
console.log(`listening ${issuer}`);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

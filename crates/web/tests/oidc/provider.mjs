// Minimal OpenID Connect provider for automated tests, built on oidc-provider 9.x.
//
// Usage:  node provider.mjs [PORT]        (or PORT=... node provider.mjs; 0 = pick a free port)
// On success the ONLY thing written to stdout is one line: the issuer URL,
// e.g. "http://127.0.0.1:41234". Everything else (warnings, logs) goes to stderr.
//
// Environment (all optional):
//   PORT                    port to listen on (argv[2] wins); default 0 (ephemeral)
//   OIDC_CLIENT_ID          default "test-client"
//   OIDC_CLIENT_SECRET      default "test-secret"
//   OIDC_REDIRECT_URIS      comma/space separated; default "http://127.0.0.1:8080/auth/oidc/callback"
//   OIDC_TOKEN_AUTH_METHOD  client_secret_basic (default) | client_secret_post
//   OIDC_CLIENTS            JSON array of full client metadata objects (overrides the four above)
//   OIDC_ACCOUNTS           JSON object accountId -> { email, email_verified } (overrides the defaults)
//   EXIT_ON_STDIN_EOF=1     exit when stdin closes (so a crashed test runner cannot leave us orphaned)
//
// Login without a human (plain HTTP):
//   GET  <authorization URL>              -> 303 to /interaction/<uid>   (sets _interaction, _interaction_resume cookies)
//   GET  /interaction/<uid>               -> 200 HTML login form (optional; just for browsers)
//   POST /interaction/<uid>/login         body: login=<account id or email>  (send the _interaction cookie)
//                                         -> 303 to /auth/<uid>
//   GET  /auth/<uid>                      (send the _interaction_resume cookie)
//                                         -> 303 to <redirect_uri>?code=...&state=...&iss=...
//   Consent is granted automatically (loadExistingGrant), so there is no consent step.
//   POST /interaction/<uid>/abort         -> 303 .. -> redirect_uri?error=access_denied&state=...

// stdout is reserved for the single issuer line: oidc-provider prints NOTICEs via console.info,
// so route console.log/info to stderr, and never die of EPIPE if the parent stops reading stdout.
console.log = console.error;
console.info = console.error;
process.stdout.on('error', () => {});

import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Provider, errors } from 'oidc-provider';

const port = Number(process.argv[2] ?? process.env.PORT ?? 0);
const host = '127.0.0.1';

const ACCOUNTS = process.env.OIDC_ACCOUNTS
  ? JSON.parse(process.env.OIDC_ACCOUNTS)
  : {
      alice: { email: 'alice@example.test', email_verified: true },
      bob: { email: 'bob@example.test', email_verified: true },
      // for testing the "unverified e-mail is rejected" path
      mallory: { email: 'mallory@example.test', email_verified: false },
    };

function resolveAccountId(login) {
  if (typeof login !== 'string') return undefined;
  const l = login.trim();
  if (Object.hasOwn(ACCOUNTS, l)) return l;
  const lower = l.toLowerCase();
  return Object.keys(ACCOUNTS).find((id) => ACCOUNTS[id].email?.toLowerCase() === lower);
}

const clients = process.env.OIDC_CLIENTS
  ? JSON.parse(process.env.OIDC_CLIENTS)
  : [{
      client_id: process.env.OIDC_CLIENT_ID ?? 'test-client',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'test-secret',
      redirect_uris: (process.env.OIDC_REDIRECT_URIS ?? 'http://127.0.0.1:8080/auth/oidc/callback')
        .split(/[\s,]+/).filter(Boolean),
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: process.env.OIDC_TOKEN_AUTH_METHOD ?? 'client_secret_basic',
    }];

// Fresh RS256 signing key per process (avoids the built-in, publicly known dev keys).
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };

const server = createServer();
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, host, resolve);
});
const issuer = `http://${host}:${server.address().port}`;

const provider = new Provider(issuer, {
  clients,
  jwks: { keys: [jwk] },
  cookies: {
    // signed cookies (adds *.sig companions); plain http is fine: the Secure flag is
    // only set when the request itself is https (ctx.secure), so nothing else to configure.
    keys: [randomBytes(32).toString('hex')],
  },
  // explicit TTLs (seconds) -- also silences the "default ttl.* function called" notices
  ttl: {
    AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600,
    Interaction: 600, Session: 86400, Grant: 86400,
  },
  pkce: { required: () => true }, // S256 is the only method accepted by 9.x
  scopes: ['openid', 'email'],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
  },
  // By default (true) a code-flow ID token carries only sub/...; scope claims would only be
  // available from /userinfo. Turn that off so email + email_verified are in the id_token.
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: false }, // we implement /interaction/* below
  },
  interactions: {
    url: (ctx, interaction) => `/interaction/${interaction.uid}`,
  },
  // Auto-consent: every client gets the scopes/claims it asks for, so the only
  // interaction is the login prompt.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const existing = await ctx.oidc.provider.Grant.find(grantId);
      if (existing) return existing;
    }
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email');
    grant.addOIDCClaims(['email', 'email_verified']);
    await grant.save();
    return grant;
  },
  async findAccount(ctx, sub) {
    const account = ACCOUNTS[sub];
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        return { sub, email: account.email, email_verified: account.email_verified ?? false };
      },
    };
  },
  async renderError(ctx, out, error) {
    ctx.type = 'json';
    ctx.body = out;
    console.error('[oidc-test-provider] renderError', out, error?.message);
  },
});

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, clientId, error) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Test IdP sign-in</title></head>
<body><h1>Test IdP sign-in</h1><p>Client: <code>${esc(clientId)}</code></p>
${error ? `<p id="error" role="alert">${esc(error)}</p>` : ''}
<form id="login-form" method="post" action="/interaction/${esc(uid)}/login">
  <label>Account id or e-mail <input id="login" name="login" autofocus required></label>
  <button id="submit" type="submit">Sign in</button>
</form>
<form id="abort-form" method="post" action="/interaction/${esc(uid)}/abort"><button id="abort" type="submit">Cancel</button></form>
</body></html>`;
}

async function readForm(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res, status, type, body) {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

async function interactionRoute(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new errors.SessionNotFound('interaction uid mismatch');
  const { prompt, params } = details;

  if (req.method === 'GET' && !action) {
    if (prompt.name === 'login') {
      return send(res, 200, 'text/html; charset=utf-8', loginPage(uid, params.client_id));
    }
    // consent should never be needed (loadExistingGrant), but finish it anyway
    return provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
  }
  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const accountId = resolveAccountId(form.get('login'));
    if (!accountId) {
      return send(res, 401, 'text/html; charset=utf-8', loginPage(uid, params.client_id, 'Unknown account'));
    }
    return provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
  }
  if (req.method === 'POST' && action === 'abort') {
    return provider.interactionFinished(req, res, {
      error: 'access_denied', error_description: 'End-User aborted interaction',
    }, { mergeWithLastSubmission: false });
  }
  return send(res, 404, 'text/plain', 'not found');
}

const providerCallback = provider.callback();
server.on('request', (req, res) => {
  const m = /^\/interaction\/([^/?]+)(?:\/(login|abort))?\/?(?:\?.*)?$/.exec(req.url);
  if (!m) return providerCallback(req, res);
  interactionRoute(req, res, m[1], m[2]).catch((err) => {
    console.error('[oidc-test-provider] interaction error:', err.message);
    if (!res.headersSent) send(res, err.statusCode ?? 500, 'text/plain', `${err.name}: ${err.message}`);
    else res.end();
  });
});

provider.on('server_error', (ctx, err) => console.error('[oidc-test-provider] server_error', err));

process.stdout.write(`${issuer}\n`);

const shutdown = () => server.close(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
if (process.env.EXIT_ON_STDIN_EOF === '1') {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('close', () => process.exit(0));
  process.stdin.resume();
}

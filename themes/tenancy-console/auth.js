// Sign-in through Keycloak's own login: authorization code with PKCE (S256), public client tenancy-console.
// The tokens live in this module's variables and nowhere else: not in a URL, not in storage, not in a cookie of
// ours. Only what the redirect must survive — state, nonce, the PKCE verifier and the page to return to — waits
// in sessionStorage, and is removed the moment Keycloak sends the browser back.

const CLIENT_ID = 'tenancy-console';
const PENDING = 'tenancy-console.sign-in';
const REFRESH_MARGIN_SECONDS = 30;

export class SignInError extends Error {}

export class Session {
  #endpoints;
  #redirectUri;
  #tokens = null;
  #expiresAt = 0;
  #refreshing = null;

  constructor(realm, base) {
    this.#endpoints = `${location.origin}${base}/realms/${encodeURIComponent(realm)}/protocol/openid-connect`;
    this.#redirectUri = location.origin + location.pathname;
  }

  /** Finishes a sign-in that Keycloak just redirected back from, or starts one. Resolves once signed in. */
  async start(locale) {
    const query = new URLSearchParams(location.search);
    const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
    sessionStorage.removeItem(PENDING);
    if (query.has('state') && pending && pending.state === query.get('state')) {
      return this.#finish(query, pending);
    }
    // No sign-in of this tab is waiting for this answer (a link someone sent, a page restored from history):
    // its parameters are ignored, and a fresh sign-in starts.
    await this.#begin(locale, pending?.route ?? location.hash);
    return new Promise(() => {}); // the browser is leaving for the login page
  }

  /** The claims of the current access token (who, which admin roles). */
  get claims() {
    return decodePayload(this.#tokens.access_token);
  }

  /** A valid access token, refreshed shortly before it expires. */
  async accessToken() {
    if (Date.now() / 1000 > this.#expiresAt - REFRESH_MARGIN_SECONDS) {
      this.#refreshing ??= this.#refresh().finally(() => { this.#refreshing = null; });
      await this.#refreshing;
    }
    return this.#tokens.access_token;
  }

  /** Asks Keycloak for a new token now, so that changed roles or modules show at once. */
  async renew() {
    this.#refreshing ??= this.#refresh().finally(() => { this.#refreshing = null; });
    await this.#refreshing;
  }

  /** Signs out of Keycloak: a form POST, so the ID token hint travels in a body and not in a URL. */
  signOut() {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = `${this.#endpoints}/logout`;
    const fields = { client_id: CLIENT_ID, post_logout_redirect_uri: this.#redirectUri,
      id_token_hint: this.#tokens?.id_token ?? '' };
    for (const [name, value] of Object.entries(fields)) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      form.append(input);
    }
    this.#tokens = null;
    document.body.append(form);
    form.submit();
  }

  async #begin(locale, route) {
    const verifier = randomText(48);
    const pending = { state: randomText(24), nonce: randomText(24), verifier, route };
    sessionStorage.setItem(PENDING, JSON.stringify(pending));
    const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
    const url = new URL(`${this.#endpoints}/auth`);
    url.search = new URLSearchParams({
      client_id: CLIENT_ID, redirect_uri: this.#redirectUri, response_type: 'code', response_mode: 'query',
      scope: 'openid', state: pending.state, nonce: pending.nonce, code_challenge: challenge,
      code_challenge_method: 'S256', ui_locales: locale,
    }).toString();
    // replace, not assign: Back after signing in must not return to a used authorization request.
    location.replace(url.toString());
  }

  async #finish(query, pending) {
    history.replaceState(null, '', location.pathname + (pending.route?.startsWith('#') ? pending.route : ''));
    if (query.has('error')) {
      throw new SignInError(query.get('error_description') || query.get('error'));
    }
    if (!query.get('code')) {
      throw new SignInError('no code');
    }
    await this.#tokenRequest({ grant_type: 'authorization_code', code: query.get('code'),
      redirect_uri: this.#redirectUri, code_verifier: pending.verifier });
    if (decodePayload(this.#tokens.id_token ?? '').nonce !== pending.nonce) {
      this.#tokens = null;
      throw new SignInError('nonce');
    }
  }

  async #refresh() {
    if (!this.#tokens?.refresh_token) {
      throw new SignInError('session');
    }
    await this.#tokenRequest({ grant_type: 'refresh_token', refresh_token: this.#tokens.refresh_token });
  }

  async #tokenRequest(fields) {
    const response = await fetch(`${this.#endpoints}/token`, {
      method: 'POST', credentials: 'omit', cache: 'no-store',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: CLIENT_ID, ...fields }),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      this.#tokens = null;
      throw new SignInError(answer.error_description || answer.error || String(response.status));
    }
    this.#tokens = { ...this.#tokens, ...answer };
    this.#expiresAt = Date.now() / 1000 + Number(answer.expires_in || 60);
  }
}

function decodePayload(jwt) {
  const part = jwt.split('.')[1];
  if (!part) {
    return {};
  }
  const bytes = Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function randomText(length) {
  return base64Url(crypto.getRandomValues(new Uint8Array(length)));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// The REST APIs the console calls — the same as any program's: the self-service API under
// /realms/{realm}/tenancy and, for realm admins, the admin API under /admin/realms/{realm}/tenancy.

export class ApiError extends Error {
  constructor(status, message, retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

export class Api {
  #session;
  #realm;
  #base;

  /** Called when the session has ended (a refused refresh, or a 401): the shell offers to sign in again. */
  onSessionEnded = () => {};

  constructor(session, realm, base) {
    this.#session = session;
    this.#realm = encodeURIComponent(realm);
    this.#base = base;
  }

  /** A call to the self-service API; {@code path} starts with a slash. */
  self(method, path, body) {
    return this.#call(method, `${this.#base}/realms/${this.#realm}/tenancy${path}`, body);
  }

  /** A call to the tenancy admin API. */
  admin(method, path, body) {
    return this.#call(method, `${this.#base}/admin/realms/${this.#realm}/tenancy${path}`, body);
  }

  /** A call to Keycloak's own admin API of the realm (groups for invitations). */
  keycloakAdmin(method, path, body) {
    return this.#call(method, `${this.#base}/admin/realms/${this.#realm}${path}`, body);
  }

  async #call(method, url, body) {
    let token;
    try {
      token = await this.#session.accessToken();
    } catch (e) {
      this.onSessionEnded();
      throw new ApiError(401, '');
    }
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit', cache: 'no-store' });
    } catch (e) {
      throw new ApiError(0, '');
    }
    const text = await response.text();
    const data = text ? parse(text) : null;
    if (response.status === 401) {
      this.onSessionEnded();
    }
    if (!response.ok) {
      const message = data && (data.errorMessage || data.error_description || data.error);
      throw new ApiError(response.status, typeof message === 'string' ? message : '',
        response.headers.get('Retry-After'));
    }
    return data;
  }
}

/** Escapes one path segment (an id from an answer, never trusted to be URL-safe). */
export function segment(value) {
  return encodeURIComponent(String(value));
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

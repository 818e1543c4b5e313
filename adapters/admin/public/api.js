/** Calls the console's JSON API with the session cookie and, on every change, the CSRF token. */
import { notify } from './dom.js';

let csrfToken = '';

export function useCsrfToken(token) {
  csrfToken = token;
}

/** The session ended (expired, signed out elsewhere): the page asks to sign in again. */
export class SignedOutError extends Error {}

/**
 * A refused request: `message` says why in Traditional Chinese, `issues` are the check's problems (file, line).
 */
export class RefusedError extends Error {
  constructor(message, issues, status) {
    super(message);
    this.issues = issues;
    this.status = status;
  }
}

/**
 * @param {string} path
 * @param {{ method?: string, body?: unknown }} [options]
 */
export async function api(path, options = {}) {
  const method = options.method ?? 'GET';
  const headers = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  if (response.status === 204) return undefined;
  const data = await response.json().catch(() => ({}));
  if (response.status === 401 && path !== '/admin/session') throw new SignedOutError('請重新登入');
  if (!response.ok) throw new RefusedError(data.error?.message ?? `伺服器回應 ${response.status}`, data.issues ?? [], response.status);
  return data;
}

/** Says a failed request's reason; an ended session sends the page back to sign-in. */
export function report(error) {
  if (error instanceof SignedOutError) document.dispatchEvent(new CustomEvent('console:signed-out'));
  else notify(error.message ?? String(error), true);
}

// The JSON API over fetch: session cookie, CSRF header on writes, the chosen language in Accept-Language,
// 401 → login page, problem+json → ApiError.
import { t, languageHeaders } from './i18n.js';

/** An error answer of the API (RFC 9457 problem+json). */
export class ApiError extends Error {
  constructor(status, problem) {
    const detail = problem && (problem.detail || problem.title);
    super(detail || t('ui.error.status', { status: String(status) }));
    this.status = status;
    this.problem = problem || {};
    const errors = Array.isArray(this.problem.errors) ? this.problem.errors : [];
    // a 409 names the field at fault, if any, in "field"
    this.fieldErrors = errors.length ? errors
      : (this.problem.field ? [{ field: this.problem.field, reason: detail }] : []);
  }

  /** What to tell a user. */
  get userMessage() {
    if (this.status === 403) {
      return this.problem.detail || t('ui.error.forbidden');
    }
    if (this.status === 0) return this.message;
    return this.message;
  }
}

function cookie(name) {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return decodeURIComponent(trimmed.slice(prefix.length));
  }
  return null;
}

/** Headers every write sends: the CSRF token from the XSRF-TOKEN cookie, when there is one. */
export function csrfHeaders() {
  const token = cookie('XSRF-TOKEN');
  return token ? { 'X-XSRF-TOKEN': token } : {};
}

export function goToLogin() {
  if (location.pathname !== '/login') location.assign('/login');
}

/**
 * JSON.parse that keeps decimals exact: a number with a fraction, an exponent or more than 15 digits becomes the
 * string it was written as ("250000000.00" stays "250000000.00"), so money is shown exactly as the API gives it.
 */
export function parseJson(text) {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      let j = i + 1;
      while (j < n && /[0-9eE+\-.]/.test(text[j])) j += 1;
      const token = text.slice(i, j);
      const digits = token.replace(/[^0-9]/g, '').length;
      out += /[.eE]/.test(token) || digits > 15 ? `"${token}"` : token;
      i = j;
    } else {
      out += c;
      i += 1;
    }
  }
  return JSON.parse(out);
}

async function send(method, path, body, extra = {}) {
  const headers = { Accept: 'application/json, application/problem+json', ...languageHeaders(), ...extra };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') Object.assign(headers, csrfHeaders());
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { detail: t('ui.error.unreachable', { reason: e.message }) });
  }
  return response;
}

/** Sends a request (extra: more headers); answers {status, data, headers}, or throws ApiError. */
export async function request(method, path, body, extra = {}) {
  const hadToken = cookie('XSRF-TOKEN') !== null;
  let response = await send(method, path, body, extra);
  if (response.status === 403 && method !== 'GET' && !hadToken) {
    // no CSRF cookie yet: a read makes the server issue one; then try once more
    await fetch('/api/me', { credentials: 'same-origin', headers: languageHeaders() }).catch(() => null);
    if (cookie('XSRF-TOKEN') !== null) response = await send(method, path, body, extra);
  }
  if (response.status === 401 || (response.redirected && new URL(response.url).pathname === '/login')) {
    goToLogin();
    throw new ApiError(401, { detail: t('ui.error.signIn') });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = parseJson(text);
    } catch (e) {
      data = response.ok ? text : { detail: t('ui.error.status', { status: String(response.status) }) };
    }
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return { status: response.status, data, headers: response.headers };
}

export const get = async (path) => (await request('GET', path)).data;
export const post = async (path, body, extra = {}) => (await request('POST', path, body, extra)).data;
export const put = async (path, body, extra = {}) => (await request('PUT', path, body, extra)).data;
export const del = async (path) => (await request('DELETE', path)).data;

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const enc = encodeURIComponent;

/** A random UUID (also where crypto.randomUUID is missing: pages served over plain HTTP on a network address). */
export function uuid() {
  if (window.crypto && typeof window.crypto.randomUUID === 'function' && window.isSecureContext) return window.crypto.randomUUID();
  const b = window.crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// The one HTTP wrapper. Every call to /api/v1 goes through `request`.
//
// - cookies: same-origin only (the session cookie is HttpOnly, SameSite=Strict);
// - JSON in, JSON out; 204 resolves to undefined; a file upload may send its
//   raw bytes instead (`raw`), still reading JSON back;
// - extra headers (If-Match for optimistic writes) go in `headers`;
// - state-changing methods carry `X-CSRF-Token` from the session;
// - failures reject with ApiError (see error.ts);
// - a 401 on an ordinary call means the session ended: the configured
//   handler sends the user to the sign-in page. Calls that expect 401 as an
//   answer (sign-in, the "who am I" probe) opt out with `expectUnauthorized`,
//   and a 401 that only rejects a credential typed into a form
//   (`invalid_credentials`, `totp_required`) never ends the session.
//
// The wrapper knows nothing of Pinia or the router; main.ts wires them in via
// configureHttp, which keeps this file testable without a browser.

import { networkError, toApiError } from './error'

export const API_BASE = '/api/v1'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type Query = Record<string, string | number | boolean | null | undefined>

export interface HttpConfig {
  /** Current CSRF token, or null before sign-in. */
  csrfToken: () => string | null
  /** Called once per 401 on a call that did not expect one. */
  onUnauthorized: () => void
  fetch: typeof fetch
}

export interface RequestOptions {
  query?: Query
  body?: unknown
  signal?: AbortSignal
  /** A 401 is a normal answer for this call: do not end the session. */
  expectUnauthorized?: boolean
  /** Extra request headers, e.g. `If-Match`. They cannot replace the CSRF token. */
  headers?: Record<string, string>
  /** Sent as is instead of a JSON `body` (file uploads), labelled with `contentType`. */
  raw?: { data: Blob | ArrayBuffer | Uint8Array; contentType: string }
}

const config: HttpConfig = {
  csrfToken: () => null,
  onUnauthorized: () => {},
  fetch: (...args) => globalThis.fetch(...args),
}

export function configureHttp(overrides: Partial<HttpConfig>): void {
  Object.assign(config, overrides)
}

const unsafeMethods: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** 401 codes that reject what the user typed, not the session itself. */
const credentialCodes: ReadonlySet<string> = new Set(['invalid_credentials', 'totp_required'])

/** `/users` + {page: 2, q: ''} → `/api/v1/users?page=2`. Empty values are dropped. */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const qs = params.toString()
  return API_BASE + path + (qs ? `?${qs}` : '')
}

export function buildHeaders(
  method: Method,
  hasBody: boolean,
  csrf: string | null,
  extra: Record<string, string> = {},
  contentType = 'application/json',
): Headers {
  const headers = new Headers({ Accept: 'application/json' })
  for (const [name, value] of Object.entries(extra)) headers.set(name, value)
  if (hasBody) headers.set('Content-Type', contentType)
  if (unsafeMethods.has(method) && csrf) headers.set('X-CSRF-Token', csrf)
  return headers
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text()
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const raw = opts.raw
  const hasBody = raw !== undefined || opts.body !== undefined
  let res: Response
  try {
    res = await config.fetch(buildUrl(path, opts.query), {
      method,
      credentials: 'same-origin',
      headers: buildHeaders(method, hasBody, config.csrfToken(), opts.headers, raw?.contentType),
      body: raw ? (raw.data as BodyInit) : hasBody ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw networkError()
  }
  const body = await readJson(res).catch(() => undefined)
  if (!res.ok) {
    const error = toApiError(res.status, body)
    if (res.status === 401 && !opts.expectUnauthorized && !credentialCodes.has(error.code)) {
      config.onUnauthorized()
    }
    throw error
  }
  return body as T
}

export const http = {
  get: <T>(path: string, query?: Query, opts?: RequestOptions) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('PATCH', path, { ...opts, body }),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
}

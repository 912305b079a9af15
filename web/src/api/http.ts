// The one HTTP wrapper. Every call to /api/v1 goes through `request`.
//
// - cookies: same-origin only (the session cookie is HttpOnly, SameSite=Strict);
// - JSON in, JSON out; 204 resolves to undefined; a file upload may send its
//   raw bytes instead (`raw`), still reading JSON back;
// - extra headers (If-Match for optimistic writes) go in `headers`;
// - state-changing methods carry `X-CSRF-Token` from the session;
// - failures reject with ApiError (see error.ts), a 429 with its Retry-After;
// - the public portal's calls (/api/public/v1) use `base: PUBLIC_API_BASE`;
// - a file to save (issued documents) comes back as a Blob from `download`;
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
/** The portal's API, open without sign-in. */
export const PUBLIC_API_BASE = '/api/public/v1'

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
  /** The API prefix; `API_BASE` unless stated. */
  base?: string
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
export function buildUrl(path: string, query?: Query, base: string = API_BASE): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const qs = params.toString()
  return base + path + (qs ? `?${qs}` : '')
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

async function send(method: Method, path: string, opts: RequestOptions, accept?: string): Promise<Response> {
  const raw = opts.raw
  const hasBody = raw !== undefined || opts.body !== undefined
  const headers = buildHeaders(method, hasBody, config.csrfToken(), opts.headers, raw?.contentType)
  if (accept) headers.set('Accept', accept)
  let res: Response
  try {
    res = await config.fetch(buildUrl(path, opts.query, opts.base), {
      method,
      credentials: 'same-origin',
      headers,
      body: raw ? (raw.data as BodyInit) : hasBody ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw networkError()
  }
  if (!res.ok) {
    const body = await readJson(res).catch(() => undefined)
    const error = toApiError(res.status, body, res.headers.get('Retry-After'))
    if (res.status === 401 && !opts.expectUnauthorized && !credentialCodes.has(error.code)) {
      config.onUnauthorized()
    }
    throw error
  }
  return res
}

export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts)
  return (await readJson(res).catch(() => undefined)) as T
}

export interface DownloadedFile {
  blob: Blob
  /** From `Content-Disposition`, or "" when the server named none. */
  filename: string
}

/**
 * The file in `Content-Disposition`: RFC 5987 `filename*=UTF-8''…` first (the
 * server percent-encodes Chinese names that way), then a plain `filename=`.
 * Path separators are replaced so the name cannot point elsewhere.
 */
export function filenameFromDisposition(header: string | null | undefined): string {
  const text = header ?? ''
  let name = ''
  const star = /filename\*\s*=\s*([^;]+)/i.exec(text)
  if (star) {
    const value = star[1].trim().replace(/^"(.*)"$/, '$1')
    const m = /^([\w-]+)'[^']*'(.*)$/.exec(value)
    try {
      name = decodeURIComponent(m ? m[2] : value)
    } catch {
      name = ''
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(text)
    if (plain) name = (plain[2] ?? plain[1]).trim()
  }
  return name.replace(/[\\/]/g, '_')
}

/** GETs a file (PDF, Word …) as a Blob; failures reject with ApiError as for JSON calls. */
export async function download(path: string, opts: RequestOptions = {}): Promise<DownloadedFile> {
  const res = await send('GET', path, opts, '*/*')
  const blob = await res.blob()
  return { blob, filename: filenameFromDisposition(res.headers.get('Content-Disposition')) }
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

// ApiError: the one error type every API call rejects with.
//
// The server answers failures with `{"error":{"code","message","details"}}`
// (message already in Chinese). Anything else — a proxy's HTML page, an empty
// body, a dropped connection — is mapped here to the same shape so that views
// only ever deal with one kind of error.

export type FieldErrors = Record<string, string>

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: Record<string, unknown>
  /** Seconds to wait before trying again (a 429's `Retry-After`), or null. */
  readonly retryAfter: number | null

  constructor(
    status: number,
    code: string,
    message: string,
    details: Record<string, unknown> = {},
    retryAfter: number | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
    this.retryAfter = retryAfter
  }

  /** Per-field validation messages from a 422 body (`details.fields`), or {}. */
  get fields(): FieldErrors {
    const raw = this.details.fields
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {}
    const out: FieldErrors = {}
    for (const [name, msg] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof msg === 'string') out[name] = msg
    }
    return out
  }
}

export const NETWORK_ERROR = 'network_error'

const fallbackMessages: Record<number, string> = {
  400: '请求格式有误',
  401: '登录已失效，请重新登录',
  403: '没有执行此操作的权限',
  404: '请求的内容不存在',
  409: '数据已被他人修改，请刷新后重试',
  413: '提交的内容过大',
  415: '不支持的内容格式',
  422: '提交的内容未通过校验',
  423: '账号已被锁定',
  428: '缺少版本信息，请刷新后重试',
  429: '操作过于频繁，请稍后再试',
}

/** A Chinese message for a status when the body carries none. */
export function fallbackMessage(status: number): string {
  if (status === 0) return '无法连接服务器，请检查网络后重试'
  if (fallbackMessages[status]) return fallbackMessages[status]
  if (status >= 500) return '服务器暂时无法处理请求，请稍后重试'
  return `请求失败（${status}）`
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

/**
 * `Retry-After` as whole seconds: delta-seconds ("30") or an HTTP date, measured
 * from `now`. Null when absent or unreadable; never negative.
 */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | null {
  const text = (header ?? '').trim()
  if (text === '') return null
  if (/^\d+$/.test(text)) return Number(text)
  if (!/GMT$/i.test(text)) return null
  const at = Date.parse(text)
  if (Number.isNaN(at)) return null
  return Math.max(0, Math.ceil((at - now) / 1000))
}

/**
 * Maps an HTTP status and the parsed body (or undefined when the body was not
 * JSON) to an ApiError; `retryAfter` is the answer's `Retry-After` header.
 * Pure; never throws.
 */
export function toApiError(status: number, body: unknown, retryAfter?: string | null): ApiError {
  const err = isRecord(body) && isRecord(body.error) ? body.error : undefined
  const code = typeof err?.code === 'string' && err.code !== '' ? err.code : `http_${status}`
  const message =
    typeof err?.message === 'string' && err.message !== '' ? err.message : fallbackMessage(status)
  const details = isRecord(err?.details) ? err.details : {}
  return new ApiError(status, code, message, details, parseRetryAfter(retryAfter))
}

/** The error for a request that never got an HTTP answer. */
export function networkError(): ApiError {
  return new ApiError(0, NETWORK_ERROR, fallbackMessage(0))
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

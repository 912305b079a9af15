// The portal's pure helpers: how an entry's state and published fields read,
// the comment form's checks (the server's rules, so most mistakes never leave
// the page) and the messages for a refused comment.
import { isApiError } from '@/api/error'
import type { NewComment, PublicEntry } from '@/api/portal'

/** Documents no longer in force: listed, but marked so nobody relies on them. */
export const REVOKED_STATES: ReadonlySet<string> = new Set(['abolished', 'invalidated', 'expired'])

export type EntryStatus = 'revoked' | 'valid' | 'commenting' | 'other'

/** What an entry's state (`PublicEntry.state`) means to a reader. */
export function entryStatus(state: string): EntryStatus {
  if (REVOKED_STATES.has(state)) return 'revoked'
  if (state === 'valid') return 'valid'
  if (state === 'commenting') return 'commenting'
  return 'other'
}

type TagType = 'success' | 'info' | 'danger' | 'warning' | 'primary'

export function statusTagType(state: string): TagType {
  return ({ revoked: 'danger', valid: 'success', commenting: 'warning', other: 'primary' } as const)[entryStatus(state)]
}

/** A published value as text: "—" for nothing, lists joined with 、, 是/否 for booleans. */
export function publicValueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value)) return value.length ? value.map(publicValueText).join('、') : '—'
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '—'
  if (typeof value === 'object') {
    const named = (value as Record<string, unknown>).name
    return typeof named === 'string' && named ? named : '—'
  }
  return String(value)
}

export interface PublishedField {
  key: string
  label: string
  text: string
  /** Long text keeps its line breaks. */
  multiline: boolean
}

/** The entry's published fields in the server's order. */
export function publishedFields(e: Pick<PublicEntry, 'fields'>): PublishedField[] {
  return Object.entries(e.fields ?? {}).map(([key, f]) => {
    const text = publicValueText(f?.value)
    return { key, label: f?.label || key, text, multiline: text.includes('\n') || text.length > 60 }
  })
}

// --- the comment form ---

export const AUTHOR_MAX = 50
export const CONTENT_MIN = 5
export const CONTENT_MAX = 5000

/** Counts characters as the server does (code points, so 𠀀 is one). */
export function charCount(text: string): number {
  return [...text].length
}

export function isMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone)
}

export type CommentErrors = Partial<Record<keyof NewComment, string>>

/** The comment as it will be sent (trimmed, no empty contact) and what is wrong with it. */
export function checkComment(form: { author: string; contact: string; content: string }): {
  comment: NewComment
  errors: CommentErrors
} {
  const author = form.author.trim()
  const contact = form.contact.trim()
  const content = form.content.trim()
  const errors: CommentErrors = {}
  if (charCount(author) === 0 || charCount(author) > AUTHOR_MAX) errors.author = `请填写姓名或单位名称（不超过 ${AUTHOR_MAX} 字）`
  if (contact && !isMobile(contact)) errors.contact = '联系电话须为有效的手机号码'
  const n = charCount(content)
  if (n < CONTENT_MIN || n > CONTENT_MAX) errors.content = `意见内容须为 ${CONTENT_MIN} 至 ${CONTENT_MAX} 字`
  const comment: NewComment = contact ? { author, contact, content } : { author, content }
  return { comment, errors }
}

/** "45 秒", "2 分钟" (rounded up): how long to wait before trying again. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} 秒`
  return `${Math.ceil(seconds / 60)} 分钟`
}

/** The message for a comment the server refused; a 429 says how long to wait. */
export function commentFailure(e: unknown): string {
  if (!isApiError(e)) return '提交失败，请稍后重试'
  if (e.status === 429) {
    return e.retryAfter !== null ? `${e.message}（请 ${waitText(e.retryAfter)}后再提交）` : e.message
  }
  return e.message
}

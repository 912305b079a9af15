// Showing kind field values as text, by field type. Pure: names of orgs, users,
// attachments and linked matters come from the caller's lookups.
import type { FieldDef, FieldType, Kind, MaskedParty, PartyPart } from '@/api/matters'

export interface FormatContext {
  orgName?: (id: string) => string | undefined
  userName?: (id: string) => string | undefined
  attachmentName?: (id: string) => string | undefined
  matterTitle?: (id: string) => string | undefined
}

/** Shown for a field that has no value. */
export const EMPTY = '—'

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 })
const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v)
    return Number.isFinite(n) ? n : null
  }
  return null
}

/** 1234.5 → "1,234.50 元". */
export function formatMoney(v: unknown): string {
  const n = asNumber(v)
  return n === null ? EMPTY : `${money.format(n)} 元`
}

/** Byte counts for attachments: 532 B, 12.3 KB, 4.0 MB. */
export function formatBytes(size: number): string {
  if (!Number.isFinite(size) || size < 0) return ''
  if (size < 1024) return `${size} B`
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`
  if (size < 1024 * 1024 * 1024) return `${(size / 1024 / 1024).toFixed(1)} MB`
  return `${(size / 1024 / 1024 / 1024).toFixed(1)} GB`
}

const partLabels: Record<PartyPart, string> = { name: '姓名/名称', idNumber: '证件号码', phone: '联系电话' }

export interface PartyPartView {
  part: PartyPart
  label: string
  value: string
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

/** The non-empty parts of a (masked) party, in a fixed order. */
export function partyParts(value: unknown): PartyPartView[] {
  if (!isRecord(value)) return []
  const out: PartyPartView[] = []
  for (const part of ['name', 'idNumber', 'phone'] as const) {
    const v = value[part]
    if (typeof v === 'string' && v !== '') out.push({ part, label: partLabels[part], value: v })
  }
  return out
}

// Ids are never 0: the engine writes "0" for "nobody" (e.g. no assignee yet).
function idText(v: unknown): string | null {
  if (typeof v === 'string' && v !== '' && v !== '0') return v
  if (typeof v === 'number' && Number.isFinite(v) && v !== 0) return String(v)
  return null
}

/** True for null, undefined, "", an empty array or object, and a party without a name. */
export function isEmptyValue(v: unknown): boolean {
  if (v === null || v === undefined) return true
  if (typeof v === 'string') return v.trim() === ''
  if (Array.isArray(v)) return v.length === 0
  if (isRecord(v)) return Object.keys(v).length === 0
  return false
}

/** One field value as display text. Unknown ids fall back to "机构 #12" and the like. */
export function formatFieldValue(
  field: Pick<FieldDef, 'type'> | undefined,
  value: unknown,
  ctx: FormatContext = {},
): string {
  if (isEmptyValue(value)) return EMPTY
  const type: FieldType | undefined = field?.type
  switch (type) {
    case 'text':
    case 'long_text':
    case 'enum':
    case 'date':
      return typeof value === 'string' ? value : String(value)
    case 'number': {
      const n = asNumber(value)
      return n === null ? String(value) : grouped.format(n)
    }
    case 'money':
      return formatMoney(value)
    case 'org': {
      const id = idText(value)
      return id === null ? EMPTY : (ctx.orgName?.(id) ?? `机构 #${id}`)
    }
    case 'user': {
      const id = idText(value)
      return id === null ? EMPTY : (ctx.userName?.(id) ?? `用户 #${id}`)
    }
    case 'attachment': {
      const id = idText(value)
      return id === null ? EMPTY : (ctx.attachmentName?.(id) ?? `附件 #${id}`)
    }
    case 'matter_link': {
      const id = idText(value)
      return id === null ? EMPTY : (ctx.matterTitle?.(id) ?? `事项 #${id}`)
    }
    case 'party': {
      const parts = partyParts(value as MaskedParty)
      return parts.length === 0 ? EMPTY : parts.map((p) => (p.part === 'name' ? p.value : `${p.label} ${p.value}`)).join('，')
    }
    default:
      if (typeof value === 'string') return value
      if (typeof value === 'number' || typeof value === 'boolean') return String(value)
      return JSON.stringify(value)
  }
}

/** The label of a state of a kind, or the code itself when unknown. */
export function stateLabel(kind: Pick<Kind, 'states'> | undefined, state: string): string {
  if (!state) return ''
  return kind?.states.find((s) => s.name === state)?.label ?? state
}

// Keys the engine itself writes into a diff besides the kind's fields.
const engineKeys: Readonly<Record<string, { label: string; type: FieldType }>> = {
  title: { label: '标题', type: 'text' },
  assignee: { label: '承办人', type: 'user' },
  number: { label: '文号', type: 'text' },
  attachment: { label: '附件', type: 'text' },
}

/** What a diff key is: a kind field, or one of the engine's own (title, assignee, number). */
function diffField(kind: Pick<Kind, 'fields' | 'titleLabel'> | undefined, key: string): { label: string; type?: FieldType } {
  const own = kind?.fields.find((f) => f.key === key)
  if (own) return own
  if (key === 'title') return { label: kind?.titleLabel || engineKeys.title.label, type: 'text' }
  return engineKeys[key] ?? { label: key }
}

/** The label of a key in a timeline diff; `title` is the kind's title label. */
export function diffLabel(kind: Pick<Kind, 'fields' | 'titleLabel'> | undefined, key: string): string {
  return diffField(kind, key).label
}

export interface DiffLine {
  key: string
  label: string
  before: string
  after: string
}

/** A timeline event's diff, as labelled before/after lines in the kind's field order. */
export function diffLines(
  kind: Pick<Kind, 'fields' | 'titleLabel'> | undefined,
  diff: Record<string, unknown> | null | undefined,
  ctx: FormatContext = {},
): DiffLine[] {
  if (!isRecord(diff)) return []
  const order = new Map<string, number>([
    ['title', -3],
    ['number', -2],
    ['assignee', -1],
  ])
  kind?.fields.forEach((f, i) => order.set(f.key, i))
  const keys = Object.keys(diff).sort((a, b) => (order.get(a) ?? 1e6) - (order.get(b) ?? 1e6) || a.localeCompare(b))
  return keys.map((key) => {
    const pair = diff[key]
    const [before, after] = Array.isArray(pair) ? pair : [undefined, pair]
    const field = diffField(kind, key)
    return {
      key,
      label: field.label,
      before: formatFieldValue(field.type ? { type: field.type } : undefined, before, ctx),
      after: formatFieldValue(field.type ? { type: field.type } : undefined, after, ctx),
    }
  })
}

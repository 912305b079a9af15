// Form models for kind fields: what each input starts with, what counts as
// filled in, and what is sent. Pure, shared by the create, edit and action forms.
//
// Party fields (当事人) hold personal data the server only returns masked, so a
// form never starts with a party filled in: left blank on an edit or an action,
// the stored party stays as it is.
import type { ActionDef, FieldDef, FieldType, FieldValues, Kind, MaskedParty, PartyInput } from '@/api/matters'

export interface PartyDraft {
  name: string
  idNumber: string
  phone: string
}

export type FormValue = string | number | null | PartyDraft
export type FormModel = Record<string, FormValue>

export function blankParty(): PartyDraft {
  return { name: '', idNumber: '', phone: '' }
}

function isParty(v: unknown): v is PartyDraft {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

/** The empty value an input of this type is bound to. */
export function emptyValue(type: FieldType): FormValue {
  switch (type) {
    case 'party':
      return blankParty()
    case 'text':
    case 'long_text':
      return ''
    default:
      return null // numbers, dates and every picker (users too)
  }
}

/** A stored value as the input's starting value (parties start blank, see above). */
export function toFormValue(field: Pick<FieldDef, 'type'>, stored: unknown): FormValue {
  if (field.type === 'party' || stored === null || stored === undefined) return emptyValue(field.type)
  switch (field.type) {
    case 'number':
    case 'money': {
      const n = typeof stored === 'number' ? stored : Number(stored)
      return Number.isFinite(n) ? n : null
    }
    case 'text':
    case 'long_text':
      return typeof stored === 'string' ? stored : String(stored)
    default:
      return typeof stored === 'string' && stored !== '' ? stored : typeof stored === 'number' ? String(stored) : null
  }
}

/** The value to send: trimmed, a party without empty parts, or null when blank. */
export function toRequestValue(field: Pick<FieldDef, 'type'>, v: FormValue | undefined): unknown {
  if (v === undefined || v === null) return null
  if (field.type === 'party') {
    if (!isParty(v)) return null
    const out: PartyInput = { name: v.name.trim() }
    const id = v.idNumber.trim().toUpperCase()
    const phone = v.phone.trim()
    if (id) out.idNumber = id
    if (phone) out.phone = phone
    return out.name === '' && !id && !phone ? null : out
  }
  if (typeof v === 'string') {
    const t = v.trim()
    return t === '' ? null : t
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  return null
}

/** Blank as far as "required" is concerned; a party needs at least its name. */
export function isBlank(field: Pick<FieldDef, 'type'>, v: FormValue | undefined): boolean {
  if (field.type === 'party') return !isParty(v) || v.name.trim() === ''
  return toRequestValue(field, v) === null
}

const choiceTypes: ReadonlySet<FieldType> = new Set(['enum', 'org', 'user', 'date', 'attachment', 'matter_link'])

/** "请填写承办意见" / "请选择审查类别". */
export function requiredMessage(field: Pick<FieldDef, 'type' | 'label'>): string {
  if (field.type === 'party') return `请填写${field.label}的姓名或名称`
  return `${choiceTypes.has(field.type) ? '请选择' : '请填写'}${field.label}`
}

/** A fresh model for the given fields, optionally starting from stored values. */
export function buildModel(fields: readonly FieldDef[], stored: FieldValues = {}): FormModel {
  const model: FormModel = {}
  for (const f of fields) model[f.key] = toFormValue(f, stored[f.key])
  return model
}

/**
 * Messages for required fields left blank, keyed like the server's 422
 * `details.fields`; also for a party given a number or phone but no name.
 */
export function missingRequired(fields: readonly FieldDef[], model: FormModel): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of fields) {
    const v = model[f.key]
    const partial = f.type === 'party' && isBlank(f, v) && toRequestValue(f, v) !== null
    if ((f.required || partial) && isBlank(f, v)) out[f.key] = requiredMessage(f)
  }
  return out
}

/** `fields` for creating a matter: every filled-in field, blanks left out. */
export function createFields(fields: readonly FieldDef[], model: FormModel): FieldValues {
  const out: FieldValues = {}
  for (const f of fields) {
    const v = toRequestValue(f, model[f.key])
    if (v !== null) out[f.key] = v
  }
  return out
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** The stored value in the shape `toRequestValue` produces, for comparisons. */
function normalised(field: Pick<FieldDef, 'type'>, stored: unknown): unknown {
  return toRequestValue(field, toFormValue(field, stored))
}

/**
 * `fields` for an edit: only what changed against the stored values. A blank
 * party means "unchanged"; clearing any other field sends null.
 */
export function changedFields(fields: readonly FieldDef[], stored: FieldValues, model: FormModel): FieldValues {
  const out: FieldValues = {}
  for (const f of fields) {
    const v = toRequestValue(f, model[f.key])
    if (f.type === 'party') {
      if (v !== null) out[f.key] = v
      continue
    }
    if (!same(v, normalised(f, stored[f.key]))) out[f.key] = v
  }
  return out
}

/** A masked party's parts for placeholders in an edit form. */
export function maskedPartyHint(stored: unknown): string {
  if (!isParty(stored)) return ''
  const p = stored as MaskedParty
  return [p.name, p.idNumber, p.phone].filter((s) => typeof s === 'string' && s !== '').join(' / ')
}

type KindShape = Pick<Kind, 'fields' | 'initial'> & {
  actions: readonly Pick<ActionDef, 'require' | 'fields' | 'to'>[]
}

/**
 * Keys a later step fills in: whatever an action requires, and what an action
 * may set unless it leads back to the initial state (补正后重新报送 asks again
 * for what the submission gave).
 */
export function actionFieldKeys(kind: Pick<KindShape, 'actions' | 'initial'>): Set<string> {
  const keys = new Set<string>()
  for (const a of kind.actions) {
    for (const k of a.require ?? []) keys.add(k)
    if (a.to !== kind.initial) for (const k of a.fields ?? []) keys.add(k)
  }
  return keys
}

/**
 * The fields a new matter's form asks for: the required ones, and every other
 * field no later step fills in (a conclusion belongs to the step that concludes).
 */
export function creationFields(kind: KindShape): FieldDef[] {
  const later = actionFieldKeys(kind)
  return kind.fields.filter((f) => f.required || !later.has(f.key))
}

/** The fields a matter shows (detail) and edits: those of creation, plus any an action has filled in. */
export function fieldsInUse(kind: KindShape, stored: FieldValues): FieldDef[] {
  const later = actionFieldKeys(kind)
  return kind.fields.filter((f) => f.required || !later.has(f.key) || !isBlank(f, toFormValueForCheck(f, stored[f.key])))
}

// A stored party is an object with a (masked) name; other values go through toFormValue.
function toFormValueForCheck(field: Pick<FieldDef, 'type'>, stored: unknown): FormValue {
  if (field.type === 'party') {
    const name = isParty(stored) && typeof (stored as MaskedParty).name === 'string' ? (stored as MaskedParty).name : ''
    return { name, idNumber: '', phone: '' }
  }
  return toFormValue(field, stored)
}

/** Keys of server messages that no item of the form shows (they need a toast instead). */
export function unshownKeys(messages: Record<string, string>, shown: Iterable<string>): string[] {
  const here = new Set(shown)
  return Object.keys(messages).filter((k) => !here.has(k))
}

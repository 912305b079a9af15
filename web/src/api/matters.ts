// The matter engine (事项引擎): kind definitions, matters, their actions,
// timeline, attachments and the inbox.
//
// Writes to an existing matter are optimistic: they carry `If-Match: "<version>"`
// with the version the user was looking at, and a stale one answers 409
// `version_conflict` instead of overwriting someone else's change.
import { http } from './http'
import type { Items, Page } from './paging'

// --- kind definitions (事项类型) ---

export type FieldType =
  | 'text'
  | 'long_text'
  | 'number'
  | 'money'
  | 'date'
  | 'enum'
  | 'org'
  | 'user'
  | 'party'
  | 'attachment'
  | 'matter_link'

export interface FieldDef {
  key: string
  label: string
  type: FieldType
  required: boolean
  options?: string[]
  min?: number
  max?: number
  linkKind?: string
  /** user fields: the named user must hold one of these role codes (absent: any business role). */
  roles?: string[]
  /** enum fields whose options come from a list in definitions/lists (e.g. review_catalogue). */
  optionsFrom?: string
  /** …and each option's attributes in that list (option → attribute → value). */
  optionAttrs?: Record<string, Record<string, string>>
}

export interface StateDef {
  name: string
  label: string
  final: boolean
}

export type ActionEffect = 'none' | 'assign' | 'suspend' | 'resume' | 'extend'

/** What an action needs besides its fields: a field key, a note (说明) or an assignee (承办人). */
export type Requirement = string

export interface ActionDef {
  name: string
  label: string
  from: string[]
  to: string
  roles: string[]
  require: Requirement[]
  fields: string[]
  effect: ActionEffect
  /** Roles the assignee must hold (empty: any active user). */
  assigneeRoles?: string[]
  /** Only the matter's current assignee may take it. */
  assigneeOnly?: boolean
  /** Enum fields the action records with a fixed value, e.g. {cleanup_result: '废止'}. */
  set?: Record<string, string>
  /** `danger`: destructive (废止, 终止, 撤回 …) — a red button and a confirmation. */
  style?: ActionStyle
}

export type ActionStyle = 'default' | 'danger'

export type CheckOp = 'not_before' | 'not_after' | 'before' | 'after' | 'matches'

/** A cross-field check: `field` compared with `other` (+ `plus` for dates) when the `when` fields hold those options. */
export interface CheckDef {
  field: string
  op: CheckOp
  other: string
  plus: { years: number; months: number; days: number }
  when: Record<string, string[]>
  message?: string
  /** matches: the attribute of FIELD's chosen list item that must equal OTHER's value. */
  attr?: string
}

export type DeadlineUnit = 'working_day' | 'calendar_day'

export interface DeadlineDef {
  name: string
  label: string
  length: number
  unit: DeadlineUnit
  extendable: number
  starts: string
  ends: string | string[]
  /** The enum field whose option chooses the length (`lengths`); `length` for options not listed. */
  lengthBy?: string
  lengths?: Record<string, number>
  /** A date field holding the due date (有效期至 …) instead of a counted length. */
  dueField?: string
}

export interface Kind {
  kind: string
  label: string
  version: number
  titleLabel: string
  initial: string
  final: string[]
  numbered: boolean
  fields: FieldDef[]
  states: StateDef[]
  actions: ActionDef[]
  deadlines: DeadlineDef[]
  /** Whether the signed-in user may create matters of this kind. */
  canCreate?: boolean
  /** Org code that handles every matter of this kind ('' = the creator chooses). */
  handledBy?: string
  createRoles?: string[]
  /** Cross-field checks the server applies to every write. */
  checks?: CheckDef[]
}

// --- matters (事项) ---

/** 红/黄/绿: overdue / due soon / fine; `paused` while suspended (中止); `none` without a running deadline. */
export type LightColor = 'red' | 'yellow' | 'green' | 'paused' | 'none'

export interface Light {
  color: LightColor
  /** Working days from today to the due day, negative when overdue; null when unknown. */
  daysLeft: number | null
}

export interface MatterSummary {
  id: string
  kind: string
  kindLabel: string
  number: string
  title: string
  orgId: string
  orgName: string
  state: string
  stateLabel: string
  outcome: string
  assigneeId: string | null
  assigneeName: string
  creatorId: string
  dueOn: string | null
  light: Light
  suspended: boolean
  version: number
  receivedAt: number
  updatedAt: number
  closedAt: number | null
}

export type DeadlineStatus = 'pending' | 'running' | 'suspended' | 'stopped'

export interface MatterDeadline {
  name: string
  label: string
  status: DeadlineStatus
  startedOn: string
  dueOn: string
  unit: DeadlineUnit
  length: number
  extended: boolean | number
  extendable: number
  light: Light
  /** The date field it is due on ('' when counted from a start day). */
  dueField?: string
}

/** An action the signed-in user may take on this matter now. */
export interface MatterAction {
  name: string
  label: string
  require: Requirement[]
  fields: string[]
  effect: ActionEffect
}

export interface MatterLink {
  id: string
  kind: string
  title: string
  state: string
  number: string
  /** The field that made the link, or "" for a link made by an action. */
  field: string
  direction: 'out' | 'in'
}

export interface Attachment {
  id: string
  name: string
  contentType: string
  sha256: string
  size: number
  createdAt: number
  url: string
}

export type FieldValues = Record<string, unknown>

export interface Matter extends MatterSummary {
  fields: FieldValues
  deadlines: MatterDeadline[]
  actions: MatterAction[]
  links: MatterLink[]
  attachments: Attachment[]
  canEdit: boolean
  /** The people its user fields name: name and org. */
  people?: Person[]
}

/** Someone a user field names or the lookup offers: nothing but id, name and org. */
export interface Person {
  id: string
  name: string
  orgName: string
}

/** A party (当事人) as typed into a form. The server answers with masked parts and `partyId`. */
export interface PartyInput {
  name: string
  idNumber?: string
  phone?: string
}

export interface MaskedParty {
  partyId?: string
  name: string
  idNumber?: string
  phone?: string
}

export type PartyPart = 'name' | 'idNumber' | 'phone'

export interface MatterEvent {
  id: string
  seq: number
  at: number
  userId: string
  /** The account name. */
  username: string
  /** The person's name ('' when the account no longer exists). */
  displayName?: string
  action: string
  actionLabel: string
  fromState: string
  toState: string
  note: string
  /** field key (or `title`) → [old, new] */
  diff: Record<string, [unknown, unknown]>
}

export type DueFilter = 'overdue' | 'soon'
export type MatterSort = 'due_on' | 'received_at' | 'updated_at' | 'title' | 'number' | 'state'
export type SortOrder = 'asc' | 'desc'

export interface MatterQuery {
  page: number
  pageSize: number
  kind?: string
  state?: string
  org?: string
  assignee?: 'me'
  q?: string
  due?: DueFilter
  sort?: MatterSort
  order?: SortOrder
}

export interface NewMatter {
  kind: string
  title: string
  orgId?: string
  fields: FieldValues
}

export interface MatterChanges {
  title?: string
  fields: FieldValues
}

export interface ActionInput {
  fields: FieldValues
  note?: string
  assigneeId?: string
  links?: string[]
}

// --- helpers ---

/** The `If-Match` header for a version: 7 → `"7"` (a strong entity tag, as the server's ETag). */
export function ifMatch(version: number): Record<string, string> {
  if (!Number.isSafeInteger(version) || version <= 0) throw new RangeError(`not a matter version: ${version}`)
  return { 'If-Match': `"${version}"` }
}

/** An ETag value (`"7"`, `W/"7"`) back to its version, or null. */
export function versionFromEtag(etag: string | null | undefined): number | null {
  const m = /^(?:W\/)?"?(\d+)"?$/.exec((etag ?? '').trim())
  if (!m) return null
  const n = Number(m[1])
  return Number.isSafeInteger(n) && n > 0 ? n : null
}

const seg = encodeURIComponent

// --- calls ---

export async function listKinds(): Promise<Kind[]> {
  return (await http.get<Items<Kind>>('/kinds')).items
}

export function getKind(kind: string): Promise<Kind> {
  return http.get<Kind>(`/kinds/${seg(kind)}`)
}

export function listMatters(query: MatterQuery): Promise<Page<MatterSummary>> {
  return http.get<Page<MatterSummary>>('/matters', { ...query })
}

/** 422 `validation_failed` carries field messages keyed by `title`, `orgId` or field key. */
export function createMatter(matter: NewMatter): Promise<Matter> {
  return http.post<Matter>('/matters', matter)
}

/** 404 when the matter does not exist or lies outside the user's data scope. */
export function getMatter(id: string): Promise<Matter> {
  return http.get<Matter>(`/matters/${seg(id)}`)
}

/** 409 `version_conflict` when `version` is stale. */
export function updateMatter(id: string, version: number, changes: MatterChanges): Promise<Matter> {
  return http.patch<Matter>(`/matters/${seg(id)}`, changes, { headers: ifMatch(version) })
}

/**
 * Takes an action (受理, 分流, 审核 …). 403 not allowed; 409 `state_conflict`,
 * `version_conflict` or `guard_failed`; 422 with messages keyed by `note`,
 * `assignee` or field key.
 */
export function takeAction(id: string, action: string, version: number, input: ActionInput): Promise<Matter> {
  return http.post<Matter>(`/matters/${seg(id)}/actions/${seg(action)}`, input, { headers: ifMatch(version) })
}

/** A matter's timeline and the people its changes name (user fields, assignees). */
export interface Timeline {
  items: MatterEvent[]
  people?: Person[]
}

export function listEvents(id: string): Promise<Timeline> {
  return http.get<Timeline>(`/matters/${seg(id)}/events`)
}

export interface PeopleQuery {
  /** Part of the name or of the org's name. */
  q?: string
  /** Role codes, any of which qualifies (a user field's `roles`). */
  roles?: string[]
  limit?: number
}

/**
 * Active people for a user field, by name. 403 for users who neither create
 * nor act on kinds that name people.
 */
export async function lookupPeople(query: PeopleQuery): Promise<Person[]> {
  return (
    await http.get<Items<Person>>('/users/lookup', {
      q: query.q || undefined,
      role: query.roles?.length ? query.roles.join(',') : undefined,
      limit: query.limit,
    })
  ).items
}

/** Uploads the file's bytes as the request body. 415 for a type the server does not accept. */
export function uploadAttachment(id: string, file: File): Promise<Attachment> {
  return http.post<Attachment>(`/matters/${seg(id)}/attachments`, undefined, {
    query: { name: file.name },
    raw: { data: file, contentType: file.type || 'application/octet-stream' },
  })
}

/** Shows one part of a party's personal data in full (needs `personal_data:reveal`; audited). */
export async function revealParty(id: string, field: string, part: PartyPart): Promise<string> {
  return (await http.post<{ value: string }>(`/matters/${seg(id)}/reveal`, { field, part })).value
}

/** Someone an assigning action (分流 …) may hand the matter to. */
export interface AssigneeCandidate {
  id: string
  name: string
  orgName: string
  /** Role names, e.g. 外聘法律顾问. */
  roles: string[]
  /** Matters in their hands that are not closed. */
  openMatters: number
}

/**
 * The active users this action may assign the matter to, least loaded first.
 * 404 when the matter is not visible; 422 `not_an_assign_action` when the
 * action takes no assignee.
 */
export async function listAssigneeCandidates(id: string, action: string): Promise<AssigneeCandidate[]> {
  return (await http.get<Items<AssigneeCandidate>>(`/matters/${seg(id)}/actions/${seg(action)}/candidates`)).items
}

export interface Inbox {
  items: MatterSummary[]
  total: number
}

/** The matters the signed-in user can act on now, most urgent first. */
export function fetchInbox(): Promise<Inbox> {
  return http.get<Inbox>('/inbox')
}

// People in user fields (法律顾问, 平台账号 …) and on the timeline: shown by
// name and org, never by id or account name. Pure.
import { isApiError } from '@/api/error'
import type { FieldDef, Matter, MatterEvent, Person } from '@/api/matters'

/** 赵律师（明理律师事务所）, or the name alone without an org. */
export function personLabel(p: Pick<Person, 'name' | 'orgName'>): string {
  const name = p.name.trim()
  const org = (p.orgName ?? '').trim()
  return org ? `${name}（${org}）` : name
}

/** id → label of every person in the lists; earlier lists win. */
export function peopleLabels(...lists: (readonly Person[] | undefined)[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const list of lists) for (const p of list ?? []) if (p.id && !out.has(p.id)) out.set(p.id, personLabel(p))
  return out
}

/** Who did what on the timeline: the person's name, the account name when the person is gone. */
export function actorName(e: Pick<MatterEvent, 'displayName' | 'username'>): string {
  return e.displayName?.trim() || e.username
}

/** The labels of the current values of a matter's user fields, by field key (for the inputs' current option). */
export function userFieldLabels(fields: readonly FieldDef[], matter: Pick<Matter, 'fields' | 'people'>): Record<string, string> {
  const labels = peopleLabels(matter.people)
  const out: Record<string, string> = {}
  for (const f of fields) {
    const v = matter.fields[f.key]
    if (f.type === 'user' && typeof v === 'string' && labels.has(v)) out[f.key] = labels.get(v)!
  }
  return out
}

/** Why the lookup failed, in the user's words. */
export function lookupFailure(e: unknown): string {
  if (isApiError(e)) {
    if (e.status === 403) return '您没有查找人员的权限'
    return `无法查找人员：${e.message}`
  }
  return '无法查找人员，请稍后重试'
}

// Role assignments (角色分配) as edited in the user dialogs: checks and clean-up
// before they are sent. Pure.
import type { RoleAssignment } from '@/api/session'

/** A blank row for the editor. */
export function emptyAssignment(): RoleAssignment {
  return { role: '', scope: 'org', orgIds: [] }
}

/** The first problem with a list of assignments, in Chinese, or null. */
export function assignmentProblem(list: readonly RoleAssignment[]): string | null {
  const seen = new Set<string>()
  for (const [i, a] of list.entries()) {
    const row = `第 ${i + 1} 行`
    if (!a.role) return `${row}：请选择角色`
    if (seen.has(a.role)) return `${row}：同一角色只能分配一次`
    seen.add(a.role)
    if (a.scope === 'orgs' && (a.orgIds ?? []).length === 0) return `${row}：数据范围为“指定单位”时请选择单位`
  }
  return null
}

/** What the API expects: orgIds only with the 'orgs' scope, no display names. */
export function toRequestAssignments(list: readonly RoleAssignment[]): RoleAssignment[] {
  return list.map((a) =>
    a.scope === 'orgs'
      ? { role: a.role, scope: a.scope, orgIds: [...(a.orgIds ?? [])] }
      : { role: a.role, scope: a.scope },
  )
}

/** A deep copy for editing, so cancelling a dialog leaves the table as it was. */
export function cloneAssignments(list: readonly RoleAssignment[]): RoleAssignment[] {
  return list.map((a) => ({ ...a, orgIds: [...(a.orgIds ?? [])] }))
}

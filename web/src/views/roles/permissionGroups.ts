// Groups the permission catalogue for the checkbox dialog. Pure.
import type { Permission } from '@/api/roles'

export interface PermissionGroup {
  name: string
  permissions: Permission[]
}

/** Groups in order of first appearance; permissions keep the catalogue's order. */
export function groupPermissions(catalogue: readonly Permission[]): PermissionGroup[] {
  const groups = new Map<string, Permission[]>()
  for (const p of catalogue) {
    const name = p.group || '其他'
    const list = groups.get(name) ?? []
    list.push(p)
    groups.set(name, list)
  }
  return [...groups].map(([name, permissions]) => ({ name, permissions }))
}

export type GroupState = 'all' | 'some' | 'none'

export function groupState(group: PermissionGroup, chosen: ReadonlySet<string>): GroupState {
  const n = group.permissions.filter((p) => chosen.has(p.code)).length
  if (n === 0) return 'none'
  return n === group.permissions.length ? 'all' : 'some'
}

/** `chosen` with every permission of `group` added (on) or removed (off). */
export function toggleGroup(group: PermissionGroup, chosen: readonly string[], on: boolean): string[] {
  const codes = new Set(group.permissions.map((p) => p.code))
  const rest = chosen.filter((c) => !codes.has(c))
  return on ? [...rest, ...codes] : rest
}

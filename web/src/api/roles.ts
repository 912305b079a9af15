// Roles and permissions (角色权限).
import { http } from './http'
import type { Items } from './paging'

export interface Role {
  code: string
  name: string
  permissions: string[]
  /** One of the separated administrator roles (三员). */
  admin: boolean
}

export interface Permission {
  code: string
  name: string
  group: string
}

export async function listRoles(): Promise<Role[]> {
  return (await http.get<Items<Role>>('/roles')).items
}

export async function listPermissions(): Promise<Permission[]> {
  return (await http.get<Items<Permission>>('/permissions')).items
}

export function setRolePermissions(code: string, permissions: string[]): Promise<Role> {
  return http.put<Role>(`/roles/${encodeURIComponent(code)}/permissions`, { permissions })
}

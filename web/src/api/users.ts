// User administration (用户管理).
import { http } from './http'
import type { Page } from './paging'
import type { RoleAssignment } from './session'

export type UserStatus = 'active' | 'disabled' | 'locked'

export interface UserSummary {
  id: string
  username: string
  displayName: string
  orgId: string
  orgName: string
  status: UserStatus
  roles: RoleAssignment[]
}

export interface UserQuery {
  page: number
  pageSize: number
  q?: string
}

export interface NewUser {
  username: string
  displayName: string
  orgId: string
  password: string
  roles: RoleAssignment[]
}

export function listUsers(query: UserQuery): Promise<Page<UserSummary>> {
  return http.get<Page<UserSummary>>('/users', { ...query })
}

export function createUser(user: NewUser): Promise<UserSummary> {
  return http.post<UserSummary>('/users', user)
}

export type StatusAction = 'disable' | 'enable' | 'unlock'

export function changeUserStatus(id: string, action: StatusAction): Promise<UserSummary> {
  return http.post<UserSummary>(`/users/${encodeURIComponent(id)}/${action}`)
}

export function resetUserPassword(id: string, password: string): Promise<void> {
  return http.post<void>(`/users/${encodeURIComponent(id)}/password`, { password })
}

export function setUserRoles(id: string, roles: RoleAssignment[]): Promise<UserSummary> {
  return http.put<UserSummary>(`/users/${encodeURIComponent(id)}/roles`, { roles })
}

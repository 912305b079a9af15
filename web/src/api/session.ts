// Sign-in, sign-out and "who am I" (会话).
import { http } from './http'

/** Data scope of one role assignment (数据范围). */
export type Scope = 'self' | 'org' | 'org_and_below' | 'all' | 'orgs'

export interface RoleAssignment {
  role: string
  roleName?: string
  scope: Scope
  orgIds?: string[]
}

export interface User {
  id: string
  username: string
  displayName: string
  orgId: string
  orgName: string
  roles: RoleAssignment[]
  permissions: string[]
  mustChangePassword: boolean
  totpEnabled: boolean
}

export interface SessionInfo {
  user: User
  csrfToken: string
}

export interface Credentials {
  username: string
  password: string
  totp?: string
}

/** 401 carries `invalid_credentials` or `totp_required`; 423 `account_locked`. */
export function signIn(credentials: Credentials): Promise<SessionInfo> {
  return http.post<SessionInfo>('/session', credentials, { expectUnauthorized: true })
}

export function signOut(): Promise<void> {
  return http.del<void>('/session', { expectUnauthorized: true })
}

/** Rejects with a 401 ApiError when nobody is signed in. */
export function fetchMe(): Promise<SessionInfo> {
  return http.get<SessionInfo>('/me', undefined, { expectUnauthorized: true })
}

// The signed-in user's own account: password and second factor (个人设置).
import { http } from './http'

/** 422 `weak_password` when the new password fails the policy. */
export function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  return http.post<void>('/me/password', { oldPassword, newPassword })
}

export interface TotpEnrolment {
  secret: string
  uri: string
}

export function startTotpEnrolment(): Promise<TotpEnrolment> {
  return http.post<TotpEnrolment>('/me/totp')
}

export function confirmTotp(code: string): Promise<void> {
  return http.post<void>('/me/totp/confirm', { code })
}

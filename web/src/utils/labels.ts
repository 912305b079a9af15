// Chinese labels for the codes the API uses.
import type { OrgType } from '@/api/orgs'
import type { Scope } from '@/api/session'
import type { UserStatus } from '@/api/users'

// Label maps are indexed by whatever the server sent, so they are typed by
// string; `satisfies` still makes sure every known code has a label.

const scopes = {
  self: '本人',
  org: '本单位',
  org_and_below: '本单位及下级',
  all: '全部',
  orgs: '指定单位',
} satisfies Record<Scope, string>

export const scopeLabels: Readonly<Record<string, string>> = scopes

export const scopeOptions = (Object.keys(scopes) as Scope[]).map((value) => ({
  value,
  label: scopes[value],
}))

const orgTypes = {
  government: '人民政府',
  department: '政府部门',
  township: '乡镇（街道）',
  office: '内设科室',
  law_firm: '律师事务所',
} satisfies Record<OrgType, string>

export const orgTypeLabels: Readonly<Record<string, string>> = orgTypes

export const orgTypeOptions = (Object.keys(orgTypes) as OrgType[]).map((value) => ({
  value,
  label: orgTypes[value],
}))

export const userStatusLabels: Readonly<Record<string, string>> = {
  active: '启用',
  disabled: '停用',
  locked: '锁定',
} satisfies Record<UserStatus, string>

type TagType = 'success' | 'info' | 'danger' | 'warning' | 'primary'

export const userStatusTagTypes: Readonly<Record<string, TagType>> = {
  active: 'success',
  disabled: 'info',
  locked: 'danger',
} satisfies Record<UserStatus, TagType>

/** Audit results the server writes; unknown values are shown as they are. */
export const auditResultLabels: Readonly<Record<string, string>> = {
  success: '成功',
  failure: '失败',
  denied: '拒绝',
  error: '错误',
}

export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code
}

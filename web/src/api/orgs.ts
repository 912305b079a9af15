// Organisations (机构): a flat list from the server, a tree on the client.
import { http } from './http'
import type { Items } from './paging'

export type OrgType = 'government' | 'department' | 'township' | 'office' | 'law_firm'

export interface Org {
  id: string
  parentId: string | null
  name: string
  shortName: string
  code: string
  type: OrgType
}

export type OrgInput = Omit<Org, 'id'>

export async function listOrgs(): Promise<Org[]> {
  return (await http.get<Items<Org>>('/orgs')).items
}

export function createOrg(org: OrgInput): Promise<Org> {
  return http.post<Org>('/orgs', org)
}

export function updateOrg(id: string, changes: Partial<OrgInput>): Promise<Org> {
  return http.patch<Org>(`/orgs/${encodeURIComponent(id)}`, changes)
}

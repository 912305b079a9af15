import { describe, expect, it } from 'vitest'
import { groupPermissions, groupState, toggleGroup } from './permissionGroups'

const catalogue = [
  { code: 'user:manage', name: '管理用户', group: '系统管理' },
  { code: 'audit:read', name: '查看审计日志', group: '安全审计' },
  { code: 'org:manage', name: '管理机构', group: '系统管理' },
  { code: 'misc', name: '其他权限', group: '' },
]

describe('groupPermissions', () => {
  it('groups in order of first appearance', () => {
    const groups = groupPermissions(catalogue)
    expect(groups.map((g) => g.name)).toEqual(['系统管理', '安全审计', '其他'])
    expect(groups[0].permissions.map((p) => p.code)).toEqual(['user:manage', 'org:manage'])
  })
})

describe('groupState and toggleGroup', () => {
  const [system] = groupPermissions(catalogue)

  it('reports none, some or all', () => {
    expect(groupState(system, new Set())).toBe('none')
    expect(groupState(system, new Set(['org:manage']))).toBe('some')
    expect(groupState(system, new Set(['org:manage', 'user:manage']))).toBe('all')
  })

  it('adds or removes a whole group and leaves the rest alone', () => {
    expect(toggleGroup(system, ['audit:read', 'org:manage'], true).sort()).toEqual(['audit:read', 'org:manage', 'user:manage'])
    expect(toggleGroup(system, ['audit:read', 'org:manage'], false)).toEqual(['audit:read'])
  })
})

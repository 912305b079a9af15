import { describe, expect, it } from 'vitest'
import { activeMenuKey, buildMenu, type MenuItem } from './menu'

const titles = (items: MenuItem[]): unknown[] =>
  items.map((i) => (i.children ? { [i.title]: titles(i.children) } : i.title))

describe('buildMenu', () => {
  it('gives a user without permissions the inbox, the deadline calculator and personal settings only', () => {
    expect(titles(buildMenu([]))).toEqual(['我的待办', { 办公工具: ['期限计算'] }, { 个人设置: ['修改密码', '双因素认证'] }])
  })

  it('shows each admin page only with its permission', () => {
    expect(titles(buildMenu(['user:manage', 'org:manage']))).toEqual([
      '我的待办',
      { 办公工具: ['期限计算'] },
      { 系统管理: ['用户管理', '机构管理'] },
      { 个人设置: ['修改密码', '双因素认证'] },
    ])
    expect(titles(buildMenu(['audit:read']))[2]).toEqual({ 系统管理: ['审计日志'] })
    expect(titles(buildMenu(['role:manage']))[2]).toEqual({ 系统管理: ['角色权限'] })
  })

  it('opens 用户管理 to the security admin, who assigns roles there', () => {
    expect(titles(buildMenu(['role:manage', 'role:assign']))[2]).toEqual({ 系统管理: ['用户管理', '角色权限'] })
  })

  it('offers 工作日历 to whoever manages the configuration', () => {
    expect(titles(buildMenu(['user:manage', 'org:manage', 'config:manage']))[2]).toEqual({
      系统管理: ['用户管理', '机构管理', '工作日历'],
    })
  })

  it('offers 统计看板 under 统计分析 by its permission', () => {
    expect(titles(buildMenu(['dashboard:read', 'matter:read']))).toEqual([
      '我的待办',
      { 事项办理: ['事项列表'] },
      { 统计分析: ['统计看板'] },
      { 办公工具: ['期限计算'] },
      { 个人设置: ['修改密码', '双因素认证'] },
    ])
  })

  it('ignores permissions that have no page', () => {
    expect(buildMenu(['report:export', 'backup:manage'])).toEqual(buildMenu([]))
  })

  it('offers 事项办理 by the matter permissions', () => {
    expect(titles(buildMenu(['matter:read', 'matter:create']))).toEqual([
      '我的待办',
      { 事项办理: ['事项列表', '新建事项'] },
      { 办公工具: ['期限计算'] },
      { 个人设置: ['修改密码', '双因素认证'] },
    ])
    // A reader cannot create; someone who only submits still gets the form.
    expect(titles(buildMenu(['matter:read']))[1]).toEqual({ 事项办理: ['事项列表'] })
    expect(titles(buildMenu(['matter:create']))[1]).toEqual({ 事项办理: ['新建事项'] })
  })

  it('puts 事项办理 and 统计分析 before 系统管理', () => {
    expect(buildMenu(['matter:read', 'dashboard:read', 'user:manage']).map((i) => i.key)).toEqual([
      '/',
      'matters',
      'stats',
      'tools',
      'system',
      'profile',
    ])
  })

  it('orders entries as defined, whatever the order of permissions', () => {
    const all = ['config:manage', 'audit:read', 'role:manage', 'org:manage', 'user:manage']
    const system = buildMenu(all).find((i) => i.key === 'system')
    expect(system?.children?.map((c) => c.path)).toEqual([
      '/admin/users',
      '/admin/orgs',
      '/admin/roles',
      '/admin/audit',
      '/admin/calendar',
    ])
    expect(buildMenu([...all].reverse())).toEqual(buildMenu(all))
  })

  it('gives every leaf a path equal to its key', () => {
    const walk = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => (i.children ? walk(i.children) : [i]))
    const everything = ['user:manage', 'org:manage', 'role:manage', 'audit:read', 'config:manage', 'matter:read', 'matter:create', 'dashboard:read']
    for (const leaf of walk(buildMenu(everything))) {
      expect(leaf.path).toBe(leaf.key)
    }
  })
})

describe('activeMenuKey', () => {
  const menu = buildMenu(['user:manage'])

  it('highlights the entry whose path prefixes the route', () => {
    expect(activeMenuKey(menu, '/admin/users')).toBe('/admin/users')
    expect(activeMenuKey(menu, '/admin/users/42')).toBe('/admin/users')
    expect(activeMenuKey(menu, '/')).toBe('/')
  })

  it('does not let "/" claim every route', () => {
    expect(activeMenuKey(menu, '/admin/usersx')).toBe('/admin/usersx')
  })

  it('keeps 事项列表 lit on detail pages and 新建事项 on its kind forms', () => {
    const matters = buildMenu(['matter:read', 'matter:create'])
    expect(activeMenuKey(matters, '/matters')).toBe('/matters')
    expect(activeMenuKey(matters, '/matters/test_case')).toBe('/matters')
    expect(activeMenuKey(matters, '/matters/detail/123')).toBe('/matters')
    expect(activeMenuKey(matters, '/matters/new')).toBe('/matters/new')
    expect(activeMenuKey(matters, '/matters/new/test_case')).toBe('/matters/new')
  })

  it('lights 统计看板 and 工作日历 on their pages', () => {
    const menu = buildMenu(['dashboard:read', 'config:manage'])
    expect(activeMenuKey(menu, '/dashboard')).toBe('/dashboard')
    expect(activeMenuKey(menu, '/admin/calendar')).toBe('/admin/calendar')
    expect(activeMenuKey(menu, '/tools/deadline')).toBe('/tools/deadline')
  })
})

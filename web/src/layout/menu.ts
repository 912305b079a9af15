// The side menu (侧边菜单), derived from the signed-in user's permissions.
//
// `buildMenu` is pure: the same permissions always give the same menu, and a
// group whose every entry is hidden disappears with them. Route guards check
// the same permissions again, so the menu is a convenience, not the gate.
import { hasAnyPermission, type PermissionRequirement } from '@/utils/permissions'

export type MenuIcon =
  | 'todo'
  | 'matters'
  | 'matterList'
  | 'matterNew'
  | 'stats'
  | 'dashboard'
  | 'tools'
  | 'deadline'
  | 'system'
  | 'user'
  | 'org'
  | 'role'
  | 'audit'
  | 'calendar'
  | 'profile'
  | 'password'
  | 'totp'

export interface MenuItem {
  /** Unique; the route path for leaves. */
  key: string
  title: string
  icon: MenuIcon
  path?: string
  children?: MenuItem[]
}

interface MenuDefinition {
  key: string
  title: string
  icon: MenuIcon
  path?: string
  permission?: PermissionRequirement
  children?: MenuDefinition[]
}

export const menuDefinitions: readonly MenuDefinition[] = [
  { key: '/', title: '我的待办', icon: 'todo', path: '/' },
  {
    key: 'matters',
    title: '事项办理',
    icon: 'matters',
    children: [
      { key: '/matters', title: '事项列表', icon: 'matterList', path: '/matters', permission: 'matter:read' },
      { key: '/matters/new', title: '新建事项', icon: 'matterNew', path: '/matters/new', permission: 'matter:create' },
    ],
  },
  {
    key: 'stats',
    title: '统计分析',
    icon: 'stats',
    children: [{ key: '/dashboard', title: '统计看板', icon: 'dashboard', path: '/dashboard', permission: 'dashboard:read' }],
  },
  {
    key: 'tools',
    title: '办公工具',
    icon: 'tools',
    children: [{ key: '/tools/deadline', title: '期限计算', icon: 'deadline', path: '/tools/deadline' }],
  },
  {
    key: 'system',
    title: '系统管理',
    icon: 'system',
    children: [
      // The system admin manages accounts; the security admin assigns their roles (三员分立).
      { key: '/admin/users', title: '用户管理', icon: 'user', path: '/admin/users', permission: ['user:manage', 'role:assign'] },
      { key: '/admin/orgs', title: '机构管理', icon: 'org', path: '/admin/orgs', permission: 'org:manage' },
      { key: '/admin/roles', title: '角色权限', icon: 'role', path: '/admin/roles', permission: 'role:manage' },
      { key: '/admin/audit', title: '审计日志', icon: 'audit', path: '/admin/audit', permission: 'audit:read' },
      { key: '/admin/calendar', title: '工作日历', icon: 'calendar', path: '/admin/calendar', permission: 'config:manage' },
    ],
  },
  {
    key: 'profile',
    title: '个人设置',
    icon: 'profile',
    children: [
      { key: '/profile/password', title: '修改密码', icon: 'password', path: '/profile/password' },
      { key: '/profile/totp', title: '双因素认证', icon: 'totp', path: '/profile/totp' },
    ],
  },
]

export function buildMenu(
  permissions: Iterable<string>,
  definitions: readonly MenuDefinition[] = menuDefinitions,
): MenuItem[] {
  const granted = new Set(permissions)
  const out: MenuItem[] = []
  for (const def of definitions) {
    if (!hasAnyPermission(granted, def.permission)) continue
    const item: MenuItem = { key: def.key, title: def.title, icon: def.icon }
    if (def.path) item.path = def.path
    if (def.children) {
      const children = buildMenu(granted, def.children)
      if (children.length === 0) continue
      item.children = children
    }
    out.push(item)
  }
  return out
}

/** The menu key to highlight for a route path: the longest leaf path that prefixes it. */
export function activeMenuKey(items: readonly MenuItem[], routePath: string): string {
  let best = ''
  const walk = (list: readonly MenuItem[]) => {
    for (const item of list) {
      if (item.children) walk(item.children)
      else if (item.path && matches(item.path, routePath) && item.path.length > best.length) best = item.path
    }
  }
  walk(items)
  return best || routePath
}

function matches(prefix: string, path: string): boolean {
  if (prefix === '/') return path === '/'
  return path === prefix || path.startsWith(prefix + '/')
}

// 系统管理: pages for administrators, each behind its permission.
import type { RouteRecordRaw } from 'vue-router'

export const adminRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/users',
    name: 'users',
    component: () => import('@/views/users/UserListView.vue'),
    meta: { title: '用户管理', permission: ['user:manage', 'role:assign'] },
  },
  {
    path: 'admin/orgs',
    name: 'orgs',
    component: () => import('@/views/orgs/OrgTreeView.vue'),
    meta: { title: '机构管理', permission: 'org:manage' },
  },
  {
    path: 'admin/roles',
    name: 'roles',
    component: () => import('@/views/roles/RoleListView.vue'),
    meta: { title: '角色权限', permission: 'role:manage' },
  },
  {
    path: 'admin/audit',
    name: 'audit',
    component: () => import('@/views/audit/AuditLogView.vue'),
    meta: { title: '审计日志', permission: 'audit:read' },
  },
  {
    path: 'admin/calendar',
    name: 'calendar',
    component: () => import('@/views/calendar/CalendarAdminView.vue'),
    meta: { title: '工作日历', permission: 'config:manage' },
  },
]

// 统计分析 and 办公工具: the dashboard behind its permission, and the deadline
// calculator every signed-in user may use.
import type { RouteRecordRaw } from 'vue-router'

export const dashboardRoutes: RouteRecordRaw[] = [
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('@/views/dashboard/DashboardView.vue'),
    meta: { title: '统计看板', permission: 'dashboard:read' },
  },
  {
    path: 'tools/deadline',
    name: 'deadline',
    component: () => import('@/views/calendar/DeadlineView.vue'),
    meta: { title: '期限计算' },
  },
]

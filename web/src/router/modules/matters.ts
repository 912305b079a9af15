// 事项办理: the generic matter pages, driven by the kind definitions.
// Detail and edit need no permission of their own: the server answers 404 for
// a matter outside the user's data scope, and an inbox entry must always open.
import type { RouteRecordRaw } from 'vue-router'

export const matterRoutes: RouteRecordRaw[] = [
  {
    path: 'matters/new/:kind?',
    name: 'matter-create',
    component: () => import('@/views/matters/MatterCreateView.vue'),
    meta: { title: '新建事项', permission: 'matter:create' },
  },
  {
    path: 'matters/detail/:id',
    name: 'matter-detail',
    component: () => import('@/views/matters/MatterDetailView.vue'),
    meta: { title: '事项详情' },
  },
  {
    path: 'matters/edit/:id',
    name: 'matter-edit',
    component: () => import('@/views/matters/MatterEditView.vue'),
    meta: { title: '编辑事项' },
  },
  {
    path: 'matters/:kind?',
    name: 'matters',
    component: () => import('@/views/matters/MatterListView.vue'),
    meta: { title: '事项列表', permission: 'matter:read' },
  },
]

// 公众服务: the public portal under /public, open without sign-in (see
// isPortalPath in guard.ts). Its pages and layout load only when visited.
import type { RouteRecordRaw } from 'vue-router'

export const portalRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'portal-home',
    component: () => import('@/views/portal/PortalHomeView.vue'),
    meta: { title: '首页' },
  },
  {
    path: 'registers/:id',
    name: 'portal-register',
    component: () => import('@/views/portal/RegisterView.vue'),
    meta: { title: '公示目录' },
  },
  {
    path: 'consultations',
    name: 'portal-consultations',
    component: () => import('@/views/portal/ConsultationListView.vue'),
    meta: { title: '意见征集' },
  },
  {
    path: 'consultations/:id',
    name: 'portal-consultation',
    component: () => import('@/views/portal/ConsultationView.vue'),
    meta: { title: '意见征集' },
  },
  {
    path: ':pathMatch(.*)*',
    name: 'portal-not-found',
    component: () => import('@/views/portal/PortalNotFoundView.vue'),
    meta: { title: '页面不存在' },
  },
]

// All routes. Pages are loaded when first visited; the layout and the home
// page ship with the first load. The public portal has a layout of its own,
// loaded with its first page.
import type { RouteRecordRaw } from 'vue-router'
import AppLayout from '@/layout/AppLayout.vue'
import HomeView from '@/views/home/HomeView.vue'
import { adminRoutes } from './modules/admin'
import { dashboardRoutes } from './modules/dashboard'
import { matterRoutes } from './modules/matters'
import { portalRoutes } from './modules/portal'
import { profileRoutes } from './modules/profile'
import { FORBIDDEN_PATH, LOGIN_PATH, PORTAL_PATH } from './meta'

export const routes: RouteRecordRaw[] = [
  {
    path: LOGIN_PATH,
    name: 'login',
    component: () => import('@/views/login/LoginView.vue'),
    meta: { title: '登录', public: true },
  },
  {
    path: PORTAL_PATH,
    component: () => import('@/layout/PublicLayout.vue'),
    meta: { public: true },
    children: portalRoutes,
  },
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', name: 'home', component: HomeView, meta: { title: '我的待办' } },
      ...matterRoutes,
      ...dashboardRoutes,
      ...adminRoutes,
      ...profileRoutes,
      {
        path: FORBIDDEN_PATH.slice(1),
        name: 'forbidden',
        component: () => import('@/views/error/ForbiddenView.vue'),
        meta: { title: '无权访问' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/error/NotFoundView.vue'),
        meta: { title: '页面不存在' },
      },
    ],
  },
]

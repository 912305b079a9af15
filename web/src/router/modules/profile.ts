// 个人设置: every signed-in user's own account pages.
import type { RouteRecordRaw } from 'vue-router'

export const profileRoutes: RouteRecordRaw[] = [
  {
    path: 'profile/password',
    name: 'change-password',
    component: () => import('@/views/profile/ChangePasswordView.vue'),
    meta: { title: '修改密码' },
  },
  {
    path: 'profile/totp',
    name: 'totp',
    component: () => import('@/views/profile/TotpView.vue'),
    meta: { title: '双因素认证' },
  },
]

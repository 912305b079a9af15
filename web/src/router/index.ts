// The router and its one guard. See guard.ts for the rule itself.
import { createRouter, createWebHistory, type Router } from 'vue-router'
import { useSessionStore } from '@/stores/session'
import { notifyError } from '@/utils/notify'
import { decide } from './guard'
import { APP_TITLE } from './meta'
import { routes } from './routes'

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  })

  router.beforeEach(async (to) => {
    const session = useSessionStore()
    try {
      await session.ensureLoaded()
    } catch (e) {
      // The server could not be reached: treat as signed out, but say why.
      notifyError(e)
    }
    const user = session.user
    const decision = decide(
      to,
      user && { permissions: user.permissions, mustChangePassword: user.mustChangePassword },
    )
    if (decision.allow) return true
    return { path: decision.path, query: decision.query, replace: true }
  })

  router.afterEach((to) => {
    // The sign-in page and home carry the plain app title; inner pages name themselves first.
    const plain = to.name === 'login' || to.name === 'home' || !to.meta.title
    document.title = plain ? APP_TITLE : `${to.meta.title} - ${APP_TITLE}`
  })

  return router
}

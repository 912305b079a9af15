// The router and its one guard. See guard.ts for the rule itself.
import { createRouter, createWebHistory, type Router } from 'vue-router'
import { useSessionStore } from '@/stores/session'
import { notifyError } from '@/utils/notify'
import { decide, isPortalPath, pageTitle } from './guard'
import { routes } from './routes'

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  })

  router.beforeEach(async (to) => {
    // The portal works without a session: it does not even ask who is signed in.
    if (isPortalPath(to.path)) return true
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
    document.title = pageTitle(to)
  })

  return router
}

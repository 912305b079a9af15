// The navigation rule, as a pure function so it can be tested without a router.
import type { RouteMeta } from 'vue-router'
import { hasAnyPermission } from '@/utils/permissions'
import { safeRedirect } from '@/utils/redirect'
import { APP_TITLE, CHANGE_PASSWORD_PATH, FORBIDDEN_PATH, LOGIN_PATH, PORTAL_PATH, PORTAL_TITLE } from './meta'

export interface Destination {
  path: string
  fullPath: string
  meta: RouteMeta
  query: Record<string, unknown>
}

export interface Viewer {
  permissions: readonly string[]
  mustChangePassword: boolean
}

export type Decision = { allow: true } | { allow: false; path: string; query?: Record<string, string> }

const allow: Decision = { allow: true }

/** `/public` and everything under it (not `/publicity`): the portal, which needs no session at all. */
export function isPortalPath(path: string): boolean {
  return path === PORTAL_PATH || path.startsWith(PORTAL_PATH + '/')
}

/**
 * - the public portal: everyone, signed in or not, whatever their account's state;
 * - signed out: public pages only; anything else goes to sign-in, remembering where it was headed;
 * - signed in on the sign-in page: on to where the link pointed, or home;
 * - a password that must be changed: the change-password page only;
 * - a page needing a permission the user lacks: the 403 page.
 */
export function decide(to: Destination, viewer: Viewer | null): Decision {
  if (isPortalPath(to.path)) return allow
  if (viewer === null) {
    if (to.meta.public) return allow
    return to.fullPath === '/'
      ? { allow: false, path: LOGIN_PATH }
      : { allow: false, path: LOGIN_PATH, query: { redirect: to.fullPath } }
  }
  if (to.path === LOGIN_PATH) {
    const target = viewer.mustChangePassword ? CHANGE_PASSWORD_PATH : safeRedirect(to.query.redirect)
    return { allow: false, path: target }
  }
  if (viewer.mustChangePassword && to.path !== CHANGE_PASSWORD_PATH) {
    return { allow: false, path: CHANGE_PASSWORD_PATH }
  }
  if (!hasAnyPermission(viewer.permissions, to.meta.permission)) {
    return { allow: false, path: FORBIDDEN_PATH }
  }
  return allow
}

/**
 * The tab title: the sign-in page, home and pages without a title carry the
 * plain app title, others name themselves first; portal pages use the portal's name.
 */
export function pageTitle(to: { path: string; name?: unknown; meta: RouteMeta }): string {
  const site = isPortalPath(to.path) ? PORTAL_TITLE : APP_TITLE
  const plain = to.name === 'login' || to.name === 'home' || to.name === 'portal-home' || !to.meta.title
  return plain ? site : `${to.meta.title} - ${site}`
}

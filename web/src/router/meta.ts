// What a route may declare about itself.
import type { PermissionRequirement } from '@/utils/permissions'

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title, shown in the tab as "<title> - 法治政府建设综合管理平台". */
    title?: string
    /** Reachable without signing in (the sign-in page, the public portal). */
    public?: boolean
    /** Needed to open the page; any one of a list suffices. */
    permission?: PermissionRequirement
  }
}

export const APP_TITLE = '法治政府建设综合管理平台'
export const LOGIN_PATH = '/login'
export const CHANGE_PASSWORD_PATH = '/profile/password'
export const FORBIDDEN_PATH = '/403'
/** The public portal (公众服务): open to everyone, signed in or not. */
export const PORTAL_PATH = '/public'
export const PORTAL_TITLE = '示范县法治政府建设公众服务平台'

import { describe, expect, it } from 'vitest'
import { decide, isPortalPath, pageTitle, type Destination, type Viewer } from './guard'

function to(path: string, meta: Destination['meta'] = {}, query: Record<string, unknown> = {}): Destination {
  const qs = new URLSearchParams(query as Record<string, string>).toString()
  return { path, fullPath: qs ? `${path}?${qs}` : path, meta, query }
}

const clerk: Viewer = { permissions: [], mustChangePassword: false }
const admin: Viewer = { permissions: ['user:manage'], mustChangePassword: false }
const fresh: Viewer = { permissions: ['user:manage'], mustChangePassword: true }

describe('decide', () => {
  it('sends signed-out visitors to sign-in, remembering the deep link', () => {
    expect(decide(to('/admin/users', { permission: 'user:manage' }), null)).toEqual({
      allow: false,
      path: '/login',
      query: { redirect: '/admin/users' },
    })
    expect(decide(to('/'), null)).toEqual({ allow: false, path: '/login' })
  })

  it('lets signed-out visitors see public pages', () => {
    expect(decide(to('/login', { public: true }), null)).toEqual({ allow: true })
  })

  it('moves a signed-in user off the sign-in page to the remembered link', () => {
    expect(decide(to('/login', { public: true }, { redirect: '/admin/users' }), admin)).toEqual({
      allow: false,
      path: '/admin/users',
    })
    expect(decide(to('/login', { public: true }, { redirect: 'https://evil.example' }), admin)).toEqual({
      allow: false,
      path: '/',
    })
  })

  it('keeps a user who must change the password on that page', () => {
    expect(decide(to('/'), fresh)).toEqual({ allow: false, path: '/profile/password' })
    expect(decide(to('/admin/users', { permission: 'user:manage' }), fresh)).toEqual({
      allow: false,
      path: '/profile/password',
    })
    expect(decide(to('/profile/password'), fresh)).toEqual({ allow: true })
    expect(decide(to('/login', { public: true }), fresh)).toEqual({ allow: false, path: '/profile/password' })
  })

  it('shows 403 for pages the user lacks the permission for', () => {
    expect(decide(to('/admin/users', { permission: 'user:manage' }), clerk)).toEqual({ allow: false, path: '/403' })
    expect(decide(to('/admin/users', { permission: 'user:manage' }), admin)).toEqual({ allow: true })
    expect(decide(to('/admin/x', { permission: ['audit:read', 'user:manage'] }), admin)).toEqual({ allow: true })
  })

  it('lets everyone signed in reach pages without a permission', () => {
    expect(decide(to('/'), clerk)).toEqual({ allow: true })
    expect(decide(to('/profile/totp'), clerk)).toEqual({ allow: true })
  })
})

describe('the public portal', () => {
  it('is everything under /public, and nothing else', () => {
    expect(isPortalPath('/public')).toBe(true)
    expect(isPortalPath('/public/')).toBe(true)
    expect(isPortalPath('/public/registers/normative_documents')).toBe(true)
    expect(isPortalPath('/publicity')).toBe(false)
    expect(isPortalPath('/')).toBe(false)
    expect(isPortalPath('/admin/public')).toBe(false)
  })

  it('never sends anyone to sign-in, 403 or the password page', () => {
    const page = to('/public/consultations/42')
    expect(decide(page, null)).toEqual({ allow: true })
    expect(decide(page, clerk)).toEqual({ allow: true })
    expect(decide(page, fresh)).toEqual({ allow: true })
    // Even a portal route that named a permission by mistake stays open.
    expect(decide(to('/public', { permission: 'user:manage' }), null)).toEqual({ allow: true })
  })

  it('keeps the sign-in rule for the staff pages next to it', () => {
    expect(decide(to('/publicity'), null)).toEqual({ allow: false, path: '/login', query: { redirect: '/publicity' } })
  })
})

describe('pageTitle', () => {
  it('names inner pages first, under the staff or the portal title', () => {
    expect(pageTitle({ path: '/', name: 'home', meta: { title: '我的待办' } })).toBe('法治政府建设综合管理平台')
    expect(pageTitle({ path: '/login', name: 'login', meta: { title: '登录' } })).toBe('法治政府建设综合管理平台')
    expect(pageTitle({ path: '/dashboard', name: 'dashboard', meta: { title: '统计看板' } })).toBe('统计看板 - 法治政府建设综合管理平台')
    expect(pageTitle({ path: '/public', name: 'portal-home', meta: { title: '首页' } })).toBe('示范县法治政府建设公众服务平台')
    expect(pageTitle({ path: '/public/consultations', name: 'portal-consultations', meta: { title: '意见征集' } })).toBe(
      '意见征集 - 示范县法治政府建设公众服务平台',
    )
  })
})

import { describe, expect, it } from 'vitest'
import { decide, type Destination, type Viewer } from './guard'

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

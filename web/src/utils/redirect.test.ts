import { describe, expect, it } from 'vitest'
import { safeRedirect } from './redirect'

describe('safeRedirect', () => {
  it('accepts paths on this site', () => {
    expect(safeRedirect('/admin/users?page=2')).toBe('/admin/users?page=2')
    expect(safeRedirect(['/admin/audit'])).toBe('/admin/audit')
  })

  it('refuses other sites, odd values and the sign-in page itself', () => {
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'admin', '', null, undefined, 3, '/login?x=1']) {
      expect(safeRedirect(bad)).toBe('/')
    }
  })
})

import { describe, expect, it } from 'vitest'
import type { StaffComment } from '@/api/comments'
import { canModerate, pendingCount, showCommentPanel, sortComments, takesPublicComment } from './comments'

const comment = (id: string, status: StaffComment['status'], createdAt: number): StaffComment => ({
  id,
  author: '张三',
  contact: '',
  content: '意见',
  status,
  reply: '',
  createdAt,
  moderatedAt: null,
})

const withComment = { states: [{ name: 'drafting', label: '起草中', final: false }, { name: 'commenting', label: '公开征求意见中', final: false }] }
const without = { states: [{ name: 'submitted', label: '已报送', final: false }] }

describe('the comment panel', () => {
  it('shows for kinds that take public comment, even before any comes in', () => {
    expect(takesPublicComment(withComment)).toBe(true)
    expect(takesPublicComment(without)).toBe(false)
    expect(takesPublicComment(undefined)).toBe(false)
    expect(showCommentPanel(withComment, [])).toBe(true)
    expect(showCommentPanel(without, [])).toBe(false)
    expect(showCommentPanel(without, [comment('1', 'pending', 1)])).toBe(true)
  })

  it('lets the handlers and the creator moderate', () => {
    expect(canModerate({ actions: [{}], creatorId: 'u2' }, 'u1')).toBe(true)
    expect(canModerate({ actions: [], creatorId: 'u1' }, 'u1')).toBe(true)
    expect(canModerate({ actions: [], creatorId: 'u2' }, 'u1')).toBe(false)
    expect(canModerate({ actions: [], creatorId: 'u2' }, undefined)).toBe(false)
  })

  it('puts pending comments first, oldest first', () => {
    const list = [comment('a', 'approved', 1), comment('b', 'pending', 3), comment('c', 'pending', 2), comment('d', 'rejected', 0)]
    expect(sortComments(list).map((c) => c.id)).toEqual(['c', 'b', 'd', 'a'])
    expect(pendingCount(list)).toBe(2)
  })
})

import { describe, expect, it } from 'vitest'
import { assignmentProblem, cloneAssignments, emptyAssignment, toRequestAssignments } from './assignments'

describe('assignmentProblem', () => {
  it('accepts a valid list, including an empty one', () => {
    expect(assignmentProblem([])).toBeNull()
    expect(
      assignmentProblem([
        { role: 'clerk', scope: 'org' },
        { role: 'reviewer', scope: 'orgs', orgIds: ['7'] },
      ]),
    ).toBeNull()
  })

  it('names the row of the first problem', () => {
    expect(assignmentProblem([emptyAssignment()])).toBe('第 1 行：请选择角色')
    expect(assignmentProblem([{ role: 'a', scope: 'all' }, { role: 'a', scope: 'self' }])).toBe(
      '第 2 行：同一角色只能分配一次',
    )
    expect(assignmentProblem([{ role: 'a', scope: 'orgs', orgIds: [] }])).toContain('指定单位')
  })
})

describe('toRequestAssignments', () => {
  it('sends orgIds only for the "orgs" scope and drops display names', () => {
    expect(
      toRequestAssignments([
        { role: 'a', roleName: '甲', scope: 'org', orgIds: ['1'] },
        { role: 'b', roleName: '乙', scope: 'orgs', orgIds: ['1', '2'] },
      ]),
    ).toEqual([
      { role: 'a', scope: 'org' },
      { role: 'b', scope: 'orgs', orgIds: ['1', '2'] },
    ])
  })
})

describe('cloneAssignments', () => {
  it('copies deeply so edits do not leak back', () => {
    const original = [{ role: 'a', scope: 'orgs' as const, orgIds: ['1'] }]
    const copy = cloneAssignments(original)
    copy[0].orgIds!.push('2')
    copy[0].role = 'b'
    expect(original).toEqual([{ role: 'a', scope: 'orgs', orgIds: ['1'] }])
  })
})

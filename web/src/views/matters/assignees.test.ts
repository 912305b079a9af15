import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/error'
import type { AssigneeCandidate } from '@/api/matters'
import { candidateLabel, candidateMatches, candidatesFailure, filterCandidates } from './assignees'

const zhao: AssigneeCandidate = { id: '11', name: '赵律师', orgName: '明理律师事务所', roles: ['外聘法律顾问'], openMatters: 1 }
const li: AssigneeCandidate = { id: '12', name: '李顾问', orgName: '示范县司法局', roles: ['政府总法律顾问'], openMatters: 4 }
const qian: AssigneeCandidate = { id: '13', name: 'Qian Lin', orgName: '明理律师事务所', roles: ['法律顾问助理'], openMatters: 0 }

describe('candidateLabel', () => {
  it('reads 姓名 · 机构 · 在办 N 件', () => {
    expect(candidateLabel(zhao)).toBe('赵律师 · 明理律师事务所 · 在办 1 件')
    expect(candidateLabel(qian)).toBe('Qian Lin · 明理律师事务所 · 在办 0 件')
  })

  it('leaves out what the server did not send', () => {
    expect(candidateLabel({ ...li, orgName: '' })).toBe('李顾问 · 在办 4 件')
    expect(candidateLabel({ ...li, openMatters: undefined as unknown as number })).toBe('李顾问 · 示范县司法局')
  })
})

describe('candidateMatches', () => {
  it('finds by name, org or role', () => {
    expect(candidateMatches(zhao, '赵')).toBe(true)
    expect(candidateMatches(zhao, '明理')).toBe(true)
    expect(candidateMatches(zhao, '外聘')).toBe(true)
    expect(candidateMatches(zhao, '司法局')).toBe(false)
  })

  it('ignores spaces and letter case', () => {
    expect(candidateMatches(qian, 'qianlin')).toBe(true)
    expect(candidateMatches(qian, ' QIAN  l')).toBe(true)
    expect(candidateMatches(li, '总法律 顾问')).toBe(true)
  })

  it('lets everyone through an empty query', () => {
    expect(candidateMatches(li, '')).toBe(true)
    expect(candidateMatches(li, '   ')).toBe(true)
  })

  it('copes with a candidate without roles', () => {
    expect(candidateMatches({ ...li, roles: undefined as unknown as string[] }, '李')).toBe(true)
  })
})

describe('filterCandidates', () => {
  it('keeps the server order, least loaded first', () => {
    const list = [qian, zhao, li]
    expect(filterCandidates(list, '').map((c) => c.id)).toEqual(['13', '11', '12'])
    expect(filterCandidates(list, '明理').map((c) => c.id)).toEqual(['13', '11'])
    expect(filterCandidates(list, '不存在')).toEqual([])
  })
})

describe('candidatesFailure', () => {
  it('words the contract answers', () => {
    expect(candidatesFailure(new ApiError(404, 'not_found', '不存在'))).toBe('事项不存在，或不在您的查看范围内')
    expect(candidatesFailure(new ApiError(422, 'not_an_assign_action', 'x'))).toBe('该操作无需指定承办人')
  })

  it('passes the server message on for anything else', () => {
    expect(candidatesFailure(new ApiError(503, 'http_503', '服务器暂时无法处理请求，请稍后重试'))).toBe(
      '无法获取可指派人员：服务器暂时无法处理请求，请稍后重试',
    )
    expect(candidatesFailure(new Error('boom'))).toBe('无法获取可指派人员，请稍后重试')
  })
})

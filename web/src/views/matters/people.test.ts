import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/error'
import type { FieldDef } from '@/api/matters'
import { actorName, lookupFailure, peopleLabels, personLabel, userFieldLabels } from './people'

const zhao = { id: '31', name: '赵律师', orgName: '明理律师事务所' }
const li = { id: '32', name: '李顾问', orgName: '示范县司法局' }

describe('people', () => {
  it('labels a person by name and org', () => {
    expect(personLabel(zhao)).toBe('赵律师（明理律师事务所）')
    expect(personLabel({ name: ' 钱律师 ', orgName: '' })).toBe('钱律师')
  })

  it('indexes people by id, the first list winning', () => {
    const labels = peopleLabels([zhao], undefined, [{ ...zhao, name: '旧名' }, li])
    expect([...labels]).toEqual([
      ['31', '赵律师（明理律师事务所）'],
      ['32', '李顾问（示范县司法局）'],
    ])
  })

  it('names the actor, falling back to the account name', () => {
    expect(actorName({ displayName: '王审查', username: 'clerk' })).toBe('王审查')
    expect(actorName({ displayName: '', username: 'clerk' })).toBe('clerk')
    expect(actorName({ username: 'clerk' })).toBe('clerk')
  })

  it('labels the current values of user fields only', () => {
    const fields: FieldDef[] = [
      { key: 'counsel', label: '法律顾问', type: 'user', required: true },
      { key: 'note', label: '备注', type: 'text', required: false },
      { key: 'other', label: '其他人', type: 'user', required: false },
    ]
    expect(userFieldLabels(fields, { fields: { counsel: '31', note: '31', other: '99' }, people: [zhao] })).toEqual({
      counsel: '赵律师（明理律师事务所）',
    })
    expect(userFieldLabels(fields, { fields: { counsel: '31' } })).toEqual({})
  })

  it('says why a lookup failed', () => {
    expect(lookupFailure(new ApiError(403, 'forbidden', '没有查找人员的权限'))).toBe('您没有查找人员的权限')
    expect(lookupFailure(new ApiError(400, 'invalid_query', 'limit 须为 1–50 的整数'))).toBe('无法查找人员：limit 须为 1–50 的整数')
    expect(lookupFailure(new Error('x'))).toBe('无法查找人员，请稍后重试')
  })
})

import { describe, expect, it } from 'vitest'
import {
  actionButtonType,
  actionProblems,
  actionRequest,
  availableActions,
  buildActionForm,
  dangerConfirmation,
  effectHints,
  fixedValuesHint,
  isDangerAction,
  primaryAction,
} from './actionForm'
import { blankParty } from './formModel'
import { sampleKind } from './fixtures.test-data'

describe('buildActionForm', () => {
  it('asks for requirements first, then the optional fields, each once', () => {
    const form = buildActionForm({ require: ['conclusion', 'note'], fields: ['summary', 'conclusion'] }, sampleKind)
    expect(form.items.map((i) => [i.key, i.kind, i.label, i.required])).toEqual([
      ['conclusion', 'field', '审查结论', true],
      ['note', 'note', '办理说明', true],
      ['summary', 'field', '摘要', false],
    ])
    expect(form.model).toEqual({ conclusion: null, note: '', summary: '' })
  })

  it('asks for an assignee (a user id picked from the candidates)', () => {
    const form = buildActionForm({ require: ['assignee'], fields: [] }, sampleKind)
    expect(form.items).toEqual([{ kind: 'assignee', key: 'assignee', label: '承办人', required: true }])
    expect(form.model).toEqual({ assignee: '' })
  })

  it('starts fields from the matter, parties blank', () => {
    const form = buildActionForm({ require: [], fields: ['amount', 'applicant'] }, sampleKind, {
      amount: 50,
      applicant: { partyId: '3', name: '王*' },
    })
    expect(form.model).toEqual({ amount: 50, applicant: blankParty() })
  })

  it('asks for a key the kind does not define as text', () => {
    const form = buildActionForm({ require: ['mystery'], fields: [] }, sampleKind)
    expect(form.items[0]).toMatchObject({ kind: 'field', key: 'mystery', label: 'mystery', field: { type: 'text' } })
    expect(buildActionForm({ require: ['x'], fields: [] }, undefined).items[0]).toMatchObject({ label: 'x' })
  })

  it('gives an empty form to an action that needs nothing', () => {
    expect(buildActionForm({ require: [], fields: [] }, sampleKind)).toEqual({ items: [], model: {} })
  })
})

describe('actionProblems', () => {
  it('reports blank requirements with the server keys', () => {
    const form = buildActionForm({ require: ['note', 'assignee', 'conclusion'], fields: ['summary'] }, sampleKind)
    expect(actionProblems(form)).toEqual({
      note: '请填写办理说明',
      assignee: '请选择承办人',
      conclusion: '请选择审查结论',
    })
    form.model.note = '  '
    form.model.assignee = '123'
    form.model.conclusion = '合法'
    expect(actionProblems(form)).toEqual({ note: '请填写办理说明' })
  })

  it('asks for the name of an optional party that was partly filled in', () => {
    const form = buildActionForm({ require: [], fields: ['applicant'] }, sampleKind)
    expect(actionProblems(form)).toEqual({})
    form.model.applicant = { name: '', idNumber: '', phone: '13800138000' }
    expect(actionProblems(form)).toEqual({ applicant: '请填写申请人的姓名或名称' })
  })
})

describe('actionRequest', () => {
  it('sends note, assignee and required fields, trimmed', () => {
    const form = buildActionForm({ require: ['note', 'assignee', 'conclusion'], fields: [] }, sampleKind)
    Object.assign(form.model, { note: ' 请办理 ', assignee: ' 4242 ', conclusion: '合法' })
    expect(actionRequest(form)).toEqual({ fields: { conclusion: '合法' }, note: '请办理', assigneeId: '4242' })
  })

  it('sends optional fields only when changed, and a party only when filled in', () => {
    const current = { summary: '原摘要', amount: 10, applicant: { partyId: '3', name: '王*' } }
    const form = buildActionForm({ require: [], fields: ['summary', 'amount', 'applicant'] }, sampleKind, current)
    expect(actionRequest(form, current)).toEqual({ fields: {} })
    form.model.amount = 20
    form.model.summary = ''
    expect(actionRequest(form, current)).toEqual({ fields: { amount: 20, summary: null } })
    form.model.applicant = { name: '王五', idNumber: '', phone: '' }
    expect(actionRequest(form, current).fields.applicant).toEqual({ name: '王五' })
  })

  it('leaves out an empty optional note', () => {
    const form = buildActionForm({ require: [], fields: ['note'] }, sampleKind)
    expect(actionRequest(form)).toEqual({ fields: {} })
  })
})

describe('effectHints', () => {
  it('explains every effect except none', () => {
    expect(effectHints.none).toBe('')
    for (const e of ['assign', 'suspend', 'resume', 'extend'] as const) expect(effectHints[e]).not.toBe('')
  })
})

describe('availableActions', () => {
  const act = (name: string, effect: 'none' | 'suspend' | 'resume' | 'extend') => ({ name, label: name, require: [], fields: [], effect })
  const actions = [act('draft', 'none'), act('suspend', 'suspend'), act('resume', 'resume'), act('extend', 'extend')]

  it('offers 中止 while the clock runs and 恢复 only while it is stopped', () => {
    expect(availableActions({ actions, suspended: false }).map((a) => a.name)).toEqual(['draft', 'suspend', 'extend'])
    expect(availableActions({ actions, suspended: true }).map((a) => a.name)).toEqual(['draft', 'resume', 'extend'])
  })
})

describe('primaryAction', () => {
  const def = (name: string, to: string) => ({ name, label: name, from: [], to, roles: [], require: [], fields: [], effect: 'none' as const })
  const kind = { actions: [def('return', 'returned'), def('assign', 'assigned'), def('suspend', ''), def('close', 'closed')] }
  const act = (name: string, require: string[] = []) => ({ name, label: name, require, fields: [], effect: 'none' as const })

  it('stresses the first step forward that needs no note', () => {
    expect(primaryAction([act('return', ['note']), act('assign', ['assignee']), act('suspend', ['note'])], kind)).toBe('assign')
    expect(primaryAction([act('close')], kind)).toBe('close')
  })

  it('stresses nothing when no action moves the matter on', () => {
    expect(primaryAction([act('suspend', ['note']), act('return', ['note'])], kind)).toBeNull()
    expect(primaryAction([act('assign')], undefined)).toBeNull()
  })
})

describe('fixedValuesHint', () => {
  const action = (name: string, set?: Record<string, string>) => ({
    name, label: name, from: ['accepted'], to: 'closed', roles: [], require: [], fields: [], effect: 'none' as const, set,
  })
  const kind = { ...sampleKind, actions: [action('reject', { conclusion: '不合法' }), action('close'), action('odd', { category: '甲', mystery: 'x' })] }

  it('says what the action records by itself, by the field label', () => {
    expect(fixedValuesHint('reject', kind)).toBe('执行后审查结论将记为“不合法”。')
    expect(fixedValuesHint('odd', kind)).toBe('执行后类别将记为“甲”，mystery将记为“x”。')
  })

  it('says nothing for an action that sets nothing, or without the kind', () => {
    expect(fixedValuesHint('close', kind)).toBe('')
    expect(fixedValuesHint('missing', kind)).toBe('')
    expect(fixedValuesHint('reject', undefined)).toBe('')
  })
})

describe('destructive actions (style: danger)', () => {
  const def = (name: string, label: string, to: string, style?: 'danger') =>
    ({ name, label, from: [], to, roles: [], require: [], fields: [], effect: 'none' as const, style })
  const kind = {
    actions: [def('abolish', '清理：废止', 'abolished', 'danger'), def('confirm', '清理：继续有效', ''), def('publish', '公布', 'published'),
      def('void', '作废', '', 'danger')],
    states: [{ name: 'abolished', label: '已废止', final: true }, { name: 'published', label: '已公布', final: false }],
  }
  const act = (name: string) => ({ name, label: name, require: [], fields: [], effect: 'none' as const })

  it('are told apart by the kind', () => {
    expect(isDangerAction('abolish', kind)).toBe(true)
    expect(isDangerAction('confirm', kind)).toBe(false)
    expect(isDangerAction('abolish', undefined)).toBe(false)
  })

  it('look destructive and are never the stressed next step', () => {
    expect(primaryAction([act('abolish'), act('publish')], kind)).toBe('publish')
    expect(primaryAction([act('abolish')], kind)).toBeNull()
    expect(actionButtonType('abolish', 'publish', kind)).toBe('danger')
    expect(actionButtonType('publish', 'publish', kind)).toBe('primary')
    expect(actionButtonType('confirm', 'publish', kind)).toBe('default')
  })

  it('are confirmed with what they lead to', () => {
    expect(dangerConfirmation('abolish', '示范县某办法', kind)).toBe('确定对“示范县某办法”执行“清理：废止”吗？执行后事项将变为“已废止”，不能撤销。')
    expect(dangerConfirmation('void', '某记录', kind)).toBe('确定对“某记录”执行“作废”吗？执行后不能撤销。')
  })
})

import { describe, expect, it } from 'vitest'
import {
  actionFieldKeys,
  blankParty,
  creationFields,
  fieldsInUse,
  buildModel,
  changedFields,
  createFields,
  emptyValue,
  isBlank,
  maskedPartyHint,
  missingRequired,
  requiredMessage,
  unshownKeys,
  toRequestValue,
} from './formModel'
import { sampleKind } from './fixtures.test-data'

const field = (key: string) => sampleKind.fields.find((f) => f.key === key)!

describe('model values', () => {
  it('binds text inputs to "", parties to a blank party and everything else (pickers of people too) to null', () => {
    expect(emptyValue('text')).toBe('')
    expect(emptyValue('long_text')).toBe('')
    expect(emptyValue('party')).toEqual(blankParty())
    for (const t of ['number', 'money', 'date', 'enum', 'org', 'user', 'attachment', 'matter_link'] as const) {
      expect(emptyValue(t)).toBeNull()
    }
  })

  it('starts from stored values, except parties which start blank', () => {
    const model = buildModel(sampleKind.fields, {
      category: '甲',
      amount: 12.5,
      count: '3',
      unit: '11',
      applicant: { partyId: '9', name: '张*' },
    })
    expect(model.category).toBe('甲')
    expect(model.amount).toBe(12.5)
    expect(model.count).toBe(3)
    expect(model.unit).toBe('11')
    expect(model.applicant).toEqual(blankParty())
    expect(model.summary).toBe('')
    expect(model.received).toBeNull()
  })

  it('trims what is sent and turns blanks into null', () => {
    expect(toRequestValue(field('summary'), '  内容  ')).toBe('内容')
    expect(toRequestValue(field('summary'), '   ')).toBeNull()
    expect(toRequestValue(field('amount'), 0)).toBe(0)
    expect(toRequestValue(field('amount'), null)).toBeNull()
    expect(toRequestValue(field('applicant'), { name: ' 张三 ', idNumber: ' 11010519491231002x ', phone: '' })).toEqual({
      name: '张三',
      idNumber: '11010519491231002X',
    })
    expect(toRequestValue(field('applicant'), blankParty())).toBeNull()
  })

  it('counts a party without a name as blank', () => {
    expect(isBlank(field('applicant'), { name: '', idNumber: '110', phone: '' })).toBe(true)
    expect(isBlank(field('applicant'), { name: '某公司', idNumber: '', phone: '' })).toBe(false)
    expect(isBlank(field('count'), 0)).toBe(false)
  })
})

describe('required checks', () => {
  it('asks to choose for pickers and to fill in for inputs', () => {
    expect(requiredMessage(field('category'))).toBe('请选择类别')
    expect(requiredMessage(field('summary'))).toBe('请填写摘要')
    expect(requiredMessage(field('applicant'))).toBe('请填写申请人的姓名或名称')
    expect(requiredMessage(field('handler'))).toBe('请选择经办人')
  })

  it('reports required fields left blank, keyed by field key', () => {
    const fields = [field('category'), { ...field('summary'), required: true }, field('amount')]
    expect(missingRequired(fields, buildModel(fields))).toEqual({ category: '请选择类别', summary: '请填写摘要' })
    expect(missingRequired(fields, { category: '乙', summary: '有', amount: null })).toEqual({})
  })

  it('asks for the name of a party given only a number or phone, even when optional', () => {
    const party = [field('applicant')]
    expect(missingRequired(party, { applicant: { name: '', idNumber: '', phone: '13800138000' } })).toEqual({
      applicant: '请填写申请人的姓名或名称',
    })
    expect(missingRequired(party, { applicant: blankParty() })).toEqual({})
  })
})

describe('request bodies', () => {
  it('creates with filled-in fields only', () => {
    const model = buildModel(sampleKind.fields)
    model.category = '甲'
    model.amount = 300
    model.applicant = { name: '张三', idNumber: '', phone: '13800138000' }
    expect(createFields(sampleKind.fields, model)).toEqual({
      category: '甲',
      amount: 300,
      applicant: { name: '张三', phone: '13800138000' },
    })
  })

  it('edits with changes only: cleared fields as null, blank parties untouched', () => {
    const stored = { category: '甲', summary: '旧摘要', amount: 100, applicant: { partyId: '9', name: '张*' } }
    const model = buildModel(sampleKind.fields, stored)
    expect(changedFields(sampleKind.fields, stored, model)).toEqual({})

    model.summary = '新摘要'
    model.amount = null
    model.received = '2024-06-03'
    expect(changedFields(sampleKind.fields, stored, model)).toEqual({
      summary: '新摘要',
      amount: null,
      received: '2024-06-03',
    })

    model.applicant = { name: '李四', idNumber: '', phone: '' }
    expect(changedFields(sampleKind.fields, stored, model).applicant).toEqual({ name: '李四' })
  })

  it('hints at the stored party in masked form', () => {
    expect(maskedPartyHint({ partyId: '1', name: '张*', idNumber: '', phone: '138****0000' })).toBe('张* / 138****0000')
    expect(maskedPartyHint(null)).toBe('')
  })
})

describe('which fields a form shows', () => {
  const kind = {
    fields: sampleKind.fields,
    initial: 'submitted',
    actions: [
      { require: ['conclusion', 'note'], fields: ['summary'], to: 'drafted' },
      { require: ['assignee', 'category'], fields: [], to: 'assigned' },
      // 补正后重新报送: back to the start, asking again for what creation gives.
      { require: [], fields: ['draft', 'amount'], to: 'submitted' },
    ],
  }

  it('knows the keys later steps fill in', () => {
    expect([...actionFieldKeys(kind)].sort()).toEqual(['assignee', 'category', 'conclusion', 'note', 'summary'])
  })

  it('leaves to the actions what they fill in, unless creation requires it', () => {
    const keys = creationFields(kind).map((f) => f.key)
    expect(keys).toContain('category') // required at creation, even if an action asks again
    expect(keys).not.toContain('conclusion')
    expect(keys).not.toContain('summary')
    expect(keys).toContain('applicant')
    expect(keys).toContain('draft') // a resubmission field is a submission field
    expect(keys).toContain('amount')
  })

  it('shows what an action already filled in', () => {
    expect(fieldsInUse(kind, {}).map((f) => f.key)).toEqual(creationFields(kind).map((f) => f.key))
    const keys = fieldsInUse(kind, { conclusion: '合法', summary: '' }).map((f) => f.key)
    expect(keys).toContain('conclusion')
    expect(keys).not.toContain('summary')
  })
})

describe('unshownKeys', () => {
  it('finds messages the form has no item for', () => {
    expect(unshownKeys({ title: 'x', fields: 'y', amount: 'z' }, ['title', 'amount'])).toEqual(['fields'])
    expect(unshownKeys({}, ['title'])).toEqual([])
  })
})

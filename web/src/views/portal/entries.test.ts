import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/error'
import {
  charCount,
  checkComment,
  commentFailure,
  entryStatus,
  isMobile,
  publicValueText,
  publishedFields,
  statusTagType,
  waitText,
} from './entries'

describe('entry status', () => {
  it('marks abolished, invalidated and expired documents as no longer in force', () => {
    for (const state of ['abolished', 'invalidated', 'expired']) {
      expect(entryStatus(state)).toBe('revoked')
      expect(statusTagType(state)).toBe('danger')
    }
    expect(entryStatus('valid')).toBe('valid')
    expect(statusTagType('valid')).toBe('success')
    expect(entryStatus('commenting')).toBe('commenting')
    expect(entryStatus('catalogued')).toBe('other')
  })
})

describe('published fields', () => {
  it('reads values as text', () => {
    expect(publicValueText(null)).toBe('—')
    expect(publicValueText('')).toBe('—')
    expect(publicValueText(undefined)).toBe('—')
    expect(publicValueText(2024)).toBe('2024')
    expect(publicValueText(['正式', '暂行'])).toBe('正式、暂行')
    expect(publicValueText([])).toBe('—')
    expect(publicValueText(true)).toBe('是')
    expect(publicValueText({ name: '县司法局' })).toBe('县司法局')
    expect(publicValueText({ id: 1 })).toBe('—')
  })

  it('keeps the server\'s order and labels', () => {
    const fields = publishedFields({
      fields: {
        catalogue_year: { label: '目录年度', value: 2024 },
        undertaking_org: { label: '承办单位', value: '县交通运输局' },
        background: { label: '决策事项说明', value: '第一段\n第二段' },
      },
    })
    expect(fields.map((f) => [f.key, f.label, f.text, f.multiline])).toEqual([
      ['catalogue_year', '目录年度', '2024', false],
      ['undertaking_org', '承办单位', '县交通运输局', false],
      ['background', '决策事项说明', '第一段\n第二段', true],
    ])
  })
})

describe('the comment form', () => {
  it('accepts a good comment, trimmed, and leaves out an empty contact', () => {
    expect(checkComment({ author: ' 张三 ', contact: '', content: ' 建议增加听证环节。 ' })).toEqual({
      comment: { author: '张三', content: '建议增加听证环节。' },
      errors: {},
    })
    expect(checkComment({ author: '某公司', contact: '13800138000', content: '同意该方案内容' }).comment).toEqual({
      author: '某公司',
      contact: '13800138000',
      content: '同意该方案内容',
    })
  })

  it('applies the server\'s limits', () => {
    const { errors } = checkComment({ author: '', contact: '12345', content: '太短' })
    expect(Object.keys(errors).sort()).toEqual(['author', 'contact', 'content'])
    expect(checkComment({ author: '甲'.repeat(51), contact: '', content: '意见内容足够长' }).errors.author).toBeTruthy()
    expect(checkComment({ author: '甲', contact: '', content: '字'.repeat(5001) }).errors.content).toBeTruthy()
    expect(checkComment({ author: '甲', contact: '', content: '五个字正好' }).errors).toEqual({})
  })

  it('counts characters, not UTF-16 units', () => {
    expect(charCount('𠀀𠀁')).toBe(2)
    expect(charCount('意见')).toBe(2)
  })

  it('knows a mobile number', () => {
    expect(isMobile('13800138000')).toBe(true)
    expect(isMobile('12800138000')).toBe(false)
    expect(isMobile('1380013800')).toBe(false)
    expect(isMobile('010-12345678')).toBe(false)
  })
})

describe('refused comments', () => {
  it('says how long to wait after too many', () => {
    const e = new ApiError(429, 'rate_limited', '访问过于频繁，请稍后再试', {}, 30)
    expect(commentFailure(e)).toBe('访问过于频繁，请稍后再试（请 30 秒后再提交）')
    const long = new ApiError(429, 'rate_limited', '访问过于频繁，请稍后再试', {}, 90)
    expect(commentFailure(long)).toBe('访问过于频繁，请稍后再试（请 2 分钟后再提交）')
    expect(commentFailure(new ApiError(429, 'rate_limited', '请稍后再试'))).toBe('请稍后再试')
  })

  it('passes the server\'s 422 message on', () => {
    expect(commentFailure(new ApiError(422, 'validation_failed', '意见内容须为 5 至 5000 字'))).toBe('意见内容须为 5 至 5000 字')
    expect(commentFailure(new Error('x'))).toBe('提交失败，请稍后重试')
  })

  it('rounds waits up', () => {
    expect(waitText(0)).toBe('1 秒')
    expect(waitText(59)).toBe('59 秒')
    expect(waitText(60)).toBe('1 分钟')
    expect(waitText(61)).toBe('2 分钟')
  })
})

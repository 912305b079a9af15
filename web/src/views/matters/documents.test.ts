import { describe, expect, it } from 'vitest'
import { documentTemplates, fallbackFilename, templatesFor } from './documents'

describe('templatesFor', () => {
  it('offers the review opinion for legality reviews and the notice for every kind', () => {
    expect(templatesFor({ kind: 'legality_review', number: '示司审〔2024〕1号' }).map((t) => t.name)).toEqual([
      'review_opinion',
      'generic_notice',
    ])
    expect(templatesFor({ kind: 'test_case', number: 'T-1' }).map((t) => t.name)).toEqual(['generic_notice'])
  })

  it('offers nothing before the matter has a number', () => {
    expect(templatesFor({ kind: 'legality_review', number: '' })).toEqual([])
  })
})

describe('fallbackFilename', () => {
  it('names the file by number and document, safe for any file system', () => {
    const [opinion] = documentTemplates
    expect(fallbackFilename({ number: '示司审〔2024〕1号', title: 'x' }, opinion, 'pdf')).toBe('示司审〔2024〕1号-合法性审查意见书.pdf')
    expect(fallbackFilename({ number: '', title: '关于 A/B 的审查' }, opinion, 'docx')).toBe('关于_A_B_的审查-合法性审查意见书.docx')
  })
})

import { describe, expect, it } from 'vitest'
import { lightText, lightView } from './trafficLight'

describe('lightText', () => {
  it('counts working days left while the clock runs', () => {
    expect(lightText({ color: 'green', daysLeft: 12 })).toBe('剩 12 个工作日')
    expect(lightText({ color: 'yellow', daysLeft: 2 })).toBe('剩 2 个工作日')
    expect(lightText({ color: 'yellow', daysLeft: 0 })).toBe('今日到期')
  })

  it('counts days overdue', () => {
    expect(lightText({ color: 'red', daysLeft: -3 })).toBe('已逾期 3 天')
    expect(lightText({ color: 'red', daysLeft: -1 })).toBe('已逾期 1 天')
    // Past the due day but no working day in between (e.g. due Friday, today Saturday).
    expect(lightText({ color: 'red', daysLeft: 0 })).toBe('已逾期')
    expect(lightText({ color: 'red', daysLeft: null })).toBe('已逾期')
  })

  it('says a suspended clock is stopped', () => {
    expect(lightText({ color: 'paused', daysLeft: null })).toBe('已中止')
    expect(lightText({ color: 'paused', daysLeft: 5 })).toBe('已中止')
  })

  it('says nothing without a running deadline or with bad input', () => {
    expect(lightText({ color: 'none', daysLeft: null })).toBe('')
    expect(lightText({ color: 'green', daysLeft: null })).toBe('')
    expect(lightText(undefined)).toBe('')
    expect(lightText(null)).toBe('')
    expect(lightText({ color: 'purple' as never, daysLeft: 3 })).toBe('')
  })

  it('drops fractions the server should never send', () => {
    expect(lightText({ color: 'green', daysLeft: 4.7 })).toBe('剩 4 个工作日')
  })
})

describe('lightView', () => {
  it('pairs each colour with its lamp name and theme colour', () => {
    expect(lightView({ color: 'red', daysLeft: -2 })).toEqual({
      color: 'red',
      text: '已逾期 2 天',
      name: '红灯',
      css: 'var(--el-color-danger)',
    })
    expect(lightView({ color: 'yellow', daysLeft: 1 })).toMatchObject({ name: '黄灯', css: 'var(--el-color-warning)' })
    expect(lightView({ color: 'green', daysLeft: 9 })).toMatchObject({ name: '绿灯', css: 'var(--el-color-success)' })
    expect(lightView({ color: 'paused', daysLeft: null })).toMatchObject({ name: '已中止', text: '已中止' })
  })

  it('maps unknown colours to none', () => {
    expect(lightView({ color: 'blue' as never, daysLeft: 1 })).toMatchObject({ color: 'none', text: '' })
  })
})

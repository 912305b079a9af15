// 红/黄/绿灯: how a matter's deadline stands, as a colour and a short Chinese text.
//
// The server decides the colour (red overdue, yellow due within the kind's warning
// window, green fine, paused while 中止, none without a running deadline) and the
// working days left; this file only words it.
import type { Light, LightColor } from '@/api/matters'

export interface LightView {
  color: LightColor
  /** "剩 3 个工作日", "今日到期", "已逾期 2 天", "已中止", or "" when there is nothing to say. */
  text: string
  /** Spoken name of the lamp for screen readers and tooltips: 红灯 …. */
  name: string
  /** CSS colour of the dot. */
  css: string
}

const names: Record<LightColor, string> = {
  red: '红灯',
  yellow: '黄灯',
  green: '绿灯',
  paused: '已中止',
  none: '无期限',
}

const cssColors: Record<LightColor, string> = {
  red: 'var(--el-color-danger)',
  yellow: 'var(--el-color-warning)',
  green: 'var(--el-color-success)',
  paused: 'var(--el-color-info)',
  none: 'var(--el-border-color)',
}

function knownColor(color: unknown): LightColor {
  return typeof color === 'string' && color in names ? (color as LightColor) : 'none'
}

function wholeDays(days: unknown): number | null {
  return typeof days === 'number' && Number.isFinite(days) ? Math.trunc(days) : null
}

/** The words for a light; tolerant of a missing or unknown light (treated as none). */
export function lightText(light: Partial<Light> | null | undefined): string {
  const color = knownColor(light?.color)
  const days = wholeDays(light?.daysLeft)
  switch (color) {
    case 'red':
      return days !== null && days < 0 ? `已逾期 ${-days} 天` : '已逾期'
    case 'yellow':
    case 'green':
      if (days === null) return ''
      if (days <= 0) return '今日到期'
      return `剩 ${days} 个工作日`
    case 'paused':
      return '已中止'
    default:
      return ''
  }
}

export function lightView(light: Partial<Light> | null | undefined): LightView {
  const color = knownColor(light?.color)
  return { color, text: lightText(light), name: names[color], css: cssColors[color] }
}

/** Options for a "期限" filter: the list API's `due` values. */
export const dueFilterOptions = [
  { value: 'overdue', label: '已逾期' },
  { value: 'soon', label: '即将到期' },
] as const

// Chinese labels for the matter engine's codes.
import type { DeadlineStatus, DeadlineUnit } from '@/api/matters'

export const deadlineStatusLabels: Readonly<Record<string, string>> = {
  pending: '未开始',
  running: '计时中',
  suspended: '已中止',
  stopped: '已结束',
} satisfies Record<DeadlineStatus, string>

export const deadlineUnitLabels: Readonly<Record<string, string>> = {
  working_day: '个工作日',
  calendar_day: '日',
} satisfies Record<DeadlineUnit, string>

export const linkDirectionLabels: Readonly<Record<string, string>> = {
  out: '本事项关联',
  in: '关联本事项',
}

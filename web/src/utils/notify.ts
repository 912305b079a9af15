// Shows an error to the user as a toast, in the server's words when it gave any.
import { ElMessage } from 'element-plus'
import { isApiError } from '@/api/error'

export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message
  return '操作失败，请稍后重试'
}

export function notifyError(e: unknown): void {
  if (!isApiError(e)) console.warn(e)
  ElMessage.error({ message: errorMessage(e), grouping: true })
}

export function notifySuccess(message: string): void {
  ElMessage.success({ message, grouping: true })
}

// Asking what to do after a 409 `version_conflict` (已被他人修改).
import { ElMessageBox } from 'element-plus'
import { isApiError } from '@/api/error'

export function isVersionConflict(e: unknown): boolean {
  return isApiError(e) && e.status === 409 && e.code === 'version_conflict'
}

/** Resolves true when the user chooses to reload the matter. */
export async function askReloadAfterConflict(unsaved: boolean): Promise<boolean> {
  const message = unsaved
    ? '在您编辑期间，该事项已被他人修改。重新加载将显示最新内容，本页尚未保存的修改会丢失。'
    : '该事项已被他人修改，请重新加载后再操作。'
  try {
    await ElMessageBox.confirm(message, '已被他人修改', {
      type: 'warning',
      confirmButtonText: '重新加载',
      cancelButtonText: unsaved ? '留在本页' : '取消',
      distinguishCancelAndClose: false,
    })
    return true
  } catch {
    return false
  }
}

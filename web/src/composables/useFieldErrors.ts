// Server-side validation messages (422 `details.fields`) shown under form items.
//
//   const fields = useFieldErrors()
//   <el-form-item prop="password" :error="fields.errors.password">
//   catch (e) { if (!fields.take(e)) notifyError(e) }
import { reactive } from 'vue'
import { isApiError } from '@/api/error'

export function useFieldErrors() {
  const errors = reactive<Record<string, string>>({})

  function clear(): void {
    for (const key of Object.keys(errors)) delete errors[key]
  }

  /** Shows the field messages of `e`; returns false when it carried none. */
  function take(e: unknown): boolean {
    clear()
    if (!isApiError(e)) return false
    const fields = e.fields
    Object.assign(errors, fields)
    return Object.keys(fields).length > 0
  }

  return { errors, clear, take }
}

// Drops a form item's message as soon as its value is edited, so a message
// from the last submit does not linger next to a corrected value.
import { watch, type Ref } from 'vue'

export function useClearOnEdit(model: Ref<Record<string, unknown>>, errors: Record<string, string>): void {
  const snapshot = () => {
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(model.value)) out[k] = JSON.stringify(v ?? null)
    return out
  }
  watch(snapshot, (now, before) => {
    for (const key of Object.keys(now)) if (before && now[key] !== before[key]) delete errors[key]
  })
}

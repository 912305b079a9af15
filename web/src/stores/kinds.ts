// The kind definitions (事项类型) that drive the generic matter pages, fetched
// once per page load and shared. They are the same for every user; what a user
// may do with a matter comes with the matter itself.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { listKinds, type Kind } from '@/api/matters'

export const useKindStore = defineStore('kinds', () => {
  const kinds = ref<Kind[]>([])
  const loaded = ref(false)
  let pending: Promise<Kind[]> | null = null

  /** Loads the kinds unless already known; rejects with the ApiError (and retries next time). */
  function ensureLoaded(): Promise<Kind[]> {
    if (loaded.value) return Promise.resolve(kinds.value)
    pending ??= listKinds()
      .then((items) => {
        kinds.value = items
        loaded.value = true
        return items
      })
      .finally(() => {
        pending = null
      })
    return pending
  }

  function find(kind: string | undefined | null): Kind | undefined {
    return kind ? kinds.value.find((k) => k.kind === kind) : undefined
  }

  return { kinds, loaded, ensureLoaded, find }
})

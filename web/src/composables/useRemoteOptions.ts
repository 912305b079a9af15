// The options of a remote-search select (ElSelect `remote`): each search's
// answer replaces the options unless a newer search has started, and the
// current value stays selectable with its label even when the answer does not
// contain it. Used by the matter-link and person pickers.
import { onMounted, ref, watch, type Ref } from 'vue'

export interface RemoteOption {
  value: string
  label: string
}

export function useRemoteOptions(
  model: Ref<string | null | undefined>,
  /** The options for a query (already trimmed). */
  fetchOptions: (q: string) => Promise<RemoteOption[]>,
  /** The current value's label before a search has found it. */
  currentLabel: (value: string) => string,
  /** Told about a failed search, unless a newer one has started. */
  onError: (e: unknown) => void,
) {
  const options = ref<RemoteOption[]>([])
  const loading = ref(false)
  let generation = 0

  function keepCurrent(list: RemoteOption[]): RemoteOption[] {
    const v = model.value
    if (!v || list.some((o) => o.value === v)) return list
    return [{ value: v, label: currentLabel(v) }, ...list]
  }

  async function search(q: string) {
    const mine = ++generation
    loading.value = true
    try {
      const found = await fetchOptions(q.trim())
      if (mine === generation) options.value = keepCurrent(found)
    } catch (e) {
      if (mine === generation) onError(e)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  onMounted(() => {
    options.value = keepCurrent([])
  })
  watch(model, () => {
    options.value = keepCurrent(options.value)
  })

  return { options, loading, search, keepCurrent }
}

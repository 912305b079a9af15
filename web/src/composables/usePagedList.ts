// A paged table's state: page, page size, rows, total, loading.
import { ref, type Ref } from 'vue'
import type { Page } from '@/api/paging'
import { notifyError } from '@/utils/notify'

export const PAGE_SIZES = [10, 20, 50, 100]

export function usePagedList<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>) {
  const page = ref(1)
  const pageSize = ref(20)
  const items = ref([]) as Ref<T[]>
  const total = ref(0)
  const loading = ref(false)
  let generation = 0

  /** Loads the current page; a slower earlier answer never overwrites a newer one. */
  async function load(): Promise<void> {
    const mine = ++generation
    loading.value = true
    try {
      const result = await fetchPage(page.value, pageSize.value)
      if (mine !== generation) return
      items.value = result.items
      total.value = result.total
    } catch (e) {
      if (mine === generation) notifyError(e)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  /** Back to page 1 (after a filter change) and load. */
  function reload(): Promise<void> {
    page.value = 1
    return load()
  }

  return { page, pageSize, items, total, loading, load, reload }
}

// The org list and its tree, loaded on demand by the pages that need them.
import { computed, ref } from 'vue'
import { listOrgs, type Org } from '@/api/orgs'
import { buildOrgTree } from '@/utils/orgTree'
import { notifyError } from '@/utils/notify'

export function useOrgs() {
  const orgs = ref<Org[]>([])
  const loading = ref(false)
  const tree = computed(() => buildOrgTree(orgs.value))
  const byId = computed(() => new Map(orgs.value.map((o) => [o.id, o])))

  async function load(): Promise<void> {
    loading.value = true
    try {
      orgs.value = await listOrgs()
    } catch (e) {
      notifyError(e)
    } finally {
      loading.value = false
    }
  }

  return { orgs, tree, byId, loading, load }
}

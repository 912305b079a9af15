// The role catalogue for pickers and the role page.
import { ref } from 'vue'
import { listRoles, type Role } from '@/api/roles'
import { notifyError } from '@/utils/notify'

export function useRoles() {
  const roles = ref<Role[]>([])
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      roles.value = await listRoles()
    } catch (e) {
      notifyError(e)
    } finally {
      loading.value = false
    }
  }

  return { roles, loading, load }
}

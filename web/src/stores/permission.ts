// What the signed-in user may do: permission checks and the menu built from them.
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { buildMenu } from '@/layout/menu'
import { hasAnyPermission, type PermissionRequirement } from '@/utils/permissions'
import { useSessionStore } from './session'

export const usePermissionStore = defineStore('permission', () => {
  const session = useSessionStore()

  const granted = computed(() => new Set(session.user?.permissions ?? []))
  const menu = computed(() => buildMenu(granted.value))

  function can(required: PermissionRequirement | undefined): boolean {
    return hasAnyPermission(granted.value, required)
  }

  return { granted, menu, can }
})

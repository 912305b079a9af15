// v-auth: hides an element the user lacks the permission for.
//
//   <el-button v-auth="'user:manage'">新增用户</el-button>
//   <el-button v-auth="['role:manage', 'user:manage']">…</el-button>   (any one)
//
// The element is hidden rather than removed: Vue may still patch it or use it
// as an insertion anchor. Hiding a button is a courtesy; the server checks
// every call again.
import type { Directive } from 'vue'
import type { PermissionRequirement } from '@/utils/permissions'

export function createAuthDirective(
  can: (required: PermissionRequirement) => boolean,
): Directive<HTMLElement, PermissionRequirement> {
  const apply = (el: HTMLElement, required: PermissionRequirement) => {
    const allowed = can(required)
    el.style.display = allowed ? '' : 'none'
    if (allowed) el.removeAttribute('aria-hidden')
    else el.setAttribute('aria-hidden', 'true')
  }
  return {
    mounted: (el, binding) => apply(el, binding.value),
    updated: (el, binding) => apply(el, binding.value),
  }
}

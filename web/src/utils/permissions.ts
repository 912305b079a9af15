// Permission checks shared by the router, the menu and the v-auth directive.

/** A requirement: one code, or a list of which any one suffices. */
export type PermissionRequirement = string | readonly string[]

export function hasAnyPermission(
  granted: ReadonlySet<string> | readonly string[],
  required: PermissionRequirement | undefined,
): boolean {
  if (required === undefined) return true
  const set = granted instanceof Set ? granted : new Set(granted as readonly string[])
  const list = typeof required === 'string' ? [required] : required
  if (list.length === 0) return true
  return list.some((p) => set.has(p))
}

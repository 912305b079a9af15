// Builds the org tree (机构树) from the flat list /orgs returns.
import type { Org } from '@/api/orgs'

export interface OrgNode extends Org {
  children: OrgNode[]
}

/**
 * Roots are orgs without a parent or whose parent is not in the list (so a
 * user who sees part of the tree still gets a tree). Siblings are ordered by
 * kind (government, departments, townships, offices, law firms), then code. A cycle in the data would leave its members
 * unreachable; they are appended as roots rather than lost.
 */
export function buildOrgTree(orgs: readonly Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>()
  for (const org of orgs) nodes.set(org.id, { ...org, children: [] })

  const roots: OrgNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined
    if (parent && parent !== node) parent.children.push(node)
    else roots.push(node)
  }

  // Depth-first from the roots; whatever a cycle kept out is attached after.
  const reached = new Set<string>()
  const attach = (node: OrgNode) => {
    reached.add(node.id)
    node.children = node.children.filter((c) => !reached.has(c.id)).sort(compareOrgs)
    for (const child of node.children) attach(child)
  }
  roots.sort(compareOrgs).forEach(attach)
  for (const node of nodes.values()) {
    if (reached.has(node.id)) continue
    attach(node)
    roots.push(node)
  }
  return roots
}

const typeRank: Record<string, number> = { government: 0, department: 1, township: 2, office: 3, law_firm: 4 }

function compareOrgs(a: Org, b: Org): number {
  const rank = (o: Org) => typeRank[o.type] ?? 9
  return rank(a) - rank(b) || a.code.localeCompare(b.code) || a.name.localeCompare(b.name, 'zh-CN')
}

/** The id of `rootId` and of every org below it. */
export function subtreeIds(orgs: readonly Org[], rootId: string): Set<string> {
  const children = new Map<string, string[]>()
  for (const o of orgs) {
    if (!o.parentId) continue
    const list = children.get(o.parentId) ?? []
    list.push(o.id)
    children.set(o.parentId, list)
  }
  const out = new Set<string>()
  const stack = [rootId]
  while (stack.length > 0) {
    const id = stack.pop()!
    if (out.has(id)) continue
    out.add(id)
    stack.push(...(children.get(id) ?? []))
  }
  return out
}

/** The names from the root down to `id`, e.g. ["县政府", "司法局"]. */
export function orgPath(orgs: readonly Org[], id: string): string[] {
  const byId = new Map(orgs.map((o) => [o.id, o]))
  const path: string[] = []
  const seen = new Set<string>()
  let cur = byId.get(id)
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id)
    path.unshift(cur.name)
    cur = cur.parentId ? byId.get(cur.parentId) : undefined
  }
  return path
}

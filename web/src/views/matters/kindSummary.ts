// What the "新建" page says about each kind: which kinds the user may create,
// and the statutory period in a few words.
import type { DeadlineDef, Kind } from '@/api/matters'

/** Kinds the signed-in user may create (the server decides; older answers without the flag count as yes). */
export function creatableKinds(kinds: Kind[]): Kind[] {
  return kinds.filter((k) => k.canCreate !== false)
}

function unitText(d: DeadlineDef): string {
  return d.unit === 'working_day' ? '个工作日' : '日'
}

/** "审查期限 10–15 个工作日（按审查类别）", "办理期限 60 日", or "无法定期限". */
export function periodSummary(kind: Kind): string {
  const d = kind.deadlines[0]
  if (!d) return '无法定期限'
  if (d.dueField) return `${d.label}（按${kind.fields.find((f) => f.key === d.dueField)?.label ?? d.dueField}）`
  const lengths = d.lengthBy && d.lengths ? Object.values(d.lengths) : []
  if (lengths.length === 0) return `${d.label} ${d.length} ${unitText(d)}`
  const all = [...lengths, d.length]
  const lo = Math.min(...all)
  const hi = Math.max(...all)
  const by = kind.fields.find((f) => f.key === d.lengthBy)?.label ?? d.lengthBy
  const span = lo === hi ? `${lo}` : `${lo}–${hi}`
  return `${d.label} ${span} ${unitText(d)}（按${by}）`
}

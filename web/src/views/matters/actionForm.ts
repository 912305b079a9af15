// The dialog for one action (受理, 分流, 拟写意见 …), built from what the action
// requires (`require`: field keys, "note", "assignee") and what it may also set
// (`fields`). Pure: the dialog renders `items` and binds `model`.
import type { ActionEffect, ActionInput, FieldDef, FieldValues, Kind, Matter, MatterAction } from '@/api/matters'
import {
  isBlank,
  missingRequired,
  requiredMessage,
  toFormValue,
  toRequestValue,
  type FormModel,
} from './formModel'

export const NOTE = 'note'
export const ASSIGNEE = 'assignee'

export type ActionItem =
  | { kind: 'note'; key: typeof NOTE; label: string; required: boolean }
  | { kind: 'assignee'; key: typeof ASSIGNEE; label: string; required: boolean }
  | { kind: 'field'; key: string; label: string; required: boolean; field: FieldDef }

export interface ActionForm {
  items: ActionItem[]
  model: FormModel
}

/** What an effect does to the matter, said before the user confirms. */
export const effectHints: Readonly<Record<ActionEffect, string>> = {
  none: '',
  assign: '执行后事项将交由所选承办人办理。',
  suspend: '执行后办理期限中止计算，恢复后继续计算。',
  resume: '执行后办理期限恢复计算。',
  extend: '执行后办理期限按规定延长，延长只能进行一次。',
}

/** What an action records by itself (`set`), said before the user confirms: 执行后清理结果将记为“废止”。 */
export function fixedValuesHint(actionName: string, kind: Pick<Kind, 'actions' | 'fields'> | undefined): string {
  const set = kind?.actions.find((a) => a.name === actionName)?.set ?? {}
  const parts = Object.entries(set).map(([key, value]) => {
    const label = kind?.fields.find((f) => f.key === key)?.label ?? key
    return `${label}将记为“${value}”`
  })
  return parts.length > 0 ? `执行后${parts.join('，')}。` : ''
}

/**
 * Items in the action's order: its requirements first, then the optional fields
 * it may set. Fields start from the matter's current values (parties blank);
 * a key the kind does not define is asked for as plain text.
 */
export function buildActionForm(
  action: Pick<MatterAction, 'require' | 'fields'>,
  kind: Pick<Kind, 'fields'> | undefined,
  current: FieldValues = {},
): ActionForm {
  const items: ActionItem[] = []
  const model: FormModel = {}
  const seen = new Set<string>()
  const add = (key: string, required: boolean) => {
    if (seen.has(key)) return
    seen.add(key)
    if (key === NOTE) {
      items.push({ kind: 'note', key: NOTE, label: '办理说明', required })
      model[NOTE] = ''
    } else if (key === ASSIGNEE) {
      items.push({ kind: 'assignee', key: ASSIGNEE, label: '承办人', required })
      model[ASSIGNEE] = ''
    } else {
      const field: FieldDef = kind?.fields.find((f) => f.key === key) ?? { key, label: key, type: 'text', required: false }
      items.push({ kind: 'field', key, label: field.label, required, field })
      model[key] = toFormValue(field, current[key])
    }
  }
  for (const key of action.require ?? []) add(key, true)
  for (const key of action.fields ?? []) add(key, false)
  return { items, model }
}

/** Client-side checks: required items left blank, keyed as the server's 422 would be. */
export function actionProblems(form: ActionForm): Record<string, string> {
  const out: Record<string, string> = {}
  for (const item of form.items) {
    const v = form.model[item.key]
    if (item.kind === 'field' && item.field.type === 'party') {
      // A party given a number or phone but no name is wrong even when optional.
      const problem = missingRequired([{ ...item.field, required: item.required }], { [item.key]: v ?? null })[item.key]
      if (problem) out[item.key] = problem
      continue
    }
    if (!item.required) continue
    if (item.kind === 'note') {
      if (typeof v !== 'string' || v.trim() === '') out[item.key] = '请填写办理说明'
    } else if (item.kind === 'assignee') {
      if (typeof v !== 'string' || v.trim() === '') out[item.key] = '请选择承办人'
    } else if (isBlank(item.field, v)) {
      out[item.key] = requiredMessage(item.field)
    }
  }
  return out
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/**
 * The request body. Required fields are always sent; optional ones only when
 * they differ from the matter's current value (a blank party is never sent).
 */
export function actionRequest(form: ActionForm, current: FieldValues = {}): ActionInput {
  const fields: FieldValues = {}
  const body: ActionInput = { fields }
  for (const item of form.items) {
    const v = form.model[item.key]
    if (item.kind === 'note') {
      const note = typeof v === 'string' ? v.trim() : ''
      if (note) body.note = note
    } else if (item.kind === 'assignee') {
      const id = typeof v === 'string' ? v.trim() : ''
      if (id) body.assigneeId = id
    } else {
      const value = toRequestValue(item.field, v)
      if (item.required) {
        fields[item.key] = value
      } else if (item.field.type === 'party') {
        if (value !== null) fields[item.key] = value
      } else if (!same(value, toRequestValue(item.field, toFormValue(item.field, current[item.key])))) {
        fields[item.key] = value
      }
    }
  }
  return body
}

/**
 * The action buttons to show. The server lists what the user's role may do in
 * this state; a clock that is running cannot be resumed and one that is
 * stopped cannot be suspended again, so those two are left out.
 */
export function availableActions(matter: Pick<Matter, 'actions' | 'suspended'>): MatterAction[] {
  return matter.actions.filter((a) => {
    if (a.effect === 'resume') return matter.suspended
    if (a.effect === 'suspend') return !matter.suspended
    return true
  })
}

/** Whether the kind marks the action destructive (`style: danger`: 废止, 终止, 撤回 …). */
export function isDangerAction(actionName: string, kind: Pick<Kind, 'actions'> | undefined): boolean {
  return kind?.actions.find((a) => a.name === actionName)?.style === 'danger'
}

/** The button type of an action: danger for destructive ones, primary for the next step, default otherwise. */
export function actionButtonType(
  actionName: string,
  primary: string | null,
  kind: Pick<Kind, 'actions'> | undefined,
): 'danger' | 'primary' | 'default' {
  if (isDangerAction(actionName, kind)) return 'danger'
  return actionName === primary ? 'primary' : 'default'
}

/**
 * What the confirmation of a destructive action says:
 * 确定对“…”执行“清理：废止”吗？执行后事项将变为“已废止”，不能撤销。
 */
export function dangerConfirmation(
  actionName: string,
  matterTitle: string,
  kind: Pick<Kind, 'actions' | 'states'> | undefined,
): string {
  const def = kind?.actions.find((a) => a.name === actionName)
  const label = def?.label ?? actionName
  const to = def?.to ? kind?.states.find((s) => s.name === def.to)?.label ?? def.to : ''
  return `确定对“${matterTitle}”执行“${label}”吗？${to ? `执行后事项将变为“${to}”，` : '执行后'}不能撤销。`
}

/**
 * The action to stress as the next step: the first that moves the matter to
 * another state without asking for a note (so 受理 over 退回补正, 分流 over 中止),
 * never a destructive one.
 */
export function primaryAction(actions: readonly MatterAction[], kind: Pick<Kind, 'actions'> | undefined): string | null {
  for (const a of actions) {
    const def = kind?.actions.find((d) => d.name === a.name)
    if (def?.to && !a.require.includes(NOTE) && def.style !== 'danger') return a.name
  }
  return null
}

// Narrows a list-backed enum's options to those a `matches` check allows
// for the form's current values: with a review's category 政策文件 chosen, the
// catalogue item select offers only the catalogue's policy items. Pure.
import type { CheckDef, FieldDef } from '@/api/matters'
import type { FormModel } from './formModel'

/** The options of `field` consistent with every `matches` check on it; items without the attribute always stay. */
export function matchingOptions(field: FieldDef, checks: readonly CheckDef[], model: FormModel): string[] {
  const options = field.options ?? []
  const attrs = field.optionAttrs
  if (!attrs) return options
  const rules = checks.filter((c) => c.op === 'matches' && c.field === field.key && c.attr)
  return options.filter((option) =>
    rules.every((c) => {
      const other = model[c.other]
      if (typeof other !== 'string' || other === '') return true
      const value = attrs[option]?.[c.attr as string]
      return value === undefined || value === other
    }),
  )
}

/** The field as the form shows it: its options narrowed (the same object when nothing changes). */
export function withMatchingOptions(field: FieldDef, checks: readonly CheckDef[], model: FormModel): FieldDef {
  if (!field.optionAttrs || checks.length === 0) return field
  const options = matchingOptions(field, checks, model)
  return options.length === (field.options ?? []).length ? field : { ...field, options }
}

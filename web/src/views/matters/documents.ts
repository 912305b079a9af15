// Issued documents (文书) a matter may be rendered as. The list mirrors
// definitions/templates/*.yaml: a template with `kinds` applies to those kinds
// only, one without to every kind; each requires the matter's number (文号).
import type { DocumentFormat } from '@/api/documents'

export interface DocumentTemplate {
  name: string
  label: string
  /** The kinds it applies to; undefined = every kind. */
  kinds?: readonly string[]
}

export const documentTemplates: readonly DocumentTemplate[] = [
  { name: 'review_opinion', label: '合法性审查意见书', kinds: ['legality_review'] },
  { name: 'generic_notice', label: '事项办理结果通知书' },
]

export const documentFormats: readonly { format: DocumentFormat; label: string }[] = [
  { format: 'pdf', label: '下载 PDF' },
  { format: 'docx', label: '下载 Word' },
]

/** The templates offered for a matter: those of its kind, and only once it has a number. */
export function templatesFor(
  matter: { kind: string; number: string },
  templates: readonly DocumentTemplate[] = documentTemplates,
): DocumentTemplate[] {
  if (!matter.number) return []
  return templates.filter((t) => !t.kinds || t.kinds.includes(matter.kind))
}

/** A file name when the server sends none: 〔文号〕-文书名.pdf without characters a file system refuses. */
export function fallbackFilename(matter: { number: string; title: string }, template: DocumentTemplate, format: DocumentFormat): string {
  const stem = `${matter.number || matter.title}-${template.label}`.replace(/[\\/:*?"<>|\s]+/g, '_')
  return `${stem}.${format}`
}

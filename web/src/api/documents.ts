// Issued documents (文书): a matter rendered through a template as PDF or Word.
import { download, type DownloadedFile } from './http'

export type DocumentFormat = 'pdf' | 'docx'

const seg = encodeURIComponent

/**
 * 404 when the template does not apply to the matter's kind; 409 `state_conflict`
 * while the matter has no number (文号) yet.
 */
export function downloadDocument(matterId: string, template: string, format: DocumentFormat): Promise<DownloadedFile> {
  return download(`/matters/${seg(matterId)}/documents/${seg(template)}.${format}`)
}

// The public portal (公众服务): registers and consultations anyone may read, and
// the comment form. These calls go to /api/public/v1 and need no sign-in; the
// server rate-limits them (429 with Retry-After).
import { PUBLIC_API_BASE, http, type RequestOptions } from './http'
import type { Items, Page } from './paging'

const open: RequestOptions = { base: PUBLIC_API_BASE, expectUnauthorized: true }

export interface RegisterRef {
  id: string
  label: string
}

/** A published field: its label and value as the server formats it. */
export interface PublicField {
  label: string
  value: unknown
}

export interface PublicEntry {
  id: string
  kind: string
  kindLabel: string
  number: string
  title: string
  state: string
  stateLabel: string
  orgName: string
  /** Epoch milliseconds. */
  updatedAt: number
  /** Last day to comment (YYYY-MM-DD) while a consultation is open, else null. */
  closesOn: string | null
  fields: Record<string, PublicField>
}

export interface RegisterPage extends Page<PublicEntry> {
  label: string
}

export interface PublicComment {
  id: string
  /** Masked by the server (张**). */
  author: string
  content: string
  reply: string
  createdAt: number
}

export interface Consultation extends PublicEntry {
  comments: PublicComment[]
}

export interface NewComment {
  author: string
  contact?: string
  content: string
}

export interface RegisterQuery {
  q?: string
  page: number
  pageSize: number
}

const seg = encodeURIComponent

export async function listRegisters(): Promise<RegisterRef[]> {
  return (await http.get<Items<RegisterRef>>('/registers', undefined, open)).items
}

export function getRegister(id: string, query: RegisterQuery): Promise<RegisterPage> {
  return http.get<RegisterPage>(`/registers/${seg(id)}`, { ...query }, open)
}

export async function listConsultations(): Promise<PublicEntry[]> {
  return (await http.get<Items<PublicEntry>>('/consultations', undefined, open)).items
}

/** 404 when the consultation does not exist or has closed. */
export function getConsultation(id: string): Promise<Consultation> {
  return http.get<Consultation>(`/consultations/${seg(id)}`, undefined, open)
}

/** 201 with a message (the comment waits for moderation); 422 with a message; 429 with Retry-After. */
export async function submitComment(id: string, comment: NewComment): Promise<string> {
  const answer = await http.post<{ message?: string }>(`/consultations/${seg(id)}/comments`, comment, open)
  return answer?.message || '意见已提交，经审核后公开'
}

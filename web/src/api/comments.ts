// Public comments on a matter (公众意见), as the staff who handle it see them:
// every comment with its masked contact and status, and the moderation call.
import { http } from './http'
import type { Items } from './paging'

export type CommentStatus = 'pending' | 'approved' | 'rejected'
export type ModerationDecision = 'approve' | 'reject'

export interface StaffComment {
  id: string
  author: string
  /** Masked by the server (138****8000), "" when none was left. */
  contact: string
  content: string
  status: CommentStatus
  reply: string
  createdAt: number
  moderatedAt: number | null
}

const seg = encodeURIComponent

/** 404 when the matter is outside the caller's scope. */
export async function listMatterComments(matterId: string): Promise<StaffComment[]> {
  return (await http.get<Items<StaffComment>>(`/matters/${seg(matterId)}/comments`)).items
}

/** 403 unless the caller handles the matter now or created it; 422 for a reply over 5000 characters. */
export function moderateComment(id: string, decision: ModerationDecision, reply: string): Promise<StaffComment> {
  return http.post<StaffComment>(`/comments/${seg(id)}/moderate`, { decision, reply })
}

// Public comments on a matter (公众意见) as the staff see them: when the panel
// shows, who may moderate, and the labels.
import type { CommentStatus, StaffComment } from '@/api/comments'
import type { Kind } from '@/api/matters'

export const commentStatusLabels: Readonly<Record<string, string>> = {
  pending: '待审核',
  approved: '已公开',
  rejected: '不予公开',
} satisfies Record<CommentStatus, string>

type TagType = 'success' | 'info' | 'danger' | 'warning' | 'primary'

export const commentStatusTags: Readonly<Record<string, TagType>> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'info',
} satisfies Record<CommentStatus, TagType>

/** States in which a kind takes public comment (公开征求意见). */
const COMMENT_STATES: ReadonlySet<string> = new Set(['commenting'])

/** A kind that goes through public comment at some point. */
export function takesPublicComment(kind: Pick<Kind, 'states'> | undefined): boolean {
  return !!kind?.states.some((s) => COMMENT_STATES.has(s.name))
}

/** The panel shows when there are comments, or when the kind takes them (an empty list says so). */
export function showCommentPanel(kind: Pick<Kind, 'states'> | undefined, comments: readonly StaffComment[]): boolean {
  return comments.length > 0 || takesPublicComment(kind)
}

/** The server's rule: those who can act on the matter now, or its creator, moderate its comments. */
export function canModerate(matter: { actions: readonly unknown[]; creatorId: string }, userId: string | undefined): boolean {
  return matter.actions.length > 0 || (!!userId && matter.creatorId === userId)
}

/** Pending first (they need an answer), then the rest, oldest first within each. */
export function sortComments(comments: readonly StaffComment[]): StaffComment[] {
  const rank = (c: StaffComment) => (c.status === 'pending' ? 0 : 1)
  return [...comments].sort((a, b) => rank(a) - rank(b) || a.createdAt - b.createdAt)
}

export function pendingCount(comments: readonly StaffComment[]): number {
  return comments.filter((c) => c.status === 'pending').length
}

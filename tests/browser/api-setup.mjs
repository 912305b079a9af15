// The few things the browser walks do through the API instead of the UI, each
// for a stated reason:
// - a legality review (合法性审查) submitted and carried to 已出具审查意见书, for
//   the walks whose guards need an issued review (normative_document,
//   major_decision). The review itself is walked click by click in
//   walk-legality-review.test.mjs; doing it again in the browser for every
//   other kind would only repeat those six sign-ins.
// (`user` fields are picked by name in the UI: see pickPerson in matter-steps.mjs.)
import assert from 'node:assert/strict'
import { demoClient } from '../api/lib.mjs'

/**
 * `submitter` (unit or undertaker) submits a review of `category`, as the unit's
 * own create form would (the kind routes it to the review office); returns the matter.
 */
export async function submitReviewByApi(submitter, title, category) {
  const c = await demoClient(submitter)
  const r = await c.post('/api/v1/matters', {
    kind: 'legality_review',
    title,
    fields: { category, submitting_org: c.user.orgId },
  })
  assert.equal(r.status, 201, r.text)
  return r.body
}

/** The office's steps on a submitted review: 受理, 分流 to counsel, 拟写, 审核, 出具; returns the issued matter. */
export async function issueReviewByApi(reviewId) {
  const [clerk, counsel, chief] = await Promise.all(['clerk', 'counsel', 'chief'].map((u) => demoClient(u)))
  let m = (await clerk.get(`/api/v1/matters/${reviewId}`)).body
  const steps = [
    [clerk, 'accept', {}],
    [clerk, 'assign', { assigneeId: counsel.user.id }],
    [counsel, 'draft', { fields: { conclusion: '合法', reasons: '制定主体适格，内容不违反上位法规定。' } }],
    [chief, 'approve', {}],
    [clerk, 'issue', {}],
  ]
  for (const [who, action, body] of steps) {
    const r = await who.call('POST', `/api/v1/matters/${reviewId}/actions/${action}`, {
      body,
      headers: { 'if-match': `"${m.version}"` },
    })
    assert.equal(r.status, 200, `${action}: ${r.text}`)
    m = r.body
  }
  assert.equal(m.state, 'issued')
  return m
}

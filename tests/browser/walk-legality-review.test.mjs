// 合法性审查 (definitions/kinds/legality_review.yaml) walked in the browser,
// each step by the demo account whose role does it:
//   unit (部门报送人) submits two reviews to 合法性审查办公室 through the create form;
//   clerk (审查经办人) returns one (退回补正, with a note) and accepts the other,
//     assigning it to counsel picked by name from the assignee candidates;
//   counsel (外聘法律顾问) finds it in 我的待办 and drafts the opinion — and cannot
//     find the review that is not assigned to them;
//   chief (政府总法律顾问) approves; clerk issues it: the 文号 appears and the
//     审查意见书 PDF carries the 文号, the conclusion and the title;
//   unit reports adoption (采纳情况反馈) and sees the returned review's note.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { after, before, describe, test } from 'node:test'
import { demoEnabled, launchBrowser, serverToday } from './lib.mjs'
import {
  act,
  actionLabels,
  assigneeOptions,
  asUser,
  choose,
  chooseAssignee,
  chooseOrg,
  createMatter,
  deadline,
  fieldItem,
  fillField,
  fillNote,
  headerLight,
  matterNumber,
  openFromInbox,
  openMatter,
  searchList,
  shot,
  timeline,
  timelineEntry,
  waitForField,
  waitForState,
} from './matter-steps.mjs'

const stamp = Date.now()
const REASONS = '一、第五条设定的罚款超出规章权限，应当删除。二、其余条款符合上位法规定。'

/** unit's create form; every review goes to the review office, which the form says. */
function submitReview(page, title, category) {
  return createMatter(page, 'legality_review', title, async () => {
    await page.getByTestId('handling-org').filter({ hasText: '合法性审查办公室' }).waitFor()
    await choose(page, page, 'category', category)
    await chooseOrg(page, page, 'submitting_org', '示范县市场监督管理局')
    await fillField(page, 'explanation', '依据《优化营商环境条例》起草，已征求相关部门意见。')
    // The catalogue item is picked from the county's 目录清单 (definitions/lists).
    // The select offers only the catalogue items of the chosen category.
    const item = { 政策文件: '提请县政府常务会议研究的政策措施文件', 行政规范性文件: '县政府部门制发的行政规范性文件' }[category]
    await fieldItem(page, 'catalogue_item').locator('.el-select__wrapper').click()
    const offered = page.locator('.el-select-dropdown__item:visible')
    await offered.filter({ hasText: item }).first().waitFor()
    const texts = (await offered.allInnerTexts()).map((t) => t.trim())
    assert.ok(texts.length >= 2, texts.join('、'))
    const other = category === '政策文件' ? '规范性文件' : '政策'
    assert.ok(!texts.some((t) => t.includes(other)), `only ${category} items: ${texts.join('、')}`)
    await offered.filter({ hasText: item }).first().click()
  })
}

describe('合法性审查 in the browser', { skip: demoEnabled ? false : 'set FAZHI_DEMO=1 against a server started with demo data' }, () => {
  let browser
  const title = `关于示范县市场主体登记管理办法的合法性审查（${stamp}）`
  const returnedTitle = `关于示范县广告牌匾设置规定的合法性审查（${stamp}）`
  let path = ''
  let returnedPath = ''
  let number = ''

  before(async () => {
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
  })

  test('unit submits two reviews through the create form', async () => {
    await asUser(browser, 'unit', async (page) => {
      returnedPath = await submitReview(page, returnedTitle, '政策文件')
      await waitForState(page, '已报送')
      path = await submitReview(page, title, '行政规范性文件')
      await waitForState(page, '已报送')
      assert.equal(await matterNumber(page), '未编号')
      await page.locator('.facts').getByText('合法性审查办公室').waitFor()
      await waitForField(page, 'submitting_org', '示范县市场监督管理局')
      // The unit may withdraw, never accept: 受理 is the office's.
      assert.deepEqual(await actionLabels(page), ['撤回'])
      // The review period starts at 受理.
      const period = await deadline(page, 'review_period')
      assert.equal(period.status, '未开始')
      assert.equal(period.light, '')
      await shot(page, 'review-01-submitted')
    })
  })

  test('clerk returns one with a note, accepts the other and assigns it to counsel', async () => {
    assert.ok(path && returnedPath, 'unit submitted the reviews')
    const today = await serverToday()
    await asUser(browser, 'clerk', async (page) => {
      await openMatter(page, returnedPath)
      await act(page, '退回补正', '已退回补正', async (d) => {
        await fillNote(d, '缺少起草说明和征求意见情况，请补正后重新报送。')
      })
      const newest = await timelineEntry(page, 0)
      assert.match(newest, /王审查 退回补正 已报送 → 已退回补正/)
      assert.match(newest, /缺少起草说明和征求意见情况/)

      await openFromInbox(page, title)
      await waitForState(page, '已报送')
      assert.deepEqual(await actionLabels(page), ['受理', '退回补正'])
      await act(page, '受理', '已受理')
      // 审查期限: 15 working days from 受理, green.
      const period = await deadline(page, 'review_period')
      assert.equal(period.status, '计时中')
      assert.equal(period.light, 'green')
      assert.match(period.text, new RegExp(`15 个工作日 自 ${today} 起算 至 \\d{4}-\\d{2}-\\d{2} 可延长 15 个工作日`))
      const header = await headerLight(page)
      assert.equal(header.light, 'green')
      assert.match(header.text, new RegExp(`^${period.dueOn} 剩 \\d+ 个工作日$`))

      await act(page, '分流', '已分流', async (d) => {
        // Only the counsel roles are offered, least loaded first.
        const options = await assigneeOptions(page, d)
        const names = options.map((o) => o.split(' · ')[0])
        assert.ok(names.includes('赵律师') && names.includes('李顾问'), options.join(' | '))
        assert.ok(!names.includes('王审查') && !names.includes('陈报送'), options.join(' | '))
        const loads = options.map((o) => Number(/在办 (\d+) 件/.exec(o)?.[1]))
        assert.deepEqual(loads, [...loads].sort((a, b) => a - b), options.join(' | '))
        const option = await chooseAssignee(page, d, '赵律师')
        assert.match(option, /^赵律师 · 明理律师事务所 · 在办 \d+ 件/)
      })
      await page.getByTestId('matter-assignee').filter({ hasText: '赵律师' }).waitFor()
      await shot(page, 'review-02-assigned')
    })
  })

  test('counsel finds it in 我的待办 and drafts; the other review stays out of sight', async () => {
    await asUser(browser, 'counsel', async (page) => {
      // Scope 本人: only what is assigned to them, in search as in the list.
      const found = await searchList(page, String(stamp))
      assert.deepEqual(found, [title])
      assert.deepEqual(await searchList(page, '广告牌匾设置规定'), [])

      await openFromInbox(page, title)
      await waitForState(page, '已分流')
      assert.deepEqual(await actionLabels(page), ['拟写审查意见', '申请延期'])
      await act(page, '拟写审查意见', '已拟写意见', async (d) => {
        await choose(page, d, 'conclusion', '修改后合法')
        await fillField(d, 'reasons', REASONS)
      })
      await waitForField(page, 'conclusion', '修改后合法')
      assert.deepEqual(await actionLabels(page), ['申请延期'])
    })
  })

  test('chief approves the draft', async () => {
    await asUser(browser, 'chief', async (page) => {
      await openFromInbox(page, title)
      await waitForState(page, '已拟写意见')
      assert.deepEqual(await actionLabels(page), ['退回修改意见', '审核通过', '批准延期'])
      await act(page, '审核通过', '已审核')
      // Issuing is the office's: the chief has nothing left but the clock.
      assert.deepEqual(await actionLabels(page), ['批准延期'])
    })
  })

  test('clerk issues it: the 文号 appears and the 审查意见书 PDF carries it', async () => {
    const year = (await serverToday()).slice(0, 4)
    await asUser(browser, 'clerk', async (page) => {
      await openFromInbox(page, title)
      await waitForState(page, '已审核')
      await act(page, '出具审查意见书', '已出具意见书')
      number = await matterNumber(page)
      assert.match(number, new RegExp(`^审查办审〔${year}〕\\d+号$`))
      await page.locator('.badges').getByText('修改后合法').waitFor()
      assert.equal((await deadline(page, 'review_period')).status, '已结束')
      const feedback = await deadline(page, 'feedback_due')
      assert.equal(feedback.status, '计时中')
      assert.equal(feedback.light, 'green')

      const button = page.locator('[data-template="review_opinion"] [data-format="pdf"]')
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
      assert.match(download.suggestedFilename(), /\.pdf$/)
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', await download.path(), '-'], { encoding: 'utf8' })
      const flat = text.replace(/\s+/g, '')
      assert.ok(flat.includes('合法性审查意见书'), 'the document title')
      assert.ok(flat.includes(number), `the 文号 ${number} in:\n${text}`)
      assert.ok(flat.includes('审查结论为：修改后合法'), 'the conclusion')
      assert.ok(flat.includes(title.replace(/\s+/g, '')), 'the title')
      assert.ok(flat.includes('第五条设定的罚款超出规章权限'), 'the reasons')
      await shot(page, 'review-03-issued')
    })
  })

  test('unit reports adoption and sees the returned review', async () => {
    assert.ok(number, 'the review was issued')
    await asUser(browser, 'unit', async (page) => {
      await openFromInbox(page, title)
      await waitForState(page, '已出具意见书')
      assert.equal(await matterNumber(page), number)
      assert.deepEqual(await actionLabels(page), ['采纳情况反馈'])
      await act(page, '采纳情况反馈', '已出具意见书', async (d) => {
        await choose(page, d, 'adoption', '部分采纳')
        await fillField(d, 'adoption_note', '已删除第五条，其余意见正在研究。')
      })
      await waitForField(page, 'adoption', '部分采纳')
      assert.equal((await deadline(page, 'feedback_due')).status, '已结束')

      const steps = await timeline(page)
      assert.deepEqual(steps, [
        '陈报送 采纳情况反馈',
        '王审查 出具审查意见书 已审核 → 已出具意见书',
        '李顾问 审核通过 已拟写意见 → 已审核',
        '赵律师 拟写审查意见 已分流 → 已拟写意见',
        '王审查 分流 已受理 → 已分流',
        '王审查 受理 已报送 → 已受理',
        '陈报送 创建 已报送',
      ])
      assert.match(await timelineEntry(page, 3), /审查结论：— → 修改后合法/)

      // The returned review waits for the unit: correct and resubmit, or withdraw.
      await openMatter(page, returnedPath)
      await waitForState(page, '已退回补正')
      assert.deepEqual(await actionLabels(page), ['补正后重新报送', '撤回'])
      assert.match(await timelineEntry(page, 0), /缺少起草说明和征求意见情况/)
      await shot(page, 'review-04-feedback')
    })
  })
})

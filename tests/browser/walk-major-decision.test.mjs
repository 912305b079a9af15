// 重大行政决策 (definitions/kinds/major_decision.yaml) walked in the browser
// through every step in statutory order: undertaker (重大决策承办人, 县住建局)
// catalogues and carries the item, ending 公众参与 once its 30 days have
// passed on the server's test clock; 专家论证 is done and 风险评估 is waived with a
// reason; leader (分管领导) records the 集体讨论决定 — refused in Chinese while the
// linked legality review has no 意见书, accepted once it has — reports to the
// Party committee and adjusts during implementation; undertaker evaluates and
// closes it.
//
// The linked legality review is submitted and issued through the API
// (api-setup.mjs); its own browser walk is walk-legality-review.test.mjs.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { advanceServerDays, demoEnabled, launchBrowser, serverToday } from './lib.mjs'
import {
  act,
  actRefused,
  actionLabels,
  asUser,
  choose,
  chooseOrg,
  createMatter,
  deadline,
  fillField,
  fillNote,
  fillNumber,
  headerLight,
  matterNumber,
  openMatter,
  pickDate,
  pickLinkedMatter,
  shot,
  timeline,
  timelineEntry,
  waitForField,
  waitForState,
} from './matter-steps.mjs'
import { issueReviewByApi, submitReviewByApi } from './api-setup.mjs'

const stamp = Date.now()
const REFUSAL = '决策草案未经合法性审查（关联的合法性审查尚未出具审查意见书），不得提交集体讨论'

describe('重大行政决策 in the browser', { skip: demoEnabled ? false : 'set FAZHI_DEMO=1 against a server started with demo data' }, () => {
  let browser
  const title = `示范县老旧小区改造三年行动方案（${stamp}）`
  const reviewTitle = `关于${title}的合法性审查`
  let reviewId = ''
  let path = ''

  before(async () => {
    browser = await launchBrowser()
    reviewId = (await submitReviewByApi('undertaker', reviewTitle, '重大行政决策')).id
  })
  after(async () => {
    await browser?.close()
  })

  test('undertaker catalogues the item, waits out the comment period and carries it to legality review', async () => {
    const today = await serverToday()
    const year = today.slice(0, 4)
    let commentDue = ''
    await asUser(browser, 'undertaker', async (page) => {
      path = await createMatter(page, 'major_decision', title, async () => {
        await fillNumber(page, 'catalogue_year', year)
        await chooseOrg(page, page, 'undertaking_org', '示范县住房和城乡建设局')
        await pickDate(page, page, 'planned_date', `${year}-12-31`)
      })
      await waitForState(page, '已列入目录')
      // Decisions carry no 文号.
      assert.equal(await matterNumber(page), '未编号')
      assert.deepEqual(await actionLabels(page), ['启动', '终止决策程序'])

      await act(page, '启动', '已启动', async (d) => {
        await fillField(d, 'background', '全县 2000 年前建成的老旧小区共 46 个，亟须改造。')
      })
      await act(page, '拟订方案', '已拟订方案', async (d) => {
        await fillField(d, 'plan_summary', '分三年完成 46 个小区的水电气及外立面改造。')
      })
      await act(page, '协商', '已协商', async (d) => {
        await fillField(d, 'consultation', '已与县财政局、各街道协商一致。')
      })
      await act(page, '公开征求意见', '公众参与中')
      // 公众参与征求意见期: 30 calendar days from today, green.
      const period = await deadline(page, 'comment_period')
      assert.equal(period.status, '计时中')
      assert.equal(period.light, 'green')
      assert.match(period.text, new RegExp(`30 日 自 ${today} 起算 至 \\d{4}-\\d{2}-\\d{2}`))
      const header = await headerLight(page)
      assert.equal(header.light, 'green')
      assert.match(header.text, new RegExp(`${period.dueOn} 剩 \\d+ 个工作日`))
      commentDue = period.dueOn
    })

    // Art. 15: the public takes part for at least 30 days; the undertaker waits them out.
    await advanceServerDays((Date.parse(commentDue) - Date.parse(today)) / 86400000)

    await asUser(browser, 'undertaker', async (page) => {
      await openMatter(page, path)
      await waitForState(page, '公众参与中')
      const header = await headerLight(page)
      assert.equal(header.light, 'yellow')
      assert.match(header.text, new RegExp(`^${commentDue} 今日到期$`))
      await act(page, '结束征求意见', '公众参与已结束', async (d) => {
        await fillField(d, 'comment_summary', '收到意见 35 条，采纳 21 条。')
      })
      assert.equal((await deadline(page, 'comment_period')).status, '已结束')
      // Each conditional step is either done or waived: both buttons, nothing to skip it.
      assert.deepEqual(await actionLabels(page), ['专家论证', '免于专家论证', '终止决策程序'])
      await act(page, '专家论证', '专家论证环节已完成', async (d) => {
        await fillField(d, 'expert_opinion', '专家组认为方案技术可行，建议分批实施。')
      })
      assert.deepEqual(await actionLabels(page), ['风险评估', '免于风险评估', '终止决策程序'])
      await act(page, '免于风险评估', '风险评估环节已完成', async (d) => {
        await fillNote(d, '改造不涉及征收拆迁，经研判无社会稳定风险，免于风险评估。')
      })
      assert.match(await timelineEntry(page, 0), /刘承办 免于风险评估 专家论证环节已完成 → 风险评估环节已完成 .*不涉及征收拆迁/)

      await act(page, '送合法性审查', '合法性审查中', async (d) => {
        await pickLinkedMatter(page, d, 'review', title.slice(0, 10), reviewTitle)
      })
      await page.locator('.links').getByRole('link', { name: reviewTitle }).waitFor()
      // 集体讨论决定 is the leader's: the undertaker may only terminate now.
      assert.deepEqual(await actionLabels(page), ['终止决策程序'])
      await shot(page, 'decision-01-in-review')
    })
  })

  test('leader is refused 集体讨论决定 until the review is issued, then decides', async () => {
    assert.ok(path, 'the first test created the decision')
    const today = await serverToday()
    const meeting = async (d, page) => {
      await choose(page, d, 'meeting_type', '常务会议')
      await pickDate(page, d, 'meeting_date', today)
    }
    await asUser(browser, 'leader', async (page) => {
      await openMatter(page, path)
      await waitForState(page, '合法性审查中')
      assert.deepEqual(await actionLabels(page), ['集体讨论决定', '终止决策程序'])
      const refusal = await actRefused(page, '集体讨论决定', (d) => meeting(d, page))
      assert.equal(refusal, REFUSAL)
      await waitForState(page, '合法性审查中')
    }, { expectedErrors: [/status of 409 .*\/actions\/collective_decision/] })

    await issueReviewByApi(reviewId)

    await asUser(browser, 'leader', async (page) => {
      await openMatter(page, path)
      await page.locator('.links').getByText('已出具意见书').waitFor()
      await act(page, '集体讨论决定', '已集体讨论决定', async (d) => {
        await meeting(d, page)
        await fillField(d, 'dissent', '无不同意见。')
      })
      await waitForField(page, 'meeting_type', '常务会议')
      assert.deepEqual(await actionLabels(page), ['请示报告党委'])
      await act(page, '请示报告党委', '已集体讨论决定', async (d) => {
        await fillNote(d, '已向县委常委会报告。')
      })
    })
  })

  test('undertaker publishes, archives and implements it; leader adjusts it', async () => {
    const today = await serverToday()
    await asUser(browser, 'undertaker', async (page) => {
      await openMatter(page, path)
      await waitForState(page, '已集体讨论决定')
      assert.deepEqual(await actionLabels(page), ['请示报告党委', '公布'])
      await act(page, '公布', '已公布', async (d) => {
        await fillField(d, 'publication', '示范县人民政府门户网站')
      })
      await act(page, '归档', '已归档', async (d) => {
        await fillField(d, 'archive_no', `决策档〔${today.slice(0, 4)}〕${stamp % 100}号`)
      })
      await act(page, '组织执行', '执行中', async (d) => {
        await pickDate(page, d, 'evaluation_due', `${Number(today.slice(0, 4)) + 1}-06-30`)
      })
      assert.deepEqual(await actionLabels(page), ['决策后评估'])
    })
    await asUser(browser, 'leader', async (page) => {
      await openMatter(page, path)
      await waitForState(page, '执行中')
      assert.deepEqual(await actionLabels(page), ['调整决策', '停止执行'])
      await act(page, '调整决策', '执行中', async (d) => {
        await fillNote(d, '第二批小区增加加装电梯内容。')
      })
    })
  })

  test('undertaker evaluates and closes it; the timeline holds every step in order', async () => {
    await asUser(browser, 'undertaker', async (page) => {
      await openMatter(page, path)
      await act(page, '决策后评估', '已后评估', async (d) => {
        await choose(page, d, 'evaluation_conclusion', '继续执行')
        await fillField(d, 'evaluation_report', '首批 15 个小区改造完成，居民满意度 96%。')
      })
      await page.locator('.badges').getByText('继续执行').waitFor()
      await act(page, '办结', '已完成')
      assert.deepEqual(await actionLabels(page), [])
      await page.getByTestId('matter-actions').getByText('事项已办结').waitFor()
      await shot(page, 'decision-02-done')

      const steps = await timeline(page)
      assert.deepEqual(steps, [
        '刘承办 办结 已后评估 → 已完成',
        '刘承办 决策后评估 执行中 → 已后评估',
        '吴县长 调整决策',
        '刘承办 组织执行 已归档 → 执行中',
        '刘承办 归档 已公布 → 已归档',
        '刘承办 公布 已集体讨论决定 → 已公布',
        '吴县长 请示报告党委',
        '吴县长 集体讨论决定 合法性审查中 → 已集体讨论决定',
        '刘承办 送合法性审查 风险评估环节已完成 → 合法性审查中',
        '刘承办 免于风险评估 专家论证环节已完成 → 风险评估环节已完成',
        '刘承办 专家论证 公众参与已结束 → 专家论证环节已完成',
        '刘承办 结束征求意见 公众参与中 → 公众参与已结束',
        '刘承办 公开征求意见 已协商 → 公众参与中',
        '刘承办 协商 已拟订方案 → 已协商',
        '刘承办 拟订方案 已启动 → 已拟订方案',
        '刘承办 启动 已列入目录 → 已启动',
        '刘承办 创建 已列入目录',
      ])
    })
  })
})

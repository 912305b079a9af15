// 规范性文件备案审查 (definitions/kinds/filing_review.yaml) walked in the browser:
// filer (备案审查员, 县司法局) registers a filing from 城关镇, passes the formal
// check, issues the opinion (文号 县司法局备审〔year〕N号) and records the
// rectification; another filing is returned with a note. leader may read the
// file but has no button on it; the formal-check light turns yellow, then red,
// as the server's test clock moves on.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { advanceServerDays, demoEnabled, launchBrowser, serverToday } from './lib.mjs'
import {
  act,
  actionLabels,
  asUser,
  choose,
  chooseOrg,
  createMatter,
  deadline,
  fieldText,
  fillField,
  fillNote,
  headerLight,
  matterNumber,
  openMatter,
  pickDate,
  shot,
  timeline,
  timelineEntry,
  waitForField,
  waitForFieldError,
  waitForState,
} from './matter-steps.mjs'

const stamp = Date.now()

/** filer registers a filing from 城关镇 through the create form; returns its detail path. */
function registerFiling(page, title, docNumber, publishedOn) {
  return createMatter(page, 'filing_review', title, async () => {
    await chooseOrg(page, page, 'filing_org', '城关镇人民政府')
    await fillField(page, 'doc_number', docNumber)
    await pickDate(page, page, 'published_on', publishedOn)
  })
}

describe('规范性文件备案审查 in the browser', { skip: demoEnabled ? false : 'set FAZHI_DEMO=1 against a server started with demo data' }, () => {
  let browser
  const title = `城关镇农村集体资产管理办法（备案${stamp}）`
  let path = ''

  before(async () => {
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
  })

  test('filer registers, checks, opines and records the rectification', async () => {
    const today = await serverToday()
    const year = today.slice(0, 4)
    await asUser(browser, 'filer', async (page) => {
      path = await registerFiling(page, title, `城政规〔${year}〕${stamp % 1000}号`, today)
      await waitForState(page, '已接收')
      assert.equal(await matterNumber(page), '未编号')
      assert.equal(await fieldText(page, 'filing_org'), '城关镇人民政府')
      // 形式审查期限: 10 calendar days from receipt, running, green.
      const check = await deadline(page, 'formal_check')
      assert.equal(check.status, '计时中')
      assert.equal(check.light, 'green')
      assert.match(check.text, new RegExp(`自 ${today} 起算`))
      assert.equal((await headerLight(page)).light, 'green')
      assert.deepEqual(await actionLabels(page), ['形式审查通过', '退回报备单位'])
      await shot(page, 'filing-01-received')

      await act(page, '形式审查通过', '审查中', async (dialog) => {
        await fillField(dialog, 'formal_note', '材料齐全，报送及时。')
      })
      assert.equal((await deadline(page, 'formal_check')).status, '已结束')
      assert.deepEqual(await actionLabels(page), ['出具审查意见'])

      await act(page, '出具审查意见', '已出具审查意见', async (dialog) => {
        await choose(page, dialog, 'opinion', '建议修改')
        await fillField(dialog, 'opinion_text', '第八条的收费项目无上位法依据，建议删除。')
      })
      const number = await matterNumber(page)
      assert.match(number, new RegExp(`^县司法局备审〔${year}〕\\d+号$`))
      await waitForField(page, 'opinion', '建议修改')
      assert.deepEqual(await actionLabels(page), ['记录纠正整改情况'])

      await act(page, '记录纠正整改情况', '已出具审查意见', async (dialog) => {
        await fillField(dialog, 'rectification', '城关镇已删除第八条并重新公布。')
      })
      await waitForField(page, 'rectification', '城关镇已删除第八条')
      await shot(page, 'filing-02-closed')

      const steps = await timeline(page)
      assert.equal(steps.length, 4, steps.join(' | '))
      assert.match(steps[0], /郑备案 记录纠正整改情况/)
      assert.match(steps[1], /郑备案 出具审查意见 审查中 → 已出具审查意见/)
      assert.match(steps[2], /郑备案 形式审查通过 已接收 → 审查中/)
      assert.match(steps[3], /郑备案 创建/)
      assert.match(await timelineEntry(page, 1), /审查意见.*建议修改/)
    })
  })

  test('leader reads the file but has nothing to do on it', async () => {
    assert.ok(path, 'the first test registered the filing')
    await asUser(browser, 'leader', async (page) => {
      await openMatter(page, path)
      await waitForState(page, '已出具审查意见')
      assert.deepEqual(await actionLabels(page), [])
      await page.getByTestId('matter-actions').getByText('事项已办结').waitFor()
    })
  })

  test('filer returns an incomplete filing with a note', async () => {
    const today = await serverToday()
    const returned = `城关镇殡葬管理暂行规定（备案${stamp}）`
    await asUser(browser, 'filer', async (page) => {
      await registerFiling(page, returned, `城政规〔${today.slice(0, 4)}〕${(stamp % 1000) + 1}号`, today)
      await waitForState(page, '已接收')
      // The note is required: the dialog says so before sending.
      await act(page, '退回报备单位', '已退回', async (dialog) => {
        await dialog.getByRole('button', { name: '确定', exact: true }).click()
        await waitForFieldError(dialog, 'note', '请填写办理说明')
        await fillNote(dialog, '缺少起草说明和合法性审核意见，请补齐后重新报备。')
      }, { danger: true })
      assert.equal(await matterNumber(page), '未编号')
      assert.equal((await deadline(page, 'formal_check')).status, '已结束')
      assert.deepEqual(await actionLabels(page), [])
      const newest = await timelineEntry(page, 0)
      assert.match(newest, /郑备案 退回报备单位 已接收 → 已退回/)
      assert.match(newest, /缺少起草说明和合法性审核意见/)
    })
  })

  test('the formal-check light turns yellow, then red, as days pass', async () => {
    const lateTitle = `城关镇公共资源交易管理办法（备案${stamp}）`
    let late = ''
    let daysLeft = 0
    await asUser(browser, 'filer', async (page) => {
      const today = await serverToday()
      late = await registerFiling(page, lateTitle, `城政规〔${today.slice(0, 4)}〕${(stamp % 1000) + 2}号`, today)
      const check = await deadline(page, 'formal_check')
      assert.equal(check.light, 'green')
      // Ten calendar days, moved to the next working day when the tenth is a rest day.
      daysLeft = (Date.parse(check.dueOn) - Date.parse(today)) / 86400000
      assert.ok(daysLeft >= 10, `due ${check.dueOn} from ${today}`)
    })
    // The day before the due day: within the two-day warning window.
    await advanceServerDays(daysLeft - 1)
    await asUser(browser, 'filer', async (page) => {
      await openMatter(page, late)
      const soon = await deadline(page, 'formal_check')
      assert.equal(soon.light, 'yellow', soon.text)
      const header = await headerLight(page)
      assert.equal(header.light, 'yellow')
      assert.match(header.text, /剩 \d+ 个工作日|今日到期/)
    })
    // Two days later the due day has passed: red, overdue.
    await advanceServerDays(2)
    await asUser(browser, 'filer', async (page) => {
      await openMatter(page, late)
      const overdue = await deadline(page, 'formal_check')
      assert.equal(overdue.light, 'red', overdue.text)
      assert.match((await headerLight(page)).text, /已逾期 \d+ 天/)
      await shot(page, 'filing-03-overdue')
    })
  })
})

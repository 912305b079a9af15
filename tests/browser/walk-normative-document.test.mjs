// 行政规范性文件 (definitions/kinds/normative_document.yaml) walked in the
// browser from drafting to publication, filing and one cleanup result:
// unit (部门报送人, 县市场监管局) drafts, consults, sends it to legality review,
// records the deliberation, publishes and files it; leader (分管领导) signs it
// (签发, the 统一编号 appears); unit records the cleanup result 继续有效. The
// public portal's 行政规范性文件目录 then lists it with its 文号.
//
// The linked legality review must be issued before 集体审议 and 签发. It is
// submitted and issued through the API (api-setup.mjs): its own walk in the
// browser is walk-legality-review.test.mjs.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { demoEnabled, launchBrowser, openPage, serverToday, url } from './lib.mjs'
import {
  act,
  actRefused,
  actionButtonLook,
  actionLabels,
  asUser,
  choose,
  createMatter,
  deadline,
  fillField,
  fillNote,
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
const EARLY_REFUSAL = '征求意见期未满（不少于7个工作日），提前结束须在说明中写明理由'

describe('行政规范性文件 in the browser', { skip: demoEnabled ? false : 'set FAZHI_DEMO=1 against a server started with demo data' }, () => {
  let browser
  const title = `示范县市场监管领域轻微违法行为免罚清单（${stamp}）`
  const reviewTitle = `关于${title}的合法性审查`
  let path = ''
  let number = ''

  before(async () => {
    browser = await launchBrowser()
    const review = await submitReviewByApi('unit', reviewTitle, '行政规范性文件')
    await issueReviewByApi(review.id)
  })
  after(async () => {
    await browser?.close()
  })

  test('unit drafts it, takes comments and sends it to legality review', async () => {
    const today = await serverToday()
    await asUser(browser, 'unit', async (page) => {
      path = await createMatter(page, 'normative_document', title, async () => {
        await choose(page, page, 'issuer_level', '政府工作部门')
        await choose(page, page, 'enterprise_related', '是')
        await choose(page, page, 'validity_type', '正式')
      })
      await waitForState(page, '起草中')
      assert.equal(await matterNumber(page), '未编号')
      assert.deepEqual(await actionLabels(page), ['公开征求意见', '终止制定'])

      // The drafting note comes with the draft when the comment period opens.
      await act(page, '公开征求意见', '公开征求意见中', async (dialog) => {
        await fillField(dialog, 'drafting_note', '为落实包容审慎监管，制定轻微违法行为免罚清单。')
      })
      await waitForField(page, 'drafting_note', '包容审慎监管')
      // 征求意见期: 7 working days from today, green.
      const window = await deadline(page, 'comment_window')
      assert.equal(window.status, '计时中')
      assert.equal(window.light, 'green')
      assert.match(window.text, new RegExp(`7 个工作日 自 ${today} 起算 至 \\d{4}-\\d{2}-\\d{2}`))
      assert.equal((await headerLight(page)).light, 'green')

      // The window is a minimum: ending it early is refused without a reason, then allowed with one.
      const summary = async (dialog) => fillField(dialog, 'comment_summary', '收到意见 6 条，采纳 4 条。')
      assert.equal(await actRefused(page, '结束征求意见', summary), EARLY_REFUSAL)
      await waitForState(page, '公开征求意见中')
      await act(page, '结束征求意见', '征求意见已结束', async (dialog) => {
        await summary(dialog)
        await fillNote(dialog, '上级督办限期出台，意见已集中收齐，提前结束征求意见。')
      })
      assert.equal((await deadline(page, 'comment_window')).status, '已结束')
      assert.match(await timelineEntry(page, 0), /结束征求意见 .*提前结束征求意见/)

      await act(page, '送合法性审核', '合法性审核中', async (dialog) => {
        await pickLinkedMatter(page, dialog, 'review', title.slice(0, 12), reviewTitle)
      })
      const links = page.locator('.links')
      await links.getByRole('link', { name: reviewTitle }).waitFor()
      assert.match(await links.innerText(), /审查办审〔\d{4}〕\d+号 · 已出具意见书/)
      // The unit records the deliberation; 签发 is the leader's (or the unit's) next.
      assert.deepEqual(await actionLabels(page), ['修改后重新送审', '集体审议', '终止制定'])

      await act(page, '集体审议', '已集体审议', async (dialog) => {
        await fillField(dialog, 'meeting', '局党组会议')
        await pickDate(page, dialog, 'meeting_date', today)
      })
      await shot(page, 'normative-01-deliberated')
    }, { expectedErrors: [/status of 409 .*\/actions\/close_comment/] })
  })

  test('leader signs it and the 统一编号 appears', async () => {
    assert.ok(path, 'the first test created the document')
    const year = (await serverToday()).slice(0, 4)
    await asUser(browser, 'leader', async (page) => {
      await openMatter(page, path)
      await waitForState(page, '已集体审议')
      assert.deepEqual(await actionLabels(page), ['签发并统一编号'])
      await act(page, '签发并统一编号', '已签发编号', async (dialog) => {
        await fillField(dialog, 'signer', '张局长')
      })
      number = await matterNumber(page)
      assert.match(number, new RegExp(`^县市场监管局规〔${year}〕\\d+号$`))
      assert.deepEqual(await actionLabels(page), [])
    })
  })

  test('unit publishes and files it, then records a cleanup result', async () => {
    assert.ok(number, 'the document was signed')
    const today = await serverToday()
    const validUntil = `${Number(today.slice(0, 4)) + 5}-${today.slice(5)}`
    await asUser(browser, 'unit', async (page) => {
      await openMatter(page, path)
      await waitForState(page, '已签发编号')
      assert.equal(await matterNumber(page), number)
      await act(page, '公布', '已公布待报备', async (dialog) => {
        await fillField(dialog, 'publication', '示范县人民政府门户网站')
        await pickDate(page, dialog, 'published_on', today)
        await pickDate(page, dialog, 'valid_until', validUntil)
      })
      // 报备期限: 30 calendar days from publication, green.
      const filing = await deadline(page, 'filing_period')
      assert.equal(filing.status, '计时中')
      assert.equal(filing.light, 'green')
      assert.match(filing.text, new RegExp(`30 日 自 ${today} 起算`))

      await act(page, '报备', '有效', async (dialog) => {
        await fillField(dialog, 'filed_to', '示范县人民政府、县人大常委会')
        await fillField(dialog, 'filing_number', `备字〔${today.slice(0, 4)}〕${stamp % 100}号`)
      })
      assert.equal((await deadline(page, 'filing_period')).status, '已结束')
      assert.deepEqual(await actionLabels(page), [
        '清理：继续有效',
        '清理：修改',
        '清理：废止',
        '清理：宣布失效',
        '有效期届满失效',
      ])
      // Abolishing and declaring invalid end the document: they look it.
      for (const label of ['清理：废止', '清理：宣布失效']) assert.equal(await actionButtonLook(page, label), 'danger', label)
      assert.equal(await actionButtonLook(page, '清理：继续有效'), 'default')

      // The action records its own result, and the dialog says so.
      await act(page, '清理：继续有效', '有效', async (dialog) => {
        await dialog.getByText('执行后清理结果将记为“继续有效”。').waitFor()
        assert.equal(await dialog.locator('[data-field-item="cleanup_result"]').count(), 0)
        await fillField(dialog, 'cleanup_campaign', `${today.slice(0, 4)}年度规范性文件清理`)
      })
      await waitForField(page, 'cleanup_result', '继续有效')
      await page.locator('.badges').getByText('继续有效').waitFor()
      await shot(page, 'normative-02-valid')

      const steps = await timeline(page)
      assert.deepEqual(
        steps.map((s) => s.replace(/^陈报送 |^吴县长 /, '')),
        [
          '清理：继续有效',
          '报备 已公布待报备 → 有效',
          '公布 已签发编号 → 已公布待报备',
          '签发并统一编号 已集体审议 → 已签发编号',
          '集体审议 合法性审核中 → 已集体审议',
          '送合法性审核 征求意见已结束 → 合法性审核中',
          '结束征求意见 公开征求意见中 → 征求意见已结束',
          '公开征求意见 起草中 → 公开征求意见中',
          '创建 起草中',
        ],
      )
      assert.match(steps[3], /^吴县长 /)
      assert.match(await timelineEntry(page, 0), /清理结果.*继续有效/)
    })
  })

  test('the public register lists it with its 文号', async () => {
    assert.ok(number, 'the document was signed')
    const { context, page, errors } = await openPage(browser)
    try {
      await page.goto(url('/public'), { waitUntil: 'networkidle' })
      await page.getByTestId('registers').getByRole('link', { name: '行政规范性文件目录' }).click()
      await page.getByTestId('register-title').filter({ hasText: '行政规范性文件目录' }).waitFor()
      await page.getByPlaceholder('按文号或名称检索').fill(number)
      await page.getByRole('button', { name: '检索' }).click()
      const row = page.getByTestId('register-table').locator('.el-table__row', { hasText: title })
      await row.waitFor({ timeout: 15000 })
      const text = await row.innerText()
      assert.match(text, new RegExp(number.replace(/[〔〕]/g, '.')))
      assert.match(text, /有效/)
      assert.match(text, /继续有效/)
      assert.match(text, /示范县市场监督管理局/)
      assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
    } finally {
      await context.close()
    }
  })
})

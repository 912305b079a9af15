// A matter walked through its steps in the browser, with the demo kind `test_case`
// (definitions/kinds-test/test_case.yaml; server started with --demo, FAZHI_DEMO=1).
//
// clerk (审查经办人) creates a matter through the generated form, accepts it and
// assigns it to chief, picked by name from the assignee candidates; chief
// (首席法律顾问) finds it in 我的待办, drafts the opinion with a conclusion and
// approves it. Every step is a click in the UI.
//
// Set FAZHI_SCREENSHOT_DIR to keep a screenshot of each step.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { demoEnabled, launchBrowser, openPage } from './lib.mjs'
import { act, choose, chooseAssignee, chooseOrg, fieldItem, shot, signIn, timeline, waitForState } from './matter-steps.mjs'

describe('a test_case matter from submission to approval', { skip: demoEnabled ? false : 'set FAZHI_DEMO=1 against a server started with demo data' }, () => {
  let browser
  const title = `浏览器测试事项 ${Date.now()}`
  let detailPath = ''

  before(async () => {
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
  })

  test('clerk creates, accepts and assigns it', async () => {
    const { context, page, errors } = await openPage(browser)
    try {
      await signIn(page, 'clerk')
      const menu = page.locator('.side-menu')
      await menu.getByText('新建事项').click()
      await page.waitForURL((u) => u.pathname === '/matters/new')
      await page.locator('[data-kind="test_case"]').click()
      await page.waitForURL((u) => u.pathname === '/matters/new/test_case')

      // The client checks required fields before anything is sent.
      await page.getByRole('button', { name: '提交' }).click()
      await fieldItem(page, 'subject').getByText('请填写事项名称').waitFor()
      await fieldItem(page, 'category').getByText('请选择类别').waitFor()
      await shot(page, '01-create-required')

      await fieldItem(page, 'title').locator('input').fill(title)
      await fieldItem(page, 'subject').locator('input').fill('某规范性文件合法性审查')
      await fieldItem(page, 'description').locator('textarea').fill('送审单位报送的文件，请审查。')
      await choose(page, page, 'category', '行政规范性文件')
      await chooseOrg(page, page, 'submitting_org', '示范县市场监督管理局')
      await fieldItem(page, 'party').locator('input').first().fill('张三丰')
      await fieldItem(page, 'party').locator('input').nth(2).fill('13800138000')
      await shot(page, '02-create-filled')
      await page.getByRole('button', { name: '提交' }).click()

      await page.waitForURL((u) => u.pathname.startsWith('/matters/detail/'), { timeout: 15000 })
      detailPath = new URL(page.url()).pathname
      await page.getByTestId('matter-title').filter({ hasText: title }).waitFor()
      await waitForState(page, '已报送')
      // The party comes back masked, and clerk may not reveal it.
      const partyName = (await page.locator('[data-party-part="name"]').innerText()).trim()
      const partyPhone = (await page.locator('[data-party-part="phone"]').innerText()).trim()
      assert.ok(partyName && !partyName.includes('张三丰'), `party name is masked, got ${partyName}`)
      assert.ok(!partyPhone.includes('13800138000'), `phone is masked, got ${partyPhone}`)
      assert.equal(await page.locator('[data-party-part]').getByRole('button', { name: '查看' }).count(), 0)
      await shot(page, '03-detail-submitted')

      await act(page, '受理', '已受理')
      await act(page, '分流', '已分流', async (dialog) => {
        const option = await chooseAssignee(page, dialog, '李顾问')
        assert.match(option, /^李顾问 · 示范县司法局 · 在办 \d+ 件/)
      })
      await page.getByTestId('matter-assignee').filter({ hasText: '李顾问' }).waitFor()
      await shot(page, '04-detail-assigned')

      const steps = await timeline(page)
      assert.equal(steps.length, 3, `timeline: ${steps.join(' | ')}`)
      assert.match(steps[0], /分流/)
      assert.match(steps[1], /受理/)
      assert.match(steps[2], /创建/)
      assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
    } finally {
      await context.close()
    }
  })

  test('chief finds it in 我的待办, drafts with a conclusion and approves', async () => {
    assert.ok(detailPath, 'the first step created the matter')
    const { context, page, errors } = await openPage(browser)
    try {
      await signIn(page, 'chief')
      await page.getByRole('heading', { name: '我的待办' }).waitFor()
      const entry = page.getByTestId('inbox').getByRole('link', { name: title })
      await entry.waitFor({ timeout: 15000 })
      await shot(page, '05-chief-inbox')
      await entry.click()
      await page.waitForURL((u) => u.pathname === detailPath, { timeout: 15000 })
      await waitForState(page, '已分流')

      // The dialog refuses to send without the required conclusion.
      await page.getByTestId('matter-actions').getByRole('button', { name: '拟写意见', exact: true }).click()
      const draft = page.getByRole('dialog', { name: '拟写意见' })
      await draft.waitFor({ state: 'visible' })
      await draft.getByRole('button', { name: '确定', exact: true }).click()
      await draft.locator('[data-field-item="conclusion"]').getByText('请选择审查结论').waitFor()
      await draft.getByRole('button', { name: '取消', exact: true }).click()
      await draft.waitFor({ state: 'hidden' })

      await act(page, '拟写意见', '已拟意见', async (dialog) => {
        await dialog.locator('[data-field-item="conclusion"] .el-select__wrapper').click()
        await page.locator('.el-select-dropdown__item:visible', { hasText: '修改后合法' }).first().click()
        await dialog.locator('[data-field-item="opinion"] textarea').fill('建议修改第三条后印发。')
        await dialog.locator('textarea[name="note"]').fill('已审阅全部材料')
      })
      await page.locator('[data-field-value="conclusion"]').filter({ hasText: '修改后合法' }).waitFor()
      await act(page, '审核', '已审核')
      await shot(page, '06-chief-approved')

      const steps = await timeline(page)
      assert.equal(steps.length, 5, `timeline: ${steps.join(' | ')}`)
      assert.match(steps[0], /李顾问 审核 已拟意见 → 已审核/)
      assert.match(steps[1], /李顾问 拟写意见 已分流 → 已拟意见/)
      assert.match(steps[2], /王审查 分流 已受理 → 已分流/)
      assert.match(steps[3], /王审查 受理 已报送 → 已受理/)
      assert.match(steps[4], /王审查 创建/)
      const draftEntry = page.getByTestId('matter-timeline').locator('.el-timeline-item').nth(1)
      const draftText = (await draftEntry.textContent()) ?? ''
      assert.match(draftText, /审查结论/)
      assert.match(draftText, /修改后合法/)
      assert.match(draftText, /已审阅全部材料/)

      // Approved, it has left chief's inbox.
      await page.locator('.side-menu').getByText('我的待办').click()
      await page.waitForURL((u) => u.pathname === '/')
      await page.getByRole('heading', { name: '我的待办' }).waitFor()
      await page.getByTestId('inbox-count').waitFor()
      assert.equal(await page.getByRole('link', { name: title }).count(), 0)
      assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
    } finally {
      await context.close()
    }
  })
})

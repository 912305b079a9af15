// A matter walked through its steps in the browser, with the demo kind `test_case`
// (definitions/kinds-test/test_case.yaml; server started with --demo, FAZHI_DEMO=1).
//
// clerk (审查经办人) creates a matter through the generated form, accepts it and
// assigns it to chief; chief (首席法律顾问) finds it in 我的待办, drafts the
// opinion with a conclusion and approves it. Every step is a click in the UI;
// the API is used only to look up chief's user id for the assignee input.
//
// Set FAZHI_SCREENSHOT_DIR to keep a screenshot of each step.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { baseUrl, demoEnabled, launchBrowser, openPage, url, waitForLoginForm } from './lib.mjs'

const DEMO_PASSWORD = 'Demo@2024'
const shotDir = process.env.FAZHI_SCREENSHOT_DIR || ''

async function shot(page, name) {
  if (!shotDir) return
  mkdirSync(shotDir, { recursive: true })
  await page.screenshot({ path: join(shotDir, `${name}.png`) })
}

/** Looks up a demo user's id by signing in through the API (the only API use in this test). */
async function userId(username) {
  const res = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  assert.equal(res.status, 200, `sign-in of ${username} for its id`)
  const body = await res.json()
  assert.ok(body.user?.id, 'the session answer names the user')
  return body.user.id
}

async function signIn(page, username) {
  await page.goto(url('/'), { waitUntil: 'networkidle' })
  await waitForLoginForm(page)
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL((u) => u.pathname === '/', { timeout: 15000 })
}

function fieldItem(page, key) {
  return page.locator(`[data-field-item="${key}"]`)
}

/** Opens an Element Plus select inside a form item and picks the option with this text. */
async function choose(page, key, option) {
  await fieldItem(page, key).locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

/** Picks a node of the org tree select (its nodes are select options too) inside a form item. */
async function chooseOrg(page, key, orgName) {
  await fieldItem(page, key).locator('.el-select__wrapper').click()
  await page.locator('.el-tree .el-select-dropdown__item:visible', { hasText: orgName }).first().click()
}

async function waitForState(page, label) {
  await page.getByTestId('matter-state').filter({ hasText: label }).waitFor({ timeout: 15000 })
}

/** Clicks an action button, answers the dialog with `fill`, confirms, and waits for the new state. */
async function act(page, actionLabel, newState, fill = async () => {}) {
  await page.getByTestId('matter-actions').getByRole('button', { name: actionLabel, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: actionLabel })
  await dialog.waitFor({ state: 'visible', timeout: 10000 })
  await fill(dialog)
  await dialog.getByRole('button', { name: '确定', exact: true }).click()
  await dialog.waitFor({ state: 'hidden', timeout: 15000 })
  await waitForState(page, newState)
}

/** The timeline's entries, newest first, as "who action" text. */
async function timeline(page) {
  const items = page.getByTestId('matter-timeline').locator('.el-timeline-item .head')
  return (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())
}

describe('a test_case matter from submission to approval', { skip: demoEnabled ? false : 'set FAZHI_DEMO=1 against a server started with demo data' }, () => {
  let browser
  let chiefId
  const title = `浏览器测试事项 ${Date.now()}`
  let detailPath = ''

  before(async () => {
    browser = await launchBrowser()
    chiefId = await userId('chief')
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
      await choose(page, 'category', '行政规范性文件')
      await chooseOrg(page, 'submitting_org', '示范县市场监督管理局')
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
        await dialog.locator('input[name="assignee"]').fill(chiefId)
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
      assert.match(steps[0], /chief 审核 已拟意见 → 已审核/)
      assert.match(steps[1], /chief 拟写意见 已分流 → 已拟意见/)
      assert.match(steps[2], /clerk 分流 已受理 → 已分流/)
      assert.match(steps[3], /clerk 受理 已报送 → 已受理/)
      assert.match(steps[4], /clerk 创建/)
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

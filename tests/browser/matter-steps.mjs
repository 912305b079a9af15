// The steps a user takes on the matter pages, for the browser walks: sign in,
// fill the generated forms (by the field keys the forms carry as
// data-field-item), take an action through its dialog, and read back what the
// detail page shows (state, 文号, actions, deadlines, timeline).
//
// Everything here is clicks and typing in the UI; nothing calls the API.
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { openPage, url, waitForLoginForm } from './lib.mjs'

const DEMO_PASSWORD = 'Demo@2024'
const shotDir = process.env.FAZHI_SCREENSHOT_DIR || ''

/** Keeps a screenshot when FAZHI_SCREENSHOT_DIR is set. */
export async function shot(page, name) {
  if (!shotDir) return
  mkdirSync(shotDir, { recursive: true })
  await page.screenshot({ path: join(shotDir, `${name}.png`), fullPage: true })
}

/** Signs a demo account without a second factor in through the sign-in form. */
export async function signIn(page, username) {
  await page.goto(url('/'), { waitUntil: 'networkidle' })
  await waitForLoginForm(page)
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL((u) => u.pathname === '/', { timeout: 15000 })
}

/**
 * Runs `steps(page)` in a fresh browser context signed in as `username`, then
 * checks that the page logged no errors but those matching `expectedErrors`
 * (e.g. the failed load of a refusal the test provokes). Returns what `steps` returns.
 */
export async function asUser(browser, username, steps, { expectedErrors = [] } = {}) {
  const { context, page, errors } = await openPage(browser)
  try {
    await signIn(page, username)
    const result = await steps(page)
    const unexpected = errors.filter((e) => !expectedErrors.some((re) => re.test(e)))
    assert.deepEqual(unexpected, [], `console errors as ${username}:\n${unexpected.join('\n')}`)
    return result
  } finally {
    await context.close()
  }
}

// --- forms ---

/** The form item of a field (or of title / orgId / note / assignee) inside `scope`. */
export function fieldItem(scope, key) {
  return scope.locator(`[data-field-item="${key}"]`)
}

/** Types into a text, long-text or number field. */
export async function fillField(scope, key, text) {
  await fieldItem(scope, key).locator('input:visible, textarea:visible').first().fill(String(text))
}

/** Types a number into a number field and commits it (the input takes it on change; Enter would submit the form). */
export async function fillNumber(scope, key, value) {
  const input = fieldItem(scope, key).locator('input')
  await input.fill(String(value))
  await input.blur()
  assert.equal(Number(await input.inputValue()), Number(value), `number ${key}`)
}

/** Waits for a form item's message (the client's required check or the server's 422). */
export async function waitForFieldError(scope, key, message) {
  await fieldItem(scope, key).locator('.el-form-item__error').filter({ hasText: message }).waitFor({ timeout: 10000 })
}

/** Picks an option of an enum field. */
export async function choose(page, scope, key, option) {
  await fieldItem(scope, key).locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

/** Picks an org in an org field (a tree select, its nodes are options too). */
export async function chooseOrg(page, scope, key, orgName) {
  await fieldItem(scope, key).locator('.el-select__wrapper').click()
  await page.locator('.el-tree .el-select-dropdown__item:visible', { hasText: orgName }).first().click()
}

/** Types a date (YYYY-MM-DD) into a date field and confirms it. */
export async function pickDate(page, scope, key, day) {
  const input = fieldItem(scope, key).locator('input')
  await input.click()
  await input.fill(day)
  await input.press('Enter')
  // Enter takes the typed date and closes the panel (Escape would close a dialog around it).
  await page.locator('.el-picker-panel:visible').waitFor({ state: 'hidden', timeout: 5000 })
  assert.equal(await input.inputValue(), day, `date ${key}`)
}

/** Opens the assignee select of an action dialog and returns its options' texts, in order; closes it again. */
export async function assigneeOptions(page, dialog) {
  const wrapper = fieldItem(dialog, 'assignee').locator('.el-select__wrapper')
  await wrapper.click()
  const options = page.locator('.el-select-dropdown__item:visible')
  await options.first().waitFor({ timeout: 15000 })
  const texts = (await options.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())
  // A click elsewhere in the dialog closes the list (Escape would close the dialog).
  await dialog.locator('.what').click()
  await options.first().waitFor({ state: 'hidden' })
  return texts
}

/**
 * Picks the assignee of an assigning action (分流) from its candidates by typing
 * part of the name; returns the option's text (姓名 · 机构 · 在办 N 件 …).
 */
export async function chooseAssignee(page, dialog, name) {
  const item = fieldItem(dialog, 'assignee')
  await item.locator('.el-select__wrapper').click()
  await item.locator('input').fill(name)
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: name }).first()
  await option.waitFor({ timeout: 15000 })
  const text = (await option.innerText()).replace(/\s+/g, ' ').trim()
  await option.click()
  await item.locator('.el-select__selected-item', { hasText: name }).first().waitFor()
  return text
}

/** Searches a matter_link field for `query` and picks the matter titled `title`. */
export async function pickLinkedMatter(page, scope, key, query, title) {
  const item = fieldItem(scope, key)
  await item.locator('.el-select__wrapper').click()
  await item.locator('input').fill(query)
  await page.locator('.el-select-dropdown__item:visible', { hasText: title }).first().click()
  await item.locator('.el-select__selected-item', { hasText: title }).first().waitFor()
}

/**
 * Searches a user field for `query` (part of a name or an org) and picks the
 * person shown as `label` (姓名（机构）).
 */
export async function pickPerson(page, scope, key, query, label) {
  const item = fieldItem(scope, key)
  await item.locator('.el-select__wrapper').click()
  await item.locator('input').fill(query)
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click()
  await item.locator('.el-select__selected-item', { hasText: label }).first().waitFor()
}

// --- creating a matter ---

/**
 * Opens 新建事项 from the side menu, picks the kind, fills the form with
 * `fill(page)` and submits; returns the new matter's detail path.
 */
export async function createMatter(page, kind, title, fill) {
  await page.locator('.side-menu').getByText('新建事项').click()
  await page.waitForURL((u) => u.pathname === '/matters/new')
  await page.locator(`[data-kind="${kind}"]`).click()
  await page.waitForURL((u) => u.pathname === `/matters/new/${kind}`)
  await fillField(page, 'title', title)
  await fill(page)
  await page.getByRole('button', { name: '提交', exact: true }).click()
  await page.waitForURL((u) => u.pathname.startsWith('/matters/detail/'), { timeout: 15000 })
  await page.getByTestId('matter-title').filter({ hasText: title }).waitFor()
  return new URL(page.url()).pathname
}

// --- the detail page ---

export async function openMatter(page, path) {
  await page.goto(url(path), { waitUntil: 'networkidle' })
  await page.getByTestId('matter-title').waitFor({ timeout: 15000 })
}

export async function waitForState(page, label) {
  await page.getByTestId('matter-state').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }).waitFor({ timeout: 15000 })
}

/** The 文号 shown in the header ("未编号" before there is one). */
export async function matterNumber(page) {
  return (await page.getByTestId('matter-number').innerText()).trim()
}

/** How an action's button looks: 'danger' (destructive), 'primary' (the next step) or 'default'. */
export async function actionButtonLook(page, actionLabel) {
  const button = page.getByTestId('matter-actions').getByRole('button', { name: actionLabel, exact: true })
  const cls = (await button.getAttribute('class')) ?? ''
  return cls.includes('el-button--danger') ? 'danger' : cls.includes('el-button--primary') ? 'primary' : 'default'
}

/** The labels of the action buttons this user sees, in order. */
export async function actionLabels(page) {
  const buttons = page.getByTestId('matter-actions').locator('button[data-action]')
  return (await buttons.allInnerTexts()).map((t) => t.trim())
}

/** Opens an action's dialog and returns it. */
async function openAction(page, actionLabel) {
  await page.getByTestId('matter-actions').getByRole('button', { name: actionLabel, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: actionLabel })
  await dialog.waitFor({ state: 'visible', timeout: 10000 })
  return dialog
}

/**
 * Clicks an action, fills its dialog with `fill(dialog)`, confirms and waits
 * for the new state. A destructive action (`danger`) is red, its dialog warns
 * that it cannot be undone, and it asks once more, naming the action.
 */
export async function act(page, actionLabel, newState, fill = async () => {}, { danger = false } = {}) {
  assert.equal(await actionButtonLook(page, actionLabel) === 'danger', danger, `${actionLabel} looks destructive: ${danger}`)
  const dialog = await openAction(page, actionLabel)
  if (danger) await dialog.getByText('此操作不能撤销，请确认后再执行。').waitFor()
  await fill(dialog)
  await dialog.getByRole('button', { name: '确定', exact: true }).click()
  if (danger) {
    const box = page.locator('.danger-confirm')
    await box.waitFor({ timeout: 10000 })
    assert.match(await box.innerText(), new RegExp(`执行“${actionLabel}”吗？.*不能撤销`))
    await box.getByRole('button', { name: `确定${actionLabel}`, exact: true }).click()
  }
  await dialog.waitFor({ state: 'hidden', timeout: 15000 })
  await waitForState(page, newState)
}

/** Clicks an action and confirms it, expecting the dialog to stay open with a refusal; returns its text. */
export async function actRefused(page, actionLabel, fill = async () => {}) {
  const dialog = await openAction(page, actionLabel)
  await fill(dialog)
  await dialog.getByRole('button', { name: '确定', exact: true }).click()
  const alert = dialog.locator('.el-alert--error')
  await alert.waitFor({ timeout: 15000 })
  const text = (await alert.innerText()).trim()
  await dialog.getByRole('button', { name: '取消', exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
  return text
}

/** Writes the dialog's 办理说明. */
export async function fillNote(dialog, text) {
  await dialog.locator('textarea[name="note"]').fill(text)
}

/** The text a field shows on the detail page. */
export async function fieldText(page, key) {
  return (await page.locator(`[data-field-value="${key}"]`).innerText()).trim()
}

/** Waits until a field on the detail page shows `text`. */
export async function waitForField(page, key, text) {
  await page.locator(`[data-field-value="${key}"]`).filter({ hasText: text }).waitFor({ timeout: 15000 })
}

/**
 * One deadline of the 办理期限 card: { text, status, light, dueOn } where light
 * is the lamp's colour (red, yellow, green, paused) or '' when it shows none.
 */
export async function deadline(page, name) {
  const row = page.locator(`[data-deadline="${name}"]`)
  await row.waitFor({ timeout: 15000 })
  const text = (await row.innerText()).replace(/\s+/g, ' ').trim()
  const status = (await row.locator('.el-tag').first().innerText()).trim()
  const lamp = row.locator('[data-light]')
  const light = (await lamp.count()) > 0 ? await lamp.getAttribute('data-light') : ''
  const due = /至 (\d{4}-\d{2}-\d{2})/.exec(text)
  return { text, status, light, dueOn: due ? due[1] : '' }
}

/** The header's 办理期限: { light, text } of the matter's earliest running deadline. */
export async function headerLight(page) {
  const lamp = page.locator('.facts [data-light]')
  await lamp.waitFor({ timeout: 15000 })
  return { light: await lamp.getAttribute('data-light'), text: (await lamp.innerText()).replace(/\s+/g, ' ').trim() }
}

/** The timeline's entries, newest first, as "who action from → to" text. */
export async function timeline(page) {
  const items = page.getByTestId('matter-timeline').locator('.el-timeline-item .head')
  return (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())
}

/** The full text of the timeline entry `index` (0 = newest): head, note and field changes. */
export async function timelineEntry(page, index) {
  const entry = page.getByTestId('matter-timeline').locator('.el-timeline-item').nth(index)
  return ((await entry.innerText()) ?? '').replace(/\s+/g, ' ').trim()
}

// --- lists ---

/** Opens 我的待办 and clicks the entry titled `title`; returns false when it is not there. */
export async function openFromInbox(page, title) {
  await page.locator('.side-menu').getByText('我的待办').click()
  await page.waitForURL((u) => u.pathname === '/')
  await page.getByTestId('inbox-count').waitFor({ timeout: 15000 })
  const entry = page.getByTestId('inbox').getByRole('link', { name: title, exact: true })
  await entry.waitFor({ timeout: 15000 })
  await entry.click()
  await page.waitForURL((u) => u.pathname.startsWith('/matters/detail/'), { timeout: 15000 })
  await page.getByTestId('matter-title').filter({ hasText: title }).waitFor()
}

/** Opens 事项列表 from the side menu, searches it for `query` and returns the titles listed. */
export async function searchList(page, query) {
  await page.locator('.side-menu').getByText('事项列表').click()
  await page.waitForURL((u) => u.pathname === '/matters')
  const box = page.getByPlaceholder('文号、标题或内容')
  await box.fill(query)
  const answered = page.waitForResponse((r) => {
    const u = new URL(r.url())
    return u.pathname === '/api/v1/matters' && u.searchParams.get('q') === query
  })
  await box.press('Enter')
  assert.equal((await answered).status(), 200, 'the list answers the search')
  // The rows are in once the table's loading mask has gone.
  await page.waitForFunction(() => !document.querySelector('.el-table .el-loading-mask'), null, { timeout: 15000 })
  const table = page.locator('.el-table')
  return (await table.locator('.el-table__body a').allInnerTexts()).map((t) => t.trim())
}

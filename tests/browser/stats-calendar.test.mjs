// 统计看板, 工作日历 and 期限计算 with the demo accounts (server started with
// --demo; set FAZHI_DEMO=1). The demo's 2024 carries the reference figures.
//
// Runs after sign-in.test.mjs (file order) and retries a TOTP code the server
// refuses as already used, so the two sysadmin sign-ins never collide.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { demoEnabled, launchBrowser, openPage, serverNow, totp, url, waitForLoginForm } from './lib.mjs'

const DEMO_PASSWORD = 'Demo@2024'
const SYSADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXP'

async function signIn(page, username) {
  await page.goto(url('/login'), { waitUntil: 'networkidle' })
  await waitForLoginForm(page)
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录', exact: true }).click()
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Enters the current code; if the server refuses it (used by an earlier sign-in), waits for the next step once. */
async function passTotp(page, secret) {
  const input = page.locator('input[name="totp"]')
  await input.waitFor({ state: 'visible', timeout: 15000 })
  for (let attempt = 0; attempt < 2; attempt++) {
    // Codes follow the server's clock, which may run on a test date.
    let now = await serverNow()
    const left = 30 - (Math.floor(now / 1000) % 30)
    if (left < 4) {
      await sleep(left * 1000 + 300)
      now = await serverNow()
    }
    const step = Math.floor(now / 30000)
    await input.fill(totp(secret, now))
    await page.getByRole('button', { name: '验证并登录' }).click()
    const landed = await page
      .waitForURL((u) => u.pathname === '/', { timeout: 6000 })
      .then(() => true)
      .catch(() => false)
    if (landed) return
    // Refused: wait for a code of a later step.
    const wait = (step + 1) * 30000 - (await serverNow()) + 300
    if (wait > 0) await sleep(wait)
  }
  throw new Error('TOTP sign-in failed twice')
}

describe('statistics and the working-day calendar', { skip: demoEnabled ? false : 'set FAZHI_DEMO=1 against a server started with demo data' }, () => {
  let browser
  before(async () => {
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
  })

  test('leader opens 统计看板 for 2024 and drills into a figure', async () => {
    const { context, page, errors } = await openPage(browser)
    try {
      await signIn(page, 'leader')
      await page.waitForURL((u) => u.pathname === '/', { timeout: 15000 })
      const menu = page.locator('.side-menu')
      await menu.getByText('统计分析').waitFor({ timeout: 15000 })
      await menu.getByText('统计看板').click()
      await page.waitForURL((u) => u.pathname === '/dashboard', { timeout: 15000 })

      // Choose 2024 in the year selector.
      await page.getByTestId('year-select').locator('.el-select__wrapper').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '2024 年' }).first().click()
      await page.waitForURL((u) => u.searchParams.get('year') === '2024', { timeout: 15000 })

      const cards = page.locator('.figure[data-metric]')
      await cards.first().waitFor({ timeout: 15000 })
      assert.ok((await cards.count()) >= 10, 'the year has its figure cards')
      for (const group of ['合法性审查', '行政规范性文件', '重大行政决策', '政府法律顾问']) {
        await page.getByRole('heading', { name: group }).waitFor()
      }

      // The first count figure above zero: its drill-down lists as many matters.
      const counts = page.locator('.figure:not(.ratio)[data-metric]')
      let figure = null
      let value = 0
      for (let i = 0; i < (await counts.count()); i++) {
        const text = (await counts.nth(i).getByTestId('metric-value').innerText()).replace(/,/g, '').trim()
        if (Number(text) > 0) {
          figure = counts.nth(i)
          value = Number(text)
          break
        }
      }
      assert.ok(figure, 'some 2024 figure is above zero')
      const metricId = await figure.getAttribute('data-metric')
      await figure.locator('.figure-main').click()

      const drawer = page.getByTestId('drill-drawer')
      const total = page.getByTestId('drill-total')
      await total.filter({ hasText: /^\d+$/ }).waitFor({ timeout: 15000 })
      assert.equal(Number(await total.innerText()), value, `drill-down of ${metricId} lists the figure's matters`)
      const rows = page.getByTestId('drill-list').locator('.el-table__body tr')
      await rows.first().waitFor()
      assert.equal(await rows.count(), Math.min(20, value))
      // Each row links to its matter.
      const link = rows.first().getByRole('link')
      assert.match((await link.getAttribute('href')) ?? '', /^\/matters\/detail\/\d+$/)
      assert.ok(await drawer.count())
      assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
    } finally {
      await context.close()
    }
  })

  test('sysadmin opens 工作日历 and sees 2024-10-01 marked as a holiday', async () => {
    const { context, page, errors } = await openPage(browser)
    try {
      await signIn(page, 'sysadmin')
      await passTotp(page, SYSADMIN_TOTP_SECRET)
      const menu = page.locator('.side-menu')
      await menu.getByText('系统管理').waitFor({ timeout: 15000 })
      await menu.getByText('工作日历').click()
      await page.waitForURL((u) => u.pathname === '/admin/calendar', { timeout: 15000 })

      await page.getByTestId('calendar-year').getByText('2024 年').click()
      const day = page.locator('[data-date="2024-10-01"]')
      await day.waitFor({ timeout: 15000 })
      assert.equal(await day.getAttribute('data-type'), 'holiday')
      assert.equal(await page.locator('[data-date="2024-10-12"]').getAttribute('data-type'), 'makeup_workday')
      assert.equal(await page.locator('[data-date="2024-10-08"]').getAttribute('data-type'), 'workday')
      assert.equal(await page.locator('[data-month]').count(), 12)

      // A click marks a day without saving it; 撤销修改 puts it back.
      await page.locator('[data-date="2024-10-08"]').click()
      assert.equal(await page.locator('[data-date="2024-10-08"]').getAttribute('data-type'), 'holiday')
      assert.equal(await page.getByTestId('calendar-save').isEnabled(), true)
      await page.getByRole('button', { name: '撤销修改' }).click()
      assert.equal(await page.locator('[data-date="2024-10-08"]').getAttribute('data-type'), 'workday')
      assert.equal(await page.getByTestId('calendar-save').isEnabled(), false)
      assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
    } finally {
      await context.close()
    }
  })

  test('any signed-in user computes a deadline over the National Day holiday', async () => {
    const { context, page, errors } = await openPage(browser)
    try {
      await signIn(page, 'clerk')
      await page.waitForURL((u) => u.pathname === '/', { timeout: 15000 })
      await page.locator('.side-menu').getByText('期限计算').click()
      await page.waitForURL((u) => u.pathname === '/tools/deadline', { timeout: 15000 })

      const from = page.locator('input[name="from"]')
      await from.fill('2024-09-30')
      await from.press('Enter')
      await page.locator('input[name="days"]').fill('5')
      await page.getByRole('button', { name: '计算' }).click()
      // 5 working days after 9-30: 10-8, 10-9, 10-10, 10-11 and the make-up Saturday 10-12.
      await page.getByTestId('deadline-due').filter({ hasText: '2024-10-12' }).waitFor({ timeout: 15000 })
      assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
    } finally {
      await context.close()
    }
  })
})

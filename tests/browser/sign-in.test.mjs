// Signing in with the demo accounts (server started with --demo; set FAZHI_DEMO=1).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { demoEnabled, freshTotp, launchBrowser, openPage, totp, url, waitForLoginForm } from './lib.mjs'

const DEMO_PASSWORD = 'Demo@2024'
const SYSADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXP'

test('the TOTP helper matches the RFC 6238 reference values (SHA-1)', () => {
  // RFC 6238 appendix B uses the ASCII secret "12345678901234567890" and 8 digits.
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
  assert.equal(totp(secret, 59_000, 30, 8), '94287082')
  assert.equal(totp(secret, 1_111_111_109_000, 30, 8), '07081804')
  assert.equal(totp(secret, 2_000_000_000_000, 30, 8), '69279037')
})

async function signIn(page, username, password) {
  await page.goto(url('/'), { waitUntil: 'networkidle' })
  await waitForLoginForm(page)
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
}

function sideMenu(page) {
  return page.locator('.side-menu')
}

describe('demo sign-in', { skip: demoEnabled ? false : 'set FAZHI_DEMO=1 against a server started with demo data' }, () => {
  let browser
  before(async () => {
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
  })

  test('clerk lands on 我的待办 and sees no 系统管理', async () => {
    const { context, page, errors } = await openPage(browser)
    try {
      await signIn(page, 'clerk', DEMO_PASSWORD)
      await page.waitForURL((u) => u.pathname === '/', { timeout: 15000 })
      await page.getByRole('heading', { name: '我的待办' }).waitFor({ timeout: 15000 })

      const menu = sideMenu(page)
      await menu.getByText('我的待办').waitFor()
      assert.equal(await menu.getByText('系统管理').count(), 0)
      assert.equal(await menu.getByText('用户管理').count(), 0)
      await page.getByTestId('current-user').waitFor()
      assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
    } finally {
      await context.close()
    }
  })

  test('sysadmin passes the TOTP step and sees 用户管理', async () => {
    const { context, page, errors } = await openPage(browser)
    try {
      await signIn(page, 'sysadmin', DEMO_PASSWORD)
      const codeInput = page.locator('input[name="totp"]')
      await codeInput.waitFor({ state: 'visible', timeout: 15000 })
      await codeInput.fill(await freshTotp(SYSADMIN_TOTP_SECRET))
      await page.getByRole('button', { name: '验证并登录' }).click()

      await page.waitForURL((u) => u.pathname === '/', { timeout: 15000 })
      const menu = sideMenu(page)
      await menu.getByText('系统管理').waitFor({ timeout: 15000 })
      await menu.getByText('用户管理').click()

      await page.waitForURL((u) => u.pathname === '/admin/users')
      await page.locator('.el-table').getByText('clerk', { exact: true }).waitFor({ timeout: 15000 })
      assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
    } finally {
      await context.close()
    }
  })
})

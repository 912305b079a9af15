// The app shell: loads at /, sends signed-out visitors to sign-in, no console errors.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { APP_TITLE, launchBrowser, openPage, url, waitForLoginForm } from './lib.mjs'

let browser
before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})

test('/ redirects a signed-out visitor to the sign-in page with the Chinese title', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    const response = await page.goto(url('/'), { waitUntil: 'networkidle' })
    assert.equal(response?.status(), 200)
    await waitForLoginForm(page)

    assert.equal(await page.title(), APP_TITLE)
    const heading = await page.locator('h1').first().textContent()
    assert.equal(heading?.trim(), APP_TITLE)
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN')
    await page.getByRole('button', { name: '登录' }).waitFor()

    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('assets are bundled: every request stays on the server under test', async () => {
  const { context, page } = await openPage(browser)
  const foreign = []
  const origin = new URL(url('/')).origin
  page.on('request', (req) => {
    const u = new URL(req.url())
    if (u.protocol.startsWith('http') && u.origin !== origin) foreign.push(req.url())
  })
  try {
    await page.goto(url('/'), { waitUntil: 'networkidle' })
    await waitForLoginForm(page)
    assert.deepEqual(foreign, [])
  } finally {
    await context.close()
  }
})

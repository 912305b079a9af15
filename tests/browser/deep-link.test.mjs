// A deep link opened while signed out lands on sign-in and remembers where it pointed.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { launchBrowser, openPage, url, waitForLoginForm } from './lib.mjs'

let browser
before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})

test('/admin/users while signed out shows the sign-in page', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    const response = await page.goto(url('/admin/users'), { waitUntil: 'networkidle' })
    assert.equal(response?.status(), 200, 'the server answers deep links with the app')
    await waitForLoginForm(page)

    const here = new URL(page.url())
    assert.equal(here.pathname, '/login')
    assert.equal(here.searchParams.get('redirect'), '/admin/users')
    assert.equal(await page.locator('input[name="password"]').count(), 1)
    assert.equal(await page.getByText('用户管理').count(), 0, 'no admin page content leaks to a signed-out visitor')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('an unknown path while signed out also lands on sign-in', async () => {
  const { context, page } = await openPage(browser)
  try {
    await page.goto(url('/no/such/page'), { waitUntil: 'networkidle' })
    await waitForLoginForm(page)
  } finally {
    await context.close()
  }
})

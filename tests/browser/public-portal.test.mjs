// The public portal (公众服务) needs no sign-in: its pages stay where they are
// for a signed-out visitor, never ask who is signed in, and list what the
// public API publishes. Runs against any server (no demo data needed).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { baseUrl, launchBrowser, openPage, url, waitForLoginForm } from './lib.mjs'

const PORTAL_TITLE = '示范县法治政府建设公众服务平台'

let browser
let registers = []
before(async () => {
  browser = await launchBrowser()
  const res = await fetch(`${baseUrl}/api/public/v1/registers`, { headers: { Accept: 'application/json' } })
  assert.equal(res.status, 200, 'the public registers API answers without a session')
  registers = (await res.json()).items
  assert.ok(registers.length > 0, 'the portal publishes at least one register')
})
after(async () => {
  await browser?.close()
})

/** Records every call to the staff API (/api/v1/…) the page makes. */
function staffCalls(page) {
  const calls = []
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname
    if (path.startsWith('/api/v1/')) calls.push(path)
  })
  return calls
}

test('the portal home lists the registers to a signed-out visitor', async () => {
  const { context, page, errors } = await openPage(browser)
  const calls = staffCalls(page)
  try {
    const response = await page.goto(url('/public'), { waitUntil: 'networkidle' })
    assert.equal(response?.status(), 200)
    const list = page.getByTestId('registers')
    await list.waitFor({ timeout: 15000 })

    assert.equal(new URL(page.url()).pathname, '/public', 'no redirect to sign-in')
    assert.equal(await page.title(), PORTAL_TITLE)
    assert.equal((await page.locator('h1').first().textContent())?.trim(), PORTAL_TITLE)
    for (const r of registers) {
      await list.getByRole('link', { name: r.label }).waitFor()
    }
    await page.getByRole('link', { name: '工作人员登录' }).waitFor()
    assert.deepEqual(calls, [], 'the portal never calls the staff API')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('a register opened directly while signed out stays on the portal', async () => {
  const { context, page, errors } = await openPage(browser)
  const calls = staffCalls(page)
  const register = registers[0]
  try {
    await page.goto(url(`/public/registers/${encodeURIComponent(register.id)}`), { waitUntil: 'networkidle' })
    await page.getByTestId('register-title').filter({ hasText: register.label }).waitFor({ timeout: 15000 })
    await page.getByTestId('register-table').waitFor()
    assert.equal(new URL(page.url()).pathname, `/public/registers/${register.id}`)
    assert.equal(await page.locator('input[name="password"]').count(), 0, 'no sign-in form')
    assert.equal(await page.title(), `${register.label} - ${PORTAL_TITLE}`)

    // Searching stays on the page too.
    await page.getByPlaceholder('按文号或名称检索').fill('不存在的文件名称')
    await page.getByRole('button', { name: '检索' }).click()
    await page.getByText('没有符合条件的公示内容').waitFor()
    assert.equal(new URL(page.url()).pathname, `/public/registers/${register.id}`)
    assert.deepEqual(calls, [])
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('an unknown portal address shows the portal\'s own not-found page', async () => {
  const { context, page } = await openPage(browser)
  try {
    await page.goto(url('/public/no/such/page'), { waitUntil: 'networkidle' })
    await page.getByRole('link', { name: '返回公众服务首页' }).waitFor({ timeout: 15000 })
    assert.equal(new URL(page.url()).pathname, '/public/no/such/page')
  } finally {
    await context.close()
  }
})

test('the consultations page opens without sign-in', async () => {
  const { context, page, errors } = await openPage(browser)
  try {
    await page.goto(url('/public/consultations'), { waitUntil: 'networkidle' })
    await page.getByRole('heading', { name: '意见征集' }).waitFor({ timeout: 15000 })
    assert.equal(new URL(page.url()).pathname, '/public/consultations')
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`)
  } finally {
    await context.close()
  }
})

test('sign-in and portal link to each other', async () => {
  const { context, page } = await openPage(browser)
  try {
    await page.goto(url('/login'), { waitUntil: 'networkidle' })
    await waitForLoginForm(page)
    await page.getByTestId('portal-link').click()
    await page.waitForURL((u) => u.pathname === '/public', { timeout: 15000 })
    await page.getByTestId('registers').waitFor({ timeout: 15000 })

    await page.getByRole('link', { name: '工作人员登录' }).click()
    await waitForLoginForm(page)
  } finally {
    await context.close()
  }
})

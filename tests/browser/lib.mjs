// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core.
//
// Nothing is downloaded: the browser is /usr/bin/chromium (override with
// FAZHI_CHROMIUM). The server under test is at FAZHI_BASE_URL.
import { createHmac } from 'node:crypto'
import { chromium } from 'playwright-core'

export const APP_TITLE = '法治政府建设综合管理平台'
export const baseUrl = (process.env.FAZHI_BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '')
export const demoEnabled = process.env.FAZHI_DEMO === '1'

const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.FAZHI_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: launchArgs,
  })
}

/** The full URL of an app path, e.g. url('/admin/users'). */
export function url(path) {
  return baseUrl + path
}

// While signed out the app asks /api/v1/me, and a sign-in that needs a second
// factor answers 401 first: Chromium logs both as failed resource loads. They
// are the contract working, not errors in the page.
function isExpectedAuthAnswer(msg) {
  const where = msg.location().url || ''
  let path = ''
  try {
    path = new URL(where).pathname
  } catch {
    return false
  }
  return (
    (path === '/api/v1/me' || path === '/api/v1/session') &&
    /status of 401/.test(msg.text())
  )
}

/**
 * A fresh context and page that record console errors and uncaught exceptions.
 * Returns { context, page, errors } where errors is a live array of strings.
 */
export async function openPage(browser) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 800 } })
  const page = await context.newPage()
  const errors = []
  page.on('console', (msg) => {
    if (msg.type() !== 'error' || isExpectedAuthAnswer(msg)) return
    errors.push(`console: ${msg.text()} (${msg.location().url || 'no url'})`)
  })
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`))
  return { context, page, errors }
}

/** Waits until the sign-in form is shown. */
export async function waitForLoginForm(page) {
  await page.waitForURL((u) => u.pathname === '/login', { timeout: 15000 })
  await page.locator('input[name="username"]').waitFor({ state: 'visible', timeout: 15000 })
}

// --- TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) ---

export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const clean = text.replace(/[\s=]/g, '').toUpperCase()
  let bits = 0
  let value = 0
  const out = []
  for (const ch of clean) {
    const idx = alphabet.indexOf(ch)
    if (idx < 0) throw new Error(`not base32: ${ch}`)
    value = (value << 5) | idx
    bits += 5
    if (bits >= 8) {
      bits -= 8
      out.push((value >>> bits) & 0xff)
    }
  }
  return Buffer.from(out)
}

export function totp(secret, timeMs = Date.now(), step = 30, digits = 6) {
  const counter = Math.floor(timeMs / 1000 / step)
  const msg = Buffer.alloc(8)
  msg.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac('sha1', base32Decode(secret)).update(msg).digest()
  const offset = mac[mac.length - 1] & 0x0f
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits
  return String(code).padStart(digits, '0')
}

/**
 * The server's time in ms. `serve --test-clock` (as scripts/test starts it) may run
 * on another date than this machine: its clock answers POST /api/v1/testing/clock
 * with advanceMs 0. Without a test clock, this machine's time.
 */
export async function serverNow() {
  try {
    const res = await fetch(`${baseUrl}/api/v1/testing/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ advanceMs: 0 }),
    })
    if (res.ok) {
      const body = await res.json()
      if (Number.isFinite(body.now)) return body.now
    }
  } catch {
    // No test clock: fall through to this machine's time.
  }
  return Date.now()
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** A code for the server's clock that stays valid for at least `marginSec` more seconds (waits for the next step if needed). */
export async function freshTotp(secret, marginSec = 5) {
  let now = await serverNow()
  const left = 30 - (Math.floor(now / 1000) % 30)
  if (left < marginSec) {
    await sleep(left * 1000 + 200)
    now = await serverNow()
  }
  return totp(secret, now)
}

/** The server's calendar day (China Standard Time), YYYY-MM-DD. */
export async function serverToday() {
  return new Date((await serverNow()) + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

/**
 * Moves the server's test clock forward by whole days (serve --test-clock only).
 * Every session idles out on the way: sign in again afterwards.
 */
export async function advanceServerDays(days) {
  const res = await fetch(`${baseUrl}/api/v1/testing/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ advanceMs: days * 24 * 3600 * 1000 }),
  })
  if (!res.ok) throw new Error(`the server has no test clock (${res.status})`)
}

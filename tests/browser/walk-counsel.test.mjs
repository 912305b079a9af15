// 政府法律顾问 walked in the browser: a service contract
// (definitions/kinds/counsel_contract.yaml) registered by clerk (合法性审查经办人)
// with its contract file, its 服务期限 following the end date, renewed by chief
// (政府总法律顾问) and ended by clerk;
// a work record (counsel_work.yaml) entered by clerk for counsel (赵律师) and
// confirmed by chief, after which 统计看板's 政府法律顾问 figure counts it and
// lists it; another record voided with a reason. unit (部门报送人) cannot open
// the contract.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { demoEnabled, launchBrowser, serverToday, url } from './lib.mjs'
import {
  act,
  actionLabels,
  asUser,
  choose,
  chooseOrg,
  createMatter,
  deadline,
  fieldItem,
  fillField,
  fillNote,
  fillNumber,
  openMatter,
  pickDate,
  pickLinkedMatter,
  pickPerson,
  shot,
  timeline,
  timelineEntry,
  waitForField,
  waitForState,
} from './matter-steps.mjs'

const stamp = Date.now()
// How the detail page and the picker show 赵律师 (counsel): name and org, never the id.
const COUNSEL = '赵律师（明理律师事务所）'
const CONTRACT_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

/** Opens 统计看板 for `year` and returns the figure shown for a metric. */
async function figure(page, year, metricId) {
  await page.locator('.side-menu').getByText('统计看板').click()
  await page.waitForURL((u) => u.pathname === '/dashboard', { timeout: 15000 })
  const select = page.getByTestId('year-select')
  if (!(await select.innerText()).includes(`${year} 年`)) {
    await select.locator('.el-select__wrapper').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: `${year} 年` }).first().click()
    await page.waitForURL((u) => u.searchParams.get('year') === year, { timeout: 15000 })
  }
  await page.getByTestId('dashboard').locator('.el-loading-mask').waitFor({ state: 'hidden', timeout: 15000 })
  const value = page.locator(`[data-metric="${metricId}"] [data-testid="metric-value"]`)
  await value.waitFor({ timeout: 15000 })
  return Number((await value.innerText()).replace(/[^\d.]/g, ''))
}

describe('法律顾问聘用合同 and 工作记录 in the browser', { skip: demoEnabled ? false : 'set FAZHI_DEMO=1 against a server started with demo data' }, () => {
  let browser
  const contractTitle = `示范县人民政府法律顾问服务合同（明理律所 ${stamp}）`
  let contractPath = ''

  before(async () => {
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
  })

  test('clerk registers a contract with its file; chief renews it; clerk records its end', async () => {
    const today = await serverToday()
    const year = Number(today.slice(0, 4))
    await asUser(browser, 'clerk', async (page) => {
      contractPath = await createMatter(page, 'counsel_contract', contractTitle, async () => {
        await fillField(page, 'counsel_name', '赵律师')
        await choose(page, page, 'counsel_role', '外聘法律顾问')
        // A `user` field is picked by name among holders of the counsel roles.
        await pickPerson(page, page, 'counsel_user', '赵', COUNSEL)
        await chooseOrg(page, page, 'firm', '明理律师事务所')
        await pickDate(page, page, 'service_start', today)
        await pickDate(page, page, 'service_end', `${year + 1}-${today.slice(5)}`)
        await fillField(page, 'scope', '为县政府重大行政决策、行政协议提供法律意见。')
        await fieldItem(page, 'contract_file')
          .locator('input[type="file"]')
          .setInputFiles({ name: '法律顾问服务合同.pdf', mimeType: 'application/pdf', buffer: CONTRACT_PDF })
      })
      await waitForState(page, '履行中')
      await waitForField(page, 'counsel_user', COUNSEL)
      await page.locator('.fields').getByRole('link', { name: /法律顾问服务合同\.pdf/ }).waitFor()
      assert.deepEqual(await actionLabels(page), ['续聘', '合同到期', '解除合同'])
      // 服务期限 runs to the contract's end date, green while it is far off.
      const service = await deadline(page, 'service_period')
      assert.equal(service.status, '计时中')
      assert.equal(service.light, 'green')
      assert.equal(service.dueOn, `${year + 1}-${today.slice(5)}`)
      assert.match(service.text, /按“服务期限止”/)
    })

    await asUser(browser, 'unit', async (page) => {
      await page.goto(url(contractPath), { waitUntil: 'networkidle' })
      await page.getByText('事项不存在，或不在您的查看范围内').waitFor({ timeout: 15000 })
    }, { expectedErrors: [/status of 404/] })

    await asUser(browser, 'chief', async (page) => {
      await openMatter(page, contractPath)
      await waitForState(page, '履行中')
      await act(page, '续聘', '履行中', async (d) => {
        await pickDate(page, d, 'service_end', `${year + 2}-${today.slice(5)}`)
        await fillNumber(d, 'fee', '120000')
        await fillField(d, 'contract_no', `法顾〔${year}〕${stamp % 100}号`)
      })
      await waitForField(page, 'service_end', `${year + 2}-${today.slice(5)}`)
      assert.equal((await deadline(page, 'service_period')).dueOn, `${year + 2}-${today.slice(5)}`)
      assert.match(await timelineEntry(page, 0), new RegExp(`李顾问 续聘 .*服务期限止.*${year + 1}-${today.slice(5)} → ${year + 2}-${today.slice(5)}`))
    })

    await asUser(browser, 'clerk', async (page) => {
      await openMatter(page, contractPath)
      await act(page, '合同到期', '已到期')
      assert.deepEqual(await actionLabels(page), [])
      assert.equal((await deadline(page, 'service_period')).status, '已结束')
      const steps = await timeline(page)
      assert.deepEqual(steps.slice(0, 2), ['王审查 合同到期 履行中 → 已到期', '李顾问 续聘'])
      assert.match(steps.at(-1), /^王审查 创建/)
      await shot(page, 'counsel-01-contract')
    })
  })

  test('clerk records counsel work; chief confirms it and the dashboard counts it', async () => {
    assert.ok(contractPath, 'the contract test ran')
    const today = await serverToday()
    const year = today.slice(0, 4)
    const workTitle = `审查示范县城区供热特许经营协议（${stamp}）`
    const counted = await asUser(browser, 'chief', (page) => figure(page, year, 'counsel.opinions'))

    let workPath = ''
    await asUser(browser, 'clerk', async (page) => {
      workPath = await createMatter(page, 'counsel_work', workTitle, async () => {
        await choose(page, page, 'work_type', '合同审查')
        await pickPerson(page, page, 'counsel', '明理', COUNSEL)
        await pickDate(page, page, 'work_date', today)
        await fillNumber(page, 'hours', 6)
        await fillField(page, 'summary', '审查特许经营协议 42 条，提出修改意见 9 条。')
        await pickLinkedMatter(page, page, 'contract', '明理律所', contractTitle)
      })
      await waitForState(page, '已登记')
      await waitForField(page, 'counsel', COUNSEL)
      await page.locator('.links').getByRole('link', { name: contractTitle }).waitFor()
      // Confirming is the chief counsel's; the clerk may only void.
      assert.deepEqual(await actionLabels(page), ['作废'])
    })

    await asUser(browser, 'chief', async (page) => {
      await openMatter(page, workPath)
      assert.deepEqual(await actionLabels(page), ['确认', '作废'])
      await act(page, '确认', '已确认')
      assert.match((await timeline(page))[0], /^李顾问 确认 已登记 → 已确认$/)

      // Only confirmed records count: the figure went up by this one.
      assert.equal(await figure(page, year, 'counsel.opinions'), counted + 1)
      await page.locator('[data-metric="counsel.opinions"] .figure-main').click()
      const drawer = page.getByTestId('drill-drawer')
      await drawer.getByRole('link', { name: workTitle }).waitFor({ timeout: 15000 })
      await shot(page, 'counsel-02-dashboard')
    })
  })

  test('clerk voids a wrong record with the reason', async () => {
    const today = await serverToday()
    const wrong = `参加县政府常务会议（误登记 ${stamp}）`
    await asUser(browser, 'clerk', async (page) => {
      await createMatter(page, 'counsel_work', wrong, async () => {
        await choose(page, page, 'work_type', '会议')
        await pickPerson(page, page, 'counsel', '赵律师', COUNSEL)
        await pickDate(page, page, 'work_date', today)
        await fillNumber(page, 'hours', 2)
      })
      await act(page, '作废', '已作废', async (d) => {
        await fillNote(d, '重复登记，同一会议已另行记录。')
      }, { danger: true })
      assert.match(await timelineEntry(page, 0), /王审查 作废 已登记 → 已作废 重复登记/)
      assert.deepEqual(await actionLabels(page), [])
    })
  })
})

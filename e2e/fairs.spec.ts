import type { ChildProcess } from 'node:child_process'
import { type Browser, type Page } from '@playwright/test'
import pg from 'pg'
import { expect, signIn, test } from './fixtures'
import { createScratchDatabase, dropScratchDatabase, postgresAnswers, startOwnServer, stopOwnServer } from './own-server'

// This spec reads the database the app writes, so it runs its own production server on a scratch
// PostgreSQL database (e2e/own-server.ts); skipped when no PostgreSQL answers.

const PORT = Number(process.env.E2E_FAIRS_PORT ?? 3111)
const BASE = `http://localhost:${PORT}`
const DB_NAME = `tradecast_e2e_fairs_${process.pid}`
const BUYER_ZONE = 'America/New_York'
const FAIR_ZONE = 'Asia/Seoul'

let server: ChildProcess | undefined
let db: pg.Client | undefined
let available = true
/** Console errors of the pages this spec opens in its own contexts (the fixture watches only `page`). */
const pageErrors: string[] = []

test.beforeAll(async () => {
  test.setTimeout(240_000)
  available = await postgresAnswers()
  if (!available) return
  const url = await createScratchDatabase(DB_NAME)
  server = await startOwnServer({ port: PORT, databaseUrl: url })
  db = new pg.Client({ connectionString: url })
  await db.connect()
  // English UI for the demo users; the buyer lives in New York, the fair runs on Seoul time.
  await db.query(`UPDATE "User" SET "locale" = 'en' WHERE "email" LIKE '%@tradecast.dev'`)
  await db.query(`UPDATE "User" SET "timeZone" = $1 WHERE "email" = 'buyer@tradecast.dev'`, [BUYER_ZONE])
})

test.afterAll(async () => {
  await db?.end()
  await stopOwnServer(server)
  if (available) await dropScratchDatabase(DB_NAME)
})

async function signedIn(browser: Browser, email: string, timezoneId?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE, ...(timezoneId ? { timezoneId } : {}), locale: 'en-US' })
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${email}: ${message.text()}`)
  })
  page.on('pageerror', (error) => pageErrors.push(`${email}: ${error.message}`))
  await signIn(page, email)
  return page
}

/** YYYY-MM-DD of `days` after today, on the fair's calendar. */
function fairDay(days: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: FAIR_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + days * 86_400_000),
  )
  return parts
}

test('an organizer runs a fair: registrations, programme in the buyer’s zone, KPIs equal to the database', async ({ browser }) => {
  // This test reads the rows the server writes; PGlite admits one process, so it needs PostgreSQL
  // (CI has one; a machine without it skips this test only).
  test.skip(!available, 'needs a PostgreSQL server at E2E_POSTGRES_URL or 127.0.0.1:5432')
  test.setTimeout(400_000)
  const q = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await db!.query<T>(sql, params)).rows
  const slug = `e2e-expo-${Date.now().toString(36)}`

  // ── The organizer creates an OPEN fair ──
  const organizer = await signedIn(browser, 'organizer@tradecast.dev')
  await organizer.goto('/organizer/fairs/new')
  await organizer.getByLabel('Name (English)').fill('E2E Export Fair')
  await organizer.getByLabel('Name (Korean)').fill('E2E 수출 박람회')
  await organizer.getByLabel('Web address').fill(slug)
  await organizer.getByLabel('Fair time zone').selectOption(FAIR_ZONE)
  await organizer.getByLabel('Opens').fill(`${fairDay(1)}T09:00`)
  await organizer.getByLabel('Closes').fill(`${fairDay(3)}T18:00`)
  await organizer.getByLabel('Status').selectOption('OPEN')
  await organizer.getByRole('button', { name: 'Create fair' }).click()
  await expect(organizer).toHaveURL(/\/organizer\/fairs\/(?!new$)[^/]+$/)
  await expect(organizer.getByRole('heading', { level: 1, name: 'E2E Export Fair' })).toBeVisible()
  const fairId = organizer.url().split('/').pop()!
  const [fairRow] = await q<{ organizerEmail: string; timeZone: string; startsAt: Date }>(
    `SELECT u."email" AS "organizerEmail", f."timeZone", f."startsAt" FROM "TradeFair" f JOIN "User" u ON u."id" = f."organizerId" WHERE f."id" = $1`,
    [fairId],
  )
  expect(fairRow).toMatchObject({ organizerEmail: 'organizer@tradecast.dev', timeZone: FAIR_ZONE })
  expect(fairRow!.startsAt.toISOString()).toBe(new Date(`${fairDay(1)}T00:00:00Z`).toISOString()) // 09:00 KST = 00:00 UTC

  // ── An exporter and a buyer register from the fair page ──
  const exporter = await signedIn(browser, 'exporter@tradecast.dev')
  await exporter.goto(`/fairs/${slug}`)
  await exporter.getByRole('link', { name: 'Register for this fair' }).click()
  await exporter.getByRole('button', { name: 'Register as exhibitor' }).click()
  await expect(exporter.getByTestId('registration-status')).toContainText('Pending')
  const buyer = await signedIn(browser, 'buyer@tradecast.dev', BUYER_ZONE)
  await buyer.goto(`/fairs/${slug}/register`)
  await buyer.getByRole('button', { name: 'Register as buyer' }).click()
  await expect(buyer.getByTestId('registration-status')).toContainText('Pending')
  const registrants = await q<{ kind: string; name: string }>(
    `SELECT r."kind", COALESCE(c."name", b."companyName") AS "name" FROM "FairRegistration" r
     LEFT JOIN "ExporterCompany" c ON c."id" = r."companyId" LEFT JOIN "BuyerProfile" b ON b."userId" = r."userId"
     WHERE r."fairId" = $1 AND r."status" = 'PENDING' ORDER BY r."kind"`,
    [fairId],
  )
  expect(registrants.map((r) => r.kind)).toEqual(['EXHIBITOR', 'BUYER'])

  // ── The organizer approves both ──
  await organizer.reload()
  for (const r of registrants) {
    await organizer.getByRole('button', { name: `Approve ${r.name}` }).click()
    await expect(organizer.getByRole('button', { name: `Approve ${r.name}` })).toHaveCount(0)
  }
  expect((await q(`SELECT 1 FROM "FairRegistration" WHERE "fairId" = $1 AND "status" = 'APPROVED'`, [fairId])).length).toBe(2)
  expect((await q(`SELECT 1 FROM "Booth" WHERE "fairId" = $1 AND "approvedAt" IS NOT NULL`, [fairId])).length).toBe(1)

  // ── The exporter proposes a showcase; the organizer places it at 10:30 fair time on day 2 ──
  await exporter.goto(`/fairs/${slug}/register`)
  await expect(exporter.getByTestId('registration-status')).toContainText('Approved')
  await exporter.getByLabel('Showcase title').fill('E2E buckwheat showcase')
  await exporter.getByRole('button', { name: 'Propose' }).click()
  await expect(exporter.getByText('E2E buckwheat showcase')).toBeVisible()
  await organizer.reload()
  await organizer.getByLabel('Start of E2E buckwheat showcase').fill(`${fairDay(2)}T10:30`)
  await organizer.getByRole('button', { name: 'Place E2E buckwheat showcase' }).click()
  await expect(organizer.getByRole('button', { name: 'Withdraw approval' })).toBeVisible()
  const [session] = await q<{ id: string; scheduledStartAt: Date; approvedAt: Date | null }>(
    `SELECT "id", "scheduledStartAt", "approvedAt" FROM "LiveSession" WHERE "fairId" = $1`,
    [fairId],
  )
  expect(session!.approvedAt).not.toBeNull()
  expect(session!.scheduledStartAt.toISOString()).toBe(new Date(`${fairDay(2)}T01:30:00Z`).toISOString())

  // ── The buyer sees it in New York time, with Seoul time beside it ──
  await buyer.goto(`/fairs/${slug}`)
  const fields = { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' } as const
  const local = new Intl.DateTimeFormat('en', { ...fields, timeZone: BUYER_ZONE }).format(session!.scheduledStartAt)
  const fairTime = new Intl.DateTimeFormat('en', { ...fields, timeZone: FAIR_ZONE }).format(session!.scheduledStartAt)
  await expect(buyer.getByTestId(`session-time-${session!.id}`)).toHaveText(local)
  await expect(buyer.getByTestId(`session-fair-time-${session!.id}`)).toHaveText(`(fair time ${fairTime})`)
  // A visitor without an account reaches the fair and the booth.
  const guestContext = await browser.newContext({ baseURL: BASE })
  const guest = await guestContext.newPage()
  await guest.goto(`/fairs/${slug}`)
  await expect(guest.getByRole('heading', { level: 1, name: 'E2E Export Fair' })).toBeVisible()
  await expect(guest.getByRole('link', { name: 'Sign up free to meet exhibitors' })).toBeVisible()
  await guest.getByRole('link', { name: registrants[0]!.name }).click()
  await expect(guest.getByRole('heading', { level: 1, name: registrants[0]!.name })).toBeVisible()
  await expect(guest.getByText('E2E buckwheat showcase')).toBeVisible()
  await guestContext.close()

  // ── Activity with values, written straight to the database ──
  const [ids] = await q<{ companyId: string; buyerId: string; productId: string; userId: string }>(
    `SELECT c."id" AS "companyId", bp."id" AS "buyerId", p."id" AS "productId", u."id" AS "userId"
     FROM "ExporterCompany" c JOIN "ExporterMember" em ON em."companyId" = c."id" JOIN "User" u ON u."id" = em."userId"
     JOIN "Product" p ON p."companyId" = c."id" CROSS JOIN "BuyerProfile" bp JOIN "User" bu ON bu."id" = bp."userId"
     WHERE u."email" = 'exporter@tradecast.dev' AND bu."email" = 'buyer@tradecast.dev' LIMIT 1`,
  )
  const other = await q<{ id: string }>(`SELECT "id" FROM "BuyerProfile" ORDER BY "id" LIMIT 3`)
  const inquiry = async (status: string, buyerId: string, consultation: number | null, contract: number | null, wonAt: Date | null = null) => {
    const id = `e2e-inq-${Math.random().toString(36).slice(2)}`
    await db!.query(
      `INSERT INTO "Inquiry" ("id","buyerId","companyId","productId","fairId","liveSessionId","status","quantity","destinationCountry","message","consultationValueUsdCents","contractValueUsdCents","contractSignedAt","updatedAt")
       VALUES ($1,$2,$3,$4,$5,$6,$7,500,'US','e2e',$8,$9,$10,now())`,
      [id, buyerId, ids!.companyId, ids!.productId, fairId, session!.id, status, consultation, contract, wonAt],
    )
    return id
  }
  await inquiry('CONSULTATION', ids!.buyerId, 150_000, null)
  await inquiry('CONTRACT_SIGNED', other[0]!.id, 420_000, 3_500_000, new Date())
  const quoted = await inquiry('SHIPPED', other[1]!.id, null, null, new Date())
  await db!.query(
    `INSERT INTO "Quote" ("id","inquiryId","unitPriceMinor","currency","quantity","validUntil","createdById") VALUES ($1,$2,12000,'KRW',500,now() + interval '30 days',$3)`,
    [`e2e-q-${Date.now()}`, quoted, ids!.userId],
  )
  await inquiry('LOST', other[2]!.id, 80_000, 999_999)
  const meeting = async (status: string, buyerId: string, consultation: number | null, contract: number | null) =>
    db!.query(
      `INSERT INTO "Meeting" ("id","buyerId","companyId","fairId","status","startsAt","endsAt","requestedById","consultationValueUsdCents","contractValueUsdCents","updatedAt")
       VALUES ($1,$2,$3,$4,$5,now(),now() + interval '30 minutes',$6,$7,$8,now())`,
      [`e2e-m-${Math.random().toString(36).slice(2)}`, buyerId, ids!.companyId, fairId, status, ids!.userId, consultation, contract],
    )
  await meeting('HELD', ids!.buyerId, 600_000, 2_000_000)
  await meeting('REQUESTED', other[0]!.id, 50_000, null)
  await meeting('HELD', other[1]!.id, null, null)
  await db!.query(`UPDATE "LiveSession" SET "uniqueViewers" = 57, "peakViewers" = 23, "watchSeconds" = 41400 WHERE "id" = $1`, [session!.id])

  // ── Expected figures, computed here from the rows ──
  const inquiries = await q<{ id: string; status: string; consultation: string | null; contract: string | null; wonAt: Date | null }>(
    `SELECT "id", "status", "consultationValueUsdCents" AS "consultation", "contractValueUsdCents" AS "contract", "contractSignedAt" AS "wonAt" FROM "Inquiry" WHERE "fairId" = $1`,
    [fairId],
  )
  const meetings = await q<{ status: string; consultation: string | null; contract: string | null }>(
    `SELECT "status", "consultationValueUsdCents" AS "consultation", "contractValueUsdCents" AS "contract" FROM "Meeting" WHERE "fairId" = $1`,
    [fairId],
  )
  const quotes = await q<{ inquiryId: string; unitPriceMinor: number; currency: string; quantity: number }>(`SELECT * FROM "Quote" WHERE "inquiryId" = $1`, [
    quoted,
  ])
  const rates = await q<{ usdPerUnit: string; validFrom: Date }>(`SELECT "usdPerUnit", "validFrom" FROM "ExchangeRate" WHERE "currency" = 'KRW'`)
  const wonAt = inquiries.find((i) => i.id === quoted)!.wonAt!
  const rate = rates.filter((r) => r.validFrom <= wonAt).sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime())[0]!
  const quote = quotes[0]!
  const converted = Math.round(quote.unitPriceMinor * quote.quantity * Number(rate.usdPerUnit) * 100) // KRW has no minor digits
  const held = meetings.filter((m) => m.status === 'HELD')
  const cents = (v: string | null) => Number(v ?? 0)
  const consultationValue = [...inquiries, ...held].reduce((t, r) => t + cents(r.consultation), 0)
  const contractValue =
    inquiries
      .filter((i) => i.status === 'CONTRACT_SIGNED' || i.status === 'SHIPPED')
      .reduce((t, i) => t + (i.contract === null ? converted : cents(i.contract)), 0) + held.reduce((t, m) => t + cents(m.contract), 0)
  const usd = (c: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 }).format(c / 100)

  await organizer.goto(`/organizer/fairs/${fairId}/dashboard`)
  await expect(organizer.getByRole('heading', { level: 1 })).toContainText('export results')
  await expect(organizer.getByTestId('kpi-buyers')).toHaveText('1')
  await expect(organizer.getByTestId('kpi-exporters')).toHaveText('1')
  await expect(organizer.getByTestId('kpi-inquiries')).toHaveText(String(inquiries.length))
  await expect(organizer.getByTestId('kpi-consultations')).toHaveText(String(inquiries.length + held.length))
  await expect(organizer.getByTestId('kpi-meetings-requested')).toHaveText(String(meetings.length))
  await expect(organizer.getByTestId('kpi-meetings-held')).toHaveText(String(held.length))
  await expect(organizer.getByTestId('kpi-consultation-value')).toHaveText(usd(consultationValue))
  await expect(organizer.getByTestId('kpi-contract-value')).toHaveText(usd(contractValue))
  await expect(organizer.getByTestId('kpi-unique-viewers')).toHaveText('57')
  await expect(organizer.getByTestId('kpi-peak-viewers')).toHaveText('23')
  await expect(organizer.getByTestId('kpi-watch-hours')).toHaveText('11.5')
  await expect(organizer.getByTestId('funnel-won')).toHaveText(
    String(inquiries.filter((i) => i.status === 'CONTRACT_SIGNED' || i.status === 'SHIPPED').length + held.filter((m) => cents(m.contract) > 0).length),
  )
  await expect(organizer.getByRole('img', { name: /Viewers: 57/ })).toBeVisible()
  // Outcome stages: signed contracts apart from those still pursued (none here) and shipped ones.
  const signed = inquiries.filter((i) => i.status === 'CONTRACT_SIGNED' || i.status === 'SHIPPED').length + held.filter((m) => cents(m.contract) > 0).length
  await expect(organizer.getByTestId('outcome-signed')).toContainText(usd(contractValue))
  await expect(organizer.getByTestId('outcome-signed')).toContainText(`${signed} deals`)
  await expect(organizer.getByTestId('outcome-reached-CONTRACT_SIGNED')).toHaveText(String(signed))
  await expect(organizer.getByTestId('outcome-current-SHIPPED')).toHaveText(String(inquiries.filter((i) => i.status === 'SHIPPED').length))
  // The CSV export has one row per consultation.
  const csv = await organizer.request.get(`${BASE}/organizer/fairs/${fairId}/export.csv`)
  expect(csv.status()).toBe(200)
  expect((await csv.text()).trim().split('\n')).toHaveLength(1 + inquiries.length + held.length)
  // The exporter may not open it.
  expect((await exporter.request.get(`${BASE}/organizer/fairs/${fairId}/dashboard`)).status()).toBe(403)
  expect(pageErrors, 'console errors').toEqual([])
})

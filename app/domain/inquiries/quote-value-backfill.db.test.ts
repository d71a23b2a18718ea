// The outcome-stages migration (prisma/migrations/20261205104000_outcome_stages) on a database holding deals of
// every old status: a fresh database migrated up to just before it, old rows written in the old schema, then the
// remaining migrations applied. PGlite in the unit project; a scratch PostgreSQL database in the db project.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PrismaClient } from '~/generated/prisma/client'
import { PRICE_CURRENCIES } from '~/domain/catalog/product-rules'
import { applyMigrations, openDatabase, type OpenedDatabase } from '../../../prisma/engine/database.ts'
import { PGLITE_MEMORY, projectRoot } from '../../../prisma/engine/database-url.ts'
import { createScratchDatabase, dropScratchDatabase } from '../../../tests/postgres.ts'
import { quoteUsdCents } from './pipeline'

const OUTCOME_STAGES = '20261205104000_outcome_stages'
const migrationsDir = path.join(projectRoot, 'prisma/migrations')
const adminUrl = process.env.TEST_POSTGRES_URL
const onPostgres = Boolean(adminUrl && process.env.DATABASE_URL)
const scratchName = `tradecast_quote_backfill_${process.pid}_${Date.now()}`

const day = (iso: string) => new Date(`${iso}T12:00:00Z`)

type OldDeal = {
  id: string
  status: 'NEW' | 'QUOTED' | 'SAMPLE_SENT' | 'NEGOTIATING' | 'WON' | 'LOST'
  /** Quotes, oldest first; the expected value is the last one's at `rate` (the rate valid on its date). */
  quotes: Array<{ unitPriceMinor: number; currency: string; quantity: number; at: string }>
  rate: string | null
  sampleSentAt?: string
}

// Rates: EUR changes on 2026-06-01 (a quote before it keeps the older rate); MNT's first rate comes after its quote.
const RATES = [
  { currency: 'EUR', usdPerUnit: '1.05000000', validFrom: '2026-01-01' },
  { currency: 'EUR', usdPerUnit: '1.10000000', validFrom: '2026-06-01' },
  { currency: 'KRW', usdPerUnit: '0.00072000', validFrom: '2026-01-01' },
  { currency: 'JPY', usdPerUnit: '0.00665000', validFrom: '2026-01-01' },
  { currency: 'VND', usdPerUnit: '0.00003900', validFrom: '2026-01-01' },
  { currency: 'CNY', usdPerUnit: '0.13800000', validFrom: '2026-01-01' },
  { currency: 'RUB', usdPerUnit: '0.01100000', validFrom: '2026-01-01' },
  { currency: 'MNT', usdPerUnit: '0.00029000', validFrom: '2026-09-01' },
]

const DEALS: OldDeal[] = [
  { id: 'd_new', status: 'NEW', quotes: [{ unitPriceMinor: 1995, currency: 'USD', quantity: 700, at: '2026-05-02' }], rate: '1' },
  { id: 'd_quoted', status: 'QUOTED', quotes: [{ unitPriceMinor: 1250, currency: 'EUR', quantity: 1000, at: '2026-05-02' }], rate: '1.05000000' },
  {
    id: 'd_sample',
    status: 'SAMPLE_SENT',
    quotes: [
      { unitPriceMinor: 900, currency: 'EUR', quantity: 10, at: '2026-06-10' },
      { unitPriceMinor: 15_000, currency: 'KRW', quantity: 333, at: '2026-07-01' },
    ],
    rate: '0.00072000',
    sampleSentAt: '2026-07-05',
  },
  { id: 'd_negotiating', status: 'NEGOTIATING', quotes: [{ unitPriceMinor: 480, currency: 'JPY', quantity: 2500, at: '2026-07-03' }], rate: '0.00665000' },
  { id: 'd_won', status: 'WON', quotes: [{ unitPriceMinor: 9, currency: 'EUR', quantity: 10, at: '2026-06-10' }], rate: '1.10000000' },
  { id: 'd_lost', status: 'LOST', quotes: [{ unitPriceMinor: 125_000, currency: 'VND', quantity: 40_000, at: '2026-08-01' }], rate: '0.00003900' },
  { id: 'd_cny', status: 'QUOTED', quotes: [{ unitPriceMinor: 3333, currency: 'CNY', quantity: 77, at: '2026-08-01' }], rate: '0.13800000' },
  { id: 'd_rub', status: 'NEGOTIATING', quotes: [{ unitPriceMinor: 99_999, currency: 'RUB', quantity: 3, at: '2026-08-01' }], rate: '0.01100000' },
  // No MNT rate yet on the quote's date: stays NULL (the KPIs count it unconverted), even with an older quote convertible.
  {
    id: 'd_no_rate',
    status: 'QUOTED',
    quotes: [
      { unitPriceMinor: 100, currency: 'USD', quantity: 5, at: '2026-04-01' },
      { unitPriceMinor: 250_000, currency: 'MNT', quantity: 10, at: '2026-08-01' },
    ],
    rate: null,
  },
  { id: 'd_no_quote', status: 'NEW', quotes: [], rate: null },
]

const NEW_STATUS = { NEW: 'CONSULTATION', QUOTED: 'QUOTE', SAMPLE_SENT: 'SAMPLE', WON: 'CONTRACT_SIGNED', LOST: 'LOST' } as const

let tmp: string
let database: OpenedDatabase
let prisma: PrismaClient

beforeAll(async () => {
  // The migrations before outcome stages, in a folder of their own.
  tmp = await mkdtemp(path.join(tmpdir(), 'quote-backfill-'))
  const before = path.join(tmp, 'migrations')
  await cp(path.join(migrationsDir, 'migration_lock.toml'), path.join(before, 'migration_lock.toml'))
  for (const name of await readdir(migrationsDir)) {
    if (/^\d{14}_/.test(name) && name < OUTCOME_STAGES) await cp(path.join(migrationsDir, name), path.join(before, name), { recursive: true })
  }
  database = await openDatabase(
    onPostgres ? { kind: 'postgres', url: await createScratchDatabase(adminUrl!, scratchName) } : { kind: 'pglite', dataDir: PGLITE_MEMORY },
  )
  await applyMigrations(database, before)
  prisma = new PrismaClient({ adapter: database.adapter })

  // Rows in the old schema. The parties do not matter here: a buyer and an exporter written with foreign keys off
  // (their user accounts are left out); the deals refer to them.
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`)
    await tx.$executeRaw`INSERT INTO "BuyerProfile" ("id", "userId", "companyName", "country", "businessType", "updatedAt")
      VALUES ('buyer', 'buyer-user', 'Old Buyer GmbH', 'DE', 'IMPORTER', ${day('2026-01-01')})`
    await tx.$executeRaw`INSERT INTO "ExporterCompany" ("id", "slug", "name", "region", "industry", "updatedAt")
      VALUES ('company', 'old-exporter', 'Old Exporter', 'Seoul', 'Food', ${day('2026-01-01')})`
  })
  await prisma.$transaction(async (tx) => {
    for (const [index, rate] of RATES.entries()) {
      await tx.$executeRaw`INSERT INTO "ExchangeRate" ("id", "currency", "usdPerUnit", "validFrom") VALUES (${`r${index}`}, ${rate.currency}, ${rate.usdPerUnit}::numeric, ${day(rate.validFrom)})`
    }
    for (const deal of DEALS) {
      await tx.$executeRaw`INSERT INTO "Inquiry" ("id", "buyerId", "companyId", "status", "quantity", "destinationCountry", "message", "sampleSentAt", "updatedAt")
        VALUES (${deal.id}, 'buyer', 'company', ${deal.status}::"InquiryStatus", 1, 'DE', 'old deal', ${deal.sampleSentAt ? day(deal.sampleSentAt) : null}, ${day('2026-08-02')})`
      for (const [index, quote] of deal.quotes.entries()) {
        await tx.$executeRaw`INSERT INTO "Quote" ("id", "inquiryId", "unitPriceMinor", "currency", "quantity", "validUntil", "createdById", "createdAt")
          VALUES (${`${deal.id}_q${index}`}, ${deal.id}, ${quote.unitPriceMinor}, ${quote.currency}, ${quote.quantity}, ${day('2026-12-31')}, 'exporter', ${day(quote.at)})`
      }
    }
  })
  await applyMigrations(database, migrationsDir)
})

afterAll(async () => {
  await prisma.$disconnect()
  await database.close()
  if (onPostgres) await dropScratchDatabase(adminUrl!, scratchName)
  await rm(tmp, { recursive: true, force: true })
})

describe(`migration ${OUTCOME_STAGES}`, () => {
  it('covers every currency a quote may use', () => {
    const quoted = new Set(DEALS.flatMap((deal) => deal.quotes.map((quote) => quote.currency)))
    expect([...PRICE_CURRENCIES].filter((currency) => !quoted.has(currency))).toEqual([])
  })

  it("fills each old deal's quote value from its latest quote at that date's rate, as addQuote computes it", async () => {
    const rows = await prisma.inquiry.findMany({ select: { id: true, status: true, quoteValueUsdCents: true }, orderBy: { id: 'asc' } })
    expect(rows).toHaveLength(DEALS.length)
    for (const deal of DEALS) {
      const latest = deal.quotes.at(-1)
      const expected = latest && deal.rate !== null ? quoteUsdCents(latest.unitPriceMinor, latest.quantity, latest.currency, deal.rate) : null
      const row = rows.find((r) => r.id === deal.id)
      expect({ id: deal.id, value: row?.quoteValueUsdCents }).toEqual({ id: deal.id, value: expected })
      if (latest && deal.rate !== null) expect(expected).toBeGreaterThan(0n)
    }
    // Two checked by hand: 12.50 EUR × 1000 at 1.05 = 13,125 USD; 0.09 EUR × 10 at 1.10 = 0.99 USD.
    expect(rows.find((r) => r.id === 'd_quoted')?.quoteValueUsdCents).toBe(1_312_500n)
    expect(rows.find((r) => r.id === 'd_won')?.quoteValueUsdCents).toBe(99n)
  })

  it('moves each old status to its outcome stage', async () => {
    const rows = await prisma.inquiry.findMany({ select: { id: true, status: true } })
    const stageOf = (id: string) => rows.find((r) => r.id === id)?.status
    for (const deal of DEALS) {
      const expected = deal.status === 'NEGOTIATING' ? (deal.sampleSentAt ? 'SAMPLE' : 'QUOTE') : NEW_STATUS[deal.status]
      expect({ id: deal.id, status: stageOf(deal.id) }).toEqual({ id: deal.id, status: expected })
    }
  })
})

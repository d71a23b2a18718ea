import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createProduct, createUser } from '../../../tests/fixtures'
import { getRequest } from '../../../tests/http'
import { expectedOutcomeFunnel } from '../../../tests/outcome-funnel-expected'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { buildConsultationCsv } from './export.server'
import { listConsultationRows } from './kpis.server'
import { outcomeFunnel } from './outcome-funnel.server'
import { getExporterResults } from '~/domain/exporters/results.server'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { recordOutcome } from '~/domain/meetings/meetings.server'
import { OutcomeSchema } from '~/domain/meetings/schemas'
import { loader as dashboardLoader } from '~/routes/organizer/fairs/dashboard'

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

const day = (iso: string) => new Date(`${iso}T09:00:00Z`)

/** A fair with deals at every outcome stage, a lost one that had reached LOI, held meetings, and rows of another fair. */
async function setup() {
  const prisma = await getPrisma()
  const organizer = await createUser('ORGANIZER')
  const fair = await prisma.tradeFair.create({
    data: {
      slug: `outcome-${Math.random().toString(36).slice(2, 10)}`,
      name: 'Outcome Expo',
      startsAt: new Date('2026-07-01T00:00:00Z'),
      endsAt: new Date('2026-07-05T09:00:00Z'),
      timeZone: 'Asia/Seoul',
      status: 'LIVE',
      organizerId: organizer.user.id,
    },
  })
  const otherFair = await prisma.tradeFair.create({
    data: {
      slug: `${fair.slug}-b`,
      name: 'Other',
      startsAt: fair.startsAt,
      endsAt: fair.endsAt,
      timeZone: 'UTC',
      status: 'LIVE',
      organizerId: organizer.user.id,
    },
  })
  const a = await createExporter({ companyName: 'Alpha Foods' })
  const b = await createExporter({ companyName: 'Beta Beauty' })
  const pa = await createProduct(a.company.id, { name: 'Noodles', hsCode: '190230' })
  const pb = await createProduct(b.company.id, { name: 'Serum', hsCode: '330499' })
  const buyer = await createBuyer({ country: 'US' })
  const base = { quantity: 100, destinationCountry: 'US', message: 'x', buyerId: buyer.profile.id, fairId: fair.id }
  const deal = (companyId: string, productId: string, data: Record<string, unknown>) =>
    prisma.inquiry.create({ data: { ...base, companyId, productId, ...data } })
  await deal(a.company.id, pa.id, { status: 'CONSULTATION', consultationValueUsdCents: 150_000n })
  await deal(a.company.id, pa.id, { status: 'CONSULTATION' })
  await deal(a.company.id, pa.id, { status: 'QUOTE', quotedAt: day('2026-07-02'), quoteValueUsdCents: 1_200_000n })
  await deal(b.company.id, pb.id, { status: 'SAMPLE', quotedAt: day('2026-07-02'), sampleSentAt: day('2026-07-03'), quoteValueUsdCents: 800_000n })
  await deal(b.company.id, pb.id, {
    status: 'LOI',
    quotedAt: day('2026-07-02'),
    loiAt: day('2026-07-04'),
    quoteValueUsdCents: 900_000n,
    loiValueUsdCents: 850_000n,
  })
  await deal(a.company.id, pa.id, {
    status: 'CONTRACT_SIGNED',
    quotedAt: day('2026-07-02'),
    contractSignedAt: day('2026-07-05'),
    quoteValueUsdCents: 600_000n,
    contractValueUsdCents: 550_000n,
  })
  // Signed without a recorded contract value: its latest quote (USD) stands for it.
  const unpriced = await deal(b.company.id, pb.id, { status: 'CONTRACT_SIGNED', contractSignedAt: day('2026-07-05') })
  await prisma.quote.create({
    data: { inquiryId: unpriced.id, unitPriceMinor: 1_250, currency: 'USD', quantity: 100, validUntil: new Date('2027-01-01'), createdById: b.user.id },
  })
  await deal(b.company.id, pb.id, {
    status: 'SHIPPED',
    quotedAt: day('2026-07-02'),
    sampleSentAt: day('2026-07-03'),
    loiAt: day('2026-07-04'),
    contractSignedAt: day('2026-07-05'),
    shippedAt: day('2026-07-20'),
    contractValueUsdCents: 4_000_000n,
    shippedValueUsdCents: 3_900_000n,
  })
  // Lost after its letter of intent: it counts where it got to, and in no value.
  await deal(a.company.id, pa.id, {
    status: 'LOST',
    quotedAt: day('2026-07-02'),
    loiAt: day('2026-07-04'),
    lostAt: day('2026-07-06'),
    quoteValueUsdCents: 700_000n,
    loiValueUsdCents: 650_000n,
  })
  const meeting = (companyId: string, status: 'HELD' | 'ACCEPTED', values: Record<string, bigint>) =>
    prisma.meeting.create({
      data: {
        buyerId: buyer.profile.id,
        companyId,
        fairId: fair.id,
        status,
        startsAt: day('2026-07-02'),
        endsAt: day('2026-07-02'),
        requestedById: buyer.user.id,
        ...values,
      },
    })
  await meeting(a.company.id, 'HELD', { consultationValueUsdCents: 300_000n, expectedContractValueUsdCents: 2_000_000n })
  await meeting(b.company.id, 'HELD', { consultationValueUsdCents: 100_000n, expectedContractValueUsdCents: 500_000n, contractValueUsdCents: 450_000n })
  await meeting(a.company.id, 'ACCEPTED', { expectedContractValueUsdCents: 9_999_900n }) // not held: no deal
  // Another fair's deal, and a deal outside any fair.
  await prisma.inquiry.create({
    data: {
      ...base,
      fairId: otherFair.id,
      companyId: a.company.id,
      productId: pa.id,
      status: 'SHIPPED',
      shippedAt: day('2026-07-20'),
      contractValueUsdCents: 7_777_700n,
    },
  })
  await prisma.inquiry.create({ data: { ...base, fairId: null, companyId: a.company.id, productId: pa.id, status: 'LOI', loiValueUsdCents: 5_555_500n } })
  return { prisma, organizer, fair, a, b }
}

describe('outcome funnel', () => {
  it('equals the counts and sums computed from the rows, for the fair and for each exporter', async () => {
    const { prisma, fair, a, b } = await setup()
    const funnel = await outcomeFunnel({ fairId: fair.id })
    expect(funnel).toEqual(await expectedOutcomeFunnel(prisma, { fairId: fair.id }))
    for (const company of [a, b]) {
      expect(await outcomeFunnel({ fairId: fair.id, companyId: company.company.id })).toEqual(
        await expectedOutcomeFunnel(prisma, { fairId: fair.id, companyId: company.company.id }),
      )
    }
    // The figures this fixture was built for, stated once so a wrong helper cannot agree with wrong SQL.
    expect(funnel.deals).toBe(11)
    expect(funnel.stages.map((s) => [s.stage, s.reached, s.current])).toEqual([
      ['CONSULTATION', 11, 3],
      ['QUOTE', 8, 1],
      ['SAMPLE', 7, 1],
      ['LOI', 6, 1],
      ['CONTRACT_SIGNED', 4, 3],
      ['SHIPPED', 1, 1],
    ])
    expect(funnel.lost).toBe(1)
    expect(funnel.pursued).toEqual({ count: 4, usdCents: 1_200_000 + 800_000 + 850_000 + 2_000_000, fromMeetingsUsdCents: 2_000_000 })
    expect(funnel.signed).toEqual({ count: 4, usdCents: 550_000 + 125_000 + 4_000_000 + 450_000 })
    expect(funnel.shipped).toEqual({ count: 1, usdCents: 3_900_000 })
  })

  it('reaches the organizer page, the exporter results and the CSV with the same figures', async () => {
    const { organizer, fair, a } = await setup()
    const page = (await dashboardLoader({
      request: getRequest(`/organizer/fairs/${fair.id}/dashboard`, [organizer.cookie]),
      params: { fairId: fair.id },
    } as never)) as {
      kpis: { outcomes: unknown }
    }
    expect(page.kpis.outcomes).toEqual(await outcomeFunnel({ fairId: fair.id }))
    const results = await getExporterResults(a.company.id, { fairId: fair.id, locale: 'en' })
    expect(results.outcomes).toEqual(await outcomeFunnel({ fairId: fair.id, companyId: a.company.id }))

    // The export's per-row pursued and shipped values add up to the funnel's (meetings' expected values included).
    const rows = await listConsultationRows(fair.id, { locale: 'en', timeZone: 'Asia/Seoul' })
    const funnel = await outcomeFunnel({ fairId: fair.id })
    expect(rows.reduce((t, r) => t + r.pursuedUsdCents, 0)).toBe(funnel.pursued.usdCents)
    expect(rows.reduce((t, r) => t + r.shippedUsdCents, 0)).toBe(funnel.shipped.usdCents)
    expect(rows.reduce((t, r) => t + r.contractUsdCents, 0)).toBe(funnel.signed.usdCents)
    const csv = (await buildConsultationCsv(fair.id, 'en')).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
    expect(csv[0]).toBe(
      'Date,Type,Exporter,Buyer,Buyer country,Product,HS code,Consultation value (USD),Contract value (USD),Status,Value being pursued (USD),Shipped value (USD)',
    )
    expect(csv.some((line) => line.includes(',Shipped,0.00,39000.00'))).toBe(true)
    expect(csv.some((line) => line.includes(',Letter of intent (LOI),8500.00,0.00'))).toBe(true)
  })

  it('takes a signed contract from a held meeting’s outcome: that deal moves to CONTRACT_SIGNED (never from a no-show)', async () => {
    const { prisma, fair, a } = await setup()
    const buyer = await createBuyer({ country: 'DE' })
    const session = await getOptionalUser(getRequest('/meetings', [buyer.cookie]))
    if (!session) throw new Error('no session user')
    const meeting = await prisma.meeting.create({
      data: {
        buyerId: buyer.profile.id,
        companyId: a.company.id,
        fairId: fair.id,
        status: 'ACCEPTED',
        startsAt: day('2026-07-02'),
        endsAt: day('2026-07-02'),
        requestedById: buyer.user.id,
        expectedContractValueUsdCents: 1_000_000n,
      },
    })
    expect(OutcomeSchema.safeParse({ intent: 'outcome', status: 'NO_SHOW', contractValueUsd: '10' }).error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['contractValueUsd'], 'outcomes.errors.meetingContractHeld'],
    ])
    const before = await outcomeFunnel({ fairId: fair.id })
    await recordOutcome(
      session,
      meeting.id,
      OutcomeSchema.parse({ intent: 'outcome', status: 'HELD', contractValueUsd: '9000' }),
      new Date('2026-07-03T00:00:00Z'),
    )
    const after = await outcomeFunnel({ fairId: fair.id })
    expect(after).toEqual(await expectedOutcomeFunnel(prisma, { fairId: fair.id }))
    expect(after.deals).toBe(before.deals + 1)
    expect(after.signed).toEqual({ count: before.signed.count + 1, usdCents: before.signed.usdCents + 900_000 })
    // Signed, so its expected value no longer counts as pursued.
    expect(after.pursued).toEqual(before.pursued)
  })
})

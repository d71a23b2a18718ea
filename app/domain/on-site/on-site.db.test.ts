import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createUser, sessionUserOf } from '../../../tests/fixtures'
import { caught, getRequest, postAction } from '../../../tests/http'
import { useTestHooksAndDatabase } from '../../../tests/test-hooks'
import { getPrisma } from '~/domain/db.server'
import { acceptMeeting, cancelMeeting, declineMeeting } from '~/domain/meetings/meetings.server'
import { saveWebhook, sweepCompanyLeads } from '~/domain/leads/webhooks.server'
import { action as boothScanAction } from '~/routes/exporter/booth-scan-scans'
import { loader as boothCsvLoader } from '~/routes/exporter/on-site-leads-csv'
import { loader as webhookLoader } from '~/routes/exporter/leads-webhook'
import { loader as badgePdfLoader } from '~/routes/fairs/badge-pdf'
import { loader as meetingsLoader } from '~/routes/meetings/index'
import { action as checkInAction } from '~/routes/organizer/fairs/check-in-scans'
import { action as onSiteAction } from '~/routes/organizer/fairs/on-site'
import { TEST_CLOCK_COOKIE } from '~/utils/clock.server'
import { badgeNumber, badgeToken } from './badge-token.server'
import { getOwnBadge } from './badges.server'
import { listBoothLeads, recordBoothLead } from './booth-leads.server'
import { checkInBadge } from './check-in.server'
import { onSiteKpis } from './kpis.server'
import { assignMeetingTables, moveMeetingToTable, setMeetingTables, tablesBySlot } from './tables.server'

// Hybrid fairs on site (docs/fair-on-site.md): badges, the idempotent check-in, booth leads and the venue's
// meeting tables, against the database (PGlite by default, PostgreSQL in the db project).

useTestHooksAndDatabase()

const NOW = new Date('2026-05-02T01:00:00Z')
const clock = `${TEST_CLOCK_COOKIE}=${encodeURIComponent(NOW.toISOString())}`
const scanId = () => randomUUID()

async function onSiteFair() {
  const prisma = await getPrisma()
  const organizer = await createUser('ORGANIZER')
  const fair = await prisma.tradeFair.create({
    data: {
      slug: `onsite-${randomUUID().slice(0, 8)}`,
      name: 'On-site Expo',
      startsAt: new Date('2026-05-01T00:00:00Z'),
      endsAt: new Date('2026-05-03T09:00:00Z'),
      timeZone: 'Asia/Seoul',
      status: 'OPEN',
      organizerId: organizer.user.id,
    },
  })
  const buyer = await createBuyer({ country: 'MN', companyName: '몽골 수입상사' })
  const buyerReg = await prisma.fairRegistration.create({ data: { fairId: fair.id, userId: buyer.user.id, kind: 'BUYER', status: 'APPROVED' } })
  const exporter = await createExporter({ companyName: '설악식품' })
  const exporterReg = await prisma.fairRegistration.create({
    data: { fairId: fair.id, userId: exporter.user.id, kind: 'EXHIBITOR', status: 'APPROVED', companyId: exporter.company.id },
  })
  await prisma.booth.create({ data: { fairId: fair.id, companyId: exporter.company.id, code: 'A-12', approvedAt: NOW } })
  return { prisma, organizer, fair, buyer, buyerReg, exporter, exporterReg }
}

async function postScan(
  handler: typeof checkInAction | typeof boothScanAction,
  path: string,
  cookie: string,
  fields: Record<string, string>,
  params: Record<string, string>,
) {
  const response = (await postAction(handler, path, [cookie, clock], { intent: 'scan', scannedAt: String(NOW.getTime()), ...fields }, params)) as Response
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('badges', () => {
  it('an approved registrant gets a badge; a pending one none; the PDF renders a Korean name', async () => {
    const { prisma, fair, buyer } = await onSiteFair()
    const badge = await getOwnBadge(buyer.user.id, fair.slug, { locale: 'ko' })
    expect(badge.attendee).toEqual({ name: buyer.user.name, company: '몽골 수입상사', kind: 'BUYER' })
    expect(badge.token).toBe(badgeToken({ id: badge.registrationId, fairId: fair.id }, fair))
    const pending = await createBuyer()
    await prisma.fairRegistration.create({ data: { fairId: fair.id, userId: pending.user.id, kind: 'BUYER' } })
    await expect(getOwnBadge(pending.user.id, fair.slug, { locale: 'en' })).rejects.toMatchObject({ code: 'badge-not-approved', status: 403 })
    const stranger = await createBuyer()
    await expect(getOwnBadge(stranger.user.id, fair.slug, { locale: 'en' })).rejects.toMatchObject({ status: 404 })

    const response = await badgePdfLoader({
      request: getRequest(`/fairs/${fair.slug}/badge.pdf`, [buyer.cookie]),
      params: { slug: fair.slug },
    } as never)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    const pdf = Buffer.from(await response.arrayBuffer())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    // The QR code is embedded as an image, and a CJK font is embedded for the name.
    expect(pdf.includes(Buffer.from('/Subtype /Image'))).toBe(true)
    expect(pdf.includes(Buffer.from('NotoSansCJK'))).toBe(true)
  })
})

describe('check-in', () => {
  it('checks a badge in once: the same scan sent again and a second scan of the badge count nothing more', async () => {
    const { fair, organizer, buyerReg, buyer } = await onSiteFair()
    const token = badgeToken(buyerReg, fair)
    const path = `/organizer/fairs/${fair.id}/check-in/scans`
    const first = scanId()
    const a = await postScan(checkInAction, path, organizer.cookie, { scanId: first, code: token }, { fairId: fair.id })
    expect(a).toMatchObject({
      status: 200,
      body: { state: 'checked-in', scanId: first, attendee: { name: buyer.user.name, kind: 'BUYER' }, at: NOW.toISOString() },
    })
    // The offline queue replays the same scan: the same answer, no second row.
    const replay = await postScan(checkInAction, path, organizer.cookie, { scanId: first, code: token }, { fairId: fair.id })
    expect(replay.body).toMatchObject({ state: 'checked-in', scanId: first })
    // Another desk scans the same badge: already checked in, with the first time.
    const again = await postScan(
      checkInAction,
      path,
      organizer.cookie,
      { scanId: scanId(), code: token, scannedAt: String(NOW.getTime() + 60_000) },
      { fairId: fair.id },
    )
    expect(again.body).toMatchObject({ state: 'already', at: NOW.toISOString() })
    // Typed by hand: the badge number (lower case and spaces forgiven).
    const number = badgeNumber(buyerReg)
    expect(number).toMatch(new RegExp(`^${buyerReg.id}-[A-Z2-7]{10}$`))
    const typed = await postScan(checkInAction, path, organizer.cookie, { scanId: scanId(), code: ` ${number.toLowerCase()} ` }, { fairId: fair.id })
    expect(typed.body).toMatchObject({ state: 'already' })
    expect((await onSiteKpis(fair.id)).checkedIn).toEqual({ buyers: 1, exhibitors: 0, total: 1 })
  })

  it('counts concurrent scans of one badge once', async () => {
    const { fair, organizer, exporterReg } = await onSiteFair()
    const token = badgeToken(exporterReg, fair)
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () =>
        checkInBadge({ fairId: fair.id, userId: organizer.user.id }, { scanId: scanId(), code: token, scannedAt: NOW.getTime() }, { now: NOW, locale: 'en' }),
      ),
    )
    expect(outcomes.filter((o) => o.state === 'checked-in')).toHaveLength(1)
    expect(outcomes.filter((o) => o.state === 'already')).toHaveLength(5)
    expect((await onSiteKpis(fair.id)).checkedIn).toEqual({ buyers: 0, exhibitors: 1, total: 1 })
  })

  it('refuses forged, expired, other-fair and withdrawn badges, and a device time out of bounds is not believed', async () => {
    const { prisma, fair, organizer, buyerReg } = await onSiteFair()
    const other = await onSiteFair()
    const path = `/organizer/fairs/${fair.id}/check-in/scans`
    const token = badgeToken(buyerReg, fair)
    const forged = token.replace(buyerReg.id, other.buyerReg.id)
    expect((await postScan(checkInAction, path, organizer.cookie, { scanId: scanId(), code: forged }, { fairId: fair.id })).body).toMatchObject({
      state: 'invalid',
      reason: 'onSite.errors.badge-invalid',
    })
    const otherFair = badgeToken(other.buyerReg, other.fair)
    expect(await postScan(checkInAction, path, organizer.cookie, { scanId: scanId(), code: otherFair }, { fairId: fair.id })).toMatchObject({
      status: 422,
      body: { reason: 'onSite.errors.badge-other-fair' },
    })
    // Another fair's badge number does not pass here (its code is made for its own fair).
    expect(await postScan(checkInAction, path, organizer.cookie, { scanId: scanId(), code: badgeNumber(other.buyerReg) }, { fairId: fair.id })).toMatchObject({
      body: { reason: 'onSite.errors.badge-invalid' },
    })
    await expect(
      checkInBadge(
        { fairId: fair.id, userId: organizer.user.id },
        { scanId: scanId(), code: token, scannedAt: NOW.getTime() },
        { now: new Date('2026-05-05T00:00:00Z'), locale: 'en' },
      ),
    ).rejects.toMatchObject({ code: 'badge-expired' })
    await prisma.fairRegistration.update({ where: { id: buyerReg.id }, data: { status: 'WITHDRAWN' } })
    expect(await postScan(checkInAction, path, organizer.cookie, { scanId: scanId(), code: token }, { fairId: fair.id })).toMatchObject({
      status: 410,
      body: { state: 'invalid', reason: 'onSite.errors.badge-revoked' },
    })
    expect(await postScan(checkInAction, path, organizer.cookie, { scanId: 'bad', code: token }, { fairId: fair.id })).toMatchObject({
      status: 400,
      body: { state: 'invalid', reason: 'onSite.errors.bad-scan' },
    })
    await prisma.fairRegistration.update({ where: { id: buyerReg.id }, data: { status: 'APPROVED' } })
    const wrongClock = await checkInBadge(
      { fairId: fair.id, userId: organizer.user.id },
      { scanId: scanId(), code: token, scannedAt: NOW.getTime() + 3 * 60 * 60 * 1000 },
      { now: NOW, locale: 'en' },
    )
    expect(wrongClock).toMatchObject({ state: 'checked-in', at: NOW.toISOString() })
    expect((await onSiteKpis(fair.id)).checkedIn.total).toBe(1)
  })

  it('only the fair’s organizer checks in: another organizer gets 404, an exporter or buyer 403', async () => {
    const { fair, buyerReg, exporter, buyer } = await onSiteFair()
    const path = `/organizer/fairs/${fair.id}/check-in/scans`
    const fields = { scanId: scanId(), code: badgeToken(buyerReg, fair) }
    const stranger = await createUser('ORGANIZER')
    expect((await caught(() => postScan(checkInAction, path, stranger.cookie, fields, { fairId: fair.id }))).status).toBe(404)
    expect((await caught(() => postScan(checkInAction, path, exporter.cookie, fields, { fairId: fair.id }))).status).toBe(403)
    expect((await caught(() => postScan(checkInAction, path, buyer.cookie, fields, { fairId: fair.id }))).status).toBe(403)
    expect((await onSiteKpis(fair.id)).checkedIn.total).toBe(0)
  })
})

describe('typed badge numbers', () => {
  it('are checked like the QR code: a bare registration id or a forged code is refused, and so are an expired badge and a withdrawn registration', async () => {
    const { prisma, fair, organizer, exporter, buyerReg } = await onSiteFair()
    const desk = `/organizer/fairs/${fair.id}/check-in/scans`
    const booth = `/exporter/fairs/${fair.id}/booth-scan/scans`
    const number = badgeNumber(buyerReg)
    const code = number.slice(number.lastIndexOf('-') + 1)
    const forged = [
      buyerReg.id,
      `${buyerReg.id}-AAAAAAAAAA`,
      `${buyerReg.id}-${code.slice(0, 9)}${code.endsWith('A') ? 'B' : 'A'}`,
      `${buyerReg.id}-${code}X`,
      `x-${code}`,
    ]
    for (const typed of forged) {
      expect(await postScan(checkInAction, desk, organizer.cookie, { scanId: scanId(), code: typed }, { fairId: fair.id })).toMatchObject({
        status: 422,
        body: { state: 'invalid', reason: 'onSite.errors.badge-invalid' },
      })
      expect(await postScan(boothScanAction, booth, exporter.cookie, { scanId: scanId(), code: typed }, { fairId: fair.id })).toMatchObject({
        status: 422,
        body: { reason: 'onSite.errors.badge-invalid' },
      })
    }
    // After the badge's expiry (a day after the fair ends) the printed number no more than the QR code.
    const late = new Date(fair.endsAt.getTime() + 24 * 60 * 60 * 1000 + 1000)
    await expect(
      recordBoothLead(
        { fairId: fair.id, companyId: exporter.company.id, userId: exporter.user.id },
        { scanId: scanId(), code: number, scannedAt: late.getTime(), note: '' },
        { now: late, locale: 'en' },
      ),
    ).rejects.toMatchObject({ code: 'badge-expired' })
    await expect(
      checkInBadge({ fairId: fair.id, userId: organizer.user.id }, { scanId: scanId(), code: number, scannedAt: late.getTime() }, { now: late, locale: 'en' }),
    ).rejects.toMatchObject({ code: 'badge-expired' })
    await prisma.fairRegistration.update({ where: { id: buyerReg.id }, data: { status: 'WITHDRAWN' } })
    expect(await postScan(boothScanAction, booth, exporter.cookie, { scanId: scanId(), code: number }, { fairId: fair.id })).toMatchObject({
      status: 410,
      body: { reason: 'onSite.errors.badge-revoked' },
    })
    expect((await listBoothLeads(exporter.company.id, fair.id)).leads).toEqual([])
    expect((await onSiteKpis(fair.id)).checkedIn.total).toBe(0)
    // While valid, the number works at the booth like the QR code.
    await prisma.fairRegistration.update({ where: { id: buyerReg.id }, data: { status: 'APPROVED' } })
    expect((await postScan(boothScanAction, booth, exporter.cookie, { scanId: scanId(), code: number }, { fairId: fair.id })).body).toMatchObject({
      state: 'lead-recorded',
    })
  })
})

describe('booth leads', () => {
  it('records a buyer scanned at the booth as an on-site lead with its note, once per buyer, in the list, CSV and webhook', async () => {
    const { fair, exporter, buyerReg, buyer, exporterReg } = await onSiteFair()
    const path = `/exporter/fairs/${fair.id}/booth-scan/scans`
    const token = badgeToken(buyerReg, fair)
    const first = scanId()
    const a = await postScan(boothScanAction, path, exporter.cookie, { scanId: first, code: token, note: '=HYPERLINK("x")' }, { fairId: fair.id })
    expect(a.body).toMatchObject({ state: 'lead-recorded', scanId: first, attendee: { name: buyer.user.name } })
    expect(
      (await postScan(boothScanAction, path, exporter.cookie, { scanId: first, code: token, note: '=HYPERLINK("x")' }, { fairId: fair.id })).body,
    ).toMatchObject({
      state: 'lead-recorded',
    })
    expect(
      (await postScan(boothScanAction, path, exporter.cookie, { scanId: scanId(), code: token, note: 'Wants 200 cartons of 황태 채' }, { fairId: fair.id }))
        .body,
    ).toMatchObject({
      state: 'lead-updated',
    })
    // Exhibitor staff are not leads.
    expect(
      await postScan(boothScanAction, path, exporter.cookie, { scanId: scanId(), code: badgeToken(exporterReg, fair) }, { fairId: fair.id }),
    ).toMatchObject({
      status: 422,
      body: { reason: 'onSite.errors.badge-not-a-buyer' },
    })
    const { leads } = await listBoothLeads(exporter.company.id, fair.id)
    expect(leads).toHaveLength(1)
    expect(leads[0]).toMatchObject({ leadUserId: buyer.user.id, note: '=HYPERLINK("x")\nWants 200 cartons of 황태 채', country: 'MN' })
    const csv = await (
      await boothCsvLoader({
        request: getRequest(`/exporter/fairs/${fair.id}/on-site-leads.csv`, [exporter.cookie]),
        params: { fairId: fair.id },
      } as never)
    ).text()
    expect(csv).toContain(buyer.user.email)
    expect(csv).toContain("'=HYPERLINK")
    expect(csv).toContain('ON_SITE')
    expect((await onSiteKpis(fair.id)).boothLeads).toBe(1)

    await saveWebhook(exporter.company.id, exporter.user.id, 'http://127.0.0.1:9/crm', { production: false })
    const created = await sweepCompanyLeads(exporter.company.id, NOW)
    expect(created).toHaveLength(1)
    const prisma = await getPrisma()
    const delivery = await prisma.leadWebhookDelivery.findUniqueOrThrow({ where: { id: created[0] } })
    expect(delivery).toMatchObject({ sessionId: `fair:${fair.id}`, leadUserId: buyer.user.id })
    expect(delivery.payload).toMatchObject({ type: 'lead.created', source: 'ON_SITE', fair: { id: fair.id }, lead: { email: buyer.user.email } })
    // A second sweep with nothing new sends nothing again.
    expect(await sweepCompanyLeads(exporter.company.id, NOW)).toEqual([])
    // The company's deliveries list names the fair, not the stored `fair:<id>` marker.
    const page = (await webhookLoader({ request: getRequest('/exporter/leads/webhook', [exporter.cookie]), params: {} } as never)) as {
      hook: { deliveries: Array<{ source: unknown }> }
    }
    expect(page.hook.deliveries.map((row) => row.source)).toEqual([{ kind: 'on-site', name: fair.name }])
    expect(JSON.stringify(page)).not.toContain(`fair:${fair.id}`)
  })

  it('is idempotent under concurrency: one scan flushed from two tabs gets one answer, concurrent scans of one buyer merge their notes', async () => {
    const { fair, exporter, buyerReg } = await onSiteFair()
    const actor = { fairId: fair.id, companyId: exporter.company.id, userId: exporter.user.id }
    const token = badgeToken(buyerReg, fair)
    const same = scanId()
    const replays = await Promise.all(
      Array.from({ length: 4 }, () =>
        recordBoothLead(actor, { scanId: same, code: token, scannedAt: NOW.getTime(), note: 'Samples' }, { now: NOW, locale: 'en' }),
      ),
    )
    expect(replays.map((o) => [o.state, o.scanId, 'at' in o ? o.at : null])).toEqual(
      Array.from({ length: 4 }, () => ['lead-recorded', same, NOW.toISOString()]),
    )

    const other = await createBuyer()
    const otherReg = await (await getPrisma()).fairRegistration.create({ data: { fairId: fair.id, userId: other.user.id, kind: 'BUYER', status: 'APPROVED' } })
    const notes = ['Wants 200 cartons', 'Asks for halal papers', 'Visit in June', 'Price list by mail']
    const outcomes = await Promise.all(
      notes.map((note) =>
        recordBoothLead(actor, { scanId: scanId(), code: badgeNumber(otherReg), scannedAt: NOW.getTime(), note }, { now: NOW, locale: 'en' }),
      ),
    )
    expect(outcomes.filter((o) => o.state === 'lead-recorded')).toHaveLength(1)
    expect(outcomes.filter((o) => o.state === 'lead-updated')).toHaveLength(3)
    const { leads } = await listBoothLeads(exporter.company.id, fair.id)
    expect(leads).toHaveLength(2)
    const lead = leads.find((l) => l.leadUserId === other.user.id)
    for (const note of notes) expect(lead?.note).toContain(note)
  })

  it('a company that does not exhibit at the fair cannot scan there (404), and a buyer cannot at all (403)', async () => {
    const { fair, buyerReg, buyer } = await onSiteFair()
    const elsewhere = await createExporter()
    const path = `/exporter/fairs/${fair.id}/booth-scan/scans`
    const fields = { scanId: scanId(), code: badgeToken(buyerReg, fair) }
    expect((await caught(() => postScan(boothScanAction, path, elsewhere.cookie, fields, { fairId: fair.id }))).status).toBe(404)
    expect((await caught(() => postScan(boothScanAction, path, buyer.cookie, fields, { fairId: fair.id }))).status).toBe(403)
    expect((await listBoothLeads(elsewhere.company.id, fair.id)).leads).toEqual([])
  })
})

describe('meeting tables', () => {
  async function fairWithMeetings(meetingsPerSlot: number) {
    const world = await onSiteFair()
    const { prisma, fair } = world
    const slot = await prisma.meetingSlot.create({
      data: { fairId: fair.id, startsAt: new Date('2026-05-02T03:00:00Z'), endsAt: new Date('2026-05-02T03:30:00Z') },
    })
    const meetings = []
    const parties = []
    for (let i = 0; i < meetingsPerSlot; i++) {
      const buyer = await createBuyer()
      const exporter = await createExporter()
      parties.push({ buyer, exporter })
      meetings.push(
        await prisma.meeting.create({
          data: {
            buyerId: buyer.profile.id,
            companyId: exporter.company.id,
            fairId: fair.id,
            slotId: slot.id,
            status: 'ACCEPTED',
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            requestedById: buyer.user.id,
          },
        }),
      )
    }
    return { ...world, slot, meetings, parties }
  }

  it('seats a slot’s meetings at the venue’s tables, one per table; the rest are online', async () => {
    const { prisma, fair, slot, meetings } = await fairWithMeetings(3)
    expect(await setMeetingTables(fair.id, 2, { now: NOW })).toEqual({ seated: 2, online: 1 })
    const tables = await prisma.meetingTable.findMany({ where: { slotId: slot.id }, orderBy: { tableNumber: 'asc' } })
    expect(tables.map((t) => t.tableNumber)).toEqual([1, 2])
    expect(new Set(tables.map((t) => t.meetingId)).size).toBe(2)
    expect((await onSiteKpis(fair.id)).meetings).toEqual({ onSite: 2, online: 1 })
    // A called-off meeting frees its table for the one waiting online.
    const seatedId = tables[0]?.meetingId ?? ''
    await prisma.meeting.update({ where: { id: seatedId }, data: { status: 'CANCELLED' } })
    expect(await setMeetingTables(fair.id, 2, { now: NOW })).toEqual({ seated: 2, online: 0 })
    const after = await prisma.meetingTable.findMany({ where: { slotId: slot.id } })
    expect(after.map((t) => t.meetingId).sort()).toEqual(
      meetings
        .map((m) => m.id)
        .filter((id) => id !== seatedId)
        .sort(),
    )
    // Fewer tables: numbers above the count are freed.
    expect(await setMeetingTables(fair.id, 1, { now: NOW })).toEqual({ seated: 1, online: 1 })
    await expect(setMeetingTables(fair.id, -1, { now: NOW })).rejects.toMatchObject({ code: 'bad-table-count' })
  })

  it('never puts two meetings on one table in one slot, even with concurrent assignments and a direct insert', async () => {
    const { prisma, fair, slot, meetings } = await fairWithMeetings(4)
    await prisma.fairOnSite.create({ data: { fairId: fair.id, meetingTables: 3 } })
    await Promise.all(Array.from({ length: 4 }, () => prisma.$transaction((tx) => assignMeetingTables(tx, fair.id, { now: NOW }))))
    const tables = await prisma.meetingTable.findMany({ where: { slotId: slot.id } })
    expect(tables).toHaveLength(3)
    expect(new Set(tables.map((t) => t.tableNumber))).toEqual(new Set([1, 2, 3]))
    const unseated = meetings.find((m) => !tables.some((t) => t.meetingId === m.id))
    await expect(
      prisma.meetingTable.create({ data: { meetingId: unseated?.id ?? '', slotId: slot.id, fairId: fair.id, tableNumber: 1 } }),
    ).rejects.toMatchObject({ code: 'P2002' })
  })

  it('a cancelled or declined meeting frees its table (gone from both agendas), and a meeting accepted after publication takes a free one', async () => {
    const { prisma, fair, slot, meetings, parties } = await fairWithMeetings(2)
    await prisma.meeting.updateMany({ where: { fairId: fair.id }, data: { publishedAt: NOW } })
    expect(await setMeetingTables(fair.id, 2, { now: NOW })).toEqual({ seated: 2, online: 0 })
    const cancelled = meetings[0]?.id ?? ''
    const cancelledTable = (await prisma.meetingTable.findUniqueOrThrow({ where: { meetingId: cancelled } })).tableNumber
    await cancelMeeting(await sessionUserOf(parties[0]?.buyer.cookie ?? ''), cancelled, NOW)
    expect(await prisma.meetingTable.findUnique({ where: { meetingId: cancelled } })).toBeNull()
    for (const cookie of [parties[0]?.buyer.cookie ?? '', parties[0]?.exporter.cookie ?? '']) {
      const data = await meetingsLoader({ request: getRequest('/meetings', [cookie, clock]), params: {} } as never)
      expect(data.upcoming.filter((m) => m.tableNumber !== null)).toEqual([])
    }

    // Requested at the slot's time after publication and accepted: it takes the table the cancelled one left.
    const buyer = await createBuyer()
    const exporter = await createExporter()
    const request = (status: 'REQUESTED') => ({
      buyerId: buyer.profile.id,
      companyId: exporter.company.id,
      fairId: fair.id,
      status,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      requestedById: buyer.user.id,
      respondBy: new Date(slot.startsAt.getTime() - 60_000),
    })
    const late = await prisma.meeting.create({ data: request('REQUESTED') })
    await acceptMeeting(await sessionUserOf(exporter.cookie), late.id, NOW)
    expect(await prisma.meetingTable.findUnique({ where: { meetingId: late.id } })).toMatchObject({ slotId: slot.id, tableNumber: cancelledTable })
    const data = await meetingsLoader({ request: getRequest('/meetings', [buyer.cookie, clock]), params: {} } as never)
    expect(data.upcoming.map((m) => m.tableNumber)).toEqual([cancelledTable])
    // The assignment keeps it there and puts no one else on its table.
    expect(await setMeetingTables(fair.id, 2, { now: NOW })).toEqual({ seated: 2, online: 0 })
    expect(new Set((await prisma.meetingTable.findMany({ where: { slotId: slot.id } })).map((t) => t.tableNumber))).toEqual(new Set([1, 2]))

    // No table free: accepted, held online.
    const buyer2 = await createBuyer()
    const exporter2 = await createExporter()
    const full = await prisma.meeting.create({
      data: { ...request('REQUESTED'), buyerId: buyer2.profile.id, companyId: exporter2.company.id, requestedById: buyer2.user.id },
    })
    await acceptMeeting(await sessionUserOf(exporter2.cookie), full.id, NOW)
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: full.id }, select: { status: true } })).toEqual({ status: 'ACCEPTED' })
    expect(await prisma.meetingTable.findUnique({ where: { meetingId: full.id } })).toBeNull()

    // Declined: whatever it held is freed in the same transaction (a table row left on an open proposal is dropped).
    const buyer3 = await createBuyer()
    const exporter3 = await createExporter()
    const declined = await prisma.meeting.create({
      data: { ...request('REQUESTED'), buyerId: buyer3.profile.id, companyId: exporter3.company.id, requestedById: buyer3.user.id },
    })
    await prisma.meetingTable.create({ data: { meetingId: declined.id, slotId: slot.id, fairId: fair.id, tableNumber: 9 } })
    await declineMeeting(await sessionUserOf(exporter3.cookie), declined.id)
    expect(await prisma.meetingTable.findUnique({ where: { meetingId: declined.id } })).toBeNull()
  })

  it('the organizer moves a meeting to another table: the one there swaps; an online meeting displaces it; later assignments keep the choice', async () => {
    const { prisma, fair, slot, meetings } = await fairWithMeetings(3)
    expect(await setMeetingTables(fair.id, 2, { now: NOW })).toEqual({ seated: 2, online: 1 })
    const tableOf = async (meetingId: string) => (await prisma.meetingTable.findUnique({ where: { meetingId } }))?.tableNumber ?? null
    const seats = await Promise.all(meetings.map(async (m) => ({ id: m.id, table: await tableOf(m.id) })))
    const atOne = seats.find((seat) => seat.table === 1)?.id ?? ''
    const atTwo = seats.find((seat) => seat.table === 2)?.id ?? ''
    const third = seats.find((seat) => seat.table === null)?.id ?? ''

    expect(await moveMeetingToTable(fair.id, { meetingId: atOne, tableNumber: 2 }, { now: NOW })).toEqual({ swappedWith: atTwo })
    expect([await tableOf(atOne), await tableOf(atTwo)]).toEqual([2, 1])

    // The online meeting takes table 1; the meeting there goes online (the organizer chose so).
    expect(await moveMeetingToTable(fair.id, { meetingId: third, tableNumber: 1 }, { now: NOW })).toEqual({ swappedWith: atTwo })
    expect([await tableOf(third), await tableOf(atTwo)]).toEqual([1, null])

    // Re-assigning (same count) keeps the manual seats.
    expect(await setMeetingTables(fair.id, 2, { now: NOW })).toEqual({ seated: 2, online: 1 })
    expect([await tableOf(third), await tableOf(atOne), await tableOf(atTwo)]).toEqual([1, 2, null])
    const [overview] = await tablesBySlot(fair.id, 'en', { now: NOW })
    expect(overview).toMatchObject({ id: slot.id, seated: 2, online: 1, open: true })
    expect(overview?.meetings.map((m) => [m.id, m.tableNumber])).toEqual([
      [third, 1],
      [atOne, 2],
      [atTwo, null],
    ])

    // Refused: a table beyond the venue's count, another fair's meeting, a slot that has started.
    await expect(moveMeetingToTable(fair.id, { meetingId: third, tableNumber: 3 }, { now: NOW })).rejects.toMatchObject({ code: 'bad-table-number' })
    const other = await onSiteFair()
    await expect(moveMeetingToTable(other.fair.id, { meetingId: third, tableNumber: 1 }, { now: NOW })).rejects.toMatchObject({ code: 'not-found' })
    await expect(moveMeetingToTable(fair.id, { meetingId: atTwo, tableNumber: 2 }, { now: slot.startsAt })).rejects.toMatchObject({
      code: 'table-move-closed',
    })
    expect(await tableOf(atTwo)).toBeNull()
  })

  it('the on-site page moves a meeting for its organizer only, and answers hostile input with a clear error', async () => {
    const { fair, organizer, meetings, prisma } = await fairWithMeetings(2)
    await setMeetingTables(fair.id, 2, { now: NOW })
    const path = `/organizer/fairs/${fair.id}/on-site`
    const move = (cookie: string, fields: Record<string, string>) =>
      postAction(onSiteAction, path, [cookie, clock], { intent: 'move-table', ...fields }, { fairId: fair.id })
    const meetingId = meetings[0]?.id ?? ''
    const before = (await prisma.meetingTable.findUniqueOrThrow({ where: { meetingId } })).tableNumber
    const target = before === 1 ? 2 : 1
    const moved = (await move(organizer.cookie, { meetingId, tableNumber: String(target) })) as Response
    expect(moved.status).toBe(302)
    expect(moved.headers.get('Location')).toBe(`${path}#slots`)
    expect((await prisma.meetingTable.findUniqueOrThrow({ where: { meetingId } })).tableNumber).toBe(target)

    const garbage = (await move(organizer.cookie, { meetingId, tableNumber: 'x' })) as {
      init: ResponseInit | null
      data: { result: { error?: Record<string, string[]> } }
    }
    expect(garbage.init?.status).toBe(400)
    expect(Object.keys(garbage.data.result.error ?? {})).toContain('tableNumber')
    const tooFar = (await move(organizer.cookie, { meetingId, tableNumber: '7' })) as {
      init: ResponseInit | null
      data: { result: { error?: Record<string, string[]> } }
    }
    expect(tooFar.init?.status).toBe(400)
    expect(tooFar.data.result.error?.tableNumber).toEqual(['onSite.errors.bad-table-number'])
    expect((await caught(() => move(organizer.cookie, { meetingId: 'forged', tableNumber: '1' }))).status).toBe(404)
    const stranger = await createUser('ORGANIZER')
    expect((await caught(() => move(stranger.cookie, { meetingId, tableNumber: '1' }))).status).toBe(404)
    expect((await prisma.meetingTable.findUniqueOrThrow({ where: { meetingId } })).tableNumber).toBe(target)
  })

  it('shows the table on both parties’ agendas', async () => {
    const { fair, parties } = await fairWithMeetings(1)
    await setMeetingTables(fair.id, 5, { now: NOW })
    for (const cookie of [parties[0]?.buyer.cookie ?? '', parties[0]?.exporter.cookie ?? '']) {
      const data = await meetingsLoader({ request: getRequest('/meetings', [cookie, clock]), params: {} } as never)
      expect(data.upcoming.map((m) => m.tableNumber)).toEqual([1])
    }
  })
})

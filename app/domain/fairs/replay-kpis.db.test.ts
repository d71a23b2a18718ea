import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createUser } from '../../../tests/fixtures'
import { getRequest } from '../../../tests/http'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { getExporterResults } from '~/domain/exporters/results.server'
import { recordReplayHeartbeat, startReplayView } from '~/domain/replays/views.server'
import { buildConsultationXlsx } from './export.server'
import { getFairKpis } from './kpis.server'

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

const HOUR = 3_600_000
const T0 = new Date('2026-12-01T09:00:00.000Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)

// Replay figures kept apart from live ones, in the exporter's results, the organizer's fair KPIs and the
// fair workbook: live figures as the live pipeline stored them, replay figures from real heartbeats.
describe('replay KPIs', () => {
  it('count replay viewers and watch time per showcase and in total, separately from live', async () => {
    const prisma = await getPrisma()
    const exporter = await createExporter()
    const organizer = await createUser('ORGANIZER')
    const fair = await prisma.tradeFair.create({
      data: {
        slug: `kpi-replays-${crypto.randomUUID().slice(0, 8)}`,
        name: 'Replay KPI Expo',
        startsAt: new Date(T0.getTime() - 24 * HOUR),
        endsAt: new Date(T0.getTime() + 24 * HOUR),
        timeZone: 'Asia/Seoul',
        status: 'LIVE',
        organizerId: organizer.user.id,
      },
    })
    await prisma.booth.create({ data: { fairId: fair.id, companyId: exporter.company.id, code: 'R1', approvedAt: T0 } })
    const showcase = (title: string, live: { uniqueViewers: number; peakViewers: number; watchSeconds: number }) =>
      prisma.liveSession.create({
        data: {
          title,
          status: 'ENDED',
          hostId: exporter.user.id,
          companyId: exporter.company.id,
          fairId: fair.id,
          approvedAt: T0,
          scheduledStartAt: new Date(T0.getTime() - 2 * HOUR),
          scheduledEndAt: new Date(T0.getTime() - HOUR),
          startedAt: new Date(T0.getTime() - 2 * HOUR),
          endedAt: new Date(T0.getTime() - HOUR),
          ...live,
          watchSeconds: BigInt(live.watchSeconds),
        },
      })
    const noodles = await showcase('Noodles live', { uniqueViewers: 40, peakViewers: 25, watchSeconds: 7_200 })
    const soju = await showcase('Soju live', { uniqueViewers: 10, peakViewers: 8, watchSeconds: 1_800 })
    const tea = await showcase('Tea live (not recorded)', { uniqueViewers: 5, peakViewers: 5, watchSeconds: 600 })
    for (const session of [noodles, soju]) {
      await prisma.recording.create({ data: { sessionId: session.id, status: 'READY', startedAt: session.startedAt ?? T0, durationMs: 3_600_000 } })
    }

    // Noodles: two buyers and a guest watch the replay; Soju: one buyer, twice.
    const [a, b] = await Promise.all([createBuyer(), createBuyer()])
    const userA = await getOptionalUser(getRequest('/', [a.cookie]))
    const userB = await getOptionalUser(getRequest('/', [b.cookie]))
    const watch = async (sessionId: string, visitor: typeof userA, guestKey: string | null, from: number, seconds: number) => {
      const { viewId } = await startReplayView(sessionId, visitor, guestKey, at(from))
      return (await recordReplayHeartbeat(sessionId, { viewId, watchedSeconds: seconds }, visitor, guestKey, at(from + seconds))).creditedSeconds
    }
    expect(await watch(noodles.id, userA, null, 0, 600)).toBe(600)
    expect(await watch(noodles.id, userB, null, 0, 300)).toBe(300)
    expect(await watch(noodles.id, null, 'guest-x', 0, 120)).toBe(120)
    expect(await watch(soju.id, userA, null, 0, 60)).toBe(60)
    expect(await watch(soju.id, userA, null, 1000, 90)).toBe(90)

    const results = await getExporterResults(exporter.company.id, { fairId: fair.id, locale: 'en' })
    const row = (id: string) => results.sessions.find((s) => s.id === id)
    expect(row(noodles.id)).toMatchObject({ uniqueViewers: 40, peakViewers: 25, watchSeconds: 7_200, replayUniqueViewers: 3, replayWatchSeconds: 1_020 })
    expect(row(soju.id)).toMatchObject({ uniqueViewers: 10, watchSeconds: 1_800, replayUniqueViewers: 1, replayWatchSeconds: 150 })
    expect(row(tea.id)).toMatchObject({ uniqueViewers: 5, replayUniqueViewers: 0, replayWatchSeconds: 0 })
    expect(results.totals).toMatchObject({
      sessions: 3,
      uniqueViewers: 55,
      peakViewers: 25,
      watchSeconds: 9_600,
      replayUniqueViewers: 4,
      replayWatchSeconds: 1_170,
    })

    const kpis = await getFairKpis(fair.id, { locale: 'en' })
    expect(kpis.sessions.totals).toEqual({
      sessions: 3,
      uniqueViewers: 55,
      peakViewers: 25,
      watchSeconds: 9_600,
      chatMessages: 0,
      replays: 2,
      replayUniqueViewers: 4,
      replayWatchSeconds: 1_170,
    })
    expect(kpis.sessions.top.map((s) => [s.title, s.uniqueViewers, s.replayUniqueViewers, s.replayWatchSeconds])).toEqual([
      ['Noodles live', 40, 3, 1_020],
      ['Soju live', 10, 1, 150],
      ['Tea live (not recorded)', 5, 0, 0],
    ])
    // The funnel's viewers stay the live ones.
    expect(kpis.funnel[0]).toEqual({ stage: 'viewers', count: 55 })

    // The workbook's summary sheet carries both audiences, apart.
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await buildConsultationXlsx(fair.id, 'en')).body as unknown as ArrayBuffer)
    const summary = new Map<string, unknown>()
    workbook.getWorksheet('Fair')?.eachRow((sheetRow) => {
      summary.set(sheetRow.getCell(1).text, sheetRow.getCell(2).value)
    })
    expect(Object.fromEntries([...summary].filter(([key]) => /viewers|hours|showcases|Replays/.test(key)))).toEqual({
      'Live showcases': 3,
      'Live unique viewers': 55,
      'Live watch hours': 2.7,
      Replays: 2,
      'Replay unique viewers': 4,
      'Replay watch hours': 0.3,
    })
    // The same summary for a Korean reader, on a sheet named in Korean.
    const korean = new ExcelJS.Workbook()
    await korean.xlsx.load((await buildConsultationXlsx(fair.id, 'ko')).body as unknown as ArrayBuffer)
    const koSummary = new Map<string, unknown>()
    korean.getWorksheet('박람회')?.eachRow((sheetRow) => koSummary.set(sheetRow.getCell(1).text, sheetRow.getCell(2).value))
    expect([koSummary.get('라이브 순 시청자'), koSummary.get('다시보기 순 시청자'), koSummary.get('다시보기 시청 시간(시간)')]).toEqual([55, 4, 0.3])
  })
})

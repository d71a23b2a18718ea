import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { consultationsCte } from '~/domain/fairs/kpis.server'
import { outcomeFunnel } from '~/domain/fairs/outcome-funnel.server'

const num = (value: bigint | number | null | undefined) => Number(value ?? 0)

/**
 * An exporter's own results, for one fair or overall (fairId null), with the fair KPI definitions:
 * showcases and their audience, inquiries, meetings, consultation and contract values (USD). A showcase's
 * audience is counted apart live (LiveSessionView rows) and on replay (ReplayView rows, kept on its
 * Recording, including a replay removed since: those views happened).
 */
export async function getExporterResults(companyId: string, { fairId, locale }: { fairId: string | null; locale: string }) {
  const prisma = await getPrisma()
  const fairFilter = fairId ? { fairId } : {}
  const [fairs, sessions, sessionTotals, replayTotals, inquiries, meetings, values, outcomes] = await Promise.all([
    prisma.tradeFair.findMany({
      where: { OR: [{ booths: { some: { companyId } } }, { registrations: { some: { companyId } } }] },
      orderBy: { startsAt: 'desc' },
      select: { id: true, name: true, nameI18n: true },
    }),
    prisma.liveSession.findMany({
      where: { companyId, kind: 'SHOWCASE', ...fairFilter },
      orderBy: { scheduledStartAt: 'desc' },
      take: 20,
      select: {
        id: true,
        title: true,
        titleI18n: true,
        status: true,
        approvedAt: true,
        fairId: true,
        scheduledStartAt: true,
        uniqueViewers: true,
        peakViewers: true,
        watchSeconds: true,
        recording: { select: { uniqueViewers: true, watchSeconds: true } },
        _count: { select: { chatMessages: true } },
      },
    }),
    prisma.liveSession.aggregate({
      where: { companyId, kind: 'SHOWCASE', ...fairFilter },
      _count: { _all: true },
      _sum: { uniqueViewers: true, watchSeconds: true },
      _max: { peakViewers: true },
    }),
    prisma.recording.aggregate({
      where: { session: { companyId, kind: 'SHOWCASE', ...fairFilter } },
      _sum: { uniqueViewers: true, watchSeconds: true },
    }),
    prisma.inquiry.groupBy({ by: ['status'], where: { companyId, ...fairFilter }, _count: { _all: true } }),
    prisma.meeting.groupBy({ by: ['status'], where: { companyId, ...fairFilter }, _count: { _all: true } }),
    prisma.$queryRaw<
      Array<{ consultations: number; consultationUsdCents: bigint | null; contractUsdCents: bigint | null }>
    >`${consultationsCte({ fairId, companyId })}
      SELECT count(*)::int AS "consultations", sum("consultationUsdCents")::bigint AS "consultationUsdCents", sum("contractUsdCents")::bigint AS "contractUsdCents"
      FROM consultations`,
    outcomeFunnel({ fairId, companyId }),
  ])
  const total = values[0]
  return {
    fairs: fairs.map((f) => ({ id: f.id, name: pickLocalized(f.name, f.nameI18n, locale) })),
    fairId,
    outcomes,
    sessions: sessions.map((s) => ({
      id: s.id,
      title: pickLocalized(s.title, s.titleI18n, locale),
      status: s.status,
      approved: s.approvedAt !== null || s.fairId === null,
      startsAt: s.scheduledStartAt.toISOString(),
      uniqueViewers: s.uniqueViewers,
      peakViewers: s.peakViewers,
      watchSeconds: num(s.watchSeconds),
      replayUniqueViewers: s.recording?.uniqueViewers ?? 0,
      replayWatchSeconds: num(s.recording?.watchSeconds),
      chatMessages: s._count.chatMessages,
    })),
    totals: {
      sessions: sessionTotals._count._all,
      uniqueViewers: num(sessionTotals._sum.uniqueViewers),
      peakViewers: sessionTotals._max.peakViewers ?? 0,
      watchSeconds: num(sessionTotals._sum.watchSeconds),
      replayUniqueViewers: num(replayTotals._sum.uniqueViewers),
      replayWatchSeconds: num(replayTotals._sum.watchSeconds),
      inquiries: inquiries.reduce((t, r) => t + r._count._all, 0),
      wonInquiries: inquiries.filter((r) => r.status === 'CONTRACT_SIGNED' || r.status === 'SHIPPED').reduce((t, r) => t + r._count._all, 0),
      meetings: meetings.reduce((t, r) => t + r._count._all, 0),
      meetingsHeld: meetings.find((r) => r.status === 'HELD')?._count._all ?? 0,
      consultations: total?.consultations ?? 0,
      consultationUsdCents: num(total?.consultationUsdCents),
      contractUsdCents: num(total?.contractUsdCents),
    },
  }
}

import { getPrisma } from '~/domain/db.server'
import { CONSULTATION_STATUSES, CONSULTATION_TOPICS, type ConsultationStatusName, type ConsultationTopicName } from './topics'

// Consultation figures for the organizer/admin KPI page (/organizer/consultations) and the export agency's
// dashboard: counts by market, with each market's topics and statuses. A consultation counts in the period
// its start falls in ([from, to)); `companyIds` narrows it to those exporter companies (an agency's).

export type MarketConsultations = {
  /** ISO 3166-1 alpha-2 */
  market: string
  total: number
  /** Held, i.e. took place */
  held: number
  byTopic: Record<ConsultationTopicName, number>
}

export type ConsultationKpis = {
  total: number
  byStatus: Record<ConsultationStatusName, number>
  byTopic: Record<ConsultationTopicName, number>
  /** Busiest market first, then by code */
  byMarket: MarketConsultations[]
  /** Consultations booked by overseas Korean entrepreneurs' companies */
  overseasKorean: number
}

const zeroTopics = () => Object.fromEntries(CONSULTATION_TOPICS.map((topic) => [topic, 0])) as Record<ConsultationTopicName, number>
const zeroStatuses = () => Object.fromEntries(CONSULTATION_STATUSES.map((status) => [status, 0])) as Record<ConsultationStatusName, number>

export async function consultationKpis({ from, to, companyIds }: { from: Date; to: Date; companyIds?: readonly string[] }): Promise<ConsultationKpis> {
  const prisma = await getPrisma()
  const where = { startsAt: { gte: from, lt: to }, ...(companyIds ? { companyId: { in: [...companyIds] } } : {}) }
  const [groups, overseasKorean] = await Promise.all([
    prisma.consultation.groupBy({ by: ['market', 'topic', 'status'], where, _count: { _all: true } }),
    prisma.consultation.count({ where: { ...where, company: { overseasKorean: true } } }),
  ])
  const kpis: ConsultationKpis = { total: 0, byStatus: zeroStatuses(), byTopic: zeroTopics(), byMarket: [], overseasKorean }
  const markets = new Map<string, MarketConsultations>()
  for (const group of groups) {
    const count = group._count._all
    kpis.total += count
    kpis.byStatus[group.status] += count
    kpis.byTopic[group.topic] += count
    let market = markets.get(group.market)
    if (!market) {
      market = { market: group.market, total: 0, held: 0, byTopic: zeroTopics() }
      markets.set(group.market, market)
    }
    market.total += count
    market.byTopic[group.topic] += count
    if (group.status === 'HELD') market.held += count
  }
  kpis.byMarket = [...markets.values()].sort((a, b) => b.total - a.total || a.market.localeCompare(b.market))
  return kpis
}

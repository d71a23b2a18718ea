// The outcome funnel computed in TypeScript from the rows themselves (docs/outcome-stages.md), for db tests to
// compare with the SQL of app/domain/fairs/outcome-funnel.server.ts. Deliberately written apart from it.
import type { PrismaClient } from '../app/generated/prisma/client'

const STAGES = ['CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI', 'CONTRACT_SIGNED', 'SHIPPED'] as const

type Row = {
  stage: string
  value: number
  contract: number
  shipped: number
  expected: number
  reached: Set<string>
}

/** Expected funnel for a fair (and optionally one exporter), from Inquiry, Quote and Meeting rows. */
export async function expectedOutcomeFunnel(prisma: PrismaClient, scope: { fairId: string; companyId?: string }) {
  const where = { fairId: scope.fairId, ...(scope.companyId ? { companyId: scope.companyId } : {}) }
  const [inquiries, meetings] = await Promise.all([
    prisma.inquiry.findMany({ where, include: { quotes: { orderBy: { createdAt: 'desc' }, take: 1 } } }),
    prisma.meeting.findMany({ where: { ...where, status: 'HELD' } }),
  ])
  const n = (v: bigint | null | undefined) => Number(v ?? 0n)
  const rows: Row[] = []
  for (const i of inquiries) {
    const signed = i.status === 'CONTRACT_SIGNED' || i.status === 'SHIPPED'
    // A signed deal without a recorded contract value counts its latest quote (tests use USD quotes only).
    const q = i.quotes[0]
    const contract = signed ? (i.contractValueUsdCents !== null ? n(i.contractValueUsdCents) : q?.currency === 'USD' ? q.unitPriceMinor * q.quantity : 0) : 0
    const order = STAGES.indexOf(i.status as (typeof STAGES)[number])
    const dates = [null, i.quotedAt, i.sampleSentAt, i.loiAt, i.contractSignedAt, i.shippedAt]
    const reached = new Set<string>(['CONSULTATION'])
    STAGES.forEach((stage, k) => {
      if ((order >= k && order !== -1) || dates.slice(k).some((d) => d !== null)) reached.add(stage)
    })
    const value =
      i.status === 'CONSULTATION'
        ? n(i.consultationValueUsdCents)
        : i.status === 'QUOTE' || i.status === 'SAMPLE'
          ? n(i.quoteValueUsdCents)
          : i.status === 'LOI'
            ? n(i.loiValueUsdCents ?? i.quoteValueUsdCents)
            : i.status === 'CONTRACT_SIGNED'
              ? contract
              : i.status === 'SHIPPED'
                ? i.shippedValueUsdCents !== null
                  ? n(i.shippedValueUsdCents)
                  : contract
                : 0
    rows.push({ stage: i.status, value, contract, shipped: i.status === 'SHIPPED' ? value : 0, expected: 0, reached })
  }
  for (const m of meetings) {
    const contract = n(m.contractValueUsdCents)
    const stage = contract > 0 ? 'CONTRACT_SIGNED' : 'CONSULTATION'
    // At a stage or further counts as having reached it: a signed meeting is past quote, sample and LOI.
    const reached = new Set<string>(stage === 'CONTRACT_SIGNED' ? ['CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI', 'CONTRACT_SIGNED'] : ['CONSULTATION'])
    rows.push({
      stage,
      value: stage === 'CONSULTATION' ? n(m.consultationValueUsdCents) : contract,
      contract,
      shipped: 0,
      expected: contract > 0 ? 0 : n(m.expectedContractValueUsdCents),
      reached,
    })
  }
  const at = (stage: string) => rows.filter((r) => r.stage === stage)
  const sum = (list: Row[], key: 'value' | 'contract' | 'shipped' | 'expected') => list.reduce((t, r) => t + r[key], 0)
  const pursuedRows = rows.filter((r) => ['QUOTE', 'SAMPLE', 'LOI'].includes(r.stage))
  const signedRows = rows.filter((r) => r.stage === 'CONTRACT_SIGNED' || r.stage === 'SHIPPED')
  return {
    deals: rows.length,
    stages: STAGES.map((stage) => ({
      stage,
      reached: rows.filter((r) => r.reached.has(stage)).length,
      current: at(stage).length,
      currentUsdCents: sum(at(stage), 'value'),
    })),
    lost: at('LOST').length,
    pursued: {
      count: rows.filter((r) => ['QUOTE', 'SAMPLE', 'LOI'].includes(r.stage) || r.expected > 0).length,
      usdCents: sum(pursuedRows, 'value') + sum(rows, 'expected'),
      fromMeetingsUsdCents: sum(rows, 'expected'),
    },
    signed: { count: signedRows.length, usdCents: sum(signedRows, 'contract') },
    shipped: { count: at('SHIPPED').length, usdCents: sum(at('SHIPPED'), 'shipped') },
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { createExporter, createUser } from '../../../tests/fixtures'
import { getRequest } from '../../../tests/http'
import { loader as agencyLoader } from '~/routes/agency/dashboard'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { agencyConsultationKpis } from './consultation-kpis.server'
import { grantAgency, revokeGrant } from './grants.server'

// The agency's consultation KPIs count only the consultations of the companies that granted it access
// (a grant not revoked); other companies', another agency's and a revoking company's are not its own.

const unique = () => randomUUID().slice(0, 8)
const DECEMBER = { from: new Date('2026-11-30T15:00:00Z'), to: new Date('2026-12-31T15:00:00Z') } // December in Seoul

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

async function world() {
  const prisma = await getPrisma()
  const officer = await createUser('TRADE_OFFICER', { timeZone: 'Asia/Seoul' })
  const profile = await prisma.tradeOfficerProfile.create({ data: { userId: officer.user.id, officeName: 'KOTRA Tokyo', timeZone: 'Asia/Tokyo' } })
  const represented = await createExporter({ companyName: `Represented ${unique()}` })
  const stranger = await createExporter({ companyName: `Stranger ${unique()}` })
  const revoking = await createExporter({ companyName: `Revoking ${unique()}` })
  const agency = await prisma.exportAgency.create({ data: { slug: `agency-${unique()}`, name: `Agency ${unique()}`, region: 'Gangwon' } })
  const member = await createUser('AGENCY', { timeZone: 'Asia/Seoul' })
  await prisma.agencyMember.create({ data: { userId: member.user.id, agencyId: agency.id } })
  await grantAgency(represented.user, represented.company.id, agency.id, ['MEETINGS'])
  const revokedGrant = await grantAgency(revoking.user, revoking.company.id, agency.id, ['CATALOGUE'])
  await revokeGrant(revoking.user, revoking.company.id, revokedGrant)
  const book = (
    company: { user: { id: string }; company: { id: string } },
    market: string,
    topic: 'CERTIFICATION' | 'LOGISTICS',
    startsAt: string,
    status: 'REQUESTED' | 'HELD' = 'HELD',
  ) =>
    prisma.consultation.create({
      data: {
        officerId: profile.id,
        requesterId: company.user.id,
        companyId: company.company.id,
        market,
        topic,
        question: 'How do we enter this market?',
        startsAt: new Date(startsAt),
        endsAt: new Date(new Date(startsAt).getTime() + 30 * 60_000),
        status,
      },
    })
  // 1 December 08:00 in Seoul (30 November in UTC): counts in the December period.
  await book(represented, 'JP', 'CERTIFICATION', '2026-11-30T23:00:00Z')
  await book(represented, 'MN', 'LOGISTICS', '2026-12-10T02:00:00Z', 'REQUESTED')
  // Outside the period (31 Dec 2026 15:00 UTC is already 1 January in Seoul).
  await book(represented, 'JP', 'LOGISTICS', '2026-12-31T15:00:00Z')
  await book(stranger, 'JP', 'CERTIFICATION', '2026-12-05T02:00:00Z')
  await book(revoking, 'US', 'LOGISTICS', '2026-12-05T02:00:00Z')
  return { member, represented }
}

describe('the agency consultation KPIs', () => {
  it('count only the consultations of the companies that granted the agency access', async () => {
    const w = await world()
    const kpis = await agencyConsultationKpis(w.member.user.id, DECEMBER)
    expect(kpis.total).toBe(2)
    expect(kpis.byStatus).toMatchObject({ HELD: 1, REQUESTED: 1 })
    expect(kpis.byTopic).toMatchObject({ CERTIFICATION: 1, LOGISTICS: 1 })
    expect(kpis.byMarket.map(({ market, total, held }) => ({ market, total, held }))).toEqual([
      { market: 'JP', total: 1, held: 1 },
      { market: 'MN', total: 1, held: 0 },
    ])
  })

  it('an agency without grants sees none; an agency account without an agency is refused', async () => {
    const prisma = await getPrisma()
    await world()
    const lonelyAgency = await prisma.exportAgency.create({ data: { slug: `agency-${unique()}`, name: `Agency ${unique()}`, region: 'Jeju' } })
    const lonely = await createUser('AGENCY')
    await prisma.agencyMember.create({ data: { userId: lonely.user.id, agencyId: lonelyAgency.id } })
    expect((await agencyConsultationKpis(lonely.user.id, DECEMBER)).total).toBe(0)
    const orphan = await createUser('AGENCY')
    await expect(agencyConsultationKpis(orphan.user.id, DECEMBER)).rejects.toMatchObject({ status: 403 })
  })

  it('the /agency page reads the period in the viewer zone and refuses from after to with a message', async () => {
    const w = await world()
    type Page = {
      consultations: { from: string; to: string; error: string | null; kpis: { total: number; byMarket: Array<{ market: string; name: string }> } }
    }
    const page = (await agencyLoader({ request: getRequest('/agency?from=2026-12-01&to=2026-12-31', [w.member.cookie]), params: {} } as never)) as Page
    expect(page.consultations).toMatchObject({ from: '2026-12-01', to: '2026-12-31', error: null, kpis: { total: 2 } })
    expect(page.consultations.kpis.byMarket[0]).toMatchObject({ market: 'JP', name: 'Japan' })
    const refused = (await agencyLoader({ request: getRequest('/agency?from=2026-12-31&to=2026-12-01', [w.member.cookie]), params: {} } as never)) as Page
    expect(refused.consultations.error).toBe('from-after-to')
  })
})

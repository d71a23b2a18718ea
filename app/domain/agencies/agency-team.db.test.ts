import { describe, expect, it } from 'vitest'
import { createBuyer, createUser } from '../../../tests/fixtures'
import { createAgency, createAgencyMember, unique } from '../../../tests/agency-fixtures'
import { caught, getRequest, postAction } from '../../../tests/http'
import { useTestHooksAndDatabase } from '../../../tests/test-hooks'
import { getPrisma } from '~/domain/db.server'
import { action as teamAction, loader as teamLoader } from '~/routes/agency/team'
import { action as adminAgenciesAction } from '~/routes/admin/agencies'
import { removeAgencyMember } from './admin.server'

// The agency's team (/agency/team, docs/export-agencies.md): its leads add and remove members of their own
// agency; agents only see the team.

useTestHooksAndDatabase()

async function agencyWithTeam() {
  const prisma = await getPrisma()
  const agency = await createAgency({ slug: `team-${unique()}`, name: 'Gangwon Export Co.' })
  const lead = await createAgencyMember(agency.id, 'LEAD')
  const agent = await createAgencyMember(agency.id, 'AGENT')
  const { membership: leadMember } = lead
  const { membership: agentMember } = agent
  return { prisma, agency, lead, agent, leadMember, agentMember }
}

const post = (cookie: string, fields: Record<string, string>) => postAction(teamAction, '/agency/team', [cookie], fields)
type Failed = { init: ResponseInit | null; data: { result: { error?: Record<string, string[]> } } }

describe('agency team', () => {
  it('a lead adds a new agent (account and invitation), sees the team, and removes a member; not themselves', async () => {
    const { prisma, agency, lead, agentMember, leadMember } = await agencyWithTeam()
    const address = `agent-${unique()}@export.example`
    const added = (await post(lead.cookie, { intent: 'add-member', email: address, name: '김민지', role: 'AGENT' })) as Response
    expect(added.status).toBe(302)
    const account = await prisma.user.findUniqueOrThrow({
      where: { email: address },
      select: { role: true, agencyMembership: { select: { agencyId: true, role: true } } },
    })
    expect(account).toEqual({ role: 'AGENCY', agencyMembership: { agencyId: agency.id, role: 'AGENT' } })
    expect(await prisma.emailOutbox.count({ where: { to: address } })).toBe(1)

    const team = await teamLoader({ request: getRequest('/agency/team', [lead.cookie]), params: {} } as never)
    expect(team.canManage).toBe(true)
    expect(team.members.map((m) => [m.name, m.role, m.invited, m.self])).toContainEqual(['김민지', 'AGENT', true, false])
    expect(team.members.find((m) => m.id === leadMember.id)).toMatchObject({ self: true })

    expect(((await post(lead.cookie, { intent: 'remove-member', memberId: agentMember.id })) as Response).status).toBe(302)
    expect(await prisma.agencyMember.findUnique({ where: { id: agentMember.id } })).toBeNull()
    const self = (await post(lead.cookie, { intent: 'remove-member', memberId: leadMember.id })) as Failed
    expect(self.init?.status).toBe(409)
    expect(self.data.result.error?.['']).toEqual(['agency.errors.removeSelf'])
    expect(await prisma.agencyMember.findUnique({ where: { id: leadMember.id } })).not.toBeNull()
  })

  it('an agent sees the team but may not change it; a lead cannot touch another agency; bad input is refused', async () => {
    const { prisma, lead, agent, agentMember } = await agencyWithTeam()
    const team = await teamLoader({ request: getRequest('/agency/team', [agent.cookie]), params: {} } as never)
    expect(team.canManage).toBe(false)
    const newcomer = await createUser('AGENCY')
    expect((await caught(() => post(agent.cookie, { intent: 'add-member', email: newcomer.user.email, role: 'AGENT' }))).status).toBe(403)
    expect((await caught(() => post(agent.cookie, { intent: 'remove-member', memberId: agentMember.id }))).status).toBe(403)
    expect(await prisma.agencyMember.findUnique({ where: { userId: newcomer.user.id } })).toBeNull()

    const elsewhere = await agencyWithTeam()
    expect((await caught(() => post(lead.cookie, { intent: 'remove-member', memberId: elsewhere.agentMember.id }))).status).toBe(404)
    expect(await prisma.agencyMember.findUnique({ where: { id: elsewhere.agentMember.id } })).not.toBeNull()

    // The lead always names the person, whether or not the address has an account; a malformed address and role.
    const buyer = await createBuyer()
    const nameless = (await post(lead.cookie, { intent: 'add-member', email: buyer.user.email, role: 'AGENT' })) as Failed
    expect(nameless.data.result.error).toEqual({ name: ['errors.required'] })
    const garbage = (await post(lead.cookie, { intent: 'add-member', email: 'not-an-address', name: 'X', role: 'OWNER' })) as Failed
    expect(garbage.init?.status).toBe(400)
    expect(Object.keys(garbage.data.result.error ?? {}).sort()).toEqual(['email', 'role'])
    // A buyer's account and another agency's member get the same answer: the lead learns nothing of either.
    for (const email of [buyer.user.email, elsewhere.agent.user.email]) {
      const refused = (await post(lead.cookie, { intent: 'add-member', email, name: 'Someone', role: 'AGENT' })) as Failed
      expect(refused.init?.status).toBe(400)
      expect(refused.data.result.error).toEqual({ email: ['agency.errors.cannotAdd'] })
    }
    expect(await prisma.agencyMember.findUnique({ where: { userId: elsewhere.agent.user.id } })).toMatchObject({ agencyId: elsewhere.agency.id })
  })

  it('an agency keeps a lead: its last lead is not removed; a lead no longer leading removes nobody', async () => {
    const { prisma, agency, lead, agent, leadMember, agentMember } = await agencyWithTeam()
    const other = await createUser('AGENCY')
    const otherLead = await prisma.agencyMember.create({ data: { userId: other.user.id, agencyId: agency.id, role: 'LEAD' } })
    expect(((await post(lead.cookie, { intent: 'remove-member', memberId: otherLead.id })) as Response).status).toBe(302)

    const admin = await createUser('ADMIN')
    const last = (await postAction(adminAgenciesAction, '/admin/agencies', [admin.cookie], { intent: 'remove-member', memberId: leadMember.id })) as Failed
    expect(last.init?.status).toBe(409)
    expect(last.data.result.error?.['']).toEqual(['agency.errors.lastLead'])
    expect(await prisma.agencyMember.findUnique({ where: { id: leadMember.id } })).not.toBeNull()

    // The role is read again in the removal's transaction (the page checked it before).
    await prisma.agencyMember.update({ where: { id: leadMember.id }, data: { role: 'AGENT' } })
    await expect(removeAgencyMember(agentMember.id, { agencyId: agency.id, lead: { id: lead.user.id, name: lead.user.name } })).rejects.toMatchObject({
      code: 'forbidden',
      status: 403,
    })
    expect(await prisma.agencyMember.findUnique({ where: { userId: agent.user.id } })).not.toBeNull()
  })
})

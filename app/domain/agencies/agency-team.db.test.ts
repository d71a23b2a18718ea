import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createBuyer, createUser } from '../../../tests/fixtures'
import { caught, getRequest, postAction } from '../../../tests/http'
import { useTestHooksAndDatabase } from '../../../tests/test-hooks'
import { getPrisma } from '~/domain/db.server'
import { action as teamAction, loader as teamLoader } from '~/routes/agency/team'

// The agency's team (/agency/team, docs/export-agencies.md): its leads add and remove members of their own
// agency; agents only see the team.

useTestHooksAndDatabase()

const unique = () => randomUUID().slice(0, 8)

async function agencyWithTeam() {
  const prisma = await getPrisma()
  const agency = await prisma.exportAgency.create({ data: { slug: `team-${unique()}`, name: 'Gangwon Export Co.', region: 'Gangwon' } })
  const lead = await createUser('AGENCY')
  const agent = await createUser('AGENCY')
  const leadMember = await prisma.agencyMember.create({ data: { userId: lead.user.id, agencyId: agency.id, role: 'LEAD' } })
  const agentMember = await prisma.agencyMember.create({ data: { userId: agent.user.id, agencyId: agency.id, role: 'AGENT' } })
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

    // A buyer's address is not an agency account; a new address needs a name; a malformed address and role.
    const buyer = await createBuyer()
    const notAgency = (await post(lead.cookie, { intent: 'add-member', email: buyer.user.email, role: 'AGENT' })) as Failed
    expect(notAgency.init?.status).toBe(400)
    expect(notAgency.data.result.error?.email).toEqual(['agency.errors.notAgencyAccount'])
    const nameless = (await post(lead.cookie, { intent: 'add-member', email: `x-${unique()}@export.example`, role: 'AGENT' })) as Failed
    expect(nameless.data.result.error?.name).toEqual(['agency.errors.nameRequired'])
    const garbage = (await post(lead.cookie, { intent: 'add-member', email: 'not-an-address', role: 'OWNER' })) as Failed
    expect(garbage.init?.status).toBe(400)
    expect(Object.keys(garbage.data.result.error ?? {}).sort()).toEqual(['email', 'role'])
    // An account already in an agency stays where it is.
    const taken = (await post(lead.cookie, { intent: 'add-member', email: elsewhere.agent.user.email, role: 'AGENT' })) as Failed
    expect(taken.init?.status).toBe(409)
  })
})

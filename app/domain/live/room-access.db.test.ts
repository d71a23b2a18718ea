import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExporter, createUser } from '../../../tests/fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { isDomainError } from '~/domain/errors'
import { assertShowcaseManagement, type ShowcaseManagement } from './room-access.server'

// Showcase management by company role, read from the database at each call (issue 13 item 13).

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

async function verdict(sessionId: string, userId: string, permission: ShowcaseManagement) {
  try {
    await assertShowcaseManagement(sessionId, userId, permission)
    return 'ok'
  } catch (error) {
    if (isDomainError(error)) return error.code
    throw error
  }
}

describe('assertShowcaseManagement', () => {
  it('lets OWNER and ADMIN manage every showcase of the company, a MEMBER only the ones they host, and blocked words never', async () => {
    const prisma = await getPrisma()
    const { user: owner, company } = await createExporter()
    const addMember = async (role: 'ADMIN' | 'MEMBER') => {
      const { user } = await createUser('EXPORTER')
      await prisma.exporterMember.create({ data: { userId: user.id, companyId: company.id, role } })
      return user
    }
    const admin = await addMember('ADMIN')
    const member = await addMember('MEMBER')
    const { user: stranger } = await createExporter()
    const showcase = (hostId: string) =>
      prisma.liveSession.create({
        data: { title: 'S', hostId, companyId: company.id, scheduledStartAt: new Date(), scheduledEndAt: new Date(Date.now() + 3_600_000) },
      })
    const owners = await showcase(owner.id)
    const members = await showcase(member.id)

    expect(await verdict(owners.id, owner.id, 'manage:showcase:own')).toBe('ok')
    expect(await verdict(owners.id, admin.id, 'manage:showcase:own')).toBe('ok')
    expect(await verdict(owners.id, member.id, 'manage:showcase:own')).toBe('forbidden')
    expect(await verdict(members.id, member.id, 'manage:showcase:own')).toBe('ok')
    expect(await verdict(members.id, member.id, 'manage:blocked-words:own')).toBe('forbidden')
    expect(await verdict(members.id, admin.id, 'manage:blocked-words:own')).toBe('ok')
    expect(await verdict(owners.id, stranger.id, 'manage:showcase:own')).toBe('forbidden')
    expect(await verdict('no-such-session', owner.id, 'manage:showcase:own')).toBe('not-found')

    // A role lowered or a membership removed counts at the next action, whatever a socket read at connect.
    await prisma.exporterMember.update({ where: { userId: admin.id }, data: { role: 'MEMBER' } })
    expect(await verdict(owners.id, admin.id, 'manage:showcase:own')).toBe('forbidden')
    await prisma.exporterMember.delete({ where: { userId: member.id } })
    expect(await verdict(members.id, member.id, 'manage:showcase:own')).toBe('forbidden')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExporter, createUser } from '../../../tests/fixtures'
import { caught, getRequest } from '../../../tests/http'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { loader as sessionsLoader } from '~/routes/exporter/sessions'
import { loader as studioLoader } from '~/routes/studio/studio'

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('showcase management by company role', () => {
  it('a MEMBER opens the studio only of showcases they host and never edits blocked words; OWNER/ADMIN manage all', async () => {
    const prisma = await getPrisma()
    const owner = await createExporter()
    const join = async (role: 'ADMIN' | 'MEMBER') => {
      const person = await createUser('EXPORTER')
      await prisma.exporterMember.create({ data: { userId: person.user.id, companyId: owner.company.id, role } })
      return person
    }
    const admin = await join('ADMIN')
    const member = await join('MEMBER')
    const showcase = (hostId: string, title: string) =>
      prisma.liveSession.create({
        data: {
          title,
          hostId,
          companyId: owner.company.id,
          scheduledStartAt: new Date(Date.now() + 3_600_000),
          scheduledEndAt: new Date(Date.now() + 7_200_000),
        },
      })
    const ownersShow = await showcase(owner.user.id, "Owner's show")
    const membersShow = await showcase(member.user.id, "Member's show")
    const studio = (sessionId: string, cookie: string) =>
      studioLoader({ request: getRequest(`/studio/${sessionId}`, [cookie]), params: { sessionId } } as never) as Promise<{ canEditBlockedWords: boolean }>

    expect(await caught(() => studio(ownersShow.id, member.cookie))).toMatchObject({ status: 403 })
    expect(await studio(membersShow.id, member.cookie)).toMatchObject({ canEditBlockedWords: false })
    expect(await studio(membersShow.id, owner.cookie)).toMatchObject({ canEditBlockedWords: true })
    expect(await studio(ownersShow.id, admin.cookie)).toMatchObject({ canEditBlockedWords: true })

    // The list offers the studio only where the viewer may open it.
    const list = async (cookie: string) => {
      const { sessions } = (await sessionsLoader({ request: getRequest('/exporter/sessions', [cookie]), params: {} } as never)) as {
        sessions: Array<{ title: string; manageable: boolean }>
      }
      return Object.fromEntries(sessions.map((s) => [s.title, s.manageable]))
    }
    expect(await list(member.cookie)).toEqual({ "Owner's show": false, "Member's show": true })
    expect(await list(admin.cookie)).toEqual({ "Owner's show": true, "Member's show": true })

    // Demoted: the admin's next request is refused (the role is read at each request).
    await prisma.exporterMember.update({ where: { userId: admin.user.id }, data: { role: 'MEMBER' } })
    expect(await caught(() => studio(ownersShow.id, admin.cookie))).toMatchObject({ status: 403 })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, createUser } from '../../../tests/fixtures'
import { caught, cookiePair, formRequest, getRequest, mintCsrf } from '../../../tests/http'
import { action as teamAction, loader as teamLoader } from '~/routes/exporter/team'
import { action as invitationAction, loader as invitationLoader } from '~/routes/invitations/accept'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { onIdentityEvent } from '~/domain/accounts/identity-events.server'
import { hashInvitationToken, inviteMember, removeMember } from './team.server'

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

async function post(
  pathname: string,
  cookies: string[],
  fields: Record<string, string>,
  action: (args: never) => unknown,
  params: Record<string, string> = {},
) {
  const csrf = await mintCsrf()
  const request = formRequest(pathname, { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, ...cookies] })
  return action({ request, params, context: {} } as never)
}

type Failed = { data: { result: { error: Record<string, string[]> } }; init: { status: number } }

async function addMember(companyId: string, role: 'OWNER' | 'ADMIN' | 'MEMBER') {
  const prisma = await getPrisma()
  const { user, cookie } = await createUser('EXPORTER')
  const member = await prisma.exporterMember.create({ data: { userId: user.id, companyId, role } })
  return { user, cookie, member }
}

describe('invitations', () => {
  it('invites a new email: stores only the token hash, expires in 7 days and mails the link', async () => {
    const owner = await createExporter({ companyName: 'Seorak Foods' })
    const email = `new-${Date.now()}@example.test`
    const before = Date.now()
    const response = (await post('/exporter/team', [owner.cookie], { intent: 'invite', email, role: 'ADMIN' }, teamAction)) as Response
    expect(response.status).toBe(302)
    const prisma = await getPrisma()
    const invitation = await prisma.exporterInvitation.findFirstOrThrow({ where: { email, companyId: owner.company.id } })
    expect(invitation.role).toBe('ADMIN')
    expect(invitation.tokenHash).toMatch(/^[a-f0-9]{64}$/)
    expect(invitation.expiresAt.getTime() - before).toBeGreaterThanOrEqual(7 * 86_400_000 - 5_000)
    expect(invitation.expiresAt.getTime() - before).toBeLessThanOrEqual(7 * 86_400_000 + 5_000)
    const mail = await prisma.emailOutbox.findFirstOrThrow({ where: { to: email } })
    expect(mail.subject).toContain('Seorak Foods')
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1]
    expect(token).toBeTruthy()
    expect(hashInvitationToken(token!)).toBe(invitation.tokenHash)
    expect(invitation.tokenHash).not.toContain(token!)
  })

  it('notifies a registered user in the app as well, but the token travels only in the mailed link', async () => {
    const owner = await createExporter()
    const invitee = await createUser('EXPORTER')
    const { token } = await inviteMember({
      companyId: owner.company.id,
      inviter: { id: owner.user.id, name: owner.user.name },
      email: invitee.user.email,
      role: 'MEMBER',
      locale: 'en',
    })
    const prisma = await getPrisma()
    const notes = await prisma.notification.findMany({ where: { userId: invitee.user.id, kind: 'invitation.created' } })
    expect(notes).toHaveLength(1)
    // They have an account: the mail is in their language, whatever the inviter reads.
    const mail = await prisma.emailOutbox.findFirstOrThrow({ where: { to: invitee.user.email }, orderBy: { createdAt: 'desc' } })
    expect(mail.subject).toContain('Join')
    expect(JSON.stringify(notes)).not.toContain(token)
    const invitation = await prisma.exporterInvitation.findFirstOrThrow({ where: { email: invitee.user.email, companyId: owner.company.id } })
    expect(invitation.tokenHash).toBe(hashInvitationToken(token))
    expect(JSON.stringify(invitation)).not.toContain(token)
    const mails = await prisma.emailOutbox.findMany({ where: { to: invitee.user.email } })
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text).toContain(`/invitations/${token}`)
  })

  it('lets only owners and admins invite', async () => {
    const owner = await createExporter()
    const member = await addMember(owner.company.id, 'MEMBER')
    expect(
      await caught(() => post('/exporter/team', [member.cookie], { intent: 'invite', email: 'x@example.test', role: 'MEMBER' }, teamAction as never)),
    ).toMatchObject({ status: 403 })
    const team = await teamLoader({ request: getRequest('/exporter/team', [member.cookie]), params: {}, context: {} } as never)
    expect(team.viewer).toMatchObject({ canInvite: false, canRemove: false })
  })

  it('lets a new person sign up from the link and join with the invited role; the link works once', async () => {
    const owner = await createExporter()
    const email = `joiner-${Date.now()}@example.test`
    const { token } = await inviteMember({
      companyId: owner.company.id,
      inviter: { id: owner.user.id, name: owner.user.name },
      email,
      role: 'MEMBER',
      locale: 'en',
    })
    const page = await invitationLoader({ request: getRequest(`/invitations/${token}`), params: { token }, context: {} } as never)
    expect(page).toMatchObject({ invitation: { email, role: 'MEMBER' }, viewer: null })

    const response = (await post(
      `/invitations/${token}`,
      [],
      { intent: 'signup', name: 'Min-ji Park', password: 'a long enough password', timeZone: 'Asia/Seoul' },
      invitationAction,
      { token },
    )) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/exporter')
    const session = cookiePair(response.headers.getSetCookie().find((c) => c.startsWith('tc_session='))!)
    const user = await getOptionalUser(getRequest('/', [session]))
    expect(user).toMatchObject({ email, role: 'EXPORTER', exporterMember: { role: 'MEMBER', company: { id: owner.company.id } } })

    expect(await caught(() => invitationLoader({ request: getRequest(`/invitations/${token}`), params: { token }, context: {} } as never))).toMatchObject({
      status: 404,
    })
  })

  it('lets a signed-in exporter without a company accept, but not someone with another email or role', async () => {
    const owner = await createExporter()
    const loner = await createUser('EXPORTER')
    const { token } = await inviteMember({
      companyId: owner.company.id,
      inviter: { id: owner.user.id, name: owner.user.name },
      email: loner.user.email,
      role: 'ADMIN',
      locale: 'en',
    })

    const stranger = await createUser('EXPORTER')
    const wrongPerson = (await post(`/invitations/${token}`, [stranger.cookie], { intent: 'accept' }, invitationAction, { token })) as Failed
    expect(wrongPerson.init.status).toBe(400)
    expect(wrongPerson.data.result.error['']).toEqual(['exporter.invitation.errors.otherEmail'])

    const response = (await post(`/invitations/${token}`, [loner.cookie], { intent: 'accept' }, invitationAction, { token })) as Response
    expect(response.status).toBe(302)
    const prisma = await getPrisma()
    expect(await prisma.exporterMember.findUnique({ where: { userId: loner.user.id } })).toMatchObject({ companyId: owner.company.id, role: 'ADMIN' })
  })

  it('refuses a buyer and an expired invitation', async () => {
    const owner = await createExporter()
    const buyer = await createBuyer()
    const { token } = await inviteMember({
      companyId: owner.company.id,
      inviter: { id: owner.user.id, name: owner.user.name },
      email: buyer.user.email,
      role: 'MEMBER',
      locale: 'en',
    })
    const asBuyer = (await post(`/invitations/${token}`, [buyer.cookie], { intent: 'accept' }, invitationAction, { token })) as Failed
    expect(asBuyer.data.result.error['']).toEqual(['exporter.invitation.errors.notExporter'])

    const old = await inviteMember({
      companyId: owner.company.id,
      inviter: { id: owner.user.id, name: owner.user.name },
      email: `late-${Date.now()}@example.test`,
      role: 'MEMBER',
      locale: 'en',
      now: new Date(Date.now() - 8 * 86_400_000),
    })
    expect(
      await caught(() => invitationLoader({ request: getRequest(`/invitations/${old.token}`), params: { token: old.token }, context: {} } as never)),
    ).toMatchObject({ status: 404 })
    expect(
      await caught(() => invitationLoader({ request: getRequest('/invitations/garbage'), params: { token: 'garbage' }, context: {} } as never)),
    ).toMatchObject({ status: 404 })
  })
})

describe('removing members', () => {
  it('lets an owner remove a member, but not themself or the last owner; admins cannot remove', async () => {
    const owner = await createExporter()
    const admin = await addMember(owner.company.id, 'ADMIN')
    const member = await addMember(owner.company.id, 'MEMBER')
    const prisma = await getPrisma()
    const ownerMember = await prisma.exporterMember.findUniqueOrThrow({ where: { userId: owner.user.id } })

    expect(
      await caught(() => post('/exporter/team', [admin.cookie], { intent: 'remove-member', memberId: member.member.id }, teamAction as never)),
    ).toMatchObject({ status: 403 })

    const self = (await post('/exporter/team', [owner.cookie], { intent: 'remove-member', memberId: ownerMember.id }, teamAction)) as Failed
    expect(self.data.result.error['']).toEqual(['exporter.team.errors.removeSelf'])

    // A second owner may remove the first, but then the last owner stays.
    const second = await addMember(owner.company.id, 'OWNER')
    expect(
      ((await post('/exporter/team', [second.cookie], { intent: 'remove-member', memberId: ownerMember.id }, teamAction as never)) as Response).status,
    ).toBe(302)
    const third = await addMember(owner.company.id, 'OWNER')
    await prisma.exporterMember.update({ where: { id: third.member.id }, data: { role: 'MEMBER' } })
    // `third` is a plain member now; the only owner is `second`.
    expect(
      await caught(() => post('/exporter/team', [third.cookie], { intent: 'remove-member', memberId: second.member.id }, teamAction as never)),
    ).toMatchObject({ status: 403 })

    expect(
      ((await post('/exporter/team', [second.cookie], { intent: 'remove-member', memberId: member.member.id }, teamAction as never)) as Response).status,
    ).toBe(302)
    expect(await prisma.exporterMember.findUnique({ where: { id: member.member.id } })).toBeNull()

    // Another company's member id is not found.
    const other = await createExporter()
    const otherMember = await prisma.exporterMember.findUniqueOrThrow({ where: { userId: other.user.id } })
    expect(
      await caught(() => post('/exporter/team', [second.cookie], { intent: 'remove-member', memberId: otherMember.id }, teamAction as never)),
    ).toMatchObject({ status: 404 })
  })
})

describe('a removed member', () => {
  it('loses future meeting seats (they pass to the owner who removed them), keeps past ones, and their connections are told', async () => {
    const prisma = await getPrisma()
    const owner = await createExporter()
    const member = await addMember(owner.company.id, 'MEMBER')
    const buyer = await createBuyer()
    const now = new Date()
    const meeting = (startsInHours: number) =>
      prisma.meeting.create({
        data: {
          buyerId: buyer.profile.id,
          companyId: owner.company.id,
          status: 'ACCEPTED',
          startsAt: new Date(now.getTime() + startsInHours * 3_600_000),
          endsAt: new Date(now.getTime() + startsInHours * 3_600_000 + 1_800_000),
          requestedById: buyer.user.id,
          participants: {
            create: [
              { userId: buyer.user.id, role: 'BUYER' },
              { userId: member.user.id, role: 'EXPORTER' },
            ],
          },
        },
      })
    const future = await meeting(24)
    const past = await meeting(-24)
    const showcase = await prisma.liveSession.create({
      data: {
        title: 'Next week',
        hostId: member.user.id,
        companyId: owner.company.id,
        scheduledStartAt: new Date(now.getTime() + 86_400_000),
        scheduledEndAt: new Date(now.getTime() + 90_000_000),
      },
    })
    const events: unknown[] = []
    const stop = onIdentityEvent((event) => events.push(event))
    try {
      const response = (await post('/exporter/team', [owner.cookie], { intent: 'remove-member', memberId: member.member.id }, teamAction)) as Response
      expect(response.status).toBe(302)
    } finally {
      stop()
    }
    const seats = async (meetingId: string) =>
      (await prisma.meetingParticipant.findMany({ where: { meetingId, role: 'EXPORTER' }, select: { userId: true } })).map((s) => s.userId)
    expect(await seats(future.id)).toEqual([owner.user.id])
    expect(await seats(past.id)).toEqual([member.user.id])
    expect((await prisma.liveSession.findUniqueOrThrow({ where: { id: showcase.id } })).hostId).toBe(owner.user.id)
    expect(events).toEqual([{ kind: 'membership-changed', userId: member.user.id, companyId: owner.company.id }])
  })

  it('an owner demoted since signing in cannot remove anyone (role read fresh in the domain)', async () => {
    const prisma = await getPrisma()
    const owner = await createExporter()
    const second = await addMember(owner.company.id, 'OWNER')
    const member = await addMember(owner.company.id, 'MEMBER')
    await prisma.exporterMember.update({ where: { id: second.member.id }, data: { role: 'MEMBER' } })
    expect(await caught(() => removeMember(owner.company.id, second.user.id, member.member.id))).toMatchObject({ status: 403 })
    expect(await prisma.exporterMember.findUnique({ where: { id: member.member.id } })).not.toBeNull()
  })
})

describe('invitation mail language', () => {
  it('goes in the language the inviter chose for a newcomer, and in their own to someone registered', async () => {
    const owner = await createExporter()
    const prisma = await getPrisma()
    const newcomer = `newcomer-${Date.now()}@example.test`
    await inviteMember({ companyId: owner.company.id, inviter: { id: owner.user.id, name: 'Kim' }, email: newcomer, role: 'MEMBER', locale: 'ko' })
    const toNewcomer = await prisma.emailOutbox.findFirstOrThrow({ where: { to: newcomer } })
    expect(toNewcomer.subject).toBe(`Tradecast에서 ${owner.company.name}에 합류하세요`)
    expect(toNewcomer.text).toContain('Kim')

    const registered = await createUser('EXPORTER')
    await prisma.user.update({ where: { id: registered.user.id }, data: { locale: 'ko' } })
    await inviteMember({ companyId: owner.company.id, inviter: { id: owner.user.id, name: 'Kim' }, email: registered.user.email, role: 'MEMBER', locale: 'en' })
    const toRegistered = await prisma.emailOutbox.findFirstOrThrow({ where: { to: registered.user.email } })
    expect(toRegistered.subject).toBe(`Tradecast에서 ${owner.company.name}에 합류하세요`)
  })
})

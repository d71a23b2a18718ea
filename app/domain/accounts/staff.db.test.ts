import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../../../tests/fixtures'
import { postAction } from '../../../tests/http'
import { action as staffAction } from '~/routes/admin/staff'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { authenticate } from './accounts.server'
import { findPasswordResetUser, resetPassword } from './credentials.server'
import { STAFF_INVITE_TTL_MS, createStaffAccount, listStaffAccounts, resendStaffInvitation } from './staff.server'

// Hub staff accounts (docs/hub-staff.md): created by an admin, activated by the invitation's link.

const NOW = new Date('2026-12-05T09:00:00Z')
const email = () => `staff-${randomUUID().slice(0, 8)}@example.test`

async function invitationToken(to: string) {
  const prisma = await getPrisma()
  const mails = await prisma.emailOutbox.findMany({ where: { to }, orderBy: { createdAt: 'desc' } })
  return { count: mails.length, mail: mails[0], token: mails[0]?.text.match(/\/reset-password\/([A-Za-z0-9_-]{43})/)?.[1] }
}

type Reply = { data: { result: { error: Record<string, string[] | null> } }; init: { status: number } | null }

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('staff accounts', () => {
  it('creates a trade officer without a password and mails a link that works for seven days, in their language', async () => {
    const address = email()
    const { userId } = await createStaffAccount({ name: 'Bat-Erdene', email: address, role: 'TRADE_OFFICER', locale: 'mn' }, { name: 'Hub Admin' }, NOW)
    const prisma = await getPrisma()
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { password: true } })
    expect(user).toMatchObject({ role: 'TRADE_OFFICER', locale: 'mn', password: null })
    const { mail, token } = await invitationToken(address)
    expect(mail?.subject).toBe('Таны Tradecast бүртгэл')
    expect(mail?.text).toContain('Hub Admin')
    expect(mail?.text).toContain('Худалдааны төлөөлөгч')
    expect(await findPasswordResetUser(token!, new Date(NOW.getTime() + STAFF_INVITE_TTL_MS - 1000))).toEqual({ userId, email: address })
    expect(await findPasswordResetUser(token!, new Date(NOW.getTime() + STAFF_INVITE_TTL_MS))).toBeNull()
    expect((await listStaffAccounts(NOW)).find((account) => account.id === userId)?.state).toBe('invited')
    expect((await listStaffAccounts(new Date(NOW.getTime() + STAFF_INVITE_TTL_MS))).find((account) => account.id === userId)?.state).toBe('invitation-expired')

    await resetPassword({ token: token!, password: 'a long studio passphrase', now: new Date(NOW.getTime() + 60_000) })
    expect(await authenticate(address, 'a long studio passphrase')).toMatchObject({ id: userId })
    expect((await listStaffAccounts(NOW)).find((account) => account.id === userId)?.state).toBe('active')
    // An active account gets no invitation again.
    await expect(resendStaffInvitation(userId, { name: 'Hub Admin' }, NOW)).rejects.toMatchObject({ code: 'not-invitable', status: 404 })
  })

  it('a resent invitation voids the first link', async () => {
    const address = email()
    const { userId } = await createStaffAccount({ name: 'Studio Kim', email: address, role: 'STUDIO_OPERATOR', locale: 'ko' }, { name: 'Hub Admin' }, NOW)
    const first = (await invitationToken(address)).token!
    await resendStaffInvitation(userId, { name: 'Hub Admin' }, new Date(NOW.getTime() + 1000))
    const second = await invitationToken(address)
    expect(second.count).toBe(2)
    expect(second.token).not.toBe(first)
    expect(await findPasswordResetUser(first, NOW)).toBeNull()
    expect(await findPasswordResetUser(second.token!, NOW)).toEqual({ userId, email: address })
  })

  it('refuses an address that already has an account, a buyer to re-invite, and hostile forms', async () => {
    const { user: admin, cookie } = await createUser('ADMIN')
    const { user: buyer } = await createUser('BUYER')
    const taken = (await postAction(staffAction, '/admin/staff', [cookie], {
      intent: 'create-staff',
      name: 'Someone',
      email: buyer.email.toUpperCase(),
      role: 'AGENCY',
      locale: 'en',
    })) as Reply
    expect(taken.init?.status).toBe(400)
    expect(taken.data.result.error.email).toEqual(['staff.errors.emailTaken'])

    const reinvite = (await postAction(staffAction, '/admin/staff', [cookie], { intent: 'resend-invite', userId: buyer.id })) as Reply
    expect(reinvite.init?.status).toBe(404)

    for (const [field, value, error] of [
      ['role', 'ADMIN', 'errors.invalidChoice'],
      ['role', 'BUYER', 'errors.invalidChoice'],
      ['email', 'not-an-address', 'errors.invalidEmail'],
      ['name', 'invoice\u202Egnp.exe', 'errors.controlCharacters'],
      ['name', 'x'.repeat(101), 'errors.tooLong'],
      ['locale', 'xx', 'errors.invalidChoice'],
    ] as const) {
      const fields = { intent: 'create-staff', name: 'Probe', email: email(), role: 'ORGANIZER', locale: 'en', [field]: value }
      const reply = (await postAction(staffAction, '/admin/staff', [cookie], fields)) as Reply
      expect(reply.init?.status, `${field}=${value}`).toBe(400)
      expect(reply.data.result.error[field], `${field}=${value}`).toEqual([error])
    }
    const prisma = await getPrisma()
    expect(await prisma.user.count({ where: { name: 'Probe' } })).toBe(0)
    // The admin's name signs the invitation.
    const created = await postAction(staffAction, '/admin/staff', [cookie], {
      intent: 'create-staff',
      name: 'Agent Lee',
      email: email(),
      role: 'AGENCY',
      locale: 'en',
    })
    expect((created as Response).headers.get('Location')).toBe('/admin/staff')
    const agent = await prisma.user.findFirstOrThrow({ where: { name: 'Agent Lee' }, orderBy: { createdAt: 'desc' } })
    expect(agent.role).toBe('AGENCY')
    expect((await invitationToken(agent.email)).mail?.text).toContain(admin.name)
  })
})

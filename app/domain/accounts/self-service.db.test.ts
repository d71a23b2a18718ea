import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { caught, cookiePair, formRequest, getRequest, mintCsrf } from '../../../tests/http'
import { createUser } from '../../../tests/fixtures'
import { action as logoutAction } from '~/routes/_auth/logout'
import { handleLogin } from '~/routes/_auth/login.server'
import { handleForgotPassword, handlePasswordReset, loadPasswordReset } from '~/routes/_auth/password-reset.server'
import { handleSignup } from '~/routes/_auth/signup.server'
import { handleSettings, loadSettings } from '~/routes/settings/settings.server'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { getLogger } from '~/utils/logger.server'
import { authenticate } from './accounts.server'
import { changePassword, hashResetToken, requestPasswordReset, resetPassword } from './credentials.server'
import { type IdentityEvent, onIdentityEvent } from './identity-events.server'
import { hashPassword } from './password.server'
import { createUserSession, findActiveSessionUser, readSessionId } from './session.server'

const PASSWORD = 'correct horse battery'
const NEW_PASSWORD = 'a brand new passphrase'
const CHROME_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

type ActionData = {
  data: { result: { error: Record<string, string[] | null>; initialValue: Record<string, unknown> }; sent?: boolean }
  init: { status: number; headers?: Record<string, string> } | null
}

let events: IdentityEvent[] = []
let unsubscribe: () => void = () => undefined

beforeAll(async () => {
  await getPrisma()
  unsubscribe = onIdentityEvent((event) => events.push(event))
})
afterEach(() => {
  events = []
  vi.restoreAllMocks()
})
afterAll(async () => {
  unsubscribe()
  await disconnectPrisma()
})

let ipCounter = 0
/** A fresh client address per call, so one test's rate-limit budget never leaks into another. */
const freshIp = () => `198.51.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`

async function userWithPassword(role: 'BUYER' | 'EXPORTER' = 'BUYER') {
  const { user, cookie } = await createUser(role)
  const prisma = await getPrisma()
  await prisma.password.create({ data: { userId: user.id, hash: await hashPassword(PASSWORD) } })
  return { user, cookie }
}

async function sessionCookie(userId: string, userAgent = 'vitest', now = new Date()) {
  return cookiePair(await createUserSession(userId, { userAgent, ipAddress: '203.0.113.50' }, now))
}

async function post(
  handler: (request: Request) => Promise<unknown>,
  path: string,
  fields: Record<string, string>,
  { cookies = [] as string[], ip = freshIp() } = {},
) {
  const csrf = await mintCsrf()
  return handler(formRequest(path, { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, ...cookies], headers: { 'x-tradecast-client-ip': ip } }))
}

function sessionIdOf(cookie: string): Promise<string | null> {
  return readSessionId(cookie)
}

describe('password change in /settings', () => {
  it('refuses a wrong current password and changes nothing', async () => {
    const { user, cookie } = await userWithPassword()
    const other = await sessionCookie(user.id)
    const result = (await post(
      handleSettings,
      '/settings',
      { intent: 'change-password', currentPassword: 'not it at all', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { cookies: [cookie] },
    )) as ActionData
    expect(result.init?.status).toBe(400)
    expect(result.data.result.error.currentPassword).toEqual(['account.errors.currentPasswordWrong'])
    expect(result.data.result.initialValue.currentPassword).toBeUndefined()
    expect(await authenticate(user.email, PASSWORD)).not.toBeNull()
    expect(await findActiveSessionUser((await sessionIdOf(other))!)).not.toBeNull()
    expect(events).toEqual([])
  })

  it('refuses a confirmation that does not match', async () => {
    const { cookie } = await userWithPassword()
    const result = (await post(
      handleSettings,
      '/settings',
      { intent: 'change-password', currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: 'something else entirely' },
      { cookies: [cookie] },
    )) as ActionData
    expect(result.init?.status).toBe(400)
    expect(result.data.result.error.confirmPassword).toEqual(['account.errors.passwordMismatch'])
  })

  it('sets the new password, ends every other session, rotates this one and voids reset links', async () => {
    const { user, cookie } = await userWithPassword()
    const other = await sessionCookie(user.id)
    const [currentId, otherId] = [await sessionIdOf(cookie), await sessionIdOf(other)]
    await requestPasswordReset({ email: user.email })
    const response = (await post(
      handleSettings,
      '/settings',
      { intent: 'change-password', currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { cookies: [cookie] },
    )) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/settings')
    expect(await authenticate(user.email, NEW_PASSWORD)).not.toBeNull()
    expect(await authenticate(user.email, PASSWORD)).toBeNull()
    // The old ids are gone; this browser carries a new one.
    expect(await findActiveSessionUser(currentId!)).toBeNull()
    expect(await findActiveSessionUser(otherId!)).toBeNull()
    const fresh = cookiePair(response.headers.getSetCookie().find((c) => c.startsWith('tc_session='))!)
    const freshId = await sessionIdOf(fresh)
    expect(freshId).not.toBe(currentId)
    expect(await findActiveSessionUser(freshId!)).toMatchObject({ id: user.id })
    expect(events).toEqual([{ kind: 'sessions-revoked', userId: user.id, sessionIds: expect.arrayContaining([currentId, otherId]) }])
    const prisma = await getPrisma()
    expect(await prisma.passwordResetToken.count({ where: { userId: user.id, usedAt: null } })).toBe(0)
  })

  it('counts wrong current passwords against the sign-in budget', async () => {
    const { user, cookie } = await userWithPassword()
    const ip = freshIp()
    const statuses: number[] = []
    for (let n = 0; n < 11; n++) {
      const result = (await post(
        handleSettings,
        '/settings',
        { intent: 'change-password', currentPassword: `guess number ${n}`, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        { cookies: [cookie], ip },
      )) as ActionData
      statuses.push(result.init?.status ?? 200)
    }
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true)
    expect(statuses[10]).toBe(429)
    // Even the right password waits now.
    const right = (await post(
      handleSettings,
      '/settings',
      { intent: 'change-password', currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { cookies: [cookie], ip },
    )) as ActionData
    expect(right.init?.status).toBe(429)
    expect(await authenticate(user.email, PASSWORD)).not.toBeNull()
  })
})

async function latestResetMail(to: string) {
  const prisma = await getPrisma()
  const mails = await prisma.emailOutbox.findMany({ where: { to }, orderBy: { createdAt: 'desc' } })
  const token = mails[0]?.text.match(/\/reset-password\/([A-Za-z0-9_-]+)/)?.[1]
  return { count: mails.length, token, mail: mails[0] }
}

describe('password reset by mail', () => {
  it('answers the same for an unknown email and mails a hashed, single-use link to a known one', async () => {
    const { user } = await userWithPassword()
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.test`
    const forKnown = (await post(handleForgotPassword, '/forgot-password', { email: user.email.toUpperCase() })) as ActionData
    const forUnknown = (await post(handleForgotPassword, '/forgot-password', { email: unknown })) as ActionData
    expect(forKnown.init).toEqual(forUnknown.init)
    expect(forKnown.data).toEqual(forUnknown.data)
    expect(forKnown.data.sent).toBe(true)
    expect((await latestResetMail(unknown)).count).toBe(0)
    const { token, mail } = await latestResetMail(user.email)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(mail?.subject).toBe('Reset your Tradecast password')
    const prisma = await getPrisma()
    const stored = await prisma.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } })
    expect(stored.tokenHash).toBe(hashResetToken(token!))
    expect(stored.tokenHash).not.toContain(token!)
  })

  it('never writes the link token to the log when mail goes to the log', async () => {
    const { user } = await userWithPassword()
    const info = vi.spyOn(getLogger(), 'info')
    await post(handleForgotPassword, '/forgot-password', { email: user.email })
    const prisma = await getPrisma()
    // Delivery runs after the answer; wait for it.
    await vi.waitFor(async () => expect((await prisma.emailOutbox.findFirstOrThrow({ where: { to: user.email } })).sentAt).not.toBeNull(), { timeout: 5000 })
    const { token } = await latestResetMail(user.email)
    const logged = JSON.stringify(info.mock.calls)
    expect(logged).toContain('Reset your Tradecast password')
    expect(logged).toContain('/reset-password/[redacted]')
    expect(logged).not.toContain(token!)
  })

  it('resets the password through the link once, ends every session, and sends the person to sign in', async () => {
    const { user, cookie } = await userWithPassword()
    const other = await sessionCookie(user.id)
    const ids = [await sessionIdOf(cookie), await sessionIdOf(other)]
    await post(handleForgotPassword, '/forgot-password', { email: user.email })
    const { token } = await latestResetMail(user.email)
    expect(await loadPasswordReset(getRequest(`/reset-password/${token}`), token!)).toEqual({ valid: true, email: user.email })
    const response = (await post((request) => handlePasswordReset(request, token!), `/reset-password/${token}`, {
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    })) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/login')
    expect(response.headers.getSetCookie().some((c) => c.startsWith('tc_toast='))).toBe(true)
    expect(await authenticate(user.email, NEW_PASSWORD)).not.toBeNull()
    for (const id of ids) expect(await findActiveSessionUser(id!)).toBeNull()
    expect(events).toEqual([{ kind: 'sessions-revoked', userId: user.id, sessionIds: expect.arrayContaining(ids) }])
    // Used up: the page says so and a second POST changes nothing.
    expect(await loadPasswordReset(getRequest(`/reset-password/${token}`), token!)).toEqual({ valid: false, email: null })
    const again = (await post((request) => handlePasswordReset(request, token!), `/reset-password/${token}`, {
      password: 'yet another password',
      confirmPassword: 'yet another password',
    })) as ActionData
    expect(again.init?.status).toBe(400)
    expect(again.data.result.error['']).toEqual(['account.reset.invalidLink'])
    expect(await authenticate(user.email, NEW_PASSWORD)).not.toBeNull()
  })

  it('lets a link work for 30 minutes only', async () => {
    const { user } = await userWithPassword()
    const issued = new Date('2026-12-02T10:00:00Z')
    await requestPasswordReset({ email: user.email, now: issued })
    const { token } = await latestResetMail(user.email)
    await expect(resetPassword({ token: token!, password: NEW_PASSWORD, now: new Date('2026-12-02T10:30:00Z') })).rejects.toMatchObject({
      messageKey: 'account.reset.invalidLink',
    })
    expect(await authenticate(user.email, PASSWORD)).not.toBeNull()
    await expect(resetPassword({ token: token!, password: NEW_PASSWORD, now: new Date('2026-12-02T10:29:59Z') })).resolves.toBe(user.id)
  })

  it('voids the older link when a new one is requested', async () => {
    const { user } = await userWithPassword()
    await requestPasswordReset({ email: user.email })
    const first = (await latestResetMail(user.email)).token!
    await requestPasswordReset({ email: user.email })
    const second = (await latestResetMail(user.email)).token!
    expect(second).not.toBe(first)
    expect((await loadPasswordReset(getRequest('/'), first)).valid).toBe(false)
    expect((await loadPasswordReset(getRequest('/'), second)).valid).toBe(true)
  })

  it('voids open links when the password is changed', async () => {
    const { user } = await userWithPassword()
    await requestPasswordReset({ email: user.email })
    const { token } = await latestResetMail(user.email)
    await changePassword({ userId: user.id, currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
    expect((await loadPasswordReset(getRequest('/'), token!)).valid).toBe(false)
  })

  it('mails one inbox at most 3 times an hour, still with the same answer, and limits each address', async () => {
    const { user } = await userWithPassword()
    const answers: ActionData[] = []
    for (let n = 0; n < 4; n++) answers.push((await post(handleForgotPassword, '/forgot-password', { email: user.email })) as ActionData)
    expect(new Set(answers.map((answer) => JSON.stringify([answer.init, answer.data]))).size).toBe(1)
    expect((await latestResetMail(user.email)).count).toBe(3)
    const ip = freshIp()
    const statuses: number[] = []
    for (let n = 0; n < 11; n++) {
      const answer = (await post(
        handleForgotPassword,
        '/forgot-password',
        { email: `probe-${n}-${randomUUID().slice(0, 6)}@example.test` },
        { ip },
      )) as ActionData
      statuses.push(answer.init?.status ?? 200)
    }
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true)
    expect(statuses[10]).toBe(429)
  })
})

describe('sessions in /settings', () => {
  it('lists the user’s own live sessions with device and address, this one marked, and no raw ids', async () => {
    const { user, cookie } = await userWithPassword()
    const phone = await sessionCookie(user.id, CHROME_ON_WINDOWS)
    const stranger = await userWithPassword()
    const page = await loadSettings(getRequest('/settings', [cookie]))
    expect(page.sessions).toHaveLength(2)
    expect(page.sessions.filter((session) => session.current)).toHaveLength(1)
    expect(page.sessions.find((session) => !session.current)).toMatchObject({ browser: 'Chrome', os: 'Windows', ipAddress: '203.0.113.50' })
    const serialized = JSON.stringify(page)
    for (const c of [cookie, phone, stranger.cookie]) expect(serialized).not.toContain((await sessionIdOf(c))!)
  })

  it('signs out one other device, tells open connections, and ignores handles of other users', async () => {
    const { user, cookie } = await userWithPassword()
    const other = await sessionCookie(user.id, CHROME_ON_WINDOWS)
    const otherId = await sessionIdOf(other)
    const stranger = await userWithPassword()
    const strangerHandle = (await loadSettings(getRequest('/settings', [stranger.cookie]))).sessions[0]!.handle
    expect(await caught(() => post(handleSettings, '/settings', { intent: 'revoke-session', session: strangerHandle }, { cookies: [cookie] }))).toMatchObject({
      status: 404,
    })
    expect(await findActiveSessionUser((await sessionIdOf(stranger.cookie))!)).not.toBeNull()

    const handle = (await loadSettings(getRequest('/settings', [cookie]))).sessions.find((session) => !session.current)!.handle
    const response = (await post(handleSettings, '/settings', { intent: 'revoke-session', session: handle }, { cookies: [cookie] })) as Response
    expect(response.status).toBe(302)
    expect(await findActiveSessionUser(otherId!)).toBeNull()
    expect(await findActiveSessionUser((await sessionIdOf(cookie))!)).not.toBeNull()
    expect(events).toEqual([{ kind: 'sessions-revoked', userId: user.id, sessionIds: [otherId] }])
  })

  it('signs out everywhere else and keeps this device', async () => {
    const { user, cookie } = await userWithPassword()
    const others = [await sessionCookie(user.id), await sessionCookie(user.id)]
    const otherIds = await Promise.all(others.map(sessionIdOf))
    const response = (await post(handleSettings, '/settings', { intent: 'revoke-other-sessions' }, { cookies: [cookie] })) as Response
    expect(response.status).toBe(302)
    const prisma = await getPrisma()
    expect(await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([{ id: await sessionIdOf(cookie) }])
    expect(events).toEqual([{ kind: 'sessions-revoked', userId: user.id, sessionIds: expect.arrayContaining(otherIds) }])
  })

  it('announces a sign-out to open connections', async () => {
    const { user, cookie } = await userWithPassword()
    const id = await sessionIdOf(cookie)
    const csrf = await mintCsrf()
    await logoutAction({ request: formRequest('/logout', { csrf: csrf.token }, { cookies: [csrf.cookie, cookie] }) } as never)
    expect(await findActiveSessionUser(id!)).toBeNull()
    expect(events).toEqual([{ kind: 'sessions-revoked', userId: user.id, sessionIds: [id] }])
  })
})

describe('idle timeout', () => {
  const start = new Date('2026-12-02T08:00:00Z')
  const later = (minutes: number) => new Date(start.getTime() + minutes * 60_000)

  it('ends a session unused for 12 hours (the default) and deletes it', async () => {
    const { user } = await createUser('BUYER')
    const id = (await sessionIdOf(await sessionCookie(user.id, 'vitest', start)))!
    expect(await findActiveSessionUser(id, later(719))).toMatchObject({ id: user.id })
    // That request counted as activity: idle time starts again from minute 719.
    expect(await findActiveSessionUser(id, later(719 + 719))).toMatchObject({ id: user.id })
    expect(await findActiveSessionUser(id, later(719 + 719 + 720))).toBeNull()
    const prisma = await getPrisma()
    expect(await prisma.session.count({ where: { id } })).toBe(0)
    expect(events).toEqual([{ kind: 'sessions-revoked', userId: user.id, sessionIds: [id] }])
  })

  it('writes lastSeenAt at most every 5 minutes', async () => {
    const { user } = await createUser('BUYER')
    const id = (await sessionIdOf(await sessionCookie(user.id, 'vitest', start)))!
    const prisma = await getPrisma()
    const seen = async () => (await prisma.session.findUniqueOrThrow({ where: { id } })).lastSeenAt.toISOString()
    await findActiveSessionUser(id, later(4))
    expect(await seen()).toBe(start.toISOString())
    await findActiveSessionUser(id, later(5))
    expect(await seen()).toBe(later(5).toISOString())
    await findActiveSessionUser(id, later(9))
    expect(await seen()).toBe(later(5).toISOString())
  })

  it('follows SESSION_IDLE_TIMEOUT_MINUTES and keeps the 30-day absolute life', async () => {
    process.env.SESSION_IDLE_TIMEOUT_MINUTES = '60'
    resetEnvCache()
    try {
      const { user: short } = await createUser('BUYER')
      const shortId = (await sessionIdOf(await sessionCookie(short.id, 'vitest', start)))!
      expect(await findActiveSessionUser(shortId, later(59))).not.toBeNull()
      expect(await findActiveSessionUser(shortId, later(59 + 60))).toBeNull()
    } finally {
      delete process.env.SESSION_IDLE_TIMEOUT_MINUTES
      resetEnvCache()
    }
    const { user } = await createUser('BUYER')
    const id = (await sessionIdOf(await sessionCookie(user.id, 'vitest', start)))!
    // Busy every 10 hours: still ends at 30 days.
    let minute = 0
    while (minute < 30 * 24 * 60 - 600) {
      minute += 600
      expect(await findActiveSessionUser(id, later(minute))).not.toBeNull()
    }
    expect(await findActiveSessionUser(id, later(30 * 24 * 60))).toBeNull()
  })
})

describe('sign-in and sign-up abuse', () => {
  it('refuses an account guessed from many addresses with the same message whether or not it exists', async () => {
    const { user } = await userWithPassword()
    const ghost = `ghost-${randomUUID().slice(0, 8)}@example.test`
    for (const email of [user.email, ghost]) {
      for (let n = 0; n < 20; n++) {
        const miss = (await post(handleLogin, '/login', { email, password: `guess ${n}` })) as ActionData
        expect(miss.init?.status).toBe(400)
      }
      const limited = (await post(handleLogin, '/login', { email, password: PASSWORD })) as ActionData
      expect(limited.init?.status).toBe(429)
      expect(limited.data.result.error['']).toEqual(['errors.tooManyAttempts|15'])
    }
  })

  it('goes nowhere else after sign-in, whatever redirectTo holds', async () => {
    const { user } = await userWithPassword()
    for (const redirectTo of ['/\t/evil.example', '/%09/evil.example', '/\\evil.example', '//evil.example', 'https://evil.example']) {
      const response = (await post(handleLogin, '/login', { email: user.email, password: PASSWORD, redirectTo })) as Response
      expect(response.headers.get('Location')).toBe('/buyer')
    }
  })

  const signupFields = (email: string) => ({
    accountType: 'BUYER',
    name: 'Robo Buyer',
    email,
    password: PASSWORD,
    companyName: 'Scripted Imports',
    country: 'US',
    businessType: 'IMPORTER',
    timeZone: 'America/New_York',
  })

  it('refuses a sign-up whose honeypot is filled, keeps the input but not the password', async () => {
    const email = `honey-${randomUUID().slice(0, 8)}@example.test`
    const result = (await post(handleSignup, '/signup', { ...signupFields(email), website: 'http://spam.example' })) as ActionData
    expect(result.init?.status).toBe(400)
    expect(result.data.result.error['']).toEqual(['account.errors.signupRefused'])
    expect(result.data.result.initialValue).toMatchObject({ companyName: 'Scripted Imports', email })
    expect(result.data.result.initialValue.password).toBeUndefined()
    const prisma = await getPrisma()
    expect(await prisma.user.count({ where: { email } })).toBe(0)
  })

  it('allows 5 sign-up attempts an hour from one address; a refused duplicate counts too (probing which e-mails have accounts costs budget)', async () => {
    const ip = freshIp()
    const taken = `taken-${randomUUID().slice(0, 8)}@example.test`
    expect(((await post(handleSignup, '/signup', signupFields(taken), { ip })) as Response).status).toBe(302)
    const duplicate = (await post(handleSignup, '/signup', signupFields(taken), { ip })) as ActionData
    expect(duplicate.data.result.error.email).toEqual(['errors.emailTaken'])
    for (let n = 0; n < 3; n++) {
      expect(((await post(handleSignup, '/signup', signupFields(`bulk-${n}-${randomUUID().slice(0, 8)}@example.test`), { ip })) as Response).status).toBe(302)
    }
    const email = `sixth-${randomUUID().slice(0, 8)}@example.test`
    const refused = (await post(handleSignup, '/signup', signupFields(email), { ip })) as ActionData
    expect(refused.init?.status).toBe(429)
    expect(refused.data.result.error['']?.[0]).toMatch(/^account\.errors\.tooManySignups\|\d+$/)
    expect(refused.data.result.initialValue).toMatchObject({ companyName: 'Scripted Imports', email })
    expect(refused.data.result.initialValue.password).toBeUndefined()
    const prisma = await getPrisma()
    expect(await prisma.user.count({ where: { email } })).toBe(0)
    // Another address is unaffected.
    expect(((await post(handleSignup, '/signup', signupFields(`elsewhere-${randomUUID().slice(0, 8)}@example.test`))) as Response).status).toBe(302)
  })
})

import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cookiePair, formRequest, getRequest, mintCsrf } from '../../../tests/http'
import { createExporter, createUser } from '../../../tests/fixtures'
import { action as preferencesAction } from '~/routes/preferences'
import { handleInvitationAction } from '~/routes/invitations/accept.server'
import { inviteMember } from '~/domain/exporters/team.server'
import { handleLogin } from './login.server'
import { handleSignup } from './signup.server'
import { hashPassword } from '~/domain/accounts/password.server'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { localeCookie, resolveLocale } from '~/utils/preferences.server'

const PASSWORD = 'correct horse battery'

let ipCounter = 0
/** Each request from its own address, below the sign-in and sign-up limits. */
const freshIp = () => `198.18.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

async function post(
  handler: (request: Request) => Promise<unknown>,
  path: string,
  fields: Record<string, string>,
  { cookies = [] as string[], headers = {} } = {},
): Promise<Response> {
  const csrf = await mintCsrf()
  const response = await handler(
    formRequest(path, { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, ...cookies], headers: { 'x-tradecast-client-ip': freshIp(), ...headers } }),
  )
  if (!(response instanceof Response)) throw new Error(`expected a redirect, got ${JSON.stringify(response)}`)
  return response
}

const callPreferences = (request: Request) => preferencesAction({ request, params: {}, context: {} } as never)

/** The Set-Cookie header of one cookie, by name. */
function setCookieOf(response: Response, name: string): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`))
}

/** The cookies a guest's browser holds after using the language switch. */
async function guestSwitchedTo(locale: string): Promise<string[]> {
  const response = await post(callPreferences, '/preferences', { intent: 'locale', locale, redirectTo: '/catalog' })
  expect(response.headers.get('Location')).toBe('/catalog')
  return ['tc_lang', 'tc_lang_guest'].map((name) => {
    const cookie = setCookieOf(response, name)
    if (!cookie) throw new Error(`no ${name} cookie`)
    return cookiePair(cookie)
  })
}

async function accountWithPassword(locale: string) {
  const { user, cookie } = await createUser('BUYER')
  const prisma = await getPrisma()
  await prisma.user.update({ where: { id: user.id }, data: { locale } })
  await prisma.password.create({ data: { userId: user.id, hash: await hashPassword(PASSWORD) } })
  return { user, cookie }
}

async function savedLocale(userId: string) {
  const prisma = await getPrisma()
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } })).locale
}

async function shownLocale(response: Response): Promise<unknown> {
  const cookie = setCookieOf(response, 'tc_lang')
  return cookie ? localeCookie.parse(cookiePair(cookie)) : undefined
}

const signupFields = (email: string) => ({
  accountType: 'BUYER',
  name: 'Lee Buyer',
  email,
  password: PASSWORD,
  companyName: 'Harbor Imports',
  country: 'US',
  businessType: 'IMPORTER',
  timeZone: 'America/New_York',
})

describe('the language switch', () => {
  it('marks a guest’s pick as an explicit choice, and a signed-in pick saves it to the account and clears the mark', async () => {
    const [display, choice] = await guestSwitchedTo('ko')
    expect(await localeCookie.parse(display ?? '')).toBe('ko')
    expect(choice).toMatch(/^tc_lang_guest=./)

    const { user, cookie } = await accountWithPassword('en')
    const response = await post(callPreferences, '/preferences', { intent: 'locale', locale: 'ko' }, { cookies: [cookie, ...(await guestSwitchedTo('en'))] })
    expect(await savedLocale(user.id)).toBe('ko')
    expect(setCookieOf(response, 'tc_lang_guest')).toMatch(/^tc_lang_guest=;.*Max-Age=0/)
  })
})

describe('sign-in keeps a language chosen as a guest', () => {
  it('keeps the guest’s explicit choice, saves it to the account, and consumes the choice', async () => {
    const { user } = await accountWithPassword('en')
    const response = await post(handleLogin, '/login', { email: user.email, password: PASSWORD }, { cookies: await guestSwitchedTo('ko') })
    expect(response.status).toBe(302)
    expect(await shownLocale(response)).toBe('ko')
    expect(setCookieOf(response, 'tc_lang_guest')).toMatch(/Max-Age=0/)
    expect(await savedLocale(user.id)).toBe('ko')
    // On another device (no cookies but the session) the account's language is now Korean.
    const session = cookiePair(setCookieOf(response, 'tc_session') ?? '')
    const signedIn = await getOptionalUser(getRequest('/', [session]))
    expect(await resolveLocale(getRequest('/', [session]), signedIn)).toBe('ko')
  })

  it('without an explicit choice, the account’s saved language wins over what the browser last showed', async () => {
    const { user } = await accountWithPassword('ko')
    // The display cookie another account left behind on a shared browser, and an English browser.
    const leftBehind = cookiePair(await localeCookie.serialize('en'))
    const response = await post(
      handleLogin,
      '/login',
      { email: user.email, password: PASSWORD },
      { cookies: [leftBehind], headers: { 'Accept-Language': 'en-US,en;q=0.9' } },
    )
    expect(await shownLocale(response)).toBe('ko')
    expect(await savedLocale(user.id)).toBe('ko')
  })

  it('ignores a forged or unknown choice and a failed sign-in consumes nothing', async () => {
    const { user } = await accountWithPassword('en')
    const forged = `tc_lang_guest=${Buffer.from(JSON.stringify('xx')).toString('base64')}`
    const response = await post(handleLogin, '/login', { email: user.email, password: PASSWORD }, { cookies: [forged, 'tc_lang_guest=%%%not-base64'] })
    expect(await shownLocale(response)).toBe('en')
    expect(await savedLocale(user.id)).toBe('en')

    const other = await accountWithPassword('en')
    const csrf = await mintCsrf()
    const refused = await handleLogin(
      formRequest(
        '/login',
        { csrf: csrf.token, email: other.user.email, password: 'not the password' },
        { cookies: [csrf.cookie, ...(await guestSwitchedTo('ko'))], headers: { 'x-tradecast-client-ip': freshIp() } },
      ),
    )
    expect(refused).not.toBeInstanceOf(Response)
    expect(await savedLocale(other.user.id)).toBe('en')
  })
})

describe('sign-up starts the account in the chosen language', () => {
  it('saves the guest’s explicit choice as the account’s language', async () => {
    const email = `lang-${randomUUID().slice(0, 8)}@example.test`
    const response = await post(handleSignup, '/signup', signupFields(email), {
      cookies: await guestSwitchedTo('ko'),
      headers: { 'Accept-Language': 'en-US' },
    })
    expect(response.headers.get('Location')).toBe('/buyer')
    expect(await shownLocale(response)).toBe('ko')
    expect(setCookieOf(response, 'tc_lang_guest')).toMatch(/Max-Age=0/)
    const prisma = await getPrisma()
    expect((await prisma.user.findUniqueOrThrow({ where: { email }, select: { locale: true } })).locale).toBe('ko')
  })

  it('without a choice, takes the language the visitor reads (the browser’s), else English', async () => {
    const prisma = await getPrisma()
    const korean = `lang-ko-${randomUUID().slice(0, 8)}@example.test`
    const fromBrowser = await post(handleSignup, '/signup', signupFields(korean), { headers: { 'Accept-Language': 'ko-KR,ko;q=0.9,en;q=0.5' } })
    expect(await shownLocale(fromBrowser)).toBe('ko')
    expect((await prisma.user.findUniqueOrThrow({ where: { email: korean }, select: { locale: true } })).locale).toBe('ko')

    const plain = `lang-en-${randomUUID().slice(0, 8)}@example.test`
    await post(handleSignup, '/signup', signupFields(plain), { headers: { 'Accept-Language': 'fr-FR' } })
    expect((await prisma.user.findUniqueOrThrow({ where: { email: plain }, select: { locale: true } })).locale).toBe('en')
  })

  it('does the same for an account created from a team invitation', async () => {
    const owner = await createExporter()
    const email = `invited-${randomUUID().slice(0, 8)}@example.test`
    const { token } = await inviteMember({
      companyId: owner.company.id,
      inviter: { id: owner.user.id, name: owner.user.name },
      email,
      role: 'MEMBER',
      locale: 'en',
    })
    const response = await post(
      (request) => handleInvitationAction(request, token),
      `/invitations/${token}`,
      { intent: 'signup', name: 'Invited Lee', password: PASSWORD, timeZone: 'Asia/Seoul' },
      { cookies: await guestSwitchedTo('ko'), headers: { 'Accept-Language': 'en-US' } },
    )
    expect(response.headers.get('Location')).toBe('/exporter')
    expect(await shownLocale(response)).toBe('ko')
    expect(setCookieOf(response, 'tc_lang_guest')).toMatch(/Max-Age=0/)
    const prisma = await getPrisma()
    expect((await prisma.user.findUniqueOrThrow({ where: { email }, select: { locale: true } })).locale).toBe('ko')
  })
})

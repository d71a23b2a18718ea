import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caught, cookiePair, formRequest, getRequest, mintCsrf } from '../../../tests/http'
import { loader as buyerDashboardLoader } from '~/routes/buyer/dashboard'
import { loader as exporterDashboardLoader } from '~/routes/exporter/dashboard'
import { handleLogin } from '~/routes/_auth/login.server'
import { handleSignup } from '~/routes/_auth/signup.server'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { getOptionalUser } from './session.server'

const PASSWORD = 'correct horse battery'

function uniqueEmail(tag: string) {
  return `${tag}-${randomUUID().slice(0, 8)}@example.test`
}

let signupAddress = 0

async function signUpBuyer(email: string) {
  const csrf = await mintCsrf()
  const response = await handleSignup(
    formRequest(
      '/signup',
      {
        csrf: csrf.token,
        accountType: 'BUYER',
        name: 'Ada Buyer',
        email,
        password: PASSWORD,
        companyName: 'Harbor Imports',
        country: 'US',
        businessType: 'IMPORTER',
        timeZone: 'America/New_York',
      },
      // Each sign-up from its own address: one address may create only 5 accounts an hour.
      { cookies: [csrf.cookie], headers: { 'x-tradecast-client-ip': `192.0.2.${++signupAddress}` } },
    ),
  )
  return { response, csrf }
}

function sessionCookieFrom(response: Response): string {
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('tc_session='))
  if (!setCookie) throw new Error('no session cookie set')
  return cookiePair(setCookie)
}

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('sign up', () => {
  it('creates a buyer with a profile and signs them in', async () => {
    const email = uniqueEmail('new-buyer')
    const { response } = await signUpBuyer(email)
    expect(response).toBeInstanceOf(Response)
    const res = response as Response
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/buyer')
    const session = sessionCookieFrom(res)
    expect(res.headers.getSetCookie().find((c) => c.startsWith('tc_session='))).toMatch(/HttpOnly/i)
    expect(res.headers.getSetCookie().find((c) => c.startsWith('tc_session='))).toMatch(/SameSite=Lax/i)
    const user = await getOptionalUser(getRequest('/', [session]))
    expect(user).toMatchObject({ email, role: 'BUYER', timeZone: 'America/New_York' })
    expect(user?.buyerProfile).toMatchObject({ companyName: 'Harbor Imports', country: 'US' })
    const prisma = await getPrisma()
    const stored = await prisma.password.findFirstOrThrow({ where: { user: { email } } })
    expect(stored.hash).toMatch(/^\$argon2id\$/)
  })

  it('goes back to a same-site redirectTo after signing up, never to another site', async () => {
    const csrf = await mintCsrf()
    const fields = {
      csrf: csrf.token,
      accountType: 'BUYER',
      name: 'Redirected Buyer',
      password: PASSWORD,
      companyName: 'Harbor Imports',
      country: 'US',
      businessType: 'IMPORTER',
      timeZone: 'America/New_York',
    }
    const back = (await handleSignup(
      formRequest('/signup', { ...fields, email: uniqueEmail('redir'), redirectTo: '/catalog/abc' }, { cookies: [csrf.cookie] }),
    )) as Response
    expect(back.headers.get('Location')).toBe('/catalog/abc')
    const away = (await handleSignup(
      formRequest('/signup', { ...fields, email: uniqueEmail('redir2'), redirectTo: '//evil.example/x' }, { cookies: [csrf.cookie] }),
    )) as Response
    expect(away.headers.get('Location')).toBe('/buyer')
  })

  it('refuses a duplicate email and keeps what was typed (except the password)', async () => {
    const email = uniqueEmail('dup')
    await signUpBuyer(email)
    const { response } = await signUpBuyer(email.toUpperCase())
    const result = response as unknown as {
      data: { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }
      init: { status: number }
    }
    expect(result.init.status).toBe(400)
    expect(result.data.result.error.email).toEqual(['errors.emailTaken'])
    expect(result.data.result.initialValue.companyName).toBe('Harbor Imports')
    expect(result.data.result.initialValue.password).toBeUndefined()
    const prisma = await getPrisma()
    expect(await prisma.user.count({ where: { email } })).toBe(1)
  })

  it('answers invalid input with field errors and creates nothing', async () => {
    const csrf = await mintCsrf()
    const email = uniqueEmail('bad')
    const response = (await handleSignup(
      formRequest(
        '/signup',
        {
          csrf: csrf.token,
          accountType: 'BUYER',
          name: '',
          email,
          password: 'short',
          companyName: 'X',
          country: 'ZZ',
          businessType: 'PIRATE',
          timeZone: 'Mars/Olympus',
        },
        { cookies: [csrf.cookie] },
      ),
    )) as unknown as { data: { result: { error: Record<string, string[]> } }; init: { status: number } }
    expect(response.init.status).toBe(400)
    expect(response.data.result.error).toMatchObject({
      name: ['errors.required'],
      password: ['errors.passwordTooShort'],
      country: ['errors.invalidCountry'],
      businessType: ['errors.invalidChoice'],
      timeZone: ['errors.invalidTimeZone'],
    })
    const prisma = await getPrisma()
    expect(await prisma.user.count({ where: { email } })).toBe(0)
  })
})

describe('sign in', () => {
  it('rejects a wrong password with a generic message', async () => {
    const email = uniqueEmail('wrong-pw')
    await signUpBuyer(email)
    const csrf = await mintCsrf()
    const response = (await handleLogin(
      formRequest('/login', { csrf: csrf.token, email, password: 'not the password' }, { cookies: [csrf.cookie] }),
    )) as unknown as { data: { result: { error: Record<string, string[]> } }; init: { status: number } }
    expect(response.init.status).toBe(400)
    expect(response.data.result.error['']).toEqual(['errors.invalidCredentials'])
  })

  it('signs in with the right password and redirects to the role dashboard', async () => {
    const email = uniqueEmail('right-pw')
    await signUpBuyer(email)
    const csrf = await mintCsrf()
    const response = (await handleLogin(formRequest('/login', { csrf: csrf.token, email, password: PASSWORD }, { cookies: [csrf.cookie] }))) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/buyer')
    expect(sessionCookieFrom(response)).toMatch(/^tc_session=/)
  })

  it('rate-limits repeated failures for one account from one address', async () => {
    const email = uniqueEmail('limited')
    const csrf = await mintCsrf()
    const attempt = () =>
      handleLogin(
        formRequest('/login', { csrf: csrf.token, email, password: 'guess' }, { cookies: [csrf.cookie], headers: { 'x-tradecast-client-ip': '198.51.100.9' } }),
      ) as unknown as Promise<{ init: { status: number; headers?: Record<string, string> } }>
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await attempt()).init.status)
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true)
    const limited = await attempt()
    expect(limited.init.status).toBe(429)
    expect(Number(limited.init.headers?.['Retry-After'])).toBeGreaterThan(0)
  })

  it('refuses a form without a valid CSRF token', async () => {
    const email = uniqueEmail('csrf')
    await signUpBuyer(email)
    const csrf = await mintCsrf()
    const other = await mintCsrf()
    // No token at all
    expect(await caught(() => handleLogin(formRequest('/login', { email, password: PASSWORD }, { cookies: [csrf.cookie] })))).toMatchObject({
      status: 403,
      data: { reason: 'csrf' },
    })
    // A token that belongs to another browser
    expect(await caught(() => handleLogin(formRequest('/login', { csrf: other.token, email, password: PASSWORD }, { cookies: [csrf.cookie] })))).toMatchObject({
      status: 403,
    })
    // The right token from a foreign origin
    expect(
      await caught(() =>
        handleLogin(
          formRequest('/login', { csrf: csrf.token, email, password: PASSWORD }, { cookies: [csrf.cookie], headers: { Origin: 'https://evil.example' } }),
        ),
      ),
    ).toMatchObject({ status: 403 })
  })
})

describe('sessions and guards', () => {
  it('treats an expired session as signed out and deletes it', async () => {
    const email = uniqueEmail('expired')
    const { response } = await signUpBuyer(email)
    const session = sessionCookieFrom(response as Response)
    const prisma = await getPrisma()
    const user = await prisma.user.findUniqueOrThrow({ where: { email } })
    await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await getOptionalUser(getRequest('/', [session]))).toBeNull()
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
    expect(await caught(() => buyerDashboardLoader({ request: getRequest('/buyer', [session]) } as never))).toMatchObject({
      status: 302,
      location: '/login?redirectTo=%2Fbuyer',
    })
  })

  it('ignores a forged session cookie', async () => {
    expect(await getOptionalUser(getRequest('/', ['tc_session=forged-value']))).toBeNull()
  })

  it('answers 403 when a buyer opens an exporter page', async () => {
    const email = uniqueEmail('guard')
    const { response } = await signUpBuyer(email)
    const session = sessionCookieFrom(response as Response)
    expect(await caught(() => exporterDashboardLoader({ request: getRequest('/exporter', [session]) } as never))).toMatchObject({
      status: 403,
      data: { reason: 'forbidden' },
    })
  })
})

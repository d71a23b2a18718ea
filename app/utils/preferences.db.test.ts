import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../../tests/fixtures'
import { getRequest } from '../../tests/http'
import { requireUser } from '~/domain/accounts/session.server'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { TIME_ZONE_COOKIE } from '~/lib/time'
import { loadSettings } from '~/routes/settings/settings.server'
import { resolveTimeZone } from './preferences.server'

// Whose zone a page shows: an account's chosen zone — UTC as much as any other — else the browser's.

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

const seoulBrowser = `${TIME_ZONE_COOKIE}=${encodeURIComponent('Asia/Seoul')}`

/** The signed-in user as the pages see them, on a browser in Seoul. */
async function signedIn(timeZone: string | null) {
  const prisma = await getPrisma()
  const { user, cookie } = await createUser('BUYER')
  await prisma.user.update({ where: { id: user.id }, data: { timeZone } })
  const request = getRequest('/settings', [cookie, seoulBrowser])
  return { request, user: await requireUser(request) }
}

describe('resolveTimeZone', () => {
  it('an account that chose UTC sees UTC, even on a browser in Seoul', async () => {
    const { request, user } = await signedIn('UTC')
    expect(user.timeZone).toBe('UTC')
    expect(resolveTimeZone(request, user)).toEqual({ timeZone: 'UTC', known: true })
  })

  it('an account that chose no zone sees its browser’s zone, and its settings start on it', async () => {
    const { request, user } = await signedIn(null)
    expect(user.timeZone).toBeNull()
    expect(resolveTimeZone(request, user)).toEqual({ timeZone: 'Asia/Seoul', known: true })
    expect((await loadSettings(request)).profile.timeZone).toBe('Asia/Seoul')
  })

  it('another chosen zone wins over the browser’s; nothing known at all is UTC, marked unknown', async () => {
    const { request, user } = await signedIn('America/New_York')
    expect(resolveTimeZone(request, user)).toEqual({ timeZone: 'America/New_York', known: true })
    expect((await loadSettings(request)).profile.timeZone).toBe('America/New_York')
    expect(resolveTimeZone(getRequest('/'), { timeZone: null })).toEqual({ timeZone: 'UTC', known: false })
    expect(resolveTimeZone(getRequest('/'), null)).toEqual({ timeZone: 'UTC', known: false })
  })

  it('a hostile browser cookie or a stored zone that is no zone falls through to what is known', async () => {
    const hostile = getRequest('/', [`${TIME_ZONE_COOKIE}=${encodeURIComponent('../../etc/passwd')}`])
    expect(resolveTimeZone(hostile, null)).toEqual({ timeZone: 'UTC', known: false })
    expect(resolveTimeZone(getRequest('/', [seoulBrowser]), { timeZone: 'Mars/Olympus' })).toEqual({ timeZone: 'Asia/Seoul', known: true })
  })

  it('a user created without a zone has none (the column no longer defaults to UTC)', async () => {
    const prisma = await getPrisma()
    const user = await prisma.user.create({
      data: { email: `tz-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`, name: 'No zone', role: 'BUYER' },
    })
    expect(user.timeZone).toBeNull()
  })
})

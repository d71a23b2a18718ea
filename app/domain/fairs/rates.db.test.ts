import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createUser } from '../../../tests/fixtures'
import { caught, getRequest, postAction } from '../../../tests/http'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { action as ratesAction, loader as ratesLoader } from '~/routes/organizer/rates'

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

type RatesPage = {
  canManage: boolean
  rates: Array<{ id: string; currency: string; usdPerUnit: string; validFrom: string }>
  changes: Array<{ currency: string; validFrom: string; oldUsdPerUnit: string | null; newUsdPerUnit: string | null; actorEmail: string }>
}
const page = (cookie: string) => ratesLoader({ request: getRequest('/organizer/rates', [cookie]), params: {} } as never) as Promise<RatesPage>
const post = (cookie: string, fields: Record<string, string>) => postAction(ratesAction, '/organizer/rates', [cookie], fields)

describe('exchange rates', () => {
  it('only admins change the global table; organizers read it; buyers see nothing', async () => {
    const prisma = await getPrisma()
    const organizer = await createUser('ORGANIZER') // no fair at all
    const refused = await caught(() => post(organizer.cookie, { intent: 'rate', currency: 'JPY', usdPerUnit: '1000', validFrom: '2031-01-01' }))
    expect(refused.status).toBe(403)
    expect(await prisma.exchangeRate.count({ where: { currency: 'JPY', validFrom: new Date('2031-01-01T00:00:00Z') } })).toBe(0)

    const admin = await createUser('ADMIN')
    expect(((await post(admin.cookie, { intent: 'rate', currency: 'JPY', usdPerUnit: '0.0067', validFrom: '2031-01-01' })) as Response).status).toBe(302)
    const rate = await prisma.exchangeRate.findFirstOrThrow({ where: { currency: 'JPY', validFrom: new Date('2031-01-01T00:00:00Z') } })
    // An organizer cannot delete it either.
    expect((await caught(() => post(organizer.cookie, { intent: 'delete', rateId: rate.id }))).status).toBe(403)
    expect(await prisma.exchangeRate.count({ where: { id: rate.id } })).toBe(1)

    const view = await page(organizer.cookie)
    expect(view.canManage).toBe(false)
    expect(view.rates.some((r) => r.id === rate.id)).toBe(true)
    expect((await page(admin.cookie)).canManage).toBe(true)
    const buyer = await createBuyer()
    expect((await caught(() => page(buyer.cookie))).status).toBe(403)
  })

  it('records every change: who, when, old → new (created, corrected, deleted); an unchanged save records nothing', async () => {
    const prisma = await getPrisma()
    const admin = await createUser('ADMIN', { name: 'Rate Keeper' })
    const day = '2032-03-01'
    await post(admin.cookie, { intent: 'rate', currency: 'EUR', usdPerUnit: '1.08', validFrom: day })
    await post(admin.cookie, { intent: 'rate', currency: 'EUR', usdPerUnit: '1.08', validFrom: day })
    await post(admin.cookie, { intent: 'rate', currency: 'EUR', usdPerUnit: '1.1', validFrom: day })
    const rate = await prisma.exchangeRate.findFirstOrThrow({ where: { currency: 'EUR', validFrom: new Date(`${day}T00:00:00Z`) } })
    await post(admin.cookie, { intent: 'delete', rateId: rate.id })

    const changes = await prisma.exchangeRateChange.findMany({
      where: { currency: 'EUR', validFrom: new Date(`${day}T00:00:00Z`) },
      orderBy: { createdAt: 'asc' },
    })
    expect(changes.map((c) => [c.oldUsdPerUnit?.toString() ?? null, c.newUsdPerUnit?.toString() ?? null])).toEqual([
      [null, '1.08'],
      ['1.08', '1.1'],
      ['1.1', null],
    ])
    expect(changes.every((c) => c.actorId === admin.user.id && c.actorName === 'Rate Keeper' && c.actorEmail === admin.user.email)).toBe(true)
    // The page shows the trail, newest first.
    const shown = (await page(admin.cookie)).changes.filter((c) => c.currency === 'EUR' && c.validFrom === day)
    expect(shown.map((c) => [c.oldUsdPerUnit, c.newUsdPerUnit])).toEqual([
      ['1.1', null],
      ['1.08', '1.1'],
      [null, '1.08'],
    ])
  })

  it('a former admin (role changed since sign-in) is refused at once', async () => {
    const prisma = await getPrisma()
    const admin = await createUser('ADMIN')
    await prisma.user.update({ where: { id: admin.user.id }, data: { role: 'ORGANIZER' } })
    expect((await caught(() => post(admin.cookie, { intent: 'rate', currency: 'CNY', usdPerUnit: '0.14', validFrom: '2033-01-01' }))).status).toBe(403)
  })
})

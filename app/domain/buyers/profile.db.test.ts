import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuyer, createExporter, ensureCategory } from '../../../tests/fixtures'
import { caught, formRequest, getRequest, mintCsrf } from '../../../tests/http'
import { action, loader } from '~/routes/buyer/profile'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

async function post(cookie: string, fields: Record<string, string>, extra: Array<[string, string]> = []) {
  const csrf = await mintCsrf()
  const request = formRequest('/buyer/profile', { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, cookie] })
  if (extra.length) {
    const body = new URLSearchParams({ csrf: csrf.token, ...fields })
    for (const [k, v] of extra) body.append(k, v)
    return action({ request: new Request(request, { body }), params: {}, context: {} } as never)
  }
  return action({ request, params: {}, context: {} } as never)
}

const BASE = {
  companyName: 'Harbor Imports',
  country: 'US',
  businessType: 'DISTRIBUTOR',
  timeZone: 'America/New_York',
  businessHoursStart: '08:30',
  businessHoursEnd: '17:00',
}

describe('buyer profile', () => {
  it('saves interests, HS chapters, volume, languages and business hours', async () => {
    const { cookie, user } = await createBuyer()
    await ensureCategory('cosmetics')
    const response = (await post(cookie, { ...BASE, website: 'harbor.example', yearlyVolume: 'FROM_250K_TO_1M' }, [
      ['interests', 'cosmetics'],
      ['interests', 'no-such-category'],
      ['hsChapters', '33'],
      ['hsChapters', '19'],
      ['languages', 'en'],
      ['languages', 'es'],
    ])) as Response
    expect(response.status).toBe(302)
    const prisma = await getPrisma()
    expect(await prisma.buyerProfile.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
      companyName: 'Harbor Imports',
      businessType: 'DISTRIBUTOR',
      website: 'https://harbor.example',
      interests: ['cosmetics'],
      hsChapters: ['19', '33'],
      yearlyVolume: 'FROM_250K_TO_1M',
      languages: ['en', 'es'],
      businessHoursStart: '08:30',
      businessHoursEnd: '17:00',
    })
    const loaded = await loader({ request: getRequest('/buyer/profile', [cookie]), params: {}, context: {} } as never)
    expect(loaded.values.hsChapters).toEqual(['19', '33'])
  })

  it('rejects bad hours, chapters and zones', async () => {
    const { cookie } = await createBuyer()
    const result = (await post(cookie, { ...BASE, businessHoursStart: '18:00', businessHoursEnd: '09:00', timeZone: 'Mars/Base' }, [['hsChapters', '77']])) as {
      data: { result: { error: Record<string, string[]> } }
      init: { status: number }
    }
    expect(result.init.status).toBe(400)
    expect(result.data.result.error).toMatchObject({ timeZone: ['errors.invalidTimeZone'], 'hsChapters[0]': ['errors.invalidChoice'] })
    const late = (await post(cookie, { ...BASE, businessHoursStart: '25:00' })) as { data: { result: { error: Record<string, string[]> } } }
    expect(late.data.result.error.businessHoursStart).toEqual(['errors.time'])
    const order = (await post(cookie, { ...BASE, businessHoursStart: '18:00', businessHoursEnd: '09:00' })) as {
      data: { result: { error: Record<string, string[]> } }
    }
    expect(order.data.result.error.businessHoursEnd).toEqual(['errors.hoursOrder'])
  })

  it('is for buyers only', async () => {
    const { cookie } = await createExporter()
    expect(await caught(() => loader({ request: getRequest('/buyer/profile', [cookie]), params: {}, context: {} } as never))).toMatchObject({ status: 403 })
  })
})

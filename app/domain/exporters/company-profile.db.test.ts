import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetEnvCache } from '~/utils/env.server'
import { createExporter, createProduct, createUser } from '../../../tests/fixtures'
import { caught, formRequest, getRequest, mintCsrf } from '../../../tests/http'
import { action as companyAction, loader as companyLoader } from '~/routes/exporter/company'
import { action as certAction, loader as certLoader } from '~/routes/exporter/certifications'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'

const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

let uploadDir: string
beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), 'tc-logos-'))
  process.env.UPLOAD_DIR = uploadDir
  resetEnvCache()
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
  await rm(uploadDir, { recursive: true, force: true })
  delete process.env.UPLOAD_DIR
  resetEnvCache()
})

const PROFILE = {
  name: 'Seorak Foods',
  nameKo: '설악식품',
  region: 'Gangwon',
  city: 'Sokcho',
  industry: 'Processed food',
  description: 'Seaweed snacks since 1998.',
  descriptionKo: '1998년부터 김 스낵을 만듭니다.',
  website: 'seorakfoods.example',
  foundedYear: '1998',
  employeeCount: '42',
  exportExperienceYears: '12',
  timeZone: 'Asia/Seoul',
  businessHoursStart: '08:00',
  businessHoursEnd: '19:30',
}

async function postProfile(cookie: string, fields: Record<string, string | string[]>, logo?: { name: string; type: string; bytes: Uint8Array }) {
  const csrf = await mintCsrf()
  const body = new FormData()
  body.set('csrf', csrf.token)
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v)
  if (logo) body.append('logo', new File([new Uint8Array(logo.bytes)], logo.name, { type: logo.type }))
  const request = new Request('http://localhost/exporter/company', {
    method: 'POST',
    headers: { Origin: 'http://localhost', Cookie: `${csrf.cookie}; ${cookie}` },
    body,
  })
  return companyAction({ request, params: {}, context: {} } as never)
}

type Failed = { data: { result: { error: Record<string, string[]>; initialValue?: Record<string, unknown> } }; init: { status: number } }

describe('company profile', () => {
  it('saves the profile with a logo, normalises the website and refreshes product search text', async () => {
    const { cookie, company } = await createExporter({ companyName: 'Old Name' })
    const product = await createProduct(company.id)
    const response = (await postProfile(
      cookie,
      { ...PROFILE, exportMarkets: ['US', 'JP'], languages: ['ko', 'en'] },
      { name: 'logo.png', type: 'image/png', bytes: PNG_1PX },
    )) as Response
    expect(response.status).toBe(302)
    const prisma = await getPrisma()
    const saved = await prisma.exporterCompany.findUniqueOrThrow({ where: { id: company.id } })
    expect(saved).toMatchObject({
      name: 'Seorak Foods',
      nameI18n: { ko: '설악식품' },
      descriptionI18n: { ko: '1998년부터 김 스낵을 만듭니다.' },
      website: 'https://seorakfoods.example',
      foundedYear: 1998,
      employeeCount: 42,
      exportExperienceYears: 12,
      exportMarkets: ['US', 'JP'],
      languages: ['ko', 'en'],
    })
    expect(saved.logoPath).toMatch(/^\/uploads\/[a-f0-9]{32}\.png$/)
    expect(await readdir(uploadDir)).toContain(path.basename(saved.logoPath!))
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).searchText).toContain('설악식품')

    const loaded = await companyLoader({ request: getRequest('/exporter/company', [cookie]), params: {}, context: {} } as never)
    expect(loaded.values.nameKo).toBe('설악식품')
  })

  it('rejects a text file named logo.png and keeps the input', async () => {
    const { cookie, company } = await createExporter()
    const before = await readdir(uploadDir)
    const result = (await postProfile(cookie, PROFILE, { name: 'logo.png', type: 'image/png', bytes: new TextEncoder().encode('hello, I am text') })) as Failed
    expect(result.init.status).toBe(400)
    expect(result.data.result.error.logo).toEqual(['uploads.notAnImage'])
    expect(result.data.result.initialValue).toMatchObject({ name: 'Seorak Foods', city: 'Sokcho' })
    expect(await readdir(uploadDir)).toEqual(before)
    const prisma = await getPrisma()
    expect((await prisma.exporterCompany.findUniqueOrThrow({ where: { id: company.id } })).name).not.toBe('Seorak Foods')
  })

  it('rejects a logo over 2 MB', async () => {
    const { cookie } = await createExporter()
    const big = new Uint8Array(2 * 1024 * 1024 + 1)
    big.set(PNG_1PX)
    const result = (await postProfile(cookie, PROFILE, { name: 'logo.png', type: 'image/png', bytes: big })) as Failed
    expect(result.init.status).toBe(400)
    expect(result.data.result.error.logo).toEqual(['uploads.logoTooLarge'])
  })

  it('saves the business hours meetings are offered in, and refuses malformed or reversed ones', async () => {
    const { cookie, company } = await createExporter()
    const reversed = (await postProfile(cookie, { ...PROFILE, businessHoursStart: '18:00', businessHoursEnd: '09:00' })) as Failed
    expect(reversed.init.status).toBe(400)
    expect(reversed.data.result.error.businessHoursEnd).toEqual(['errors.hoursOrder'])
    const malformed = (await postProfile(cookie, { ...PROFILE, businessHoursStart: '7am' })) as Failed
    expect(malformed.data.result.error.businessHoursStart).toEqual(['errors.time'])
    const prisma = await getPrisma()
    expect(await prisma.exporterCompany.findUniqueOrThrow({ where: { id: company.id } })).toMatchObject({
      businessHoursStart: '09:00',
      businessHoursEnd: '18:00',
    })
    const saved = (await postProfile(cookie, PROFILE)) as Response
    expect(saved.status).toBe(302)
    expect(await prisma.exporterCompany.findUniqueOrThrow({ where: { id: company.id } })).toMatchObject({
      businessHoursStart: '08:00',
      businessHoursEnd: '19:30',
    })
  })

  it('validates year, website scheme and countries', async () => {
    const { cookie } = await createExporter()
    const result = (await postProfile(cookie, { ...PROFILE, foundedYear: '1850', website: 'javascript:alert(1)', exportMarkets: ['ZZ'] })) as Failed
    expect(result.init.status).toBe(400)
    expect(result.data.result.error.foundedYear).toEqual(['exporter.errors.foundedYear'])
    expect(result.data.result.error.website).toEqual(['exporter.errors.website'])
    expect(result.data.result.error['exportMarkets[0]']).toEqual(['errors.invalidCountry'])
    const future = (await postProfile(cookie, { ...PROFILE, foundedYear: String(new Date().getUTCFullYear() + 1) })) as Failed
    expect(future.data.result.error.foundedYear).toEqual(['exporter.errors.foundedYear'])
  })

  it('is for owners and admins only', async () => {
    const { company } = await createExporter()
    const prisma = await getPrisma()
    const { user, cookie } = await createUser('EXPORTER')
    await prisma.exporterMember.create({ data: { userId: user.id, companyId: company.id, role: 'MEMBER' } })
    expect(await caught(() => companyLoader({ request: getRequest('/exporter/company', [cookie]), params: {}, context: {} } as never))).toMatchObject({
      status: 403,
    })
    expect(await caught(() => postProfile(cookie, PROFILE))).toMatchObject({ status: 403 })
  })
})

describe('certifications', () => {
  async function post(cookie: string, fields: Record<string, string>) {
    const csrf = await mintCsrf()
    return certAction({
      request: formRequest('/exporter/certifications', { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, cookie] }),
      params: {},
      context: {},
    } as never)
  }

  it('adds, flags, edits and deletes certifications of the own company only', async () => {
    const { cookie, company } = await createExporter()
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
    expect(((await post(cookie, { intent: 'save', type: 'HALAL', market: 'GCC', number: 'H-1', validUntil: day(-1) })) as Response).status).toBe(302)
    expect(((await post(cookie, { intent: 'save', type: 'FDA', market: 'US', number: 'F-1', validUntil: day(10) })) as Response).status).toBe(302)
    expect(
      ((await post(cookie, { intent: 'save', type: 'CE', market: 'EU', number: 'C-1', validFrom: day(-100), validUntil: day(400) })) as Response).status,
    ).toBe(302)
    const invalid = (await post(cookie, { intent: 'save', type: 'XYZ', market: 'Mars', number: '', validFrom: day(5), validUntil: day(1) })) as Failed
    expect(invalid.init.status).toBe(400)
    expect(invalid.data.result.error).toMatchObject({ type: ['errors.invalidChoice'], market: ['exporter.errors.market'], number: ['errors.required'] })

    const list = await certLoader({ request: getRequest('/exporter/certifications', [cookie]), params: {}, context: {} } as never)
    expect(Object.fromEntries(list.certifications.map((c) => [c.number, c.status]))).toEqual({ 'H-1': 'expired', 'F-1': 'expiring', 'C-1': 'valid' })

    const fda = list.certifications.find((c) => c.number === 'F-1')!
    await post(cookie, { intent: 'save', certificationId: fda.id, type: 'FDA', market: 'US', number: 'F-2', issuer: 'US FDA' })
    const prisma = await getPrisma()
    expect(await prisma.certification.findUniqueOrThrow({ where: { id: fda.id } })).toMatchObject({
      number: 'F-2',
      issuer: 'US FDA',
      validUntil: null,
      companyId: company.id,
    })

    const other = await createExporter()
    expect(await caught(() => post(other.cookie, { intent: 'save', certificationId: fda.id, type: 'FDA', market: 'US', number: 'stolen' }))).toMatchObject({
      status: 404,
    })
    expect(await caught(() => post(other.cookie, { intent: 'delete', certificationId: fda.id }))).toMatchObject({ status: 404 })
    expect(((await post(cookie, { intent: 'delete', certificationId: fda.id })) as Response).status).toBe(302)
    expect(await prisma.certification.findUnique({ where: { id: fda.id } })).toBeNull()
  })
})

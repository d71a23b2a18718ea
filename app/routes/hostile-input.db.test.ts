import '../../tests/app-handler'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '~/domain/db.server'
import { appGet, appPost, startAppHandler, type AppHandler } from '../../tests/app-handler'
import { createBuyer, createExporter, createProduct, createUser } from '../../tests/fixtures'
import { expectEscaped, expectFieldError, HOSTILE, MARKUP, PNG_1PX, REFUSED_CHARACTERS } from '../../tests/hostile'

// Hostile input against the main forms and uploads, through React Router's real request handler:
// each is refused with a 400 that names the field (and nothing is stored), or stored as plain text
// and shown escaped. Uploads are judged by their bytes, and client file names never become paths.

let app: AppHandler
let uploadDir: string
let ipCounter = 0
const freshIp = () => `198.51.100.${(ipCounter = (ipCounter % 250) + 1)}`

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), 'tc-hostile-'))
  process.env.UPLOAD_DIR = uploadDir
  app = await startAppHandler()
}, 120_000)

afterAll(async () => {
  // Unset when beforeAll failed.
  await (app as AppHandler | undefined)?.close()
  await rm(uploadDir, { recursive: true, force: true })
  delete process.env.UPLOAD_DIR
})

const post = async (url: string, body: Record<string, string> | FormData, cookies: string[] = []) =>
  app.handle(await appPost(url, body, cookies, { clientIp: freshIp() }))
const page = async (url: string, cookies: string[] = []) => {
  const response = await app.handle(appGet(url, cookies))
  expect(response.status, `GET ${url}`).toBe(200)
  return response.text()
}
const multipart = (fields: Record<string, string | string[]>, files: Array<{ field: string; name: string; type: string; bytes: Uint8Array }> = []) => {
  const body = new FormData()
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(key, item)
  for (const file of files) body.append(file.field, new File([new Uint8Array(file.bytes)], file.name, { type: file.type }))
  return body
}

describe('sign-up', () => {
  const buyer = (overrides: Record<string, string> = {}) => ({
    accountType: 'BUYER',
    name: 'Hostile Buyer',
    email: `hostile-${crypto.randomUUID().slice(0, 8)}@example.test`,
    password: 'a-long-enough-password',
    companyName: 'Hostile Imports',
    timeZone: 'America/New_York',
    country: 'US',
    businessType: 'IMPORTER',
    ...overrides,
  })
  const usersWith = async (email: string) => (await getPrisma()).user.count({ where: { email } })

  it('refuses control and bidi characters in a name, and creates no account', async () => {
    for (const name of REFUSED_CHARACTERS) {
      const fields = buyer({ name })
      await expectFieldError(await post('/signup', fields), 'name', 'errors.controlCharacters')
      expect(await usersWith(fields.email)).toBe(0)
    }
  })

  it('refuses an oversize name, a second email value and an account type that is not offered', async () => {
    const long = buyer({ name: 'x'.repeat(101) })
    await expectFieldError(await post('/signup', long), 'name', 'errors.tooLong')
    expect(await usersWith(long.email)).toBe(0)

    const admin = buyer({ accountType: 'ADMIN' })
    expect((await post('/signup', admin)).status).toBe(400)
    expect(await usersWith(admin.email)).toBe(0)

    // Two values where one is expected (a wrong type for the schema).
    const twoEmails = multipart({ ...buyer(), email: ['a@example.test', 'b@example.test'] })
    expect((await post('/signup', twoEmails)).status).toBe(400)
    expect(await usersWith('a@example.test')).toBe(0)
  })

  it('stores markup in a name as text and shows it escaped', async () => {
    const fields = buyer({ name: MARKUP, companyName: MARKUP })
    const response = await post('/signup', fields)
    expect(response.status).toBe(302)
    const cookie = response.headers
      .getSetCookie()
      .find((value) => value.startsWith('tc_session='))!
      .split(';')[0]!
    const stored = await (await getPrisma()).user.findUniqueOrThrow({ where: { email: fields.email } })
    expect(stored.name).toBe(MARKUP)
    expectEscaped(await page('/settings', [cookie]))
  })
})

describe('product editor (with images)', () => {
  const product = (categoryId: string, overrides: Record<string, string> = {}) => ({
    intent: 'save',
    'translations.en.name': 'Hostile noodles',
    'translations.en.description': 'Plain description',
    categoryId,
    hsCode: '1902.30',
    moq: '100',
    unit: 'box',
    incoterms: 'FOB',
    leadTimeDays: '21',
    'priceTiers[0].minQuantity': '100',
    'priceTiers[0].unitPrice': '2.50',
    'priceTiers[0].currency': 'USD',
    sampleCurrency: 'USD',
    status: 'PUBLISHED',
    ...overrides,
  })
  let cookie: string
  let companyId: string
  let categoryId: string
  beforeAll(async () => {
    const owner = await createExporter()
    cookie = owner.cookie
    companyId = owner.company.id
    categoryId = (await createProduct(companyId)).categoryId
  })
  const productCount = async () => (await getPrisma()).product.count({ where: { companyId } })

  it('refuses control/bidi characters, oversize text, wrong types and path-like codes, storing nothing', async () => {
    const before = await productCount()
    for (const name of REFUSED_CHARACTERS) {
      await expectFieldError(
        await post('/exporter/products/new', product(categoryId, { 'translations.en.name': name }), [cookie]),
        'translations.en.name',
        'errors.controlCharacters',
      )
    }
    await expectFieldError(
      await post('/exporter/products/new', product(categoryId, { 'translations.en.description': 'x'.repeat(10_001) }), [cookie]),
      'translations.en.description',
      'errors.tooLong',
    )
    await expectFieldError(await post('/exporter/products/new', product(categoryId, { moq: 'a lot' }), [cookie]), 'moq', 'exporter.products.errors.moq')
    await expectFieldError(await post('/exporter/products/new', product(categoryId, { moq: '1e309' }), [cookie]), 'moq', 'exporter.products.errors.moq')
    expect((await post('/exporter/products/new', product(categoryId, { hsCode: HOSTILE.pathTraversal }), [cookie])).status).toBe(400)
    expect((await post('/exporter/products/new', product(categoryId, { unit: HOSTILE.encodedTraversal }), [cookie])).status).toBe(400)
    await expectFieldError(
      await post('/exporter/products/new', product(categoryId, { categoryId: HOSTILE.nul }), [cookie]),
      'categoryId',
      'errors.invalidChoice',
    )
    expect(await productCount()).toBe(before)
  })

  it('stores markup and formulas as text; the catalog page shows them escaped', async () => {
    const response = await post(
      '/exporter/products/new',
      product(categoryId, { 'translations.en.name': MARKUP, 'translations.en.description': HOSTILE.formula }),
      [cookie],
    )
    expect(response.status).toBe(302)
    const productId = response.headers.get('Location')!.split('/').pop()!
    const translation = await (await getPrisma()).productTranslation.findFirstOrThrow({ where: { productId, locale: 'en' } })
    expect(translation).toMatchObject({ name: MARKUP, description: HOSTILE.formula })
    expectEscaped(await page(`/catalog/${productId}`))
  })

  it('names an image by its bytes, never by the client file name, and refuses fake images', async () => {
    const before = await readdir(uploadDir)
    const traversal = multipart(product(categoryId), [{ field: 'images', name: '../../../etc/passwd.png', type: 'image/png', bytes: PNG_1PX }])
    const saved = await post('/exporter/products/new', traversal, [cookie])
    expect(saved.status).toBe(302)
    const productId = saved.headers.get('Location')!.split('/').pop()!
    const [image] = await (await getPrisma()).productImage.findMany({ where: { productId } })
    expect(image?.path).toMatch(/^\/uploads\/[a-f0-9]{32}\.png$/)
    expect((await readdir(uploadDir)).filter((name) => !before.includes(name))).toEqual([image!.path.split('/').pop()])

    const count = await productCount()
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>')
    for (const fake of [
      { name: 'photo.png', type: 'image/png', bytes: html },
      { name: 'photo.jpg.html', type: 'image/jpeg', bytes: html },
      { name: 'logo.svg', type: 'image/png', bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') },
      { name: '%2e%2e%2fpasswd', type: 'image/gif', bytes: new TextEncoder().encode('GIF89a') },
    ]) {
      const response = await post('/exporter/products/new', multipart(product(categoryId), [{ field: 'images', ...fake }]), [cookie])
      expect(response.status, fake.name).toBe(400)
    }
    expect(await productCount()).toBe(count)
    expect((await readdir(uploadDir)).length).toBe(before.length + 1)
  })
})

describe('company profile (with logo)', () => {
  const profile = (overrides: Record<string, string> = {}) => ({
    name: 'Seorak Foods',
    region: 'Gangwon',
    city: 'Sokcho',
    industry: 'Processed food',
    description: 'Seaweed snacks.',
    exportExperienceYears: '3',
    timeZone: 'Asia/Seoul',
    businessHoursStart: '09:00',
    businessHoursEnd: '18:00',
    ...overrides,
  })
  let owner: Awaited<ReturnType<typeof createExporter>>
  beforeAll(async () => {
    owner = await createExporter({ companyName: 'Untouched Co' })
  })
  const stored = async () => (await getPrisma()).exporterCompany.findUniqueOrThrow({ where: { id: owner.company.id } })

  it('refuses control/bidi characters and oversize or mistyped fields, changing nothing', async () => {
    for (const name of REFUSED_CHARACTERS) {
      await expectFieldError(await post('/exporter/company', multipart(profile({ name })), [owner.cookie]), 'name', 'errors.controlCharacters')
    }
    await expectFieldError(
      await post('/exporter/company', multipart(profile({ description: 'x'.repeat(5001) })), [owner.cookie]),
      'description',
      'errors.tooLong',
    )
    await expectFieldError(
      await post('/exporter/company', multipart(profile({ employeeCount: '12 people' })), [owner.cookie]),
      'employeeCount',
      'exporter.errors.employeeCount',
    )
    expect((await post('/exporter/company', multipart({ ...profile(), exportMarkets: [HOSTILE.pathTraversal] }), [owner.cookie])).status).toBe(400)
    expect((await stored()).name).toBe('Untouched Co')
  })

  it('refuses a logo whose bytes are not a raster image whatever its name and type, and writes no file', async () => {
    const before = await readdir(uploadDir)
    for (const fake of [
      { name: 'logo.png', type: 'image/png', bytes: new TextEncoder().encode('<script>alert(1)</script>') },
      { name: 'logo.svg', type: 'image/svg+xml', bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
      { name: 'logo.png.exe', type: 'application/octet-stream', bytes: new TextEncoder().encode('MZ\u0090\u0000') },
    ]) {
      await expectFieldError(await post('/exporter/company', multipart(profile(), [{ field: 'logo', ...fake }]), [owner.cookie]), 'logo', 'uploads.notAnImage')
    }
    expect(await readdir(uploadDir)).toEqual(before)
    expect((await stored()).logoPath).toBeNull()
  })

  it('stores a real logo under a random name (not the client path) and shows markup escaped on the public page', async () => {
    const response = await post(
      '/exporter/company',
      multipart(profile({ description: MARKUP }), [{ field: 'logo', name: '..\\..\\..\\windows\\win.ini.png', type: 'image/png', bytes: PNG_1PX }]),
      [owner.cookie],
    )
    expect(response.status).toBe(302)
    const company = await stored()
    expect(company.logoPath).toMatch(/^\/uploads\/[a-f0-9]{32}\.png$/)
    expect(company.description).toBe(MARKUP)
    expectEscaped(await page(`/exporters/${company.slug}`))
  })
})

describe('RFQ and inquiry reply', () => {
  let buyer: Awaited<ReturnType<typeof createBuyer>>
  let owner: Awaited<ReturnType<typeof createExporter>>
  let productId: string
  beforeAll(async () => {
    buyer = await createBuyer()
    owner = await createExporter()
    productId = (await createProduct(owner.company.id)).id
  })
  const rfq = (overrides: Record<string, string> = {}) => ({
    intent: 'rfq',
    productId,
    quantity: '500',
    destinationCountry: 'US',
    targetCurrency: 'USD',
    message: 'Price for 500 boxes?',
    ...overrides,
  })
  const inquiries = async () => (await getPrisma()).inquiry.count({ where: { buyerId: buyer.profile.id } })

  it('refuses control/bidi characters, oversize messages, wrong types and path-like values, storing nothing', async () => {
    for (const message of REFUSED_CHARACTERS) {
      await expectFieldError(await post(`/catalog/${productId}`, rfq({ message }), [buyer.cookie]), 'message', 'errors.controlCharacters')
    }
    await expectFieldError(await post(`/catalog/${productId}`, rfq({ message: 'x'.repeat(5001) }), [buyer.cookie]), 'message', 'errors.tooLong')
    for (const quantity of ['many', '-5', '1.5', '1e12', ' ']) {
      await expectFieldError(await post(`/catalog/${productId}`, rfq({ quantity }), [buyer.cookie]), 'quantity', 'inquiries.errors.quantity')
    }
    await expectFieldError(
      await post(`/catalog/${productId}`, rfq({ destinationCountry: HOSTILE.pathTraversal }), [buyer.cookie]),
      'destinationCountry',
      'errors.invalidCountry',
    )
    expect((await post(`/catalog/${productId}`, { ...rfq(), 'certificationsNeeded[0]': HOSTILE.encodedTraversal }, [buyer.cookie])).status).toBe(400)
    expect((await post(`/catalog/${productId}`, rfq({ productId: HOSTILE.nul }), [buyer.cookie])).status).toBe(400)
    expect(await inquiries()).toBe(0)
  })

  it('stores markup and formulas in an RFQ and a reply as text and shows them escaped to both sides', async () => {
    const sent = await post(`/catalog/${productId}`, rfq({ message: MARKUP }), [buyer.cookie])
    expect(sent.status).toBe(302)
    const inquiryId = sent.headers.get('Location')!.split('/').pop()!
    const reply = await post(`/inquiries/${inquiryId}`, { intent: 'message', body: `${HOSTILE.formula}\n${MARKUP}` }, [owner.cookie])
    expect(reply.status).toBe(302)
    const messages = await (await getPrisma()).inquiryMessage.findMany({ where: { inquiryId } })
    expect(messages.map((message) => message.body)).toContain(`${HOSTILE.formula}\n${MARKUP}`)
    expectEscaped(await page(`/inquiries/${inquiryId}`, [buyer.cookie]))
    expectEscaped(await page(`/inquiries/${inquiryId}`, [owner.cookie]))

    const count = messages.length
    for (const body of REFUSED_CHARACTERS) {
      await expectFieldError(await post(`/inquiries/${inquiryId}`, { intent: 'message', body }, [owner.cookie]), 'body', 'errors.controlCharacters')
    }
    await expectFieldError(await post(`/inquiries/${inquiryId}`, { intent: 'message', body: 'x'.repeat(5001) }, [owner.cookie]), 'body', 'errors.tooLong')
    expect((await post(`/inquiries/${inquiryId}`, { intent: 'message' }, [owner.cookie])).status).toBe(400)
    expect(await (await getPrisma()).inquiryMessage.count({ where: { inquiryId } })).toBe(count)
  })
})

describe('fair registration, meeting request, booth and certification', () => {
  const HOUR = 60 * 60 * 1000
  let owner: Awaited<ReturnType<typeof createExporter>>
  let buyer: Awaited<ReturnType<typeof createBuyer>>
  let organizer: Awaited<ReturnType<typeof createUser>>
  let fair: { id: string; slug: string }
  let booth: { id: string; code: string }
  beforeAll(async () => {
    const prisma = await getPrisma()
    owner = await createExporter()
    buyer = await createBuyer()
    // Same office zone as the exporter, so the two have business hours in common (meeting slots).
    await prisma.buyerProfile.update({ where: { id: buyer.profile.id }, data: { timeZone: 'Asia/Seoul' } })
    organizer = await createUser('ORGANIZER')
    const slug = `hostile-fair-${crypto.randomUUID().slice(0, 8)}`
    fair = await prisma.tradeFair.create({
      data: {
        slug,
        name: 'Hostile Fair',
        startsAt: new Date(Date.now() - HOUR),
        endsAt: new Date(Date.now() + 30 * 24 * HOUR),
        timeZone: 'Asia/Seoul',
        status: 'OPEN',
        organizerId: organizer.user.id,
      },
    })
    await prisma.fairRegistration.create({
      data: { fairId: fair.id, userId: owner.user.id, kind: 'EXHIBITOR', companyId: owner.company.id, status: 'APPROVED', decidedAt: new Date() },
    })
    booth = await prisma.booth.create({ data: { fairId: fair.id, companyId: owner.company.id, code: 'H1', approvedAt: new Date() } })
  })

  it('fair session proposal: refuses control characters, oversize and mistyped fields; stores markup as text, shown escaped', async () => {
    const url = `/fairs/${fair.slug}/register`
    const wallClock = new Date(Date.now() + 3 * 24 * HOUR).toISOString().slice(0, 16)
    const proposal = (overrides: Record<string, string> = {}) => ({
      intent: 'propose',
      title: 'Kimchi masterclass',
      description: '',
      language: 'en',
      preferredStart: wallClock,
      durationMinutes: '30',
      ...overrides,
    })
    const sessions = async () => (await getPrisma()).liveSession.count({ where: { companyId: owner.company.id } })
    for (const title of REFUSED_CHARACTERS) await expectFieldError(await post(url, proposal({ title }), [owner.cookie]), 'title', 'errors.controlCharacters')
    await expectFieldError(await post(url, proposal({ title: 'x'.repeat(141) }), [owner.cookie]), 'title', 'errors.tooLong')
    await expectFieldError(await post(url, proposal({ preferredStart: HOSTILE.encodedTraversal }), [owner.cookie]), 'preferredStart', 'fairs.errors.dateTime')
    await expectFieldError(await post(url, proposal({ durationMinutes: 'forever' }), [owner.cookie]), 'durationMinutes', 'fairs.errors.duration')
    expect(await sessions()).toBe(0)

    const saved = await post(url, proposal({ title: `${HOSTILE.formula} ${HOSTILE.script}`, description: MARKUP }), [owner.cookie])
    expect(saved.status).toBe(302)
    const session = await (await getPrisma()).liveSession.findFirstOrThrow({ where: { companyId: owner.company.id } })
    expect(session).toMatchObject({ title: `${HOSTILE.formula} ${HOSTILE.script}`, description: MARKUP })
    expectEscaped(await page('/exporter/sessions', [owner.cookie]))
  })

  it('meeting request: refuses control characters, oversize agendas and forged slots or languages; stores markup as text', async () => {
    const url = `/meetings/new?company=${owner.company.slug}`
    const form = await page(url, [buyer.cookie])
    const slotStart = /name="slotStart" value="([^"]+)"/.exec(form)?.[1]
    expect(slotStart, 'an offered slot').toBeTruthy()
    const meetings = async () => (await getPrisma()).meeting.count({ where: { buyerId: buyer.profile.id } })
    const request = (overrides: Record<string, string> = {}) => ({ intent: 'request', slotStart: slotStart!, agenda: 'Discuss pricing', ...overrides })
    for (const agenda of REFUSED_CHARACTERS) await expectFieldError(await post(url, request({ agenda }), [buyer.cookie]), 'agenda', 'errors.controlCharacters')
    await expectFieldError(await post(url, request({ agenda: 'x'.repeat(2001) }), [buyer.cookie]), 'agenda', 'errors.tooLong')
    expect((await post(url, request({ slotStart: HOSTILE.script }), [buyer.cookie])).status).toBe(400)
    expect((await post(url, request({ interpreterLanguage: HOSTILE.pathTraversal }), [buyer.cookie])).status).toBe(400)
    expect(await meetings()).toBe(0)

    const saved = await post(url, request({ agenda: MARKUP }), [buyer.cookie])
    expect(saved.status).toBe(302)
    const meeting = await (await getPrisma()).meeting.findFirstOrThrow({ where: { buyerId: buyer.profile.id } })
    expect(meeting.agenda).toBe(MARKUP)
    expectEscaped(await page(`/meetings/${meeting.id}`, [owner.cookie]))
  })

  it('booth: the organizer cannot set a path-like code or control characters; a markup headline is shown escaped', async () => {
    const url = `/organizer/fairs/${fair.id}`
    const edit = (overrides: Record<string, string> = {}) => ({ intent: 'booth', boothId: booth.id, code: 'H1', hallId: '', headline: 'Welcome', ...overrides })
    for (const code of [HOSTILE.pathTraversal, HOSTILE.encodedTraversal, 'H1\u0000', '<b>H1</b>']) {
      expect((await post(url, edit({ code }), [organizer.cookie])).status, code).toBe(400)
    }
    expect((await post(url, edit({ headline: HOSTILE.rightToLeftOverride }), [organizer.cookie])).status).toBe(400)
    expect((await post(url, edit({ boothId: HOSTILE.nul }), [organizer.cookie])).status).toBe(400)
    expect((await post(url, edit({ hallId: HOSTILE.pathTraversal }), [organizer.cookie])).status).toBe(400)
    expect(await (await getPrisma()).booth.findUniqueOrThrow({ where: { id: booth.id } })).toMatchObject({ code: 'H1', headline: '' })

    expect((await post(url, edit({ headline: MARKUP }), [organizer.cookie])).status).toBe(302)
    expectEscaped(await page(`/fairs/${fair.slug}/booths/H1`))
    // The visitor's side of the booth: only the offered preference levels.
    expect((await post(`/fairs/${fair.slug}/booths/H1`, { intent: 'preference', level: HOSTILE.script }, [buyer.cookie])).status).toBe(400)
  })

  it('certification: refuses control characters, impossible dates and unknown markets; stores markup as text, shown escaped', async () => {
    const certification = (overrides: Record<string, string> = {}) => ({
      intent: 'save',
      type: 'HACCP',
      market: 'US',
      number: 'HC-1',
      issuer: 'Agency',
      validFrom: '2026-01-01',
      validUntil: '2027-01-01',
      ...overrides,
    })
    const count = async () => (await getPrisma()).certification.count({ where: { companyId: owner.company.id } })
    for (const number of REFUSED_CHARACTERS)
      await expectFieldError(await post('/exporter/certifications', certification({ number }), [owner.cookie]), 'number', 'errors.controlCharacters')
    await expectFieldError(await post('/exporter/certifications', certification({ issuer: 'x'.repeat(151) }), [owner.cookie]), 'issuer', 'errors.tooLong')
    await expectFieldError(
      await post('/exporter/certifications', certification({ validUntil: '2026-13-45' }), [owner.cookie]),
      'validUntil',
      'exporter.errors.date',
    )
    expect((await post('/exporter/certifications', certification({ market: HOSTILE.pathTraversal }), [owner.cookie])).status).toBe(400)
    expect((await post('/exporter/certifications', certification({ type: HOSTILE.formula }), [owner.cookie])).status).toBe(400)
    expect((await post('/exporter/certifications', certification({ certificationId: HOSTILE.nul }), [owner.cookie])).status).toBe(400)
    expect(await count()).toBe(0)

    expect((await post('/exporter/certifications', certification({ issuer: MARKUP, number: HOSTILE.formula }), [owner.cookie])).status).toBe(302)
    expectEscaped(await page('/exporter/certifications', [owner.cookie]))
  })

  it('a control character in a URL is a 400 before any loader reads it (it was a 500 from the database)', async () => {
    for (const url of [
      '/catalog/a%00b',
      `/exporters/a%00b`,
      `/fairs/a%00b`,
      '/live/a%00b',
      '/catalog?q=a%00b',
      '/invitations/a%00b',
      '/catalog?q=%E0%A4%A',
      '/live?region=a%00b',
      '/live?fair=%E0%A4%A',
    ]) {
      expect((await app.handle(appGet(url))).status, url).toBe(400)
    }
    expect((await app.handle(appGet('/inquiries/a%00b', [buyer.cookie]))).status).toBe(400)
    expect((await app.handle(appGet('/exporter/products/a%00b', [owner.cookie]))).status).toBe(400)
    expect((await post('/inquiries/a%00b', { intent: 'message', body: 'hi' }, [buyer.cookie])).status).toBe(400)
    // Path tricks name nothing: an encoded traversal is an unknown product, and a search may contain tabs.
    expect((await app.handle(appGet(`/catalog/${HOSTILE.encodedTraversal}`))).status).toBe(404)
    expect((await app.handle(appGet('/catalog?q=tab%09ok'))).status).toBe(200)
    // The directory ignores filters it cannot read (and says so) instead of failing.
    expect(
      (await app.handle(appGet(`/live?category=${encodeURIComponent(HOSTILE.pathTraversal)}&hs=${encodeURIComponent(MARKUP)}&language=x'--`))).status,
    ).toBe(200)
  })
})

describe('replay view counter', () => {
  it('refuses unknown intents, forged view ids and impossible watch times with a 400, and counts nothing', async () => {
    const prisma = await getPrisma()
    const owner = await createExporter()
    const buyer = await createBuyer()
    const aired = new Date(Date.now() - 2 * 3_600_000)
    const session = await prisma.liveSession.create({
      data: {
        title: 'Hostile replay',
        status: 'ENDED',
        hostId: owner.user.id,
        companyId: owner.company.id,
        scheduledStartAt: aired,
        scheduledEndAt: new Date(aired.getTime() + 3_600_000),
        startedAt: aired,
        endedAt: new Date(aired.getTime() + 3_600_000),
      },
    })
    const recording = await prisma.recording.create({ data: { sessionId: session.id, status: 'READY', startedAt: aired, durationMs: 60_000 } })
    const url = `/live/${session.id}/replay-views`
    const started = await post(url, { intent: 'start' }, [buyer.cookie])
    expect(started.status).toBe(200)
    const { viewId } = (await started.json()) as { viewId: string }
    const beat = (fields: Record<string, string> | FormData) => post(url, fields, [buyer.cookie])

    for (const intent of [HOSTILE.script, 'delete', '', HOSTILE.nul]) expect((await beat({ intent })).status, intent).toBe(400)
    for (const id of [HOSTILE.nul, HOSTILE.pathTraversal, HOSTILE.encodedTraversal, MARKUP, 'x'.repeat(41), '']) {
      expect((await beat({ intent: 'heartbeat', viewId: id, watchedSeconds: '5' })).status, id).toBe(400)
    }
    for (const seconds of ['-1', '1.5', 'forever', '1e9', '86401', '', HOSTILE.formula]) {
      expect((await beat({ intent: 'heartbeat', viewId, watchedSeconds: seconds })).status, seconds).toBe(400)
    }
    // Two values where one is expected.
    expect((await beat(multipart({ intent: 'heartbeat', viewId, watchedSeconds: ['5', '5'] }))).status).toBe(400)
    expect((await beat(multipart({ intent: 'heartbeat', viewId: [viewId, viewId], watchedSeconds: '5' }))).status).toBe(400)
    // A path trick names no showcase.
    expect((await post(`/live/${encodeURIComponent(HOSTILE.pathTraversal)}/replay-views`, { intent: 'start' }, [buyer.cookie])).status).toBe(404)
    expect(await prisma.replayView.findUniqueOrThrow({ where: { id: viewId } })).toMatchObject({ watchedSeconds: 0 })
    expect(await prisma.recording.findUniqueOrThrow({ where: { id: recording.id } })).toMatchObject({ uniqueViewers: 0, watchSeconds: 0n })
    expect(await prisma.replayView.count({ where: { recordingId: recording.id } })).toBe(1)
  })
})

describe('replay clips, replay management and the fair replay policy', () => {
  const HOUR = 60 * 60 * 1000
  let owner: Awaited<ReturnType<typeof createExporter>>
  let organizer: Awaited<ReturnType<typeof createUser>>
  let fair: { id: string; slug: string }
  let session: { id: string }
  let recordingId: string
  beforeAll(async () => {
    const prisma = await getPrisma()
    owner = await createExporter()
    organizer = await createUser('ORGANIZER')
    const aired = new Date(Date.now() - 3 * HOUR)
    fair = await prisma.tradeFair.create({
      data: {
        slug: `hostile-replays-${crypto.randomUUID().slice(0, 8)}`,
        name: 'Replay Fair',
        startsAt: aired,
        endsAt: new Date(Date.now() + 24 * HOUR),
        timeZone: 'Asia/Seoul',
        organizerId: organizer.user.id,
      },
    })
    session = await prisma.liveSession.create({
      data: {
        title: 'Hostile clips',
        status: 'ENDED',
        hostId: owner.user.id,
        companyId: owner.company.id,
        fairId: fair.id,
        scheduledStartAt: aired,
        scheduledEndAt: new Date(aired.getTime() + HOUR),
        startedAt: aired,
        endedAt: new Date(aired.getTime() + HOUR),
      },
    })
    recordingId = (await prisma.recording.create({ data: { sessionId: session.id, status: 'READY', startedAt: aired, durationMs: 600_000 } })).id
  })

  /** The clip route answers JSON: a 400 with conform's result naming the field. */
  const expectClipFieldError = async (response: Response, field: string, key: string) => {
    expect(response.status, `status for ${field}`).toBe(400)
    const body = (await response.json()) as { result: { error?: Record<string, string[] | null> } }
    expect(body.result.error?.[field], `errors of ${field}`).toContain(key)
  }

  it('clip marker: refuses control characters, oversize titles, malformed or impossible times and forged products; stores markup as text', async () => {
    const prisma = await getPrisma()
    const url = `/live/${session.id}/clips`
    const clip = (overrides: Record<string, string> = {}) => ({
      intent: 'create-clip',
      title: 'Broth pour',
      start: '1:00',
      end: '1:30',
      productId: '',
      ...overrides,
    })
    const count = () => prisma.recordingClip.count({ where: { recordingId } })
    for (const title of REFUSED_CHARACTERS) await expectClipFieldError(await post(url, clip({ title }), [owner.cookie]), 'title', 'errors.controlCharacters')
    await expectClipFieldError(await post(url, clip({ title: 'x'.repeat(121) }), [owner.cookie]), 'title', 'errors.tooLong')
    for (const start of [HOSTILE.pathTraversal, HOSTILE.formula, '1:99', '-0:10', '1e3', '0:00:00:01']) {
      await expectClipFieldError(await post(url, clip({ start }), [owner.cookie]), 'start', 'clips.errors.clock')
    }
    await expectClipFieldError(await post(url, clip({ end: '1:01' }), [owner.cookie]), 'end', 'clips.errors.tooShort')
    await expectClipFieldError(await post(url, clip({ end: '4:01' }), [owner.cookie]), 'end', 'clips.errors.tooLong')
    // Past the end of the 10-minute replay: the domain's check, on the same field.
    await expectClipFieldError(await post(url, clip({ start: '9:50', end: '10:30' }), [owner.cookie]), 'end', 'clips.errors.outside')
    for (const productId of [HOSTILE.nul, HOSTILE.pathTraversal, MARKUP])
      expect((await post(url, clip({ productId }), [owner.cookie])).status, productId).toBe(400)
    const foreign = await createProduct((await createExporter()).company.id, { name: 'Not theirs' })
    await expectClipFieldError(await post(url, clip({ productId: foreign.id }), [owner.cookie]), 'productId', 'clips.errors.product')
    expect((await post(url, multipart({ ...clip(), title: ['a', 'b'] }), [owner.cookie])).status).toBe(400)
    expect((await post(url, clip({ intent: HOSTILE.script }), [owner.cookie])).status).toBe(400)
    expect((await post(`/live/${encodeURIComponent(HOSTILE.pathTraversal)}/clips`, clip(), [owner.cookie])).status).toBe(404)
    expect(await count()).toBe(0)

    const saved = await post(url, clip({ title: `${HOSTILE.formula} ${HOSTILE.script}` }), [owner.cookie])
    expect(saved.status).toBe(200)
    expect(await prisma.recordingClip.findFirstOrThrow({ where: { recordingId } })).toMatchObject({ title: `${HOSTILE.formula} ${HOSTILE.script}` })
    expectEscaped(await page('/exporter/replays', [owner.cookie]))
    // The status poll takes clip ids only.
    expect((await app.handle(appGet(`${url}?clip=${encodeURIComponent(HOSTILE.script)}`, [owner.cookie]))).status).toBe(404)
  })

  it('replay management: only well-formed ids and offered intents, nothing changed otherwise', async () => {
    const prisma = await getPrisma()
    for (const intent of [HOSTILE.script, 'destroy', '', HOSTILE.nul])
      expect((await post('/exporter/replays', { intent, recordingId }, [owner.cookie])).status, intent).toBe(400)
    for (const id of [HOSTILE.nul, HOSTILE.pathTraversal, HOSTILE.encodedTraversal, MARKUP, 'x'.repeat(41), '']) {
      expect((await post('/exporter/replays', { intent: 'delete', recordingId: id }, [owner.cookie])).status, id).toBe(400)
      expect((await post('/exporter/replays', { intent: 'delete-clip', clipId: id }, [owner.cookie])).status, id).toBe(400)
    }
    expect((await post('/exporter/replays', multipart({ intent: 'unpublish', recordingId: [recordingId, recordingId] }), [owner.cookie])).status).toBe(400)
    expect((await post(`/organizer/fairs/${fair.id}`, { intent: 'unpublish-replay', recordingId: HOSTILE.pathTraversal }, [organizer.cookie])).status).toBe(400)
    expect(await prisma.recording.findUniqueOrThrow({ where: { id: recordingId } })).toMatchObject({ status: 'READY', published: true })
  })

  it('fair replay policy: refuses unknown policies and retention days outside 1..3650, changing nothing', async () => {
    const prisma = await getPrisma()
    const url = `/organizer/fairs/${fair.id}`
    const fairForm = (overrides: Record<string, string> = {}) =>
      multipart({
        intent: 'save',
        name: 'Replay Fair',
        slug: fair.slug,
        startsAt: '2026-12-01T09:00',
        endsAt: '2026-12-05T18:00',
        timeZone: 'Asia/Seoul',
        status: 'OPEN',
        replayPolicy: 'PUBLISH',
        replayRetentionDays: '',
        ...overrides,
      })
    for (const days of ['0', '3651', '1.5', 'forever', '-3', HOSTILE.formula]) {
      await expectFieldError(
        await post(url, fairForm({ replayRetentionDays: days }), [organizer.cookie]),
        'replayRetentionDays',
        'replayAdmin.errors.retentionDays',
      )
    }
    for (const replayPolicy of [HOSTILE.script, 'DELETE', HOSTILE.nul]) {
      await expectFieldError(await post(url, fairForm({ replayPolicy }), [organizer.cookie]), 'replayPolicy', 'errors.invalidChoice')
    }
    expect(await prisma.tradeFair.findUniqueOrThrow({ where: { id: fair.id } })).toMatchObject({ replayPolicy: 'PUBLISH', replayRetentionDays: null })

    expect((await post(url, fairForm({ replayPolicy: 'REVIEW', replayRetentionDays: '30' }), [organizer.cookie])).status).toBe(302)
    expect(await prisma.tradeFair.findUniqueOrThrow({ where: { id: fair.id } })).toMatchObject({ replayPolicy: 'REVIEW', replayRetentionDays: 30 })
    expect((await post(url, fairForm({ replayPolicy: 'OFF', replayRetentionDays: '' }), [organizer.cookie])).status).toBe(302)
    expect(await prisma.tradeFair.findUniqueOrThrow({ where: { id: fair.id } })).toMatchObject({ replayPolicy: 'OFF', replayRetentionDays: null })
  })
})

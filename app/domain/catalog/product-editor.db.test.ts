import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resetEnvCache } from '~/utils/env.server'
import { createExporter, createProduct, ensureCategory } from '../../../tests/fixtures'
import { caught, formRequest, getRequest, mintCsrf } from '../../../tests/http'
import { action as newProductAction } from '~/routes/exporter/products/new'
import { action as editProductAction, loader as editProductLoader } from '~/routes/exporter/products/edit'
import { loader as productsLoader } from '~/routes/exporter/products/index'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { getProductForEdit, saveProduct } from './product-editor.server'
import { ProductSchema, type ProductInput } from './product-schema'

// A real 1×1 PNG: its bytes, not its name, make it an image.
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

let uploadDir: string
let categoryId: string

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), 'tc-uploads-'))
  process.env.UPLOAD_DIR = uploadDir
  resetEnvCache()
  await getPrisma()
  categoryId = (await ensureCategory('processed-food')).id
})
afterAll(async () => {
  await disconnectPrisma()
  await rm(uploadDir, { recursive: true, force: true })
  delete process.env.UPLOAD_DIR
  resetEnvCache()
})

/** The fields a browser would post for a valid product, overridable per test. */
function productFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: 'save',
    'translations.en.name': 'Red ginseng extract',
    'translations.en.description': 'Six-year-old Korean red ginseng.',
    'translations.ko.name': '홍삼 농축액',
    categoryId,
    hsCode: '1302.19',
    moq: '100',
    unit: 'box',
    incoterms: 'FOB',
    leadTimeDays: '21',
    'priceTiers[0].minQuantity': '100',
    'priceTiers[0].unitPrice': '12.50',
    'priceTiers[0].currency': 'USD',
    'priceTiers[1].minQuantity': '1000',
    'priceTiers[1].unitPrice': '10.99',
    'priceTiers[1].currency': 'USD',
    sampleCurrency: 'USD',
    status: 'PUBLISHED',
    ...overrides,
  }
}

function without(fields: Record<string, string>, ...keys: string[]) {
  const copy = { ...fields }
  for (const key of keys) Reflect.deleteProperty(copy, key)
  return copy
}

async function postForm(
  pathname: string,
  cookie: string,
  fields: Record<string, string>,
  action: (args: never) => unknown,
  params: Record<string, string> = {},
) {
  const csrf = await mintCsrf()
  const request = formRequest(pathname, { csrf: csrf.token, ...fields }, { cookies: [csrf.cookie, cookie] })
  return action({ request, params, context: {} } as never)
}

async function postMultipart(
  pathname: string,
  cookie: string,
  fields: Record<string, string>,
  files: Array<{ field: string; name: string; type: string; bytes: Uint8Array }>,
  action: (args: never) => unknown,
  params: Record<string, string> = {},
) {
  const csrf = await mintCsrf()
  const body = new FormData()
  body.set('csrf', csrf.token)
  for (const [key, value] of Object.entries(fields)) body.append(key, value)
  for (const file of files) body.append(file.field, new File([new Uint8Array(file.bytes)], file.name, { type: file.type }))
  const request = new Request(`http://localhost${pathname}`, {
    method: 'POST',
    headers: { Origin: 'http://localhost', Cookie: [csrf.cookie, cookie].join('; ') },
    body,
  })
  return action({ request, params, context: {} } as never)
}

type Failed = { data: { result: { error: Record<string, string[]>; initialValue?: Record<string, unknown> } }; init: { status: number } }

function parseInput(fields: Record<string, string>): ProductInput {
  const result = ProductSchema.safeParse({
    intent: 'save',
    translations: {
      en: { name: fields['translations.en.name'], description: fields['translations.en.description'] },
      ko: { name: fields['translations.ko.name'] },
    },
    categoryId: fields.categoryId,
    hsCode: fields.hsCode,
    moq: Number(fields.moq),
    unit: fields.unit,
    incoterms: ['FOB', 'CIF'],
    leadTimeDays: 21,
    priceTiers: [
      { minQuantity: 100, unitPrice: 12.5, currency: 'USD' },
      { minQuantity: 1000, unitPrice: 10.99, currency: 'USD' },
    ],
    status: 'PUBLISHED',
  })
  if (!result.success) throw new Error(JSON.stringify(result.error.issues))
  return result.data
}

describe('product editor — domain', () => {
  it('creates a product with tiers in minor units, a slug and search text with the Korean name', async () => {
    const { company } = await createExporter()
    const input = parseInput(productFields())
    const saved = await saveProduct(company.id, null, input)
    expect(saved.slug).toBe('red-ginseng-extract')
    const prisma = await getPrisma()
    const product = await prisma.product.findUniqueOrThrow({
      where: { id: saved.id },
      include: { priceTiers: { orderBy: { minQuantity: 'asc' } }, translations: true },
    })
    expect(product.hsCode).toBe('130219')
    expect(product.priceTiers.map((t) => [t.minQuantity, t.unitPriceMinor, t.currency])).toEqual([
      [100, 1250, 'USD'],
      [1000, 1099, 'USD'],
    ])
    expect(product.translations.map((t) => t.locale).sort()).toEqual(['en', 'ko'])
    expect(product.searchText).toContain('홍삼 농축액')
    expect(product.minPriceUsdCents).toBe(1099)

    // Same English name again in this company: a distinct slug.
    const second = await saveProduct(company.id, null, input)
    expect(second.slug).toBe('red-ginseng-extract-2')
  })

  it('updates translations and tiers and rebuilds the search fields in the same transaction', async () => {
    const { company } = await createExporter()
    const created = await saveProduct(company.id, null, parseInput(productFields()))
    const input = parseInput(productFields())
    input.translations.ko = { name: '6년근 홍삼 스틱', description: '' }
    input.priceTiers = [{ minQuantity: 50, unitPrice: 15000, currency: 'KRW' }]
    await saveProduct(company.id, created.id, input)
    const prisma = await getPrisma()
    const product = await prisma.product.findUniqueOrThrow({ where: { id: created.id }, include: { priceTiers: true } })
    expect(product.slug).toBe('red-ginseng-extract') // stable after creation
    expect(product.priceTiers).toMatchObject([{ minQuantity: 50, unitPriceMinor: 15000, currency: 'KRW' }])
    expect(product.searchText).toContain('6년근 홍삼 스틱')
    expect(product.searchText).not.toContain('홍삼 농축액')
  })

  it('refuses to update another company’s product', async () => {
    const { company } = await createExporter()
    const other = await createExporter()
    const theirs = await createProduct(other.company.id)
    expect(await caught(() => saveProduct(company.id, theirs.id, parseInput(productFields())))).toMatchObject({ status: 404 })
    expect(await caught(() => getProductForEdit(company.id, theirs.id))).toMatchObject({ status: 404 })
  })
})

describe('product editor — route actions', () => {
  it('creates through the action and redirects to the editor', async () => {
    const { cookie, company } = await createExporter()
    const response = (await postForm('/exporter/products/new', cookie, productFields(), newProductAction)) as Response
    expect(response.status).toBe(302)
    const id = response.headers.get('Location')!.split('/').pop()!
    const prisma = await getPrisma()
    const product = await prisma.product.findUniqueOrThrow({ where: { id }, include: { translations: true } })
    expect(product.companyId).toBe(company.id)
    expect(product.incoterms).toEqual(['FOB'])
    expect(product.searchText).toContain('홍삼 농축액')

    const loaded = await editProductLoader({ request: getRequest(`/exporter/products/${id}`, [cookie]), params: { productId: id }, context: {} } as never)
    expect(loaded.product?.values.translations.ko?.name).toBe('홍삼 농축액')
    const list = await productsLoader({ request: getRequest('/exporter/products', [cookie]), params: {}, context: {} } as never)
    expect(list.products.find((p) => p.id === id)).toMatchObject({
      hsCode: '1302.19',
      hsChapter: '13',
      moq: 100,
      priceFrom: { unitPriceMinor: 1099, currency: 'USD' },
    })
  })

  it('takes a Mongolian name and description (a content language since issue 19) and loads them back for the mn tab', async () => {
    const { cookie } = await createExporter()
    const fields = productFields({ 'translations.mn.name': 'Улаан хүн орхоодойн ханд', 'translations.mn.description': 'Зургаан настай.' })
    const response = (await postForm('/exporter/products/new', cookie, fields, newProductAction)) as Response
    expect(response.status).toBe(302)
    const id = response.headers.get('Location')!.split('/').pop()!
    const prisma = await getPrisma()
    const product = await prisma.product.findUniqueOrThrow({ where: { id }, include: { translations: true } })
    expect(product.translations.find((t) => t.locale === 'mn')).toMatchObject({ name: 'Улаан хүн орхоодойн ханд', description: 'Зургаан настай.' })
    expect(product.searchText).toContain('хүн орхоодойн')
    const loaded = await editProductLoader({ request: getRequest(`/exporter/products/${id}`, [cookie]), params: { productId: id }, context: {} } as never)
    expect(loaded.product?.values.translations.mn).toEqual({ name: 'Улаан хүн орхоодойн ханд', description: 'Зургаан настай.' })
  })

  it.each([['12345'], ['12.34.5'], ['abcdef'], ['12345678901']])('rejects the HS code %s and keeps the input', async (hsCode) => {
    const { cookie } = await createExporter()
    const result = (await postForm('/exporter/products/new', cookie, productFields({ hsCode }), newProductAction)) as Failed
    expect(result.init.status).toBe(400)
    expect(result.data.result.error.hsCode).toEqual(['catalog.errors.hsCode'])
    expect(result.data.result.initialValue).toMatchObject({ hsCode, moq: '100', translations: { en: { name: 'Red ginseng extract' } } })
  })

  it('rejects negative, zero, fractional and absurd MOQs and prices', async () => {
    const { cookie, company } = await createExporter()
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ moq: '-5' }, 'moq', 'exporter.products.errors.moq'],
      [{ moq: '0' }, 'moq', 'exporter.products.errors.moq'],
      [{ moq: '2.5' }, 'moq', 'exporter.products.errors.moq'],
      [{ moq: '1000000000000' }, 'moq', 'exporter.products.errors.moq'],
      [{ 'priceTiers[0].unitPrice': '-1' }, 'priceTiers[0].unitPrice', 'exporter.products.errors.price'],
      [{ 'priceTiers[0].unitPrice': '0' }, 'priceTiers[0].unitPrice', 'exporter.products.errors.price'],
      [{ 'priceTiers[0].unitPrice': '1e12' }, 'priceTiers[0].unitPrice', 'exporter.products.errors.price'],
      [{ 'priceTiers[0].unitPrice': '1.999' }, 'priceTiers[0].unitPrice', 'exporter.products.errors.priceDecimals'],
      [{ 'priceTiers[1].minQuantity': '100' }, 'priceTiers[1].minQuantity', 'exporter.products.errors.tierOrder'],
      [{ 'priceTiers[1].currency': 'EUR' }, 'priceTiers[1].currency', 'exporter.products.errors.tierCurrency'],
    ]
    for (const [overrides, field, message] of cases) {
      const result = (await postForm('/exporter/products/new', cookie, productFields(overrides), newProductAction)) as Failed
      expect(result.init.status, JSON.stringify(overrides)).toBe(400)
      expect(result.data.result.error[field], JSON.stringify(overrides)).toEqual([message])
    }
    // KRW has no minor unit: 1500.5 won is not a price.
    const won = (await postForm(
      '/exporter/products/new',
      cookie,
      productFields({ 'priceTiers[0].unitPrice': '1500.5', 'priceTiers[0].currency': 'KRW', 'priceTiers[1].currency': 'KRW' }),
      newProductAction,
    )) as Failed
    expect(won.data.result.error['priceTiers[0].unitPrice']).toEqual(['exporter.products.errors.priceDecimals'])
    const prisma = await getPrisma()
    expect(await prisma.product.count({ where: { companyId: company.id } })).toBe(0)
  })

  it('requires an English name and at least one tier, at most 10', async () => {
    const { cookie } = await createExporter()
    const noName = (await postForm('/exporter/products/new', cookie, productFields({ 'translations.en.name': '' }), newProductAction)) as Failed
    expect(noName.data.result.error['translations.en.name']).toEqual(['exporter.products.errors.nameEn'])
    const noTiers = (await postForm(
      '/exporter/products/new',
      cookie,
      without(
        productFields(),
        'priceTiers[0].minQuantity',
        'priceTiers[0].unitPrice',
        'priceTiers[0].currency',
        'priceTiers[1].minQuantity',
        'priceTiers[1].unitPrice',
        'priceTiers[1].currency',
      ),
      newProductAction,
    )) as Failed
    expect(noTiers.data.result.error.priceTiers).toEqual(['exporter.products.errors.tiersRequired'])
    const eleven: Record<string, string> = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [
        [`priceTiers[${i}].minQuantity`, String((i + 1) * 100)],
        [`priceTiers[${i}].unitPrice`, '5'],
        [`priceTiers[${i}].currency`, 'USD'],
      ]).flat(),
    )
    const tooMany = (await postForm('/exporter/products/new', cookie, { ...productFields(), ...eleven }, newProductAction)) as Failed
    expect(tooMany.data.result.error.priceTiers).toEqual(['exporter.products.errors.tooManyTiers'])
  })

  it('refuses a category that does not exist and another company’s certification', async () => {
    const { cookie } = await createExporter()
    const other = await createExporter()
    const prisma = await getPrisma()
    const theirCert = await prisma.certification.create({ data: { companyId: other.company.id, type: 'FDA', market: 'US', number: 'X-1' } })
    const result = (await postForm(
      '/exporter/products/new',
      cookie,
      productFields({ categoryId: 'no-such-category', certificationIds: theirCert.id }),
      newProductAction,
    )) as Failed
    expect(result.init.status).toBe(400)
    expect(result.data.result.error.categoryId).toEqual(['errors.invalidChoice'])
    expect(result.data.result.error.certificationIds).toEqual(['exporter.products.errors.certification'])
  })

  it('stores <script> in a name as plain text', async () => {
    const { cookie } = await createExporter()
    const name = '<script>alert("x")</script> Kimchi & <b>bold</b>'
    const response = (await postForm('/exporter/products/new', cookie, productFields({ 'translations.en.name': name }), newProductAction)) as Response
    expect(response.status).toBe(302)
    const id = response.headers.get('Location')!.split('/').pop()!
    const prisma = await getPrisma()
    const stored = await prisma.productTranslation.findUniqueOrThrow({ where: { productId_locale: { productId: id, locale: 'en' } } })
    expect(stored.name).toBe(name) // unchanged: React escapes it when rendering
    const loaded = await editProductLoader({ request: getRequest(`/exporter/products/${id}`, [cookie]), params: { productId: id }, context: {} } as never)
    expect(loaded.product?.values.translations.en?.name).toBe(name) // data, not markup
  })

  it('answers 404 to another company’s member, for the page and the action', async () => {
    const owner = await createExporter()
    const intruder = await createExporter()
    const product = await createProduct(owner.company.id, { name: 'Seaweed snack' })
    expect(
      await caught(() =>
        editProductLoader({
          request: getRequest(`/exporter/products/${product.id}`, [intruder.cookie]),
          params: { productId: product.id },
          context: {},
        } as never),
      ),
    ).toMatchObject({ status: 404 })
    expect(
      await caught(() => postForm(`/exporter/products/${product.id}`, intruder.cookie, productFields(), editProductAction as never, { productId: product.id })),
    ).toMatchObject({ status: 404 })
    const prisma = await getPrisma()
    expect((await prisma.productTranslation.findFirstOrThrow({ where: { productId: product.id, locale: 'en' } })).name).toBe('Seaweed snack')
  })

  it('answers 404 for an unknown product id', async () => {
    const { cookie } = await createExporter()
    expect(
      await caught(() => editProductLoader({ request: getRequest('/exporter/products/nope', [cookie]), params: { productId: 'nope' }, context: {} } as never)),
    ).toMatchObject({ status: 404 })
  })
})

describe('product images', () => {
  it('stores real images under random names, reorders and deletes them', async () => {
    const { cookie } = await createExporter()
    const files = [1, 2, 3].map((n) => ({ field: 'images', name: `photo-${n}.png`, type: 'image/png', bytes: PNG_1PX }))
    const response = (await postMultipart('/exporter/products/new', cookie, productFields(), files, newProductAction)) as Response
    expect(response.status).toBe(302)
    const id = response.headers.get('Location')!.split('/').pop()!
    const prisma = await getPrisma()
    const images = await prisma.productImage.findMany({ where: { productId: id }, orderBy: { position: 'asc' } })
    expect(images).toHaveLength(3)
    expect(images.map((i) => i.position)).toEqual([0, 1, 2])
    for (const image of images) expect(image.path).toMatch(/^\/uploads\/[a-f0-9]{32}\.png$/)
    expect((await readdir(uploadDir)).length).toBeGreaterThanOrEqual(3)

    const [first, second, third] = images as [(typeof images)[number], (typeof images)[number], (typeof images)[number]]
    await postForm(`/exporter/products/${id}`, cookie, { intent: 'image-down', imageId: first.id }, editProductAction, { productId: id })
    let order = (await prisma.productImage.findMany({ where: { productId: id }, orderBy: { position: 'asc' } })).map((i) => i.id)
    expect(order).toEqual([second.id, first.id, third.id])
    await postForm(`/exporter/products/${id}`, cookie, { intent: 'image-up', imageId: third.id }, editProductAction, { productId: id })
    order = (await prisma.productImage.findMany({ where: { productId: id }, orderBy: { position: 'asc' } })).map((i) => i.id)
    expect(order).toEqual([second.id, third.id, first.id])

    const fileName = path.basename(third.path)
    await postForm(`/exporter/products/${id}`, cookie, { intent: 'image-delete', imageId: third.id }, editProductAction, { productId: id })
    const left = await prisma.productImage.findMany({ where: { productId: id }, orderBy: { position: 'asc' } })
    expect(left.map((i) => [i.id, i.position])).toEqual([
      [second.id, 0],
      [first.id, 1],
    ])
    expect(await readdir(uploadDir)).not.toContain(fileName)
  })

  it('rejects a text file named like an image and writes nothing', async () => {
    const { cookie, company } = await createExporter()
    const before = await readdir(uploadDir)
    const fake = { field: 'images', name: 'photo.png', type: 'image/png', bytes: new TextEncoder().encode('just some text, not a PNG at all') }
    const result = (await postMultipart('/exporter/products/new', cookie, productFields(), [fake], newProductAction)) as Failed
    expect(result.init.status).toBe(400)
    expect(result.data.result.error.images).toEqual(['uploads.notAnImage'])
    expect(result.data.result.initialValue).toMatchObject({ moq: '100' })
    expect(await readdir(uploadDir)).toEqual(before)
    const prisma = await getPrisma()
    expect(await prisma.product.count({ where: { companyId: company.id } })).toBe(0)
  })

  it('rejects an SVG even when it claims to be a PNG', async () => {
    const { cookie } = await createExporter()
    const svg = {
      field: 'images',
      name: 'logo.png',
      type: 'image/png',
      bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    }
    const result = (await postMultipart('/exporter/products/new', cookie, productFields(), [svg], newProductAction)) as Failed
    expect(result.data.result.error.images).toEqual(['uploads.notAnImage'])
  })

  it('rejects a file over 5 MB while parsing', async () => {
    const { cookie, company } = await createExporter()
    const big = new Uint8Array(5 * 1024 * 1024 + 1)
    big.set(PNG_1PX)
    const result = (await postMultipart(
      '/exporter/products/new',
      cookie,
      productFields(),
      [{ field: 'images', name: 'big.png', type: 'image/png', bytes: big }],
      newProductAction,
    )) as Failed
    expect(result.init.status).toBe(400)
    expect(result.data.result.error.images).toEqual(['uploads.imageTooLarge'])
    const prisma = await getPrisma()
    expect(await prisma.product.count({ where: { companyId: company.id } })).toBe(0)
  })

  it('allows at most 8 images per product', async () => {
    const { cookie } = await createExporter()
    const five = Array.from({ length: 5 }, (_, n) => ({ field: 'images', name: `p${n}.png`, type: 'image/png', bytes: PNG_1PX }))
    const response = (await postMultipart('/exporter/products/new', cookie, productFields(), five, newProductAction)) as Response
    const id = response.headers.get('Location')!.split('/').pop()!
    const four = five.slice(0, 4)
    const before = await readdir(uploadDir)
    const result = (await postMultipart(`/exporter/products/${id}`, cookie, productFields(), four, editProductAction, { productId: id })) as Failed
    expect(result.init.status).toBe(400)
    expect(result.data.result.error.images).toEqual(['exporter.products.errors.tooManyImages'])
    expect(await readdir(uploadDir)).toEqual(before) // stored files of the failed save are removed again
    const prisma = await getPrisma()
    expect(await prisma.productImage.count({ where: { productId: id } })).toBe(5)
  })

  it('refuses an upload without a valid CSRF token', async () => {
    const { cookie } = await createExporter()
    const body = new FormData()
    for (const [key, value] of Object.entries(productFields())) body.append(key, value)
    const request = new Request('http://localhost/exporter/products/new', { method: 'POST', headers: { Origin: 'http://localhost', Cookie: cookie }, body })
    expect(await caught(() => newProductAction({ request, params: {}, context: {} } as never))).toMatchObject({ status: 403 })
  })
})

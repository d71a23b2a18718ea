import '../../tests/app-handler'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '~/domain/db.server'
import { refreshProductIndex } from '~/domain/catalog/product-index.server'
import { listProductCardsByLocale } from '~/domain/live/pinned-products.server'
import { appGet, startAppHandler, type AppHandler } from '../../tests/app-handler'
import { createExporter, createProduct } from '../../tests/fixtures'

// Product and company texts in the reader's content language (zh-Hans reads zh, mn joins), and a marked
// fallback when there is none: the element's real lang plus a small label naming the language.

let app: AppHandler

beforeAll(async () => {
  app = await startAppHandler()
}, 120_000)

afterAll(async () => {
  // Unset when beforeAll failed.
  await (app as AppHandler | undefined)?.close()
})

async function page(path: string, acceptLanguage: string) {
  const request = appGet(path)
  request.headers.set('Accept-Language', acceptLanguage)
  const response = await app.handle(request)
  expect(response.status, path).toBe(200)
  return response.text()
}

/** An exporter with an English description (and a Korean one) and a product named in en, zh and mn. */
async function ginseng() {
  const prisma = await getPrisma()
  const { company } = await createExporter({ companyName: 'Daegwallyeong Roots' })
  await prisma.exporterCompany.update({
    where: { id: company.id },
    data: { description: 'Six-year red ginseng since 1998.', descriptionI18n: { ko: '1998년부터 6년근 홍삼을 만듭니다.' } },
  })
  const product = await createProduct(company.id, { name: 'Red ginseng sticks' })
  await prisma.$transaction(async (tx) => {
    await tx.productTranslation.createMany({
      data: [
        { productId: product.id, locale: 'zh', name: '红参棒', description: '六年根红参浓缩液。' },
        { productId: product.id, locale: 'mn', name: 'Улаан хүн орхоодойн саваа', description: 'Зургаан настай улаан хүн орхоодой.' },
      ],
    })
    await refreshProductIndex(tx, { productIds: [product.id] })
  })
  return { company, product }
}

const heading = (html: string) => /<h1[^>]*>.*?<\/h1>/s.exec(html)?.[0] ?? ''

describe('content in the reader’s language', () => {
  it('shows the Mongolian and Chinese texts unmarked to their readers (zh-Hans reads zh)', async () => {
    const { product } = await ginseng()
    const mn = await page(`/catalog/${product.id}`, 'mn-MN')
    expect(heading(mn)).toMatch(/^<h1 class="[^"]*">Улаан хүн орхоодойн саваа<\/h1>$/)
    expect(mn).toContain('Зургаан настай улаан хүн орхоодой.')
    expect(mn).not.toContain('data-testid="content-language"')
    expect(heading(await page(`/catalog/${product.id}`, 'zh-CN,zh;q=0.9'))).toMatch(/^<h1 class="[^"]*">红参棒<\/h1>$/)
  })

  it('marks a fallback: the text’s own lang on the element and its language named in the reader’s', async () => {
    const { product } = await ginseng()
    const ko = await page(`/catalog/${product.id}`, 'ko-KR')
    expect(heading(ko)).toMatch(
      /^<h1 lang="en" class="[^"]*">Red ginseng sticks<!-- --> <span lang="ko" data-testid="content-language" class="[^"]*">영어<\/span><\/h1>$/,
    )
    expect(ko).toMatch(/<p lang="en" class="[^"]*">Test product<!-- --> <span lang="ko" data-testid="content-language"[^>]*>영어<\/span><\/p>/)
  })

  it('marks fallback names on catalog cards, and the exporter’s description on their page', async () => {
    const { company, product } = await ginseng()
    const catalog = await page('/catalog?q=ginseng', 'ko-KR')
    const card = new RegExp(
      `<h3 lang="en" class="[^"]*"><a[^>]*href="/catalog/${product.id}"[^>]*>Red ginseng sticks</a> <span lang="ko" data-testid="content-language"[^>]*>영어</span></h3>`,
    )
    expect(catalog).toMatch(card)
    expect(await page('/catalog?q=ginseng', 'mn')).toContain('>Улаан хүн орхоодойн саваа</a></h3>')

    const profile = await page(`/exporters/${company.slug}`, 'ru-RU')
    expect(profile).toMatch(
      /<p lang="en" class="[^"]*">Six-year red ginseng since 1998\.<!-- --> <span lang="ru" data-testid="content-language"[^>]*>[^<]*английск[^<]*<\/span><\/p>/,
    )
    expect(await page(`/exporters/${company.slug}`, 'ko')).toMatch(/<p class="[^"]*">1998년부터 6년근 홍삼을 만듭니다\.<\/p>/)
  })

  it('gives pinned product cards the language of their names, per room language', async () => {
    const { product } = await ginseng()
    const cards = await listProductCardsByLocale([product.id], ['mn', 'zh-Hans', 'ja'])
    expect(cards.get('mn')?.[0]).toMatchObject({ name: 'Улаан хүн орхоодойн саваа', nameLang: 'mn' })
    expect(cards.get('zh-Hans')?.[0]).toMatchObject({ name: '红参棒', nameLang: 'zh' })
    expect(cards.get('ja')?.[0]).toMatchObject({ name: 'Red ginseng sticks', nameLang: 'en' })
  })
})

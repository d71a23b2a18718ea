// Expands the company product tables into concrete products (variants become products of their own).
// Pure and independent of the clock, so the SVG generator and the seed agree on slugs and images.
import { categoryInfo, type CategorySlug } from './data/categories.ts'
import { GANGWON_CITIES, type GangwonCity } from './data/cities.ts'
import { COMPANIES } from './data/companies.ts'
import type { CompanySeed, IncotermCode, ProductSeed } from './data/types.ts'
import { hashString, slugify } from './util.ts'

export type CatalogLocale = 'en' | 'ko' | 'zh' | 'ja' | 'ru' | 'mn'

export type CatalogProduct = {
  company: CompanySeed
  base: ProductSeed
  slug: string
  category: CategorySlug
  hsCode: string
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED'
  translations: Array<{ locale: CatalogLocale; name: string; description: string }>
  unit: string
  moq: number
  /** Unit price in major units of `currency` */
  price: number
  currency: 'USD' | 'KRW'
  leadTimeDays: number
  incoterms: IncotermCode[]
  targetMarkets: string[]
  imageCount: number
}

type TranslatedLocale = 'zh' | 'ja' | 'ru' | 'mn'

const UNIT_I18N: Record<string, Record<TranslatedLocale, string>> = {
  carton: { zh: '箱', ja: 'カートン', ru: 'карт.', mn: 'хайрцаг' },
  case: { zh: '箱', ja: 'ケース', ru: 'ящ.', mn: 'хайрцаг' },
  box: { zh: '盒', ja: '箱', ru: 'кор.', mn: 'хайрцаг' },
  kg: { zh: '公斤', ja: 'kg', ru: 'кг', mn: 'кг' },
  ton: { zh: '吨', ja: 'トン', ru: 'т', mn: 'тн' },
  bag: { zh: '袋', ja: '袋', ru: 'меш.', mn: 'уут' },
  jar: { zh: '罐', ja: '瓶', ru: 'бан.', mn: 'лонх' },
  bottle: { zh: '瓶', ja: '本', ru: 'бут.', mn: 'шил' },
  pcs: { zh: '件', ja: '個', ru: 'шт.', mn: 'ш' },
  unit: { zh: '台', ja: '台', ru: 'ед.', mn: 'ш' },
  set: { zh: '套', ja: 'セット', ru: 'компл.', mn: 'иж' },
  sheet: { zh: '张', ja: '枚', ru: 'лист.', mn: 'хуудас' },
  roll: { zh: '卷', ja: 'ロール', ru: 'рул.', mn: 'ороомог' },
  pair: { zh: '双', ja: '足', ru: 'пар', mn: 'хос' },
  m: { zh: '米', ja: 'm', ru: 'м', mn: 'м' },
}

const DEFAULT_INCOTERMS: Record<CategorySlug, IncotermCode[]> = {
  'processed-food': ['FOB', 'CIF'],
  beverages: ['FOB', 'CIF'],
  seafood: ['FOB', 'CFR'],
  'cosmetics-skincare': ['EXW', 'FOB'],
  'medical-devices': ['EXW', 'FCA', 'CIP'],
  'health-supplements': ['FOB', 'CIF'],
  'auto-parts': ['FOB', 'FCA'],
  'industrial-machinery': ['EXW', 'FOB'],
  'crafts-lifestyle': ['EXW', 'FCA'],
  'agricultural-products': ['FOB', 'CFR'],
  textiles: ['FOB'],
}

function localisedDescription(locale: TranslatedLocale, name: string, company: CompanySeed, unit: string, moq: number, lead: number): string {
  const city = GANGWON_CITIES[company.city as GangwonCity]
  const u = UNIT_I18N[unit] ?? { zh: unit, ja: unit, ru: unit, mn: unit }
  const moqText = moq.toLocaleString('en-US')
  switch (locale) {
    case 'zh':
      return `${name}，由韩国江原道${city.zh}的 ${company.name} 生产。最小起订量 ${moqText} ${u.zh}，交货期约 ${lead} 天。`
    case 'ja':
      return `${name}。韓国・江原道${city.ja}の ${company.name} が製造。最小発注数量 ${moqText} ${u.ja}、リードタイム約${lead}日。`
    case 'ru':
      return `${name}. Производитель — ${company.name} (${city.ru}, провинция Канвон, Республика Корея). Минимальная партия — ${moqText} ${u.ru}, срок поставки около ${lead} дней.`
    case 'mn':
      return `${name}. Үйлдвэрлэгч: ${company.name} (БНСУ, Канвон муж, ${city.mn}). Хамгийн бага захиалга (MOQ): ${moqText} ${u.mn}, нийлүүлэх хугацаа ойролцоогоор ${lead} хоног.`
  }
}

let cached: CatalogProduct[] | undefined

export function buildCatalog(): CatalogProduct[] {
  if (cached) return cached
  const out: CatalogProduct[] = []
  const seen = new Set<string>()
  for (const company of COMPANIES) {
    for (const base of company.products) {
      const variants = base.variants ?? [undefined]
      for (const variant of variants) {
        const slug = variant ? `${base.slug}-${slugify(variant.en)}` : base.slug
        if (seen.has(slug)) throw new Error(`duplicate product slug ${slug}`)
        seen.add(slug)
        const moq = variant?.moq ?? base.moq
        const translations: CatalogProduct['translations'] = []
        const enName = variant ? `${base.en} — ${variant.en}` : base.en
        translations.push({ locale: 'en', name: enName, description: variant ? `${base.d} Pack / model: ${variant.en}.` : base.d })
        if (base.ko) {
          const koName = variant ? `${base.ko} ${variant.ko}` : base.ko
          const koDesc = base.dKo ?? base.d
          translations.push({ locale: 'ko', name: koName, description: variant ? `${koDesc} 규격: ${variant.ko}.` : koDesc })
        }
        for (const locale of ['zh', 'ja', 'ru', 'mn'] as const) {
          const baseName = base[locale]
          if (!baseName) continue
          const suffix = variant ? (variant[locale] ?? variant.en) : undefined
          // Cyrillic text takes Latin parentheses; Chinese and Japanese full-width ones.
          const name = suffix ? (locale === 'ru' || locale === 'mn' ? `${baseName} (${suffix})` : `${baseName}（${suffix}）`) : baseName
          translations.push({ locale, name, description: localisedDescription(locale, name, company, base.unit, moq, base.lead) })
        }
        out.push({
          company,
          base,
          slug,
          category: base.cat,
          hsCode: base.hs,
          status: base.status ?? 'PUBLISHED',
          translations,
          unit: base.unit,
          moq,
          price: base.price * (variant?.k ?? 1),
          currency: company.currency,
          leadTimeDays: base.lead,
          incoterms: base.inc ?? DEFAULT_INCOTERMS[base.cat],
          targetMarkets: base.markets ?? company.markets,
          imageCount: 1 + (hashString(slug) % 3),
        })
      }
    }
  }
  cached = out
  return out
}

export function productImagePath(slug: string, index: number): string {
  return `/demo/products/${slug}-${index + 1}.svg`
}

export const IMAGE_KINDS = ['product', 'packaging', 'detail'] as const

export function searchTextFor(product: CatalogProduct): string {
  const parts = product.translations.flatMap((t) => [t.name, t.description])
  const hs = product.hsCode
  parts.push(hs, `${hs.slice(0, 4)}.${hs.slice(4, 6)}${hs.length > 6 ? `.${hs.slice(6)}` : ''}`)
  parts.push(categoryInfo(product.category).names.en)
  return parts.join('\n')
}

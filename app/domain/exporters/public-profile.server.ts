import { getPrisma } from '~/domain/db.server'
import { productCardSelect, toProductCard } from '~/domain/catalog/product-card.server'
import { pickLocalized, pickLocalizedText } from '~/domain/catalog/translations'
import { listUpcomingShowcases } from '~/domain/live/upcoming.server'

/** The exporter page buyers see: company facts, valid certifications, published products, showcases. */
export async function getExporterPublicProfile(slug: string, { locale, now }: { locale: string; now: Date }) {
  const prisma = await getPrisma()
  const company = await prisma.exporterCompany.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      nameI18n: true,
      region: true,
      city: true,
      industry: true,
      description: true,
      descriptionI18n: true,
      website: true,
      foundedYear: true,
      exportExperienceYears: true,
      exportMarkets: true,
      languages: true,
      logoPath: true,
      certifications: {
        where: { OR: [{ validUntil: null }, { validUntil: { gte: now } }] },
        select: { type: true, market: true },
      },
      products: {
        where: { status: 'PUBLISHED' },
        orderBy: { createdAt: 'desc' },
        take: 48,
        select: productCardSelect(now),
      },
    },
  })
  if (!company) return null
  const name = pickLocalized(company.name, company.nameI18n, locale)
  const place = [company.city, company.region].filter(Boolean).join(', ')
  return {
    id: company.id,
    slug: company.slug,
    name,
    place,
    industry: company.industry,
    // With its language: the page marks a description shown in another language than the reader's.
    description: pickLocalizedText(company.description, company.descriptionI18n, locale),
    website: company.website,
    foundedYear: company.foundedYear,
    exportExperienceYears: company.exportExperienceYears,
    exportMarkets: company.exportMarkets,
    languages: company.languages,
    logoPath: company.logoPath,
    certifications: [...new Set(company.certifications.map((c) => `${c.type} · ${c.market}`))],
    products: company.products.map((product) => toProductCard(product, locale)),
    showcases: await listUpcomingShowcases({ now, locale, companyId: company.id, take: 5 }),
  }
}

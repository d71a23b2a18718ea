import { getPrisma } from '~/domain/db.server'
import { pickLocalized } from './translations'

/** Platform figures and featured exporters for the public landing page. */
export async function getLandingHighlights({ locale }: { locale: string }) {
  const prisma = await getPrisma()
  const [exporters, products, buyers, countries, featured, fair] = await Promise.all([
    prisma.exporterCompany.count(),
    prisma.product.count({ where: { status: 'PUBLISHED' } }),
    prisma.buyerProfile.count(),
    prisma.buyerProfile.findMany({ distinct: ['country'], select: { country: true } }),
    prisma.exporterCompany.findMany({
      orderBy: { products: { _count: 'desc' } },
      take: 8,
      select: {
        slug: true,
        name: true,
        nameI18n: true,
        city: true,
        region: true,
        industry: true,
        _count: { select: { products: true } },
      },
    }),
    prisma.tradeFair.findFirst({
      where: { status: { in: ['OPEN', 'LIVE'] } },
      orderBy: { startsAt: 'asc' },
      select: { slug: true, name: true, nameI18n: true, startsAt: true, endsAt: true, status: true, _count: { select: { booths: true } } },
    }),
  ])
  return {
    stats: { exporters, products, buyers, countries: countries.length },
    featuredExporters: featured.map((company) => ({
      slug: company.slug,
      name: pickLocalized(company.name, company.nameI18n, locale),
      place: [company.city, company.region].filter(Boolean).join(', '),
      industry: company.industry,
      productCount: company._count.products,
    })),
    fair: fair
      ? {
          slug: fair.slug,
          name: pickLocalized(fair.name, fair.nameI18n, locale),
          startsAt: fair.startsAt.toISOString(),
          endsAt: fair.endsAt.toISOString(),
          status: fair.status,
          booths: fair._count.booths,
        }
      : null,
  }
}

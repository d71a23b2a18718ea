import { DomainError } from '~/domain/errors'
import { getPrisma } from '~/domain/db.server'
import { pickLocalized } from '~/domain/catalog/translations'
import type { BuyerProfileInput } from './profile-schema'

/** The buyer's profile shaped like the form, plus the category choices. */
export async function getBuyerProfileForEdit(userId: string, locale: string) {
  const prisma = await getPrisma()
  const [profile, categories] = await Promise.all([
    prisma.buyerProfile.findUnique({ where: { userId } }),
    prisma.category.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, nameI18n: true } }),
  ])
  if (!profile) throw new DomainError('no-buyer-profile', { status: 404 })
  return {
    values: {
      companyName: profile.companyName,
      country: profile.country,
      businessType: profile.businessType,
      website: profile.website ?? '',
      interests: profile.interests,
      hsChapters: profile.hsChapters,
      yearlyVolume: profile.yearlyVolume ?? '',
      languages: profile.languages,
      timeZone: profile.timeZone,
      businessHoursStart: profile.businessHoursStart,
      businessHoursEnd: profile.businessHoursEnd,
    },
    categories: categories
      .map((c) => ({ value: c.slug, label: pickLocalized(c.slug, c.nameI18n, locale) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
  }
}

/** Saves the profile; category slugs that do not exist are dropped. */
export async function updateBuyerProfile(userId: string, input: BuyerProfileInput) {
  const prisma = await getPrisma()
  const known = await prisma.category.findMany({ where: { slug: { in: input.interests } }, select: { slug: true } })
  const knownSlugs = new Set(known.map((c) => c.slug))
  const { count } = await prisma.buyerProfile.updateMany({
    where: { userId },
    data: {
      companyName: input.companyName,
      country: input.country,
      businessType: input.businessType,
      website: input.website ?? null,
      interests: [...new Set(input.interests)].filter((slug) => knownSlugs.has(slug)),
      hsChapters: [...new Set(input.hsChapters)].sort(),
      yearlyVolume: input.yearlyVolume ?? null,
      languages: [...new Set(input.languages)],
      timeZone: input.timeZone,
      businessHoursStart: input.businessHoursStart,
      businessHoursEnd: input.businessHoursEnd,
    },
  })
  if (count === 0) throw new DomainError('no-buyer-profile', { status: 404 })
}

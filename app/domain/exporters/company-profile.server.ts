import { getPrisma } from '~/domain/db.server'
import { refreshProductIndex } from '~/domain/catalog/product-index.server'
import { deleteUpload } from '~/utils/uploads.server'
import type { CompanyProfileInput } from './schemas'

function localized(map: unknown, locale: string): string {
  if (map && typeof map === 'object' && locale in map) {
    const value = (map as Record<string, unknown>)[locale]
    if (typeof value === 'string') return value
  }
  return ''
}

/** The editable fields of a company, shaped like the form. */
export async function getCompanyProfileForEdit(companyId: string) {
  const prisma = await getPrisma()
  const company = await prisma.exporterCompany.findUniqueOrThrow({ where: { id: companyId } })
  return {
    slug: company.slug,
    logoPath: company.logoPath,
    values: {
      name: company.name,
      nameKo: localized(company.nameI18n, 'ko'),
      region: company.region,
      city: company.city ?? '',
      industry: company.industry,
      description: company.description,
      descriptionKo: localized(company.descriptionI18n, 'ko'),
      website: company.website ?? '',
      foundedYear: company.foundedYear === null ? '' : String(company.foundedYear),
      employeeCount: company.employeeCount === null ? '' : String(company.employeeCount),
      exportExperienceYears: String(company.exportExperienceYears),
      exportMarkets: company.exportMarkets,
      languages: company.languages,
      timeZone: company.timeZone,
      businessHoursStart: company.businessHoursStart,
      businessHoursEnd: company.businessHoursEnd,
      embedOrigins: company.embedOrigins.join('\n'),
    },
  }
}

function withLocale(map: unknown, locale: string, value: string | undefined): Record<string, string> {
  const next: Record<string, string> = {}
  if (map && typeof map === 'object') {
    for (const [key, text] of Object.entries(map)) if (typeof text === 'string') next[key] = text
  }
  if (value) next[locale] = value
  else Reflect.deleteProperty(next, locale)
  return next
}

/**
 * Saves the profile. `logoPath` is a freshly stored upload (replaces the old logo) or undefined (keep,
 * unless `removeLogo`). The company name is part of every product's search text, so those are rebuilt.
 */
export async function updateCompanyProfile(companyId: string, input: CompanyProfileInput, { logoPath }: { logoPath?: string } = {}) {
  const prisma = await getPrisma()
  const previous = await prisma.$transaction(async (tx) => {
    const current = await tx.exporterCompany.findUniqueOrThrow({
      where: { id: companyId },
      select: { logoPath: true, nameI18n: true, descriptionI18n: true, name: true, city: true },
    })
    const newLogo = logoPath ?? (input.removeLogo ? null : current.logoPath)
    const nameI18n = withLocale(current.nameI18n, 'ko', input.nameKo)
    await tx.exporterCompany.update({
      where: { id: companyId },
      data: {
        name: input.name,
        nameI18n,
        region: input.region,
        city: input.city || null,
        industry: input.industry,
        description: input.description ?? '',
        descriptionI18n: withLocale(current.descriptionI18n, 'ko', input.descriptionKo),
        website: input.website ?? null,
        foundedYear: input.foundedYear ?? null,
        employeeCount: input.employeeCount ?? null,
        exportExperienceYears: input.exportExperienceYears,
        exportMarkets: [...new Set(input.exportMarkets)],
        languages: [...new Set(input.languages)],
        timeZone: input.timeZone,
        businessHoursStart: input.businessHoursStart,
        businessHoursEnd: input.businessHoursEnd,
        logoPath: newLogo,
        embedOrigins: input.embedOrigins,
      },
    })
    const searchChanged =
      current.name !== input.name || (current.city ?? '') !== (input.city ?? '') || JSON.stringify(current.nameI18n) !== JSON.stringify(nameI18n)
    if (searchChanged) {
      const products = await tx.product.findMany({ where: { companyId }, select: { id: true } })
      if (products.length) await refreshProductIndex(tx, { productIds: products.map((p) => p.id) })
    }
    return { logoPath: current.logoPath, newLogo }
  })
  // The old file goes only after the new row is committed.
  if (previous.logoPath && previous.logoPath !== previous.newLogo) await deleteUpload(previous.logoPath)
}

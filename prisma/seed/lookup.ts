// Lookups over what the builders created, shared by the activity builders.
import type { Staff } from './buyers.ts'
import type { SeededFair } from './fair.ts'
import type { BuildContext, SeedPlan, SeededBuyer, SeededCompany, SeededProduct } from './types.ts'
import { must } from './util.ts'

export type World = {
  ctx: BuildContext
  plan: SeedPlan
  companies: SeededCompany[]
  products: SeededProduct[]
  buyers: SeededBuyer[]
  staff: Staff
  fair: SeededFair
}

export function lookups(world: World) {
  const companyBySlug = new Map(world.companies.map((c) => [c.slug, c]))
  const buyerByName = new Map(world.buyers.map((b) => [b.name, b]))
  return {
    company: (slug: string) => must(companyBySlug.get(slug), `company ${slug}`),
    buyer: (name: string) => must(buyerByName.get(name), `buyer ${name}`),
    /** The n-th variant of a base product of a company */
    product: (companySlug: string, baseSlug: string, variant = 0) =>
      must(world.products.filter((p) => p.companySlug === companySlug && p.baseSlug === baseSlug)[variant], `product ${companySlug}/${baseSlug}#${variant}`),
  }
}

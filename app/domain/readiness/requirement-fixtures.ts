import { randomUUID } from 'node:crypto'
import { getPrisma } from '~/domain/db.server'
import { requirementData } from './catalogue.server'
import type { MarketRequirement } from './requirement-schema'

// Test data: requirements a test writes into the catalogue itself (unique codes; HS codes no seeded rule
// uses, so the repository's catalogue, when present, does not change the outcome).

export async function createRequirement(fields: Pick<MarketRequirement, 'market' | 'scope' | 'documentTypes' | 'hs'> & Partial<MarketRequirement>) {
  const prisma = await getPrisma()
  const requirement: MarketRequirement = {
    code: `TEST-${randomUUID().slice(0, 8).toUpperCase()}`,
    kind: fields.documentTypes.length ? 'certificate' : 'labelling',
    exceptHs: [],
    name: { en: `Test requirement ${fields.market}` },
    howToGet: { en: 'Apply to the test authority' },
    issuerTypes: ['regulator'],
    leadTimeDays: { min: 10, max: 30 },
    voucherEligible: true,
    sourceUrl: 'https://example.org/rules',
    checkedOn: null,
    ...fields,
  }
  await prisma.marketRequirement.create({ data: requirementData(requirement) })
  return requirement
}

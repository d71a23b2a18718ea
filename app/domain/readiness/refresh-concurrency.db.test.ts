import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExporter, createProduct } from '../../../tests/fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { saveCertification } from '~/domain/exporters/certifications.server'
import { refreshReadiness } from './readiness.server'
import { createRequirement } from './requirement-fixtures'

// Rebuilds of the same products at once — certificates saved side by side, and an admin's full rebuild in the
// middle — all succeed and leave the rows the final data calls for. On PostgreSQL (the db project) these
// transactions really overlap; without the rebuild lock the second one's insert hit the first one's rows.

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('concurrent readiness rebuilds', () => {
  it('certificate saves and a full rebuild at the same time: every one succeeds, the rows match the final documents', async () => {
    const prisma = await getPrisma()
    const tag = randomUUID().slice(0, 6).toUpperCase()
    // Heading 6604 (no seeded rule and no other test uses it), rules for Brazil only.
    await createRequirement({ market: 'BR', scope: 'company', documentTypes: [`REG-${tag}`], hs: ['6604'] })
    await createRequirement({ market: 'BR', scope: 'product', documentTypes: [`CRT-${tag}`], hs: ['6604'] })
    const { company } = await createExporter()
    const attached = await createProduct(company.id, { hsCode: '660410' })
    const other = await createProduct(company.id, { hsCode: '660420' })
    const save = (type: string, number: string, productId?: string) =>
      saveCertification(company.id, {
        intent: 'save',
        type,
        market: 'BR',
        number,
        validUntil: '2031-01-01',
        ...(productId ? { productId, attachProduct: true } : {}),
      })

    const results = await Promise.allSettled([
      save(`REG-${tag}`, 'R-1'),
      save(`CRT-${tag}`, 'C-1', attached.id),
      prisma.$transaction((tx) => refreshReadiness(tx, { all: true }), { timeout: 60_000 }),
      save(`REG-${tag}`, 'R-2'),
      save(`CRT-${tag}`, 'C-2', attached.id),
    ])
    expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok'])

    const rows = await prisma.productMarketReadiness.findMany({
      where: { productId: { in: [attached.id, other.id] } },
      select: { productId: true, market: true, required: true, missing: true },
    })
    expect(rows.sort((a, b) => (a.productId === attached.id ? -1 : 1) - (b.productId === attached.id ? -1 : 1))).toEqual([
      { productId: attached.id, market: 'BR', required: 2, missing: 0 },
      { productId: other.id, market: 'BR', required: 2, missing: 1 },
    ])
  })
})

import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExporter } from '../../../tests/fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { certifiedForCountryWhere, isCertificationValidAt } from './certified-for-market'
import { marketCoversCountry } from './markets'

const NOW = new Date('2026-12-03T09:00:00Z')
const HOUR = 3_600_000

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('certified for a market: the in-memory rule and the database conditions agree', () => {
  it('on markets (country, bloc, GLOBAL, another country, any letter case) and validity edges', async () => {
    const prisma = await getPrisma()
    const exporter = await createExporter()
    const validities = [
      {},
      { validUntil: NOW },
      { validUntil: new Date(NOW.getTime() + 1) },
      { validFrom: NOW },
      { validFrom: new Date(NOW.getTime() + HOUR) },
      { validFrom: new Date(NOW.getTime() - HOUR), validUntil: new Date(NOW.getTime() + HOUR) },
    ]
    const markets = ['FR', 'EU', 'GLOBAL', 'global', 'US', 'GCC', 'SA']
    for (const market of markets) {
      for (const validity of validities) {
        await prisma.certification.create({
          data: { companyId: exporter.company.id, type: 'CE', market, number: randomUUID(), validFrom: null, validUntil: null, ...validity },
        })
      }
    }
    const rows = await prisma.certification.findMany({ where: { companyId: exporter.company.id } })
    for (const country of ['FR', 'SA', 'US', 'BR']) {
      const inMemory = rows.filter((row) => marketCoversCountry(row.market, country) && isCertificationValidAt(row, NOW)).map((row) => row.id)
      const inDatabase = await prisma.certification.findMany({
        where: { AND: [{ companyId: exporter.company.id }, certifiedForCountryWhere(country, NOW)] },
        select: { id: true },
      })
      expect(inDatabase.map((row) => row.id).sort()).toEqual(inMemory.sort())
      expect(inMemory.length).toBeGreaterThan(0)
    }
    // France: FR, EU, GLOBAL and global, each valid in 4 of the 6 cases.
    expect(rows.filter((row) => marketCoversCountry(row.market, 'FR') && isCertificationValidAt(row, NOW))).toHaveLength(16)
  })
})

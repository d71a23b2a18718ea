import { getPrisma } from '~/domain/db.server'
import type { RateInput } from './schemas'

/** The dated USD rates, newest first per currency. */
export async function listExchangeRates() {
  const prisma = await getPrisma()
  const rates = await prisma.exchangeRate.findMany({ orderBy: [{ currency: 'asc' }, { validFrom: 'desc' }] })
  return rates.map((rate) => ({ id: rate.id, currency: rate.currency, usdPerUnit: rate.usdPerUnit.toString(), validFrom: rate.validFrom.toISOString().slice(0, 10) }))
}

/** Sets the rate valid from a UTC day on (replacing the one of that day, if any). */
export async function saveExchangeRate(input: RateInput) {
  const prisma = await getPrisma()
  const validFrom = new Date(`${input.validFrom}T00:00:00Z`)
  const usdPerUnit = String(input.usdPerUnit)
  await prisma.exchangeRate.upsert({
    where: { currency_validFrom: { currency: input.currency, validFrom } },
    update: { usdPerUnit },
    create: { currency: input.currency, validFrom, usdPerUnit },
  })
}

export async function deleteExchangeRate(id: string) {
  const prisma = await getPrisma()
  await prisma.exchangeRate.deleteMany({ where: { id } })
}

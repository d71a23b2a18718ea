import { DomainError } from '~/domain/errors'
import type { Prisma } from '~/generated/prisma/client'
import type { RoleName } from '~/domain/accounts/permissions'
import { getPrisma } from '~/domain/db.server'
import type { RateInput } from './schemas'

/**
 * One table converts every fair's contract values, so only platform admins change it (organizers read
 * it); every change is recorded with who, when and old → new value.
 */
export function mayManageRates(user: { role: RoleName }): boolean {
  return user.role === 'ADMIN'
}

/** The actor as stored now (not as the session remembered), refused unless an admin. */
async function requireRateManager(tx: Prisma.TransactionClient, actorId: string) {
  const actor = await tx.user.findUnique({ where: { id: actorId }, select: { id: true, role: true, name: true, email: true } })
  if (!actor || !mayManageRates(actor)) throw new DomainError('forbidden', { status: 403 })
  return actor
}

/** The dated USD rates, newest first per currency. */
export async function listExchangeRates() {
  const prisma = await getPrisma()
  const rates = await prisma.exchangeRate.findMany({ orderBy: [{ currency: 'asc' }, { validFrom: 'desc' }] })
  return rates.map((rate) => ({
    id: rate.id,
    currency: rate.currency,
    usdPerUnit: rate.usdPerUnit.toString(),
    validFrom: rate.validFrom.toISOString().slice(0, 10),
  }))
}

/** The latest changes to the table, newest first. */
export async function listExchangeRateChanges(take = 50) {
  const prisma = await getPrisma()
  const changes = await prisma.exchangeRateChange.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take })
  return changes.map((change) => ({
    id: change.id,
    currency: change.currency,
    validFrom: change.validFrom.toISOString().slice(0, 10),
    oldUsdPerUnit: change.oldUsdPerUnit?.toString() ?? null,
    newUsdPerUnit: change.newUsdPerUnit?.toString() ?? null,
    actorName: change.actorName,
    actorEmail: change.actorEmail,
    at: change.createdAt.toISOString(),
  }))
}

/** Sets the rate valid from a UTC day on (replacing the one of that day, if any); admins only, audited. */
export async function saveExchangeRate(actorId: string, input: RateInput, now = new Date()) {
  const prisma = await getPrisma()
  const validFrom = new Date(`${input.validFrom}T00:00:00Z`)
  const usdPerUnit = String(input.usdPerUnit)
  await prisma.$transaction(async (tx) => {
    const actor = await requireRateManager(tx, actorId)
    const where = { currency_validFrom: { currency: input.currency, validFrom } }
    const before = await tx.exchangeRate.findUnique({ where, select: { usdPerUnit: true } })
    const after = await tx.exchangeRate.upsert({
      where,
      update: { usdPerUnit },
      create: { currency: input.currency, validFrom, usdPerUnit },
      select: { usdPerUnit: true },
    })
    if (before?.usdPerUnit.equals(after.usdPerUnit)) return
    await tx.exchangeRateChange.create({
      data: {
        currency: input.currency,
        validFrom,
        oldUsdPerUnit: before?.usdPerUnit ?? null,
        newUsdPerUnit: after.usdPerUnit,
        actorId: actor.id,
        actorName: actor.name,
        actorEmail: actor.email,
        createdAt: now,
      },
    })
  })
}

/** Removes a rate; admins only, audited. */
export async function deleteExchangeRate(actorId: string, id: string, now = new Date()) {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const actor = await requireRateManager(tx, actorId)
    const rate = await tx.exchangeRate.findUnique({ where: { id } })
    if (!rate) throw new DomainError('not-found', { status: 404 })
    await tx.exchangeRate.delete({ where: { id } })
    await tx.exchangeRateChange.create({
      data: {
        currency: rate.currency,
        validFrom: rate.validFrom,
        oldUsdPerUnit: rate.usdPerUnit,
        newUsdPerUnit: null,
        actorId: actor.id,
        actorName: actor.name,
        actorEmail: actor.email,
        createdAt: now,
      },
    })
  })
}

/**
 * The USD rate of a currency on a date, as the KPIs use it: the latest rate whose validFrom ≤ at (1 for USD);
 * null when the table has none yet.
 */
export async function usdPerUnitAt(tx: Prisma.TransactionClient, currency: string, at: Date): Promise<string | null> {
  if (currency === 'USD') return '1'
  const rate = await tx.exchangeRate.findFirst({
    where: { currency, validFrom: { lte: at } },
    orderBy: { validFrom: 'desc' },
    select: { usdPerUnit: true },
  })
  return rate ? rate.usdPerUnit.toString() : null
}

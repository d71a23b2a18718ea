import { DomainError } from '~/domain/errors'
import { getPrisma } from '~/domain/db.server'
import { certificationStatus } from './certification-status'
import type { CertificationInput } from './schemas'

/** "2026-05-31" → UTC midnight of that date (dates on certificates have no zone). */
function dateOnly(value: string | undefined): Date | null {
  return value ? new Date(`${value}T00:00:00.000Z`) : null
}

function isoDay(value: Date | null): string {
  return value ? value.toISOString().slice(0, 10) : ''
}

export async function listCertifications(companyId: string, now: Date) {
  const prisma = await getPrisma()
  const rows = await prisma.certification.findMany({
    where: { companyId },
    orderBy: [{ validUntil: { sort: 'asc', nulls: 'last' } }, { type: 'asc' }],
    select: { id: true, type: true, market: true, number: true, issuer: true, validFrom: true, validUntil: true, _count: { select: { products: true } } },
  })
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    market: row.market,
    number: row.number,
    issuer: row.issuer ?? '',
    validFrom: isoDay(row.validFrom),
    validUntil: isoDay(row.validUntil),
    productCount: row._count.products,
    status: certificationStatus(row.validUntil, now),
  }))
}

/** Creates (no id) or updates one of the company's certifications; 404 for another company's id. */
export async function saveCertification(companyId: string, input: CertificationInput) {
  const prisma = await getPrisma()
  const fields = {
    type: input.type,
    market: input.market,
    number: input.number,
    issuer: input.issuer || null,
    validFrom: dateOnly(input.validFrom),
    validUntil: dateOnly(input.validUntil),
  }
  if (!input.certificationId) return prisma.certification.create({ data: { companyId, ...fields }, select: { id: true } })
  const { count } = await prisma.certification.updateMany({ where: { id: input.certificationId, companyId }, data: fields })
  if (count === 0) throw new DomainError('not-found', { status: 404 })
  return { id: input.certificationId }
}

/** Deleting unlinks it from products (cascade) too. */
export async function deleteCertification(companyId: string, certificationId: string) {
  const prisma = await getPrisma()
  const { count } = await prisma.certification.deleteMany({ where: { id: certificationId, companyId } })
  if (count === 0) throw new DomainError('not-found', { status: 404 })
}

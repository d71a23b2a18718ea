import { DomainError } from '~/domain/errors'
import { getPrisma } from '~/domain/db.server'
import { dayStart, isoDay } from '~/lib/time'
import { refreshReadiness } from '~/domain/readiness/readiness.server'
import { certificationStatus } from './certification-status'
import { certificationTypeChoices } from './readiness.server'
import { type CertificationInput, certificationSchemaWith, CertificationTypeSchema } from './schemas'
import type { CompanyAudit } from '~/domain/agencies/actor.server'

/**
 * The certification form's server truth: the client schema, with a type from the fixed list or named by the
 * requirements catalogue (which admins edit, so it is read at submit time). When editing, the certificate's
 * own current type is accepted too: an admin removing a document type from the catalogue must not make the
 * certificates already recorded with it impossible to re-save. `editingId` is the form's certificationId, read
 * before parsing (the type field's check needs it).
 */
export function certificationServerSchema(companyId: string, editingId: unknown = null) {
  // On the type field itself, so it is checked (and reported with the others) even when other fields fail.
  const knownType = CertificationTypeSchema.refine(
    async (type) => {
      if ((await certificationTypeChoices()).includes(type)) return true
      if (typeof editingId !== 'string' || !editingId) return false
      const prisma = await getPrisma()
      const current = await prisma.certification.findFirst({ where: { id: editingId, companyId }, select: { type: true } })
      return current?.type === type
    },
    { error: 'errors.invalidChoice' },
  )
  return certificationSchemaWith(knownType).refine((value) => value.certificationId === undefined || value.certificationId === editingId, {
    error: 'errors.invalidChoice',
    path: ['certificationId'],
  })
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
    validFrom: row.validFrom ? isoDay(row.validFrom) : '',
    validUntil: row.validUntil ? isoDay(row.validUntil) : '',
    productCount: row._count.products,
    status: certificationStatus(row.validUntil, now),
  }))
}

/**
 * Creates (no id) or updates one of the company's certifications; 404 for another company's id. The
 * company's stored readiness is rebuilt in the same transaction (a document can make products ready anywhere).
 */
export async function saveCertification(companyId: string, input: CertificationInput, now = new Date(), audit?: CompanyAudit) {
  const prisma = await getPrisma()
  const fields = {
    type: input.type,
    market: input.market,
    number: input.number,
    issuer: input.issuer || null,
    validFrom: input.validFrom ? dayStart(input.validFrom) : null,
    validUntil: input.validUntil ? dayStart(input.validUntil) : null,
  }
  return prisma.$transaction(async (tx) => {
    let saved: { id: string }
    if (!input.certificationId) saved = await tx.certification.create({ data: { companyId, ...fields }, select: { id: true } })
    else {
      const { count } = await tx.certification.updateMany({ where: { id: input.certificationId, companyId }, data: fields })
      if (count === 0) throw new DomainError('not-found', { status: 404 })
      saved = { id: input.certificationId }
    }
    if (input.productId && input.attachProduct) {
      // Attached in the same transaction, so the readiness below already counts it; only the company's own products.
      const product = await tx.product.findFirst({ where: { id: input.productId, companyId }, select: { id: true } })
      if (!product) throw new DomainError('not-found', { status: 404 })
      await tx.productCertification.createMany({ data: [{ productId: product.id, certificationId: saved.id }], skipDuplicates: true })
    }
    await refreshReadiness(tx, { companyId }, { now })
    // An agency member's save is recorded in this transaction (ADR 026).
    await audit?.(tx, saved)
    return saved
  })
}

/** Deleting unlinks it from products (cascade) too. */
export async function deleteCertification(companyId: string, certificationId: string, now = new Date(), audit?: CompanyAudit) {
  const prisma = await getPrisma()
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.certification.deleteMany({ where: { id: certificationId, companyId } })
    if (count === 0) throw new DomainError('not-found', { status: 404 })
    await refreshReadiness(tx, { companyId }, { now })
    await audit?.(tx, { id: certificationId })
  })
}

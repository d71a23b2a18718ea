import { Prisma } from '~/generated/prisma/client'
import { getPrisma, isUniqueViolation } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { findRequirement, loadCatalogue, requirementData } from './catalogue.server'
import { refreshReadiness } from './readiness.server'
import { type MarketRequirement, MarketRequirementSchema } from './requirement-schema'

// Admins edit the market requirements catalogue. Every change is one transaction: the row, its audit entry
// (MarketRequirementChange: who, when, the requirement before and after) and the stored readiness of every
// product, which the change may turn ready or missing. The code names the rule in the audit, so it never
// changes after creation.

export type Actor = { id: string; name: string; email: string }

/** Rebuilding every product's readiness may take longer than Prisma's 5 s default on a big catalog. */
const TRANSACTION = { timeout: 120_000, maxWait: 10_000 } as const

const codeTaken = () => new DomainError('requirement-code-taken', { status: 409, field: 'code', messageKey: 'readinessAdmin.errors.codeTaken' })
const notFound = () => new DomainError('requirement-not-found', { status: 404, messageKey: 'readinessAdmin.errors.notFound' })

async function previous(tx: Prisma.TransactionClient, code: string): Promise<MarketRequirement | null> {
  const catalogue = await loadCatalogue(tx)
  return catalogue.find((requirement) => requirement.code === code) ?? null
}

function auditEntry(actor: Actor, code: string, action: 'created' | 'updated' | 'deleted', before: MarketRequirement | null, after: MarketRequirement | null) {
  return {
    code,
    action,
    ...(before ? { before: before as Prisma.InputJsonValue } : {}),
    ...(after ? { after: after as Prisma.InputJsonValue } : {}),
    actorId: actor.id,
    actorName: actor.name,
    actorEmail: actor.email,
  }
}

/**
 * Creates (`mode: 'create'`) or updates a requirement. A taken code on create is a field error; an unknown
 * code on update a 404. Returns the number of products whose readiness was rebuilt.
 */
export async function saveRequirement(input: MarketRequirement, { actor, mode, now = new Date() }: { actor: Actor; mode: 'create' | 'update'; now?: Date }) {
  const requirement = MarketRequirementSchema.parse(input)
  const prisma = await getPrisma()
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await previous(tx, requirement.code)
      if (mode === 'create' && before) throw codeTaken()
      if (mode === 'update' && !before) throw notFound()
      const data = requirementData(requirement)
      if (mode === 'create') await tx.marketRequirement.create({ data })
      else await tx.marketRequirement.update({ where: { code: requirement.code }, data })
      await tx.marketRequirementChange.create({ data: auditEntry(actor, requirement.code, mode === 'create' ? 'created' : 'updated', before, requirement) })
      return refreshReadiness(tx, { all: true }, { now })
    }, TRANSACTION)
  } catch (error) {
    // Two admins creating the same code at once: the second loses on the unique index.
    if (isUniqueViolation(error)) throw codeTaken()
    throw error
  }
}

export async function deleteRequirement(code: string, { actor, now = new Date() }: { actor: Actor; now?: Date }) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const before = await previous(tx, code)
    if (!before) throw notFound()
    await tx.marketRequirement.delete({ where: { code } })
    await tx.marketRequirementChange.create({ data: auditEntry(actor, code, 'deleted', before, null) })
    return refreshReadiness(tx, { all: true }, { now })
  }, TRANSACTION)
}

/** The requirement to edit, or a 404. */
export async function requireRequirement(code: string): Promise<MarketRequirement> {
  const requirement = await findRequirement(code)
  if (!requirement) throw notFound()
  return requirement
}

/** One changed field of an audit entry: values as short text ("0901, 2101"; "en: Halal certificate"). */
export type FieldChange = { field: string; before: string; after: string }

const SUMMARY_MAX = 120

function describe(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (Array.isArray(value)) return value.length ? value.map(describe).join(', ') : '—'
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key}: ${describe(inner)}`)
      .join('; ')
  }
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)
}

const cut = (text: string) => (text.length > SUMMARY_MAX ? `${text.slice(0, SUMMARY_MAX - 1)}…` : text)

/** The fields an audit entry changed (all of them for a creation or deletion), in the schema's order. */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const record = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {})
  const a = record(before)
  const b = record(after)
  const fields = [...new Set([...Object.keys(MarketRequirementSchema.shape), ...Object.keys(a), ...Object.keys(b)])]
  return fields
    .filter((field) => (field in a || field in b) && JSON.stringify(a[field] ?? null) !== JSON.stringify(b[field] ?? null))
    .map((field) => ({ field, before: cut(describe(a[field])), after: cut(describe(b[field])) }))
}

export type ChangeEntry = {
  id: string
  code: string
  action: string
  actorName: string
  actorEmail: string | null
  createdAt: string
  changes: FieldChange[]
}

function entryOf(row: {
  id: string
  code: string
  action: string
  before: unknown
  after: unknown
  actorName: string
  actorEmail: string | null
  createdAt: Date
}): ChangeEntry {
  return {
    id: row.id,
    code: row.code,
    action: row.action,
    actorName: row.actorName,
    actorEmail: row.actorEmail,
    createdAt: row.createdAt.toISOString(),
    // A seeding lists no fields: the whole requirement came from the file.
    changes: row.action === 'seeded' ? [] : changedFields(row.before, row.after),
  }
}

const changeSelect = { id: true, code: true, action: true, before: true, after: true, actorName: true, actorEmail: true, createdAt: true } as const

/** A requirement's audit trail, newest first (it survives the requirement's deletion). */
export async function requirementHistory(code: string, { take = 50 }: { take?: number } = {}): Promise<ChangeEntry[]> {
  const prisma = await getPrisma()
  const rows = await prisma.marketRequirementChange.findMany({ where: { code }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take, select: changeSelect })
  return rows.map(entryOf)
}

/** The latest changes to the whole catalogue (admins' edits; the initial seeding is left out). */
export async function recentChanges({ take = 20 }: { take?: number } = {}): Promise<ChangeEntry[]> {
  const prisma = await getPrisma()
  const rows = await prisma.marketRequirementChange.findMany({
    where: { action: { not: 'seeded' } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: changeSelect,
  })
  return rows.map(entryOf)
}

import { DomainError } from '~/domain/errors'
import { getPrisma } from '~/domain/db.server'
import { requestPasswordReset } from '~/domain/accounts/credentials.server'
import { pickLocalized } from '~/domain/catalog/translations'

// Admins create export agencies and add their members (docs/export-agencies.md). A member is an account with
// the AGENCY role: an existing one, or one created here (no password: a set-password link goes out by mail).

function slugOf(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
  return base || 'agency'
}

export async function listAgenciesForAdmin(locale: string) {
  const prisma = await getPrisma()
  const agencies = await prisma.exportAgency.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      nameI18n: true,
      region: true,
      members: { orderBy: { createdAt: 'asc' }, select: { id: true, role: true, user: { select: { name: true, email: true } } } },
      _count: { select: { grants: { where: { revokedAt: null } } } },
    },
  })
  return agencies.map((a) => ({
    id: a.id,
    name: pickLocalized(a.name, a.nameI18n, locale),
    region: a.region,
    activeGrants: a._count.grants,
    members: a.members.map((m) => ({ id: m.id, role: m.role, name: m.user.name, email: m.user.email })),
  }))
}

export async function createAgency(input: { name: string; nameKo?: string | undefined; region: string }, now = new Date()): Promise<string> {
  const prisma = await getPrisma()
  const base = slugOf(input.name)
  for (let attempt = 0; attempt < 20; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${attempt + 1}`
    if (await prisma.exportAgency.findUnique({ where: { slug }, select: { id: true } })) continue
    const agency = await prisma.exportAgency.create({
      data: { slug, name: input.name, nameI18n: input.nameKo ? { ko: input.nameKo } : {}, region: input.region, createdAt: now },
      select: { id: true },
    })
    return agency.id
  }
  throw new DomainError('conflict', { status: 409, messageKey: 'agency.errors.conflict' })
}

/**
 * Adds the account with this e-mail to the agency. An account that does not exist yet is created with the
 * AGENCY role and sent a set-password link; an existing account must have the AGENCY role and no agency.
 */
export async function addAgencyMember(input: { agencyId: string; email: string; role: 'LEAD' | 'AGENT' }, now = new Date()): Promise<void> {
  const prisma = await getPrisma()
  const created = await prisma.$transaction(async (tx) => {
    const agency = await tx.exportAgency.findUnique({ where: { id: input.agencyId }, select: { id: true } })
    if (!agency) throw new DomainError('not-found', { status: 404 })
    let user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, role: true, agencyMembership: { select: { id: true } } } })
    let isNew = false
    if (!user) {
      user = await tx.user.create({
        data: { email: input.email, name: input.email.split('@')[0] ?? input.email, role: 'AGENCY', createdAt: now },
        select: { id: true, role: true, agencyMembership: { select: { id: true } } },
      })
      isNew = true
    }
    if (user.role !== 'AGENCY') throw new DomainError('not-agency-account', { status: 400, field: 'email', messageKey: 'agency.errors.notAgencyAccount' })
    if (user.agencyMembership) throw new DomainError('already-member', { status: 409, field: 'email', messageKey: 'agency.errors.alreadyMember' })
    await tx.agencyMember.create({ data: { userId: user.id, agencyId: agency.id, role: input.role, createdAt: now } })
    return isNew
  })
  if (created) await requestPasswordReset({ email: input.email, now })
}

export async function removeAgencyMember(memberId: string): Promise<void> {
  const prisma = await getPrisma()
  const removed = await prisma.agencyMember.deleteMany({ where: { id: memberId } })
  if (removed.count !== 1) throw new DomainError('not-found', { status: 404 })
}

import { randomUUID } from 'node:crypto'
import { getPrisma } from '~/domain/db.server'
import type { AgencyMemberRole } from '~/generated/prisma/client'
import { TEST_CLOCK_COOKIE } from '~/utils/clock.server'
import { grantAgency } from '~/domain/agencies/grants.server'
import type { AgencyScopeName } from '~/domain/agencies/scopes'
import { createBuyer, createExporter, createUser } from './fixtures'

// Builders shared by the export-agency tests: an agency, its members, and the test clock cookie.

export const unique = () => randomUUID().slice(0, 8)

/** The cookie that pins the app's clock to `at` for one request (TEST_CLOCK_COOKIE). */
export const clockAt = (at: Date) => `${TEST_CLOCK_COOKIE}=${encodeURIComponent(at.toISOString())}`

/** An export agency in Gangwon with unique slug and name unless given. */
export async function createAgency(options: { name?: string; slug?: string; region?: string; nameI18n?: Record<string, string> } = {}) {
  const prisma = await getPrisma()
  const { name = `Agency ${unique()}`, slug = `agency-${unique()}`, region = 'Gangwon', nameI18n } = options
  return prisma.exportAgency.create({ data: { slug, name, nameI18n, region } })
}

/** A new AGENCY user who is a member of `agencyId` (the schema's default role unless given). */
export async function createAgencyMember(agencyId: string, role?: AgencyMemberRole) {
  const prisma = await getPrisma()
  const member = await createUser('AGENCY')
  const membership = await prisma.agencyMember.create({ data: { userId: member.user.id, agencyId, role } })
  return { ...member, membership }
}

/** A company granting `scopes` (at `at`) to a new agency with one member of the default role. */
export async function agencyGrantingWorld(scopes: readonly AgencyScopeName[], options: { at?: Date } = {}) {
  const granting = await createExporter({ companyName: `Granting ${unique()}` })
  const agency = await createAgency()
  const member = await createAgencyMember(agency.id)
  const grantId = await grantAgency(granting.user, granting.company.id, agency.id, scopes, options.at)
  return { granting, agency, member, grantId }
}

/** A buyer in Germany on Berlin time: with exporters in Seoul the common working hour is 08:00–09:00 UTC. */
export async function createBerlinBuyer() {
  const prisma = await getPrisma()
  const buyer = await createBuyer({ country: 'DE' })
  await prisma.buyerProfile.update({ where: { id: buyer.profile.id }, data: { timeZone: 'Europe/Berlin' } })
  return buyer
}

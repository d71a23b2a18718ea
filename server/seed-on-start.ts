import { getPrisma } from '../app/domain/db.server.ts'
import { verifyPassword } from '../app/domain/accounts/password.server.ts'
import type { PrismaClient } from '../app/generated/prisma/client.ts'
import type { Env } from '../app/utils/env.server.ts'
import { getLogger } from '../app/utils/logger.server.ts'
import { seedCatalogueIfEmpty } from '../app/domain/readiness/catalogue.server.ts'
import { refreshReadiness } from '../app/domain/readiness/readiness.server.ts'
import { DEMO_PASSWORD, seedDemoData } from '../prisma/seed.ts'
import { CATEGORIES } from '../prisma/seed/data/categories.ts'
import { buildDemoPlan } from '../prisma/seed/plan.ts'

/**
 * Reference data every deployment needs, demo or not: the market requirements catalogue from the
 * repository's file when the database has none yet (a fresh start, or an upgrade to the version that
 * brought it), then every product's readiness against it.
 */
export async function seedReferenceDataIfEmpty(): Promise<void> {
  const prisma = await getPrisma()
  const started = performance.now()
  // Rebuilding every product's readiness can take longer than a transaction's default 5 s on an upgraded database.
  const { seeded, version } = await prisma.$transaction(
    async (tx) => {
      const result = await seedCatalogueIfEmpty(tx)
      if (result.seeded > 0) await refreshReadiness(tx, { all: true })
      return result
    },
    { timeout: 300_000, maxWait: 30_000 },
  )
  if (seeded > 0) getLogger().info({ requirements: seeded, version, ms: Math.round(performance.now() - started) }, 'market requirements catalogue seeded')
}

/** Zero set-up: a fresh database gets the demo data; an existing one is left as it is. */
export async function seedDemoDataIfEmpty(): Promise<void> {
  const prisma = await getPrisma()
  if ((await prisma.user.count()) > 0) return
  const started = performance.now()
  const { counts } = await seedDemoData(prisma)
  getLogger().info({ counts, ms: Math.round(performance.now() - started) }, 'demo data seeded')
}

/** The e-mail addresses the demo seed creates (the plan is deterministic; built in memory, ~80 ms). */
export function seededAccountEmails(): string[] {
  const categoryIds = new Map(CATEGORIES.map((category) => [category.slug, category.slug]))
  const plan = buildDemoPlan({ now: new Date(), passwordHash: '', categoryIds })
  return plan.users.map((user) => user.email)
}

/**
 * The accounts among `emails` whose password is still the published demo password.
 *
 * Why only the seeded addresses: argon2 is deliberately slow (~20 ms a hash), so verifying every
 * user at boot would grow with the user base. The demo password only ever reaches the database
 * through the seed, which gives all its accounts ONE shared hash; so we read the hashes of the
 * seeded addresses and verify each distinct hash once. A seeded database costs one verification;
 * each account whose password was changed adds one, bounded by the seed's ~90 accounts.
 */
export async function findAccountsOnDemoPassword(prisma: PrismaClient, emails = seededAccountEmails()): Promise<string[]> {
  const rows = await prisma.password.findMany({
    where: { user: { email: { in: emails } } },
    select: { hash: true, user: { select: { email: true } } },
  })
  const byHash = new Map<string, string[]>()
  for (const row of rows) byHash.set(row.hash, [...(byHash.get(row.hash) ?? []), row.user.email])
  const onDemo: string[] = []
  for (const [hash, owners] of byHash) {
    if (await verifyPassword(hash, DEMO_PASSWORD)) onDemo.push(...owners)
  }
  return onDemo.sort()
}

export class DemoCredentialsError extends Error {
  constructor(readonly accounts: string[]) {
    super(
      `Refusing to start: ${accounts.length} account(s) still use the published demo password ` +
        `(${accounts.slice(0, 5).join(', ')}${accounts.length > 5 ? ', …' : ''}). Change or delete them, ` +
        'or set SEED_DEMO_DATA=true if this deployment is meant to be a public demo.',
    )
    this.name = 'DemoCredentialsError'
  }
}

/**
 * Outside development, a known demo password is a published credential: refuse to serve with one,
 * unless the operator declared a demo deployment (SEED_DEMO_DATA=true), which gets a loud warning.
 */
export async function guardDemoCredentials(
  env: Pick<Env, 'NODE_ENV' | 'SEED_DEMO_DATA'>,
  prisma: PrismaClient,
  emails?: string[],
): Promise<'skipped' | 'clean' | 'demo'> {
  if (env.NODE_ENV === 'development') return 'skipped'
  const accounts = await findAccountsOnDemoPassword(prisma, emails)
  if (accounts.length === 0) return 'clean'
  if (env.SEED_DEMO_DATA !== 'true') throw new DemoCredentialsError(accounts)
  getLogger().warn({ accounts: accounts.length }, `DEMO DEPLOYMENT: ${accounts.length} accounts use the published demo password; never put real data here`)
  return 'demo'
}

import { getPrisma } from '../app/domain/db.server.ts'
import { getLogger } from '../app/utils/logger.server.ts'
import { seedDemoData } from '../prisma/seed.ts'

/** Zero set-up: a fresh database gets the demo data; an existing one is left as it is. */
export async function seedDemoDataIfEmpty(): Promise<void> {
  const prisma = await getPrisma()
  if ((await prisma.user.count()) > 0) return
  const started = performance.now()
  const { counts } = await seedDemoData(prisma)
  getLogger().info({ counts, ms: Math.round(performance.now() - started) }, 'demo data seeded')
}

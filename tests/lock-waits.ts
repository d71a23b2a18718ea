import { getPrisma } from '~/domain/db.server'

// Two-connection race tests on PostgreSQL: one transaction holds a row lock while the code under test runs
// into it; these let the test hold, see the other side blocked, and then let go.

/** Waits until a statement whose text names `table` is blocked on a lock in this database. */
export async function waitForBlockedOn(table: string): Promise<void> {
  const prisma = await getPrisma()
  for (let i = 0; i < 200; i++) {
    const [row] = await prisma.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE ${`%${table}%`}`
    if (row && row.n > 0) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`no statement on ${table} became blocked`)
}

/** A one-shot signal: `open()` resolves `opened`. */
export function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

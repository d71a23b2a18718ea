import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../../../tests/fixtures'
import { createScratchDatabase, dropScratchDatabase } from '../../../tests/postgres'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { operatorStudio } from './studio.server'

// The hub's first studio is made when an operator first opens the studio pages. On PostgreSQL, where the test
// files share one database with studios in it, this file works in a database of its own (a PGlite file has
// its own already), so it starts with none.
const adminUrl = process.env.TEST_POSTGRES_URL
const onPostgres = Boolean(adminUrl && process.env.DATABASE_URL)
const scratchName = `tradecast_hub_studio_${process.pid}_${Date.now()}`

beforeAll(async () => {
  if (onPostgres) process.env.DATABASE_URL = await createScratchDatabase(adminUrl!, scratchName)
  await getPrisma()
}, 120_000)
afterAll(async () => {
  await disconnectPrisma()
  if (onPostgres) await dropScratchDatabase(adminUrl!, scratchName)
})

describe('the hub’s first studio', () => {
  it('is made once when several operators open the studio pages at the same time', async () => {
    const prisma = await getPrisma()
    expect(await prisma.studio.count()).toBe(0)
    const operators = await Promise.all([createUser('STUDIO_OPERATOR'), createUser('STUDIO_OPERATOR'), createUser('STUDIO_OPERATOR')])
    const opened = await Promise.all(operators.map(({ user }) => operatorStudio(user.id)))
    expect(new Set(opened.map((studio) => studio.id)).size).toBe(1)
    expect(await prisma.studio.count()).toBe(1)
    expect(opened[0]).toMatchObject({ name: 'Hub studio', timeZone: 'Asia/Seoul' })
  })
})

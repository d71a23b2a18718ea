import pg from 'pg'

/** Creates a scratch database on TEST_POSTGRES_URL for the run and drops it afterwards. */
export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const adminUrl = process.env.TEST_POSTGRES_URL
  if (!adminUrl) throw new Error('The db project needs TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres)')
  const name = `tradecast_test_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  provide('scratchDatabaseUrl', url.toString())
  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl })
    await cleanup.connect()
    await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await cleanup.end()
  }
}

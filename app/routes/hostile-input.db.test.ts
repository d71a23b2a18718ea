import '../../tests/app-handler'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPrisma } from '~/domain/db.server'
import { appGet, appPost, startAppHandler, type AppHandler } from '../../tests/app-handler'
import { createBuyer, createExporter, createProduct, createUser } from '../../tests/fixtures'
import { expectEscaped, expectFieldError, HOSTILE, MARKUP, PNG_1PX, REFUSED_CHARACTERS } from '../../tests/hostile'

// Hostile input against the main forms and uploads, through React Router's real request handler:
// each is refused with a 400 that names the field (and nothing is stored), or stored as plain text
// and shown escaped. Uploads are judged by their bytes, and client file names never become paths.

let app: AppHandler
let uploadDir: string
let ipCounter = 0
const freshIp = () => `198.51.100.${(ipCounter = (ipCounter % 250) + 1)}`

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), 'tc-hostile-'))
  process.env.UPLOAD_DIR = uploadDir
  app = await startAppHandler()
}, 120_000)

afterAll(async () => {
  await app?.close()
  await rm(uploadDir, { recursive: true, force: true })
  delete process.env.UPLOAD_DIR
})

const post = async (url: string, body: Record<string, string> | FormData, cookies: string[] = []) =>
  app.handle(await appPost(url, body, cookies, { clientIp: freshIp() }))
const page = async (url: string, cookies: string[] = []) => {
  const response = await app.handle(appGet(url, cookies))
  expect(response.status, `GET ${url}`).toBe(200)
  return response.text()
}
const multipart = (fields: Record<string, string | string[]>, files: Array<{ field: string; name: string; type: string; bytes: Uint8Array }> = []) => {
  const body = new FormData()
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(key, item)
  for (const file of files) body.append(file.field, new File([new Uint8Array(file.bytes)], file.name, { type: file.type }))
  return body
}

describe('sign-up', () => {
  const buyer = (overrides: Record<string, string> = {}) => ({
    accountType: 'BUYER',
    name: 'Hostile Buyer',
    email: `hostile-${crypto.randomUUID().slice(0, 8)}@example.test`,
    password: 'a-long-enough-password',
    companyName: 'Hostile Imports',
    timeZone: 'America/New_York',
    country: 'US',
    businessType: 'IMPORTER',
    ...overrides,
  })
  const usersWith = async (email: string) => (await getPrisma()).user.count({ where: { email } })

  it('refuses control and bidi characters in a name, and creates no account', async () => {
    for (const name of REFUSED_CHARACTERS) {
      const fields = buyer({ name })
      await expectFieldError(await post('/signup', fields), 'name', 'errors.controlCharacters')
      expect(await usersWith(fields.email)).toBe(0)
    }
  })

  it('refuses an oversize name, a second email value and an account type that is not offered', async () => {
    const long = buyer({ name: 'x'.repeat(101) })
    await expectFieldError(await post('/signup', long), 'name', 'errors.tooLong')
    expect(await usersWith(long.email)).toBe(0)

    const admin = buyer({ accountType: 'ADMIN' })
    expect((await post('/signup', admin)).status).toBe(400)
    expect(await usersWith(admin.email)).toBe(0)

    // Two values where one is expected (a wrong type for the schema).
    const twoEmails = multipart({ ...buyer(), email: ['a@example.test', 'b@example.test'] })
    expect((await post('/signup', twoEmails)).status).toBe(400)
    expect(await usersWith('a@example.test')).toBe(0)
  })

  it('stores markup in a name as text and shows it escaped', async () => {
    const fields = buyer({ name: MARKUP, companyName: MARKUP })
    const response = await post('/signup', fields)
    expect(response.status).toBe(302)
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('tc_session='))!.split(';')[0]!
    const stored = await (await getPrisma()).user.findUniqueOrThrow({ where: { email: fields.email } })
    expect(stored.name).toBe(MARKUP)
    expectEscaped(await page('/settings', [cookie]))
  })
})

import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp } from '~/domain/accounts/accounts.server'
import { SignupSchema } from '~/domain/accounts/schemas'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'

// An exporter's sign-up names its company; the company's URL slug comes from that name and must be free.

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

const exporterForm = (companyName: string) =>
  SignupSchema.parse({
    accountType: 'EXPORTER',
    name: 'Choi Seoyeon',
    email: `slug-${randomUUID().slice(0, 8)}@example.test`,
    password: 'A-long-enough-passphrase-2026',
    companyName,
    timeZone: 'Asia/Seoul',
    region: 'Gangwon',
    industry: 'Food',
  })

async function slugOf(userId: string) {
  const prisma = await getPrisma()
  return (await prisma.exporterMember.findUniqueOrThrow({ where: { userId }, select: { company: { select: { slug: true } } } })).company.slug
}

describe('company slugs at sign-up', () => {
  it('takes the first free one, past a gap another company left', async () => {
    const name = `Soyang Noodles ${randomUUID().slice(0, 6)}`
    const base = name.toLowerCase().replace(/ /g, '-')
    const prisma = await getPrisma()
    // "<base>" and "<base>-3" are taken (a "-2" was renamed away): a count of the taken slugs would pick "-3" again.
    for (const slug of [base, `${base}-3`]) await prisma.exporterCompany.create({ data: { slug, name, region: 'Gangwon', industry: 'Food' } })
    const user = await signUp(exporterForm(name), 'en')
    expect(await slugOf(user.id)).toBe(`${base}-2`)
  })

  it('gives companies of one name signing up at the same time a slug each, not "e-mail taken"', async () => {
    const name = `Hwangtae House ${randomUUID().slice(0, 6)}`
    const users = await Promise.all([signUp(exporterForm(name), 'en'), signUp(exporterForm(name), 'en'), signUp(exporterForm(name), 'en')])
    const slugs = await Promise.all(users.map((user) => slugOf(user.id)))
    const base = name.toLowerCase().replace(/ /g, '-')
    expect(slugs.sort()).toEqual([base, `${base}-2`, `${base}-3`])
  })
})

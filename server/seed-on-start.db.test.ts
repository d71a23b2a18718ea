import { randomUUID } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { hashPassword } from '~/domain/accounts/password.server'
import { getPrisma } from '~/domain/db.server'
import { getLogger } from '~/utils/logger.server'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../prisma/seed'
import { DemoCredentialsError, findAccountsOnDemoPassword, guardDemoCredentials, seededAccountEmails } from './seed-on-start'

// Unique addresses stand in for the seeded ones (the PostgreSQL run shares one database with the seed test).
async function accounts() {
  const prisma = await getPrisma()
  const tag = randomUUID().slice(0, 8)
  const sharedDemoHash = await hashPassword(DEMO_PASSWORD)
  const make = async (name: string, hash: string) => {
    const email = `${name}-${tag}@tradecast.test`
    await prisma.user.create({ data: { email, name, role: 'BUYER', password: { create: { hash } } } })
    return email
  }
  return {
    prisma,
    onSharedHash: [await make('seeded-a', sharedDemoHash), await make('seeded-b', sharedDemoHash)],
    onOwnDemoHash: await make('seeded-c', await hashPassword(DEMO_PASSWORD)),
    changed: await make('seeded-d', await hashPassword('a-new-password-of-their-own')),
  }
}

describe('demo credentials at start', () => {
  it('knows the addresses the seed creates, the four demo accounts among them', () => {
    const emails = seededAccountEmails()
    expect(emails).toEqual(expect.arrayContaining(Object.values(DEMO_ACCOUNTS)))
    expect(new Set(emails).size).toBe(emails.length)
    expect(emails.length).toBeGreaterThan(40)
  })

  it('finds the seeded accounts still on the demo password, whatever their hash, and not the changed ones', async () => {
    const { prisma, onSharedHash, onOwnDemoHash, changed } = await accounts()
    const found = await findAccountsOnDemoPassword(prisma, [...onSharedHash, onOwnDemoHash, changed])
    expect(found).toEqual([...onSharedHash, onOwnDemoHash].sort())
  })

  it('refuses a production start with a demo password unless the deployment is declared a demo', async () => {
    const { prisma, onSharedHash, changed } = await accounts()
    const error = await guardDemoCredentials({ NODE_ENV: 'production', SEED_DEMO_DATA: 'false' }, prisma, [...onSharedHash, changed]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DemoCredentialsError)
    expect((error as DemoCredentialsError).accounts).toEqual([...onSharedHash].sort())
    expect((error as Error).message).toMatch(/^Refusing to start: 2 account\(s\) still use the published demo password/)

    const warn = vi.spyOn(getLogger(), 'warn')
    await expect(guardDemoCredentials({ NODE_ENV: 'production', SEED_DEMO_DATA: 'true' }, prisma, onSharedHash)).resolves.toBe('demo')
    expect(warn).toHaveBeenCalledWith({ accounts: 2 }, expect.stringMatching(/^DEMO DEPLOYMENT/))
    warn.mockRestore()
  })

  it('starts when no seeded account keeps the demo password, and does not check in development', async () => {
    const { prisma, onSharedHash, changed } = await accounts()
    await expect(guardDemoCredentials({ NODE_ENV: 'production', SEED_DEMO_DATA: 'false' }, prisma, [changed])).resolves.toBe('clean')
    await expect(guardDemoCredentials({ NODE_ENV: 'development', SEED_DEMO_DATA: 'false' }, prisma, onSharedHash)).resolves.toBe('skipped')
  })
})

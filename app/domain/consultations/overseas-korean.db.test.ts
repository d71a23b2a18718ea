import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp } from '~/domain/accounts/accounts.server'
import { SignupSchema } from '~/domain/accounts/schemas'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'

// Overseas Korean entrepreneurs sign up as exporters whose company says so, with its country of residence
// (docs/consultations.md); they then book consultations like any exporter.

const exporterForm = (extra: Record<string, unknown> = {}) => ({
  accountType: 'EXPORTER',
  name: 'Kim Minjun',
  email: `overseas-${randomUUID().slice(0, 8)}@example.test`,
  password: 'A-long-enough-passphrase-2026',
  companyName: `Almaty Kimchi ${randomUUID().slice(0, 6)}`,
  timeZone: 'Asia/Almaty',
  region: 'Almaty',
  industry: 'Food',
  ...extra,
})

beforeAll(async () => {
  await getPrisma()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('overseas Korean sign-up', () => {
  it('needs a country of residence, and refuses an invented one', () => {
    expect(SignupSchema.safeParse(exporterForm({ overseasKorean: true })).success).toBe(false)
    expect(SignupSchema.safeParse(exporterForm({ overseasKorean: true, residenceCountry: 'XX' })).success).toBe(false)
    expect(SignupSchema.safeParse(exporterForm()).success).toBe(true)
  })

  it("creates an exporter company marked overseas Korean, in its residence's zone", async () => {
    const input = SignupSchema.parse(exporterForm({ overseasKorean: true, residenceCountry: 'KZ' }))
    const user = await signUp(input, 'ko')
    const prisma = await getPrisma()
    const member = await prisma.exporterMember.findUniqueOrThrow({ where: { userId: user.id }, include: { company: true } })
    expect(user.role).toBe('EXPORTER')
    expect(member.company).toMatchObject({ overseasKorean: true, residenceCountry: 'KZ', timeZone: 'Asia/Almaty' })
  })

  it('leaves other exporters as they were', async () => {
    const user = await signUp(SignupSchema.parse(exporterForm()), 'en')
    const prisma = await getPrisma()
    const member = await prisma.exporterMember.findUniqueOrThrow({ where: { userId: user.id }, include: { company: true } })
    expect(member.company).toMatchObject({ overseasKorean: false, residenceCountry: null, timeZone: 'Asia/Seoul' })
  })
})

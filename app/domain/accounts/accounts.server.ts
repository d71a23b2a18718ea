import { getPrisma, isUniqueViolation } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import type { Prisma } from '~/generated/prisma/client'
import type { SessionUser } from './session.server'
import { hashPassword, verifyPassword } from './password.server'
import type { SignupInput } from './schemas'

// Verifying against a real hash when the email is unknown keeps response times alike,
// so timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined
function getDecoyHash() {
  decoyHash ??= hashPassword('decoy-password-for-timing')
  return decoyHash
}

export async function authenticate(email: string, password: string) {
  const prisma = await getPrisma()
  const user = await prisma.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, role: true, locale: true, password: { select: { hash: true } } },
  })
  if (!user?.password) {
    await verifyPassword(await getDecoyHash(), password)
    return null
  }
  return (await verifyPassword(user.password.hash, password)) ? { id: user.id, role: user.role, locale: user.locale } : null
}

/** An account with this email already exists: shown on the email field. */
const emailTaken = () => new DomainError('email-taken', { field: 'email', messageKey: 'errors.emailTaken' })

function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return base || 'company'
}

/** The settings profile; a buyer's business hours follow their own time zone. */
export async function updateAccountProfile(user: Pick<SessionUser, 'id' | 'role'>, profile: { name: string; locale: string; timeZone: string }) {
  const prisma = await getPrisma()
  await prisma.user.update({ where: { id: user.id }, data: profile })
  if (user.role === 'BUYER') {
    await prisma.buyerProfile.updateMany({ where: { userId: user.id }, data: { timeZone: profile.timeZone } })
  }
}

/** The language switch, remembered on the account. */
export async function rememberLocale(userId: string, locale: string) {
  const prisma = await getPrisma()
  await prisma.user.update({ where: { id: userId }, data: { locale } })
}

/** Creates the user with their role-specific profile in one transaction. */
export async function signUp(input: SignupInput, locale: string) {
  const prisma = await getPrisma()
  const emailExists = async () => (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) !== null
  if (await emailExists()) throw emailTaken()
  const passwordHash = await hashPassword(input.password)
  for (let attempt = 1; ; attempt++) {
    try {
      return await createAccount(input, locale, passwordHash)
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      // Another sign-up committed first: with this email (the unique index decides), or a company whose slug
      // this one picked (the next try picks the next free one).
      if (await emailExists()) throw emailTaken()
      if (attempt >= 3) throw error
    }
  }
}

/** The first of `base`, `base-2`, `base-3`, … no company has. */
async function freeCompanySlug(tx: Prisma.TransactionClient, base: string): Promise<string> {
  const taken = new Set((await tx.exporterCompany.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug))
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

async function createAccount(input: SignupInput, locale: string, passwordHash: string) {
  const prisma = await getPrisma()
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.accountType,
        locale,
        timeZone: input.timeZone,
        password: { create: { hash: passwordHash } },
      },
      select: { id: true, role: true },
    })
    if (input.accountType === 'BUYER') {
      await tx.buyerProfile.create({
        data: {
          userId: user.id,
          companyName: input.companyName,
          country: input.country,
          businessType: input.businessType,
          timeZone: input.timeZone,
          languages: [locale],
        },
      })
    } else {
      await tx.exporterCompany.create({
        data: {
          slug: await freeCompanySlug(tx, slugify(input.companyName)),
          name: input.companyName,
          region: input.region,
          industry: input.industry,
          languages: [locale],
          // An overseas Korean entrepreneur's company works from its country of residence, in the zone given at sign-up.
          ...(input.overseasKorean && input.residenceCountry
            ? { overseasKorean: true, residenceCountry: input.residenceCountry, timeZone: input.timeZone }
            : {}),
          members: { create: { userId: user.id, role: 'OWNER' } },
        },
      })
    }
    return user
  })
}

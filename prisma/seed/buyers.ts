// Buyer users with BuyerProfile, plus the organizer, admin and interpreter staff accounts.
import { BUYERS, CATEGORY_HS_CHAPTERS } from './data/buyers.ts'
import type { BuildContext, SeedPlan, SeededBuyer, SeededUser } from './types.ts'
import { HOUR, createRng, daysAgo, emailLocalPart, idFactory, slugify } from './util.ts'

export const DEMO_PASSWORD = 'Tradecast-demo-2026'

export const DEMO_ACCOUNTS = {
  exporter: 'exporter@tradecast.dev',
  buyer: 'buyer@tradecast.dev',
  organizer: 'organizer@tradecast.dev',
  admin: 'admin@tradecast.dev',
} as const

export function buildBuyers(ctx: BuildContext, plan: SeedPlan, usedEmails: Set<string>): SeededBuyer[] {
  const rng = createRng(2026_04)
  const id = idFactory(rng)
  const { now } = ctx
  return BUYERS.map((seed, index) => {
    let email = seed.email ?? `${emailLocalPart(seed.contact)}@example.com`
    for (let n = 2; usedEmails.has(email); n++) email = `${emailLocalPart(seed.contact)}${n}@example.com`
    usedEmails.add(email)
    const userId = id()
    const profileId = id()
    const createdAt = new Date(daysAgo(now, index === 0 ? 200 : rng.number.int({ min: 8, max: 320 })).getTime() - rng.number.int({ min: 0, max: 20 }) * HOUR)
    plan.users.push({
      id: userId,
      email,
      name: seed.contact,
      role: 'BUYER',
      locale: seed.locale,
      timeZone: seed.timeZone,
      createdAt,
      updatedAt: createdAt,
    })
    plan.passwords.push({ userId, hash: ctx.passwordHash })
    const hsChapters = [...new Set(seed.interests.flatMap((c) => CATEGORY_HS_CHAPTERS[c]))].sort()
    plan.buyerProfiles.push({
      id: profileId,
      userId,
      companyName: seed.company,
      country: seed.country,
      businessType: seed.type,
      website: `https://www.${slugify(seed.company).slice(0, 40)}.example.com`,
      interests: seed.interests,
      hsChapters,
      yearlyVolume: seed.volume,
      languages: seed.languages,
      timeZone: seed.timeZone,
      businessHoursStart: seed.hours?.[0] ?? '09:00',
      businessHoursEnd: seed.hours?.[1] ?? '18:00',
      createdAt,
      updatedAt: createdAt,
    })
    return { id: userId, email, name: seed.contact, locale: seed.locale, profileId, company: seed.company, country: seed.country, timeZone: seed.timeZone }
  })
}

export type Staff = { organizer: SeededUser; admin: SeededUser; interpreterRu: SeededUser }

export function buildStaff(ctx: BuildContext, plan: SeedPlan, usedEmails: Set<string>): Staff {
  const rng = createRng(2026_01)
  const id = idFactory(rng)
  const make = (email: string, name: string, role: 'ORGANIZER' | 'ADMIN', locale: string, ageDays: number): SeededUser => {
    usedEmails.add(email)
    const user = { id: id(), email, name, locale }
    const createdAt = daysAgo(ctx.now, ageDays)
    plan.users.push({ id: user.id, email, name, role, locale, timeZone: 'Asia/Seoul', createdAt, updatedAt: createdAt })
    plan.passwords.push({ userId: user.id, hash: ctx.passwordHash })
    return user
  }
  return {
    admin: make(DEMO_ACCOUNTS.admin, 'Tradecast Admin', 'ADMIN', 'en', 450),
    organizer: make(DEMO_ACCOUNTS.organizer, 'Soo-jin Lee', 'ORGANIZER', 'ko', 430),
    // Fair interpreters work for the organizer's secretariat, hence the ORGANIZER role.
    interpreterRu: make('natalia.kim@example.kr', 'Natalia Kim', 'ORGANIZER', 'ru', 90),
  }
}

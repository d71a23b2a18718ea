// Exporter companies, their member users and certifications.
import type { Faker } from '@faker-js/faker'
import { COMPANIES } from './data/companies.ts'
import type { CertSeed, CompanySeed } from './data/types.ts'
import type { BuildContext, SeedPlan, SeededCompany, SeededUser } from './types.ts'
import { DAY, HOUR, createRng, daysAgo, emailLocalPart, idFactory } from './util.ts'

export function buildExporters(ctx: BuildContext, plan: SeedPlan, usedEmails: Set<string>): SeededCompany[] {
  const rng = createRng(2026_02)
  const id = idFactory(rng)
  const { now } = ctx
  const result: SeededCompany[] = []

  const addUser = (person: CompanySeed['owner'], createdAt: Date, makeId = id): SeededUser => {
    let email = person.email ?? `${emailLocalPart(person.name)}@example.kr`
    for (let n = 2; usedEmails.has(email); n++) email = `${emailLocalPart(person.name)}${n}@example.kr`
    usedEmails.add(email)
    const user: SeededUser = { id: makeId(), email, name: person.name, locale: person.locale ?? 'ko' }
    plan.users.push({
      id: user.id,
      email,
      name: person.name,
      role: 'EXPORTER',
      locale: user.locale,
      timeZone: 'Asia/Seoul',
      createdAt,
      updatedAt: createdAt,
    })
    plan.passwords.push({ userId: user.id, hash: ctx.passwordHash })
    return user
  }

  COMPANIES.forEach((seed, index) => {
    const companyId = id()
    // The demo company is the oldest account on the platform; the rest joined over the past year.
    const createdAt = new Date(daysAgo(now, index === 0 ? 420 : rng.number.int({ min: 20, max: 400 })).getTime() - rng.number.int({ min: 0, max: 10 * HOUR }))
    plan.exporterCompanies.push({
      id: companyId,
      slug: seed.slug,
      name: seed.name,
      nameI18n: { ko: seed.ko, ...translated(seed, (entry) => entry.name) },
      region: 'Gangwon',
      city: seed.city,
      industry: seed.industry,
      description: seed.d,
      descriptionI18n: { ko: seed.dKo, ...translated(seed, (entry) => entry.d) },
      website: `https://www.${seed.slug}.example.kr`,
      foundedYear: seed.founded,
      employeeCount: seed.employees,
      exportExperienceYears: seed.exp,
      exportMarkets: seed.markets,
      languages: seed.languages,
      logoPath: `/demo/companies/${seed.slug}.svg`,
      timeZone: 'Asia/Seoul',
      blockedWords: seed.blockedWords ?? [],
      createdAt,
      updatedAt: createdAt,
    })

    const owner = addUser(seed.owner, createdAt)
    plan.exporterMembers.push({ id: id(), userId: owner.id, companyId, role: 'OWNER', title: seed.owner.title, createdAt })
    let member: SeededUser | undefined
    if (seed.member) {
      const joined = new Date(createdAt.getTime() + rng.number.int({ min: 2, max: 15 }) * DAY)
      member = addUser(seed.member, joined)
      plan.exporterMembers.push({ id: id(), userId: member.id, companyId, role: 'MEMBER', title: seed.member.title, createdAt: joined })
    }

    const certifications = seed.certs.map((cert) => {
      const certId = id()
      const { validFrom, validUntil } = certificateDates(rng, now, cert.state ?? 'valid')
      plan.certifications.push({
        id: certId,
        companyId,
        type: cert.type,
        market: cert.market,
        number: certificateNumber(rng, cert, validFrom),
        issuer: cert.issuer,
        validFrom,
        validUntil,
      })
      return { id: certId, type: cert.type, market: cert.market, validUntil, companyWide: cert.companyWide === true }
    })

    result.push({
      id: companyId,
      slug: seed.slug,
      name: seed.name,
      city: seed.city,
      currency: seed.currency,
      createdAt,
      owner,
      member,
      certifications: certifications.filter((c) => !c.companyWide),
    })
  })

  // Members added for the six UI languages (issue 19) draw from their own random stream, so every draw
  // above (ids, dates, certificate numbers) stays as it was.
  const extraRng = createRng(2026_19)
  const extraId = idFactory(extraRng)
  COMPANIES.forEach((seed, index) => {
    const company = result[index]
    if (!company) return
    for (const person of seed.moreMembers ?? []) {
      const joined = new Date(Math.min(now.getTime() - DAY, company.createdAt.getTime() + extraRng.number.int({ min: 5, max: 60 }) * DAY))
      const user = addUser(person, joined, extraId)
      plan.exporterMembers.push({ id: extraId(), userId: user.id, companyId: company.id, role: 'MEMBER', title: person.title, createdAt: joined })
    }
  })
  return result
}

/** The company's names or descriptions in the content languages it has them in, keyed by language. */
function translated(seed: CompanySeed, pick: (entry: { name?: string; d: string }) => string | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(seed.i18n ?? {}).flatMap(([lang, entry]) => {
      const text = pick(entry)
      return text ? [[lang, text]] : []
    }),
  )
}

function certificateDates(rng: Faker, now: Date, state: NonNullable<CertSeed['state']>) {
  const ms = (days: number) => days * DAY + rng.number.int({ min: 0, max: 23 }) * HOUR
  if (state === 'expired') {
    const validUntil = new Date(now.getTime() - ms(rng.number.int({ min: 12, max: 200 })))
    return { validFrom: new Date(validUntil.getTime() - 3 * 365 * DAY), validUntil }
  }
  if (state === 'expiring') {
    const validUntil = new Date(now.getTime() + ms(rng.number.int({ min: 6, max: 27 })))
    return { validFrom: new Date(validUntil.getTime() - 3 * 365 * DAY), validUntil }
  }
  const validFrom = new Date(now.getTime() - ms(rng.number.int({ min: 60, max: 900 })))
  return { validFrom, validUntil: new Date(now.getTime() + ms(rng.number.int({ min: 120, max: 1000 }))) }
}

function certificateNumber(rng: Faker, cert: CertSeed, validFrom: Date): string {
  const year = validFrom.getUTCFullYear()
  const digits = (n: number) => rng.string.numeric({ length: n, allowLeadingZeros: true })
  switch (cert.type) {
    case 'FDA':
      if (cert.issuer.includes('510(k)')) return `K${String(year).slice(2)}${digits(4)}`
      if (cert.issuer.includes('food facility')) return digits(11)
      if (cert.issuer.includes('cosmetic')) return `CLN-${digits(8)}`
      if (cert.issuer.includes('establishment')) return `FEI ${digits(10)}`
      return `KTR-${year}-FDA-${digits(5)}`
    case 'CE': {
      const nb = /Notified Body (\d{4})/.exec(cert.issuer)?.[1]
      return nb ? `CE ${nb} MDR ${digits(6)}` : `DoC-${year}-${digits(4)}`
    }
    case 'HALAL':
      if (cert.market === 'ID') return `ID${digits(17)}`
      if (cert.market === 'GCC') return `ESMA-HL-${year}-${digits(5)}`
      return `KMF-H-${year}-${digits(4)}`
    case 'HACCP':
      return `${year}-${rng.number.int({ min: 1, max: 3 })}-${digits(4)}`
    case 'EAC':
      return cert.issuer.startsWith('Roszdravnadzor') ? `РЗН ${year}/${digits(5)}` : `ЕАЭС N RU Д-KR.РА01.В.${digits(5)}/${String(year).slice(2)}`
    case 'NMPA':
      if (cert.issuer.includes('health food')) return `国食健备J${year}${digits(6)}`
      if (cert.issuer.includes('cosmetics')) return `国妆网备进字${year}${digits(6)}`
      return `国械注进${year}3${digits(6)}`
    case 'GACC':
      return `CKOR${digits(10)}${year}`
    case 'MFDS':
      return `수허 ${String(year).slice(2)}-${digits(3)}`
    case 'CPNP':
      return `CPNP ${digits(7)}`
    case 'E-MARK':
      return `E51 90R-02A1/${digits(4)}`
    case 'TTB-COLA':
      return `${String(year).slice(2)}${digits(12)}`
    default:
      return `${cert.type.replace(/[^A-Z0-9]/gi, '')}-${year}-${digits(5)}`
  }
}

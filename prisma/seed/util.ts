// Small deterministic helpers shared by the seed modules.
import { TZDate } from '@date-fns/tz'
import { Faker, en } from '@faker-js/faker'

/** A faker instance with its own fixed seed, so every builder is deterministic on its own. */
export function createRng(seed: number): Faker {
  const faker = new Faker({ locale: [en] })
  faker.seed(seed)
  return faker
}

/** cuid-shaped ids ("c" + 24 lowercase alphanumerics), deterministic for a given rng. */
export function idFactory(rng: Faker): () => string {
  return () => `c${rng.string.alphanumeric({ length: 24, casing: 'lower' })}`
}

export const SEOUL = 'Asia/Seoul'

/** The instant of wall-clock `hhmm` in `timeZone`, `dayOffset` calendar days from `now`'s local date. */
export function zonedAt(now: Date, dayOffset: number, hhmm: string, timeZone: string = SEOUL): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  const local = new TZDate(now.getTime(), timeZone)
  const target = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + dayOffset, h, m, 0, 0, timeZone)
  return new Date(target.getTime())
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms)
}

export function daysAgo(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY)
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** ASCII local part for demo e-mail addresses ("Łukasz Wójcik" → "lukasz.wojcik"). */
export function emailLocalPart(name: string): string {
  return name
    .replace(/ß/g, 'ss')
    .replace(/[ŁłØø]/g, (c) => (c === 'Ł' || c === 'Ø' ? 'L' : 'l'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
}

/** Stable 32-bit hash of a string (FNV-1a), for choices that must not depend on rng call order. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`seed: missing ${what}`)
  return value
}

/** Minor units per major unit for the currencies the demo data uses (ISO 4217 exponents). */
export function minorPerMajor(currency: string): number {
  return currency === 'KRW' || currency === 'JPY' || currency === 'VND' ? 1 : 100
}

/** Rounds a price in major units to minor units, with KRW rounded to whole tens of won. */
export function toMinor(major: number, currency: string): number {
  if (currency === 'KRW') return Math.max(10, Math.round(major / 10) * 10)
  return Math.round(major * minorPerMajor(currency))
}

// Seeded random fair instances for tests and the benchmark: synthetic buyer and exporter profiles scored
// with matchScore, random availability, limits, preferences and locked meetings.
import type { FairSchedulingProblem, LockedMeeting, MeetingPreference } from '../app/domain/matchmaking/fair-instance.ts'
import { matchScore, type MatchBuyer, type MatchExporter, type VolumeBand } from '../app/domain/matchmaking/match-score.ts'
import { seededRandom } from './seeded-random.ts'

export type RandomFairOptions = {
  seed: number
  buyers: number
  exporters: number
  slots: number
  /** Slots are split evenly into this many sessions (days); breaks are counted per session (default 1) */
  sessions?: number
  /** Share of slots each buyer can attend (default 0.8) */
  buyerAvailability?: number
  exporterAvailability?: number
  /** Exporter limits are drawn uniformly from this range (default [8, 14]) */
  exporterMaxMeetings?: [number, number]
  /** Buyers get a limit with this probability, drawn from [2, slots] (default 0.3) */
  buyerLimitShare?: number
  /** Average preferences stated per buyer and per exporter (default 2 and 3) */
  preferencesPerBuyer?: number
  preferencesPerExporter?: number
  locked?: number
}

export type RandomFairProblem = {
  /** When scores are computed; certifications expire relative to it */
  now: Date
} & FairSchedulingProblem<RandomFairBuyer, RandomFairExporter>

export type RandomFairBuyer = {
  id: string
  availableSlotIds: string[]
  maxMeetings?: number
  profile: MatchBuyer
}

export type RandomFairExporter = {
  id: string
  availableSlotIds: string[]
  maxMeetings: number
  profile: MatchExporter
}

const CATEGORIES: Array<[slug: string, chapters: string[]]> = [
  ['skincare', ['3304']],
  ['haircare', ['3305']],
  ['sauces', ['2103']],
  ['snacks', ['1905', '2008']],
  ['noodles', ['1902']],
  ['beverages', ['2202', '2009']],
  ['tea', ['0902', '2101']],
  ['kimchi', ['2005']],
  ['seafood', ['0303', '1604']],
  ['supplements', ['2106']],
  ['medical-devices', ['9018']],
  ['kitchenware', ['7323', '3924']],
]
const COUNTRIES = ['US', 'DE', 'FR', 'NL', 'MY', 'SG', 'AE', 'SA', 'JP', 'VN', 'GB', 'AU', 'CA', 'ID', 'TH']
const LANGUAGES = ['en', 'ko', 'de', 'fr', 'ms', 'ar', 'ja', 'vi', 'zh']
const BANDS: VolumeBand[] = ['UNDER_50K', 'FROM_50K_TO_250K', 'FROM_250K_TO_1M', 'FROM_1M_TO_5M', 'OVER_5M']
const CERTIFICATIONS: Array<[type: string, market: string]> = [
  ['FDA', 'US'],
  ['CE', 'EU'],
  ['HALAL', 'MY'],
  ['HALAL', 'GCC'],
  ['JAS', 'JP'],
  ['ISO22000', 'GLOBAL'],
  ['UKCA', 'GB'],
]

export function generateRandomFairProblem(options: RandomFairOptions): RandomFairProblem {
  const random = seededRandom(options.seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items]
    const chosen: T[] = []
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!)
    return chosen
  }
  const now = new Date('2026-11-02T00:00:00Z')
  const sessions = Math.max(1, options.sessions ?? 1)
  const slots = Array.from({ length: options.slots }, (_, index) => ({
    id: `slot-${index}`,
    ...(sessions > 1 ? { session: `day-${Math.floor((index * sessions) / options.slots)}` } : {}),
  }))
  const availableSlots = (share: number) => {
    const ids = slots.filter(() => random() < share).map((slot) => slot.id)
    return ids.length > 0 ? ids : [pick(slots).id]
  }

  const buyers: RandomFairBuyer[] = Array.from({ length: options.buyers }, (_, index) => {
    const interests = sample(CATEGORIES, 1 + Math.floor(random() * 3))
    const limited = random() < (options.buyerLimitShare ?? 0.3)
    return {
      id: `buyer-${index}`,
      availableSlotIds: availableSlots(options.buyerAvailability ?? 0.8),
      ...(limited ? { maxMeetings: 2 + Math.floor(random() * (options.slots - 1)) } : {}),
      profile: {
        id: `buyer-${index}`,
        country: pick(COUNTRIES),
        interests: interests.map(([slug]) => slug),
        hsChapters: [...new Set(interests.flatMap(([, headings]) => headings.map((h) => h.slice(0, 2))))],
        yearlyVolume: random() < 0.1 ? null : pick(BANDS),
        languages: ['en', ...sample(LANGUAGES, Math.floor(random() * 2))],
      },
    }
  })

  const [minMeetings, maxMeetings] = options.exporterMaxMeetings ?? [8, 14]
  const exporters: RandomFairExporter[] = Array.from({ length: options.exporters }, (_, index) => {
    const categories = sample(CATEGORIES, 1 + Math.floor(random() * 2))
    return {
      id: `exporter-${index}`,
      availableSlotIds: availableSlots(options.exporterAvailability ?? 0.9),
      maxMeetings: minMeetings + Math.floor(random() * (maxMeetings - minMeetings + 1)),
      profile: {
        id: `exporter-${index}`,
        exportMarkets: sample(COUNTRIES, Math.floor(random() * 4)),
        languages: random() < 0.7 ? ['ko', 'en'] : ['ko'],
        products: categories.flatMap(([slug, headings], position) =>
          headings.map((heading, offset) => ({
            id: `p-${index}-${position}-${offset}`,
            categorySlug: slug,
            hsCode: `${heading}${String(10 + Math.floor(random() * 89))}`,
            moq: 100 * (1 + Math.floor(random() * 100)),
            unitPriceUsdCents: 50 + Math.floor(random() * 5000),
            targetMarkets: sample(COUNTRIES, 1 + Math.floor(random() * 3)),
          })),
        ),
        certifications: sample(CERTIFICATIONS, Math.floor(random() * 3)).map(([type, market], position) => ({
          id: `c-${index}-${position}`,
          type,
          market,
          validFrom: null,
          // One in five has lapsed, so validity at `now` matters.
          validUntil: random() < 0.2 ? new Date('2026-06-30T00:00:00Z') : new Date('2028-01-01T00:00:00Z'),
        })),
      },
    }
  })

  const preferences: MeetingPreference[] = []
  const statePreferences = (count: number, by: 'buyer' | 'exporter') => {
    for (let index = 0; index < count; index++) {
      const buyer = pick(buyers)
      const exporter = pick(exporters)
      preferences.push({ buyerId: buyer.id, exporterId: exporter.id, by, level: random() < 0.2 ? 'must-meet' : 'would-like' })
    }
  }
  statePreferences(Math.round(options.buyers * (options.preferencesPerBuyer ?? 2)), 'buyer')
  statePreferences(Math.round(options.exporters * (options.preferencesPerExporter ?? 3)), 'exporter')

  // Locked meetings: pick consistent ones (no person twice in a slot, no pair twice).
  const locked: LockedMeeting[] = []
  const used = new Set<string>()
  for (let attempt = 0; locked.length < (options.locked ?? 0) && attempt < 100 * (options.locked ?? 0); attempt++) {
    const buyer = pick(buyers)
    const exporter = pick(exporters)
    const slot = pick(slots)
    const keys = [`b:${buyer.id}:${slot.id}`, `e:${exporter.id}:${slot.id}`, `p:${buyer.id}:${exporter.id}`]
    const exporterLocked = locked.filter((meeting) => meeting.exporterId === exporter.id).length
    if (keys.some((key) => used.has(key)) || exporterLocked >= exporter.maxMeetings) continue
    keys.forEach((key) => used.add(key))
    locked.push({ buyerId: buyer.id, exporterId: exporter.id, slotId: slot.id })
  }

  return {
    now,
    slots,
    buyers,
    exporters,
    preferences,
    locked,
    pairScore: (buyer, exporter) => matchScore(buyer.profile, exporter.profile, { now }).score,
  }
}

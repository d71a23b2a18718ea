import { z } from 'zod'
import { CATEGORY_PARAM, parseQueryFields, REGION_PARAM } from '~/domain/catalog/search-params'
import { HS_CHAPTER_CODES } from '~/domain/catalog/hs-chapters'
import { dayInZone } from '~/lib/time'

// The showcase directory's filters and its calendar, free of the database (the route and tests use them).

const HS_CHAPTERS = new Set(HS_CHAPTER_CODES)

/** Each filter of /live, read from the URL on its own (a bad value is ignored, never an error). */
export const DIRECTORY_FIELDS = {
  category: CATEGORY_PARAM,
  // An HS chapter: two digits of the nomenclature ("33" cosmetics); "3" or "330410" are not chapters.
  hs: z.string().refine((value) => HS_CHAPTERS.has(value)),
  region: REGION_PARAM,
  // The spoken language of the stream, a BCP 47 primary tag as sessions store it ("en", "ko").
  language: z.string().regex(/^[a-z]{2,3}$/),
  fair: z.string().regex(/^[a-z0-9-]{1,80}$/),
  // "Ready for my market": only for a signed-in buyer with a country (the route drops it for anyone else).
  ready: z.literal('1'),
} as const

export type DirectoryFilters = { -readonly [K in keyof typeof DIRECTORY_FIELDS]?: z.output<(typeof DIRECTORY_FIELDS)[K]> }

export type DirectoryField = keyof typeof DIRECTORY_FIELDS

export function parseDirectoryFilters(params: URLSearchParams): { filters: DirectoryFilters; rejected: DirectoryField[] } {
  const { query, rejected } = parseQueryFields(params, DIRECTORY_FIELDS)
  // parseQueryFields reports only keys of the fields it was given.
  return { filters: query, rejected: rejected as DirectoryField[] }
}

export function hasFilters(filters: DirectoryFilters): boolean {
  return Object.keys(filters).length > 0
}

/**
 * Upcoming showcases as a calendar: consecutive runs of the same day in `timeZone` (the visitor's), in
 * the order given (soonest first). A show at 23:30 in Seoul is on the next day for a visitor in Berlin.
 */
export function groupByDay<T extends { startsAt: string }>(items: readonly T[], timeZone: string): Array<{ day: string; items: T[] }> {
  const days: Array<{ day: string; items: T[] }> = []
  for (const item of items) {
    const day = dayInZone(item.startsAt, timeZone)
    const last = days.at(-1)
    if (last?.day === day) last.items.push(item)
    else days.push({ day, items: [item] })
  }
  return days
}

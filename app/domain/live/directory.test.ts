import { describe, expect, it } from 'vitest'
import { groupByDay, hasFilters, parseDirectoryFilters } from './directory'

const parse = (query: string) => parseDirectoryFilters(new URLSearchParams(query))

describe('directory filters from the URL', () => {
  it('reads every filter', () => {
    expect(parse('category=processed-food&hs=33&region=Gangwon&language=ko&fair=gangwon-expo-2026')).toEqual({
      filters: { category: 'processed-food', hs: '33', region: 'Gangwon', language: 'ko', fair: 'gangwon-expo-2026' },
      rejected: [],
    })
  })

  it('ignores bad values one by one and keeps the good ones', () => {
    const { filters, rejected } = parse(
      `category=${encodeURIComponent("x' OR 1=1 --")}&hs=3304&region=${'r'.repeat(61)}&language=${encodeURIComponent('<script>')}&fair=Fair%00&extra=1`,
    )
    expect(filters).toEqual({})
    expect(rejected.sort()).toEqual(['category', 'fair', 'hs', 'language', 'region'])
    expect(parse('hs=00').filters).toEqual({})
    // PostgreSQL refuses NUL in text: such a value must never reach a query.
    expect(parse('region=Gang%00won').rejected).toEqual(['region'])
    expect(parse('hs=33&language=en-US').filters).toEqual({ hs: '33' })
  })

  it('treats empty and repeated parameters calmly: empty is unset, the first value counts', () => {
    expect(parse('category=&hs=&region=&language=&fair=')).toEqual({ filters: {}, rejected: [] })
    expect(parse('language=ko&language=en').filters).toEqual({ language: 'ko' })
    expect(hasFilters(parse('region=%20Gangwon%20').filters)).toBe(true)
    expect(parse('region=%20Gangwon%20').filters.region).toBe('Gangwon')
    expect(hasFilters({})).toBe(false)
  })
})

describe('groupByDay', () => {
  // 14:30 UTC is 23:30 in Seoul and 15:30 in Berlin; 15:30 UTC is 00:30 the next day in Seoul.
  const items = [
    { id: 'a', startsAt: '2026-12-03T14:30:00.000Z' },
    { id: 'b', startsAt: '2026-12-03T15:30:00.000Z' },
    { id: 'c', startsAt: '2026-12-04T09:00:00.000Z' },
  ]

  it('puts a show on the visitor’s calendar day, across midnight', () => {
    expect(groupByDay(items, 'Asia/Seoul').map(({ day, items: shows }) => [day, shows.map((s) => s.id)])).toEqual([
      ['2026-12-03', ['a']],
      ['2026-12-04', ['b', 'c']],
    ])
    expect(groupByDay(items, 'Europe/Berlin').map(({ day, items: shows }) => [day, shows.map((s) => s.id)])).toEqual([
      ['2026-12-03', ['a', 'b']],
      ['2026-12-04', ['c']],
    ])
    expect(groupByDay(items, 'America/Los_Angeles').map(({ day }) => day)).toEqual(['2026-12-03', '2026-12-04'])
  })

  it('returns no days for no shows', () => {
    expect(groupByDay([], 'UTC')).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { defaultTimeZone, matchZone, timeZonesOfCountry } from './country-time-zones'
import { listTimeZones } from './time'

describe('time zones of a country', () => {
  it('gives the one zone of a one-zone country', () => {
    expect(timeZonesOfCountry('KR')).toEqual(['Asia/Seoul'])
    expect(timeZonesOfCountry('kr')).toEqual(['Asia/Seoul'])
  })

  it('puts the main zone first, the others after it alphabetically', () => {
    expect(timeZonesOfCountry('MN')).toEqual(['Asia/Ulaanbaatar', 'Asia/Hovd'])
    const russia = timeZonesOfCountry('RU')
    expect(russia[0]).toBe('Europe/Moscow')
    expect(russia.length).toBeGreaterThan(15)
    expect(russia).toEqual(expect.arrayContaining(['Asia/Vladivostok', 'Europe/Kaliningrad', 'Asia/Yekaterinburg']))
    expect(russia.slice(1)).toEqual([...russia.slice(1)].sort())
    expect(timeZonesOfCountry('US')[0]).toBe('America/New_York')
  })

  it('spells each zone as the choice list does, so every one can be selected', () => {
    const choices = listTimeZones()
    for (const country of ['IN', 'UA', 'VN', 'AR', 'US', 'RU', 'MN', 'DE']) {
      const zones = timeZonesOfCountry(country, choices)
      expect(zones.length, country).toBeGreaterThan(0)
      for (const zone of zones) expect(choices, `${country} ${zone}`).toContain(zone)
    }
  })

  it('knows no zones for no country, an unknown code or a hostile value', () => {
    expect(timeZonesOfCountry('')).toEqual([])
    expect(timeZonesOfCountry(null)).toEqual([])
    expect(timeZonesOfCountry('ZZ')).toEqual([])
    expect(timeZonesOfCountry('KR-x-<script>')).toEqual([])
    expect(timeZonesOfCountry('x'.repeat(5000))).toEqual([])
  })
})

describe('the zone preselected at sign-up', () => {
  it('includes UTC in the choices, sorted', () => {
    const choices = listTimeZones()
    expect(choices).toContain('UTC')
    expect(choices).toEqual([...choices].sort())
  })

  it('is the browser’s zone; a UTC browser gets UTC, not the first zone alphabetically', () => {
    expect(defaultTimeZone('Asia/Ulaanbaatar', 'UTC')).toBe('Asia/Ulaanbaatar')
    expect(defaultTimeZone('UTC', 'UTC')).toBe('UTC')
    expect(defaultTimeZone('Etc/UTC', 'UTC')).toBe('UTC')
    expect(defaultTimeZone('Etc/UTC', 'UTC')).not.toBe('Africa/Abidjan')
  })

  it('falls back to the server’s guess, then UTC, for an unknown browser zone', () => {
    expect(defaultTimeZone(null, 'Asia/Seoul')).toBe('Asia/Seoul')
    expect(defaultTimeZone('Mars/Olympus', 'Europe/Berlin')).toBe('Europe/Berlin')
    expect(defaultTimeZone('Mars/Olympus', 'Nowhere/Else')).toBe('UTC')
  })

  it('matches an alias through its canonical name', () => {
    const choices = listTimeZones()
    const india = matchZone('Asia/Kolkata', choices)
    expect(india === 'Asia/Kolkata' || india === 'Asia/Calcutta').toBe(true)
    expect(matchZone('Not/AZone', choices)).toBeNull()
  })
})

describe('the zone list every time-zone select uses', () => {
  it('has UTC, so an account or browser in UTC is not shown the first zone of the list', () => {
    const zones = listTimeZones()
    expect(zones).toContain('UTC')
    expect(zones.filter((zone) => zone === 'UTC')).toHaveLength(1)
    expect(zones).toContain('Asia/Seoul')
  })
})

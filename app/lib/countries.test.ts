import { describe, expect, it } from 'vitest'
import { countryName, countryOptions, isCountryCode } from './countries'

describe('countries', () => {
  it('uses the names Chromium shows for the regions its ICU patches', () => {
    expect(countryName('HK', 'en')).toBe('Hong Kong')
    expect(countryName('HK', 'ko')).toBe('홍콩')
    expect(countryName('DE', 'ko')).toBe('독일')
  })
  it('lists every ISO code once, sorted for the reader', () => {
    const options = countryOptions('en')
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length)
    expect(options.length).toBe(249)
    expect(isCountryCode('KR')).toBe(true)
    expect(isCountryCode('XX')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { countryName, countryOptions, COUNTRY_CODES, isCountryCode } from './countries'
import { SUPPORTED_LOCALES } from './i18n'

describe('countries', () => {
  it('names Hong Kong, Macao and Palestine by their short names, as browsers do', () => {
    expect(countryName('HK', 'en')).toBe('Hong Kong')
    expect(countryName('HK', 'ko')).toBe('홍콩')
    expect(countryName('HK', 'zh-Hans')).toBe('香港')
    expect(countryName('MO', 'ja')).toBe('マカオ')
    expect(countryName('PS', 'ru')).toBe('Палестина')
    expect(countryName('DE', 'ko')).toBe('독일')
  })

  it('names countries in Mongolian, which Chrome’s own Intl cannot', () => {
    expect(countryName('MN', 'mn')).toBe('Монгол')
    expect(countryName('KR', 'mn')).toBe('Өмнөд Солонгос')
  })

  it('reads the nearest UI locale for other tags, and leaves unknown codes as they are', () => {
    expect(countryName('CN', 'zh-CN')).toBe(countryName('CN', 'zh-Hans'))
    expect(countryName('JP', 'ru-RU')).toBe('Япония')
    expect(countryName('JP', 'fr')).toBe('Japan')
    expect(countryName('XX', 'en')).toBe('XX')
  })

  it('lists every ISO code once, in each locale’s alphabetical order', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const options = countryOptions(locale)
      expect(options.map((o) => o.value).sort(), locale).toEqual([...COUNTRY_CODES].sort())
      const labels = options.map((o) => o.label)
      expect(labels, locale).toEqual([...labels].sort((a, b) => a.localeCompare(b, locale)))
    }
    expect(countryOptions('en')).toHaveLength(249)
    expect(isCountryCode('KR')).toBe(true)
    expect(isCountryCode('XX')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { hasLanguageAlternates, languageLinks } from './language-alternates'

describe('languageLinks', () => {
  it('lists every locale with its BCP 47 tag, then x-default without lang, and the shown version as canonical', () => {
    const links = languageLinks('https://tradecast.example', '/fairs/gti-2026', '', 'mn')
    expect(links.alternates).toEqual([
      { hrefLang: 'en', href: 'https://tradecast.example/fairs/gti-2026?lang=en' },
      { hrefLang: 'ko', href: 'https://tradecast.example/fairs/gti-2026?lang=ko' },
      { hrefLang: 'zh-Hans', href: 'https://tradecast.example/fairs/gti-2026?lang=zh-Hans' },
      { hrefLang: 'ja', href: 'https://tradecast.example/fairs/gti-2026?lang=ja' },
      { hrefLang: 'ru', href: 'https://tradecast.example/fairs/gti-2026?lang=ru' },
      { hrefLang: 'mn', href: 'https://tradecast.example/fairs/gti-2026?lang=mn' },
      { hrefLang: 'x-default', href: 'https://tradecast.example/fairs/gti-2026' },
    ])
    expect(links.canonical).toBe('https://tradecast.example/fairs/gti-2026?lang=mn')
  })

  it('keeps the other query parameters and replaces a lang already there', () => {
    const links = languageLinks('http://localhost:3000', '/catalog', '?q=%D0%B6%D0%B5%D0%BD%D1%8C%D1%88%D0%B5%D0%BD%D1%8C&lang=ru&page=2', 'ru')
    expect(links.canonical).toBe('http://localhost:3000/catalog?q=%D0%B6%D0%B5%D0%BD%D1%8C%D1%88%D0%B5%D0%BD%D1%8C&page=2&lang=ru')
    expect(links.alternates.find((link) => link.hrefLang === 'ja')?.href).toBe(
      'http://localhost:3000/catalog?q=%D0%B6%D0%B5%D0%BD%D1%8C%D1%88%D0%B5%D0%BD%D1%8C&page=2&lang=ja',
    )
    expect(links.alternates.at(-1)).toEqual({
      hrefLang: 'x-default',
      href: 'http://localhost:3000/catalog?q=%D0%B6%D0%B5%D0%BD%D1%8C%D1%88%D0%B5%D0%BD%D1%8C&page=2',
    })
  })
})

describe('hasLanguageAlternates', () => {
  it('is true only for the handle a public route exports', () => {
    expect(hasLanguageAlternates({ alternates: true })).toBe(true)
    expect(hasLanguageAlternates({ alternates: 'yes' })).toBe(false)
    expect(hasLanguageAlternates(undefined)).toBe(false)
    expect(hasLanguageAlternates(null)).toBe(false)
  })
})

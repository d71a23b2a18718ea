import { describe, expect, it } from 'vitest'
import { companyProfileSchema } from './schemas'
import { EmbedOriginsSchema, frameAncestorSources, MAX_EMBED_ORIGINS, normalizeEmbedOrigin } from './embed-origins'

describe('embed origins (CSP frame-ancestors of the embeddable player)', () => {
  it('accepts https sites, ports, a leading *. wildcard and local http, in canonical form', () => {
    expect(normalizeEmbedOrigin('https://shop.example.com')).toBe('https://shop.example.com')
    expect(normalizeEmbedOrigin('  HTTPS://Shop.Example.COM/  ')).toBe('https://shop.example.com')
    expect(normalizeEmbedOrigin('https://shop.example.com:443')).toBe('https://shop.example.com')
    expect(normalizeEmbedOrigin('https://shop.example.com:8443')).toBe('https://shop.example.com:8443')
    expect(normalizeEmbedOrigin('https://*.example.co.kr')).toBe('https://*.example.co.kr')
    expect(normalizeEmbedOrigin('https://xn--9n2bp8q.kr')).toBe('https://xn--9n2bp8q.kr')
    expect(normalizeEmbedOrigin('http://localhost:5173')).toBe('http://localhost:5173')
    expect(normalizeEmbedOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080')
    expect(normalizeEmbedOrigin('https://localhost')).toBe('https://localhost')
  })

  it('refuses paths, other schemes, plain http on the internet, bare IPs, credentials and wider wildcards', () => {
    for (const bad of [
      'https://shop.example.com/products',
      'https://shop.example.com?x=1',
      'https://shop.example.com#top',
      'http://shop.example.com',
      'shop.example.com',
      'javascript:alert(1)',
      'data:text/html,hi',
      'ftp://example.com',
      'https://user:pw@example.com',
      'https://example.com@evil.com',
      'https://1.2.3.4',
      'http://10.0.0.1:3000',
      '*',
      'https://*',
      'https://*.com',
      'https://shop.*.example.com',
      'https://*.*.example.com',
      'http://*.localhost',
      'https://localhost:0',
      'https://example.com:99999',
      "https://example.com 'unsafe-inline'",
      'https://example.com;script-src',
      'https://exa mple.com',
      "'self'",
      'https://-bad.example.com',
      'https://example.123',
      `https://${'a'.repeat(64)}.com`,
      '',
    ]) {
      expect(normalizeEmbedOrigin(bad), bad).toBeNull()
    }
  })

  it('reads the form field: one per line (commas and spaces too), duplicates once, at most 20, the first bad entry refused', () => {
    expect(EmbedOriginsSchema.parse(undefined)).toEqual([])
    expect(EmbedOriginsSchema.parse('https://a.example.com\r\nhttps://A.example.com/, http://localhost:3000  https://*.b.example')).toEqual([
      'https://a.example.com',
      'http://localhost:3000',
      'https://*.b.example',
    ])
    const many = Array.from({ length: MAX_EMBED_ORIGINS + 1 }, (_, i) => `https://s${i}.example.com`).join('\n')
    expect(EmbedOriginsSchema.safeParse(many).error?.issues[0]?.message).toBe('embed.errors.tooManyOrigins')
    expect(EmbedOriginsSchema.safeParse(many.split('\n').slice(0, MAX_EMBED_ORIGINS).join('\n')).success).toBe(true)
    expect(EmbedOriginsSchema.safeParse('https://ok.example.com\nhttps://ok.example.com/path').error?.issues[0]?.message).toBe('embed.errors.origin')
    expect(EmbedOriginsSchema.safeParse('x'.repeat(9000)).success).toBe(false)
  })

  it('is part of the company profile schema', () => {
    const base = { name: 'Co', region: 'Gangwon', industry: 'Food', timeZone: 'Asia/Seoul', businessHoursStart: '09:00', businessHoursEnd: '18:00' }
    expect(companyProfileSchema(2026).parse({ ...base, embedOrigins: 'https://shop.example.com' }).embedOrigins).toEqual(['https://shop.example.com'])
    expect(companyProfileSchema(2026).parse(base).embedOrigins).toEqual([])
    expect(companyProfileSchema(2026).safeParse({ ...base, embedOrigins: 'https://*' }).success).toBe(false)
  })

  it('writes only what still reads as an origin into the header', () => {
    expect(frameAncestorSources(['https://shop.example.com', "https://x.com 'unsafe-eval'", 'https://*.example.org'])).toEqual([
      'https://shop.example.com',
      'https://*.example.org',
    ])
  })
})

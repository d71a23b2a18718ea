import { describe, expect, it } from 'vitest'
import { embedIframeHtml, OembedQuerySchema, oembedSize, showcaseIdFromUrl } from './oembed'

const ORIGIN = 'https://tradecast.example'

describe('oEmbed query and answer parts', () => {
  it('finds the showcase of a watch or embed link on this site only', () => {
    expect(showcaseIdFromUrl(`${ORIGIN}/live/abc123`, ORIGIN)).toBe('abc123')
    expect(showcaseIdFromUrl(`${ORIGIN}/embed/abc123/?lang=ko`, ORIGIN)).toBe('abc123')
    expect(showcaseIdFromUrl(`${ORIGIN}/live/abc123#t=5`, ORIGIN)).toBe('abc123')
    for (const foreign of [
      'https://evil.example/live/abc123',
      'https://tradecast.example.evil.com/live/abc123',
      'http://tradecast.example/live/abc123',
      'https://tradecast.example:8443/live/abc123',
      'https://user@tradecast.example/live/abc123',
      `${ORIGIN}/live/abc123/clips`,
      `${ORIGIN}/catalog/abc123`,
      `${ORIGIN}/live/abc%2F123`,
      `${ORIGIN}/live/${'a'.repeat(41)}`,
      'javascript:alert(1)//https://tradecast.example/live/x',
      '/live/abc123',
      'not a url',
    ]) {
      expect(showcaseIdFromUrl(foreign, ORIGIN), foreign).toBeNull()
    }
  })

  it('sizes 16:9 inside the bounds, 640×360 by default, never larger than asked', () => {
    expect(oembedSize()).toEqual({ width: 640, height: 360 })
    expect(oembedSize(100_000, 100_000)).toEqual({ width: 640, height: 360 })
    expect(oembedSize(320)).toEqual({ width: 320, height: 180 })
    expect(oembedSize(undefined, 180)).toEqual({ width: 320, height: 180 })
    expect(oembedSize(1, 1)).toEqual({ width: 1, height: 1 })
  })

  it('validates the query: json or xml, whole positive pixel counts, a bounded url', () => {
    expect(OembedQuerySchema.parse({ url: `${ORIGIN}/live/x` })).toEqual({ url: `${ORIGIN}/live/x`, format: 'json' })
    expect(OembedQuerySchema.parse({ url: 'u', maxwidth: '480', maxheight: '270' })).toMatchObject({ maxwidth: 480, maxheight: 270 })
    for (const bad of [
      {},
      { url: '' },
      { url: 'x'.repeat(2049) },
      { url: 'u', format: 'html' },
      { url: 'u', maxwidth: '-5' },
      { url: 'u', maxwidth: '0' },
      { url: 'u', maxwidth: '1e9' },
      { url: 'u', maxwidth: '9999999' },
      { url: 'u', maxheight: '12px' },
      { url: 'u', maxheight: ' 12' },
    ]) {
      expect(OembedQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
    }
  })

  it('escapes the title and the source into the iframe markup', () => {
    const html = embedIframeHtml({ origin: ORIGIN, sessionId: 'abc', title: '"><script>alert(1)</script>', width: 640, height: 360, lang: 'ko' })
    expect(html).toBe(
      `<iframe src="${ORIGIN}/embed/abc?lang=ko" width="640" height="360" title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" allow="autoplay; fullscreen" allowfullscreen loading="lazy" style="border:0;max-width:100%"></iframe>`,
    )
  })
})

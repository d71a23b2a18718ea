import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { FAIR_SLUG } from './fair.ts'
import { fairBannerSvg } from './images.ts'

// The fair page writes the fair's name and buttons on a panel of its own; a banner with words baked in
// put a second, untranslatable heading under them. Seeded banners are artwork only.

const bannersDir = fileURLToPath(new URL('../../public/demo/fairs/', import.meta.url))
const TEXT_ELEMENTS = /<\s*(text|tspan|textPath|foreignObject)\b/i

describe('seeded fair banners', () => {
  it('the banner generator draws no text', () => {
    const svg = fairBannerSvg()
    expect(svg).toMatch(/^<svg\b/)
    expect(svg).not.toMatch(TEXT_ELEMENTS)
  })

  it('no banner SVG in public/demo/fairs contains text, and the seeded fair’s banner is the generated one', async () => {
    const files = (await readdir(bannersDir)).filter((name) => name.endsWith('.svg'))
    expect(files).toContain(`${FAIR_SLUG}.svg`)
    for (const name of files) {
      const svg = await readFile(`${bannersDir}${name}`, 'utf8')
      expect(svg, name).toMatch(/<svg\b/)
      expect(svg, name).not.toMatch(TEXT_ELEMENTS)
    }
    expect(await readFile(`${bannersDir}${FAIR_SLUG}.svg`, 'utf8')).toBe(fairBannerSvg())
  })
})

// Placeholder SVG artwork for the demo data: product cards, company logos and the fair banner.
// Small, self-contained files (no external fonts or images). Written by generate-images.ts.
import { CATEGORIES, categoryInfo } from './data/categories.ts'
import type { CatalogProduct } from './catalog.ts'
import { IMAGE_KINDS } from './catalog.ts'
import type { CompanySeed } from './data/types.ts'
import { hashString } from './util.ts'

const FONT = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans KR', 'Apple SD Gothic Neo', sans-serif"

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

export function initials(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, '')
    .split(/[\s\-—&/]+/)
    .filter((w) => /^[A-Za-z0-9]/.test(w) && !['of', 'and', 'for', 'the', 'with'].includes(w.toLowerCase()))
  return words
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('')
}

function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines)
    kept[maxLines - 1] = `${kept[maxLines - 1]?.slice(0, width - 1)}…`
    return kept
  }
  return lines
}

/** One product image; `index` 0 = product, 1 = packaging, 2 = detail. */
export function productSvg(product: CatalogProduct, index: number): string {
  const category = categoryInfo(product.category)
  const hue = (category.hue + (hashString(product.base.slug) % 24) - 12 + 360) % 360
  const bg1 = `hsl(${hue} 62% ${index === 1 ? 38 : 44}%)`
  const bg2 = `hsl(${(hue + 28) % 360} 58% ${index === 2 ? 24 : 30}%)`
  const title = wrap(product.base.en, 25, 2)
  const variant = product.base.variants ? (product.translations[0]?.name.split(' — ')[1] ?? '') : ''
  const ko = product.base.ko ?? ''
  const kind = IMAGE_KINDS[index] ?? 'product'
  const mark = initials(product.base.en)

  const motif =
    index === 0
      ? `<circle cx="384" cy="118" r="54" fill="#fff" fill-opacity=".16"/><text x="384" y="135" text-anchor="middle" font-size="48" font-weight="700" fill="#fff">${esc(mark)}</text>`
      : index === 1
        ? `<g transform="translate(330 68)" fill="none" stroke="#fff" stroke-opacity=".55" stroke-width="3"><path d="M10 30 L60 8 L110 30 L60 52 Z"/><path d="M10 30 V92 L60 114 V52 M110 30 V92 L60 114"/></g>`
        : `<g fill="none" stroke="#fff" stroke-opacity=".55" stroke-width="4"><circle cx="372" cy="110" r="40"/><path d="M401 139 L436 174"/></g><text x="372" y="124" text-anchor="middle" font-size="34" font-weight="700" fill="#fff">${esc(mark)}</text>`

  const titleLines = title.map((line, i) => `<text x="32" y="${206 + i * 34}" font-size="26" font-weight="700" fill="#fff">${esc(line)}</text>`).join('')
  const afterTitle = 206 + title.length * 34
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360" viewBox="0 0 480 360" font-family="${FONT}" role="img" aria-label="${esc(`${product.base.en} (${kind})`)}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bg1}"/><stop offset="1" stop-color="${bg2}"/></linearGradient></defs>
<rect width="480" height="360" rx="24" fill="url(#g)"/>
<rect x="32" y="32" width="${Math.min(260, 24 + category.names.en.length * 9)}" height="30" rx="15" fill="#fff" fill-opacity=".2"/>
<text x="46" y="53" font-size="15" fill="#fff">${esc(category.names.en)}</text>
${motif}
${titleLines}
${variant ? `<text x="32" y="${afterTitle}" font-size="17" fill="#fff" fill-opacity=".9">${esc(wrap(variant, 40, 1)[0] ?? '')}</text>` : ''}
${ko ? `<text x="32" y="${afterTitle + (variant ? 28 : 4)}" font-size="17" fill="#fff" fill-opacity=".8">${esc(wrap(ko, 28, 1)[0] ?? '')}</text>` : ''}
<text x="32" y="334" font-size="14" fill="#fff" fill-opacity=".75">${esc(`${product.company.name} · ${product.company.city}, Gangwon`)}</text>
<text x="448" y="53" text-anchor="end" font-size="13" fill="#fff" fill-opacity=".7">${esc(`HS ${product.hsCode} · ${kind}`)}</text>
</svg>
`
}

export function companyLogoSvg(company: CompanySeed): string {
  const category = CATEGORIES.find((c) => c.slug === company.products[0]?.cat)
  const hue = ((category?.hue ?? 200) + (hashString(company.slug) % 40)) % 360
  return `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160" font-family="${FONT}" role="img" aria-label="${esc(company.name)}">
<rect width="160" height="160" rx="32" fill="hsl(${hue} 55% 40%)"/>
<circle cx="80" cy="70" r="44" fill="#fff" fill-opacity=".15"/>
<text x="80" y="86" text-anchor="middle" font-size="44" font-weight="700" fill="#fff">${esc(initials(company.name))}</text>
<text x="80" y="138" text-anchor="middle" font-size="18" fill="#fff" fill-opacity=".9">${esc(company.ko)}</text>
</svg>
`
}

/**
 * The fair's banner: artwork only, no text. The fair page writes the name, dates and buttons on a solid
 * panel of its own; text baked into the image sat under them and could not be read or translated.
 */
export function fairBannerSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="320" viewBox="0 0 1200 320" aria-hidden="true">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#0b3d6b"/><stop offset=".6" stop-color="#136f8a"/><stop offset="1" stop-color="#1f9e89"/></linearGradient></defs>
<rect width="1200" height="320" fill="url(#g)"/>
<circle cx="980" cy="90" r="46" fill="#fff" fill-opacity=".12"/>
<path d="M0 250 L180 150 L300 220 L460 110 L620 230 L760 160 L900 240 L1040 170 L1200 230 V320 H0 Z" fill="#fff" fill-opacity=".08"/>
<path d="M0 280 C300 240 500 300 800 260 S1100 250 1200 270 V320 H0 Z" fill="#fff" fill-opacity=".1"/>
</svg>
`
}

// Writes the placeholder SVGs the demo data points at into public/demo/.
//   npx tsx prisma/seed/generate-images.ts
// The output is committed; re-run only after changing the product tables or the artwork.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildCatalog, productImagePath } from './catalog.ts'
import { COMPANIES } from './data/companies.ts'
import { companyLogoSvg, fairBannerSvg, productSvg } from './images.ts'

const publicDir = fileURLToPath(new URL('../../public', import.meta.url))

async function writeAll(): Promise<{ files: number; bytes: number }> {
  const files = new Map<string, string>()
  for (const product of buildCatalog()) {
    for (let i = 0; i < product.imageCount; i++) files.set(productImagePath(product.slug, i), productSvg(product, i))
  }
  for (const company of COMPANIES) files.set(`/demo/companies/${company.slug}.svg`, companyLogoSvg(company))
  files.set('/demo/fairs/gti-expo-2026.svg', fairBannerSvg())

  // Remove stale product images, then write everything.
  const productsDir = path.join(publicDir, 'demo/products')
  await mkdir(productsDir, { recursive: true })
  for (const name of await readdir(productsDir)) {
    if (!files.has(`/demo/products/${name}`)) await rm(path.join(productsDir, name))
  }
  let bytes = 0
  for (const [webPath, svg] of files) {
    const target = path.join(publicDir, webPath)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, svg)
    bytes += Buffer.byteLength(svg)
  }
  return { files: files.size, bytes }
}

const { files, bytes } = await writeAll()
console.log(`Wrote ${files} SVG files (${Math.round(bytes / 1024)} KiB) to ${path.join(publicDir, 'demo')}`)

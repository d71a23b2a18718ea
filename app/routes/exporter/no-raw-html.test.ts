import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'

// Names, descriptions and notes typed by exporters and buyers are rendered by React, which escapes them.
// These screens must never bypass that with raw HTML.
const FILES = [
  'app/routes/exporter/company.tsx',
  'app/routes/exporter/team.tsx',
  'app/routes/exporter/certifications.tsx',
  'app/routes/exporter/products/index.tsx',
  'app/routes/exporter/products/new.tsx',
  'app/routes/exporter/products/edit.tsx',
  'app/routes/exporter/products/+shared/product-editor.tsx',
  'app/routes/exporter/readiness.tsx',
  'app/routes/exporter/+readiness/readiness-ui.tsx',
  'app/routes/exporter/dashboard.tsx',
  'app/routes/invitations/accept.tsx',
  'app/routes/buyer/profile.tsx',
  'app/components/area-nav.tsx',
  'app/routes/exporter/_layout.tsx',
  'app/routes/buyer/_layout.tsx',
  'app/components/ui/checkbox-group.tsx',
  'app/components/ui/table.tsx',
]

describe('exporter and buyer profile screens', () => {
  it.each(FILES)('%s renders no raw HTML', async (file) => {
    const source = await readFile(file, 'utf8')
    expect(source).not.toMatch(/dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML/)
  })
})

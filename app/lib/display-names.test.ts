import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DISPLAY_NAMES_FILE, renderDisplayNames } from '../../scripts/generate-display-names'

describe('the generated display names table', () => {
  it('holds what this Node’s ICU names today', async () => {
    // Fails after a Node upgrade whose CLDR renames a country or language, or when a code joins
    // COUNTRY_CODES / LANGUAGE_CODES: regenerate, and read the diff before committing it.
    expect(readFileSync(DISPLAY_NAMES_FILE, 'utf8'), 'app/lib/display-names.generated.ts is stale: run `npm run generate:display-names`').toBe(
      await renderDisplayNames(),
    )
  })
})

import type { Page } from '@playwright/test'
import { expect } from './fixtures'

export const AGENCY = 'Gangwon Export Agency'

const SCOPE_LABELS = {
  catalogue: 'Catalogue (products, certificates)',
  showcases: 'Showcases',
  rfqs: 'RFQs and quotes',
  meetings: 'Meetings',
} as const

/**
 * The signed-in owner sets the Gangwon Export Agency's rights on /exporter/agencies: a scope given true or false
 * is ticked or cleared, one left out keeps what the form shows. Updates the existing grant, or grants afresh when
 * there is none (the demo grants the agency; another spec may have changed or revoked it).
 */
export async function grantAgencyScopes(owner: Page, scopes: Partial<Record<keyof typeof SCOPE_LABELS, boolean>>) {
  await owner.goto('/exporter/agencies')
  await expect(owner.getByRole('heading', { level: 1, name: 'Export agencies' })).toBeVisible()
  const granted = owner.getByRole('region', { name: 'Agencies with access' }).getByRole('listitem').filter({ hasText: AGENCY })
  const form = (await granted.count()) > 0 ? granted : owner.getByRole('region', { name: 'Find an agency' }).getByRole('listitem').filter({ hasText: AGENCY })
  const rights = form.getByRole('group', { name: `Rights of ${AGENCY}` })
  for (const [scope, label] of Object.entries(SCOPE_LABELS)) {
    const on = scopes[scope as keyof typeof SCOPE_LABELS]
    if (on !== undefined) await rights.getByRole('checkbox', { name: label, exact: true }).setChecked(on)
  }
  if ((await granted.count()) > 0) {
    await form.getByRole('button', { name: 'Save rights', exact: true }).click()
    await expect(owner.getByRole('status')).toHaveText('The agency’s rights were updated.')
  } else {
    await form.getByRole('button', { name: `Grant access to ${AGENCY}`, exact: true }).click()
    await expect(owner.getByRole('status')).toHaveText('Access granted to the agency.')
  }
}

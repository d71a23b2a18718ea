import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from '@playwright/test'
import { chooseLanguage, expect } from './fixtures'

/** WCAG 2.0 and 2.1, levels A and AA: what the project holds its pages to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export type SeriousViolation = { rule: string; impact: string | null | undefined; help: string; nodes: string[] }

/**
 * The critical and serious violations axe-core finds on the page as it stands, each rule with the elements
 * it found. `exclude` is for third-party content only (say why at the call site).
 */
export async function seriousViolations(page: Page, { exclude = [] }: { exclude?: string[] } = {}): Promise<SeriousViolation[]> {
  // The page must have hydrated and settled: axe reads the final roles and names.
  await page.waitForLoadState('networkidle')
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS)
  for (const selector of exclude) builder = builder.exclude(selector)
  const results = await builder.analyze()
  return results.violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(0, 3).join(' ') ?? ''}`),
    }))
}

/** Fails on any critical or serious axe-core violation of the page as it stands. */
export async function expectNoSeriousViolations(page: Page, options: { exclude?: string[]; soft?: boolean } = {}) {
  const found = await seriousViolations(page, options)
  const check = options.soft ? expect.soft : expect
  check(found, `axe-core on ${new URL(page.url()).pathname}`).toEqual([])
}

/** A guest's UI language on every page the context opens (the `tc_lang` cookie). */
export async function useGuestLanguage(context: BrowserContext, baseURL: string, locale: 'en' | 'ko') {
  // React Router's createCookie stores JSON, base64-encoded.
  await context.addCookies([{ name: 'tc_lang', value: Buffer.from(JSON.stringify(locale)).toString('base64'), url: baseURL }])
}

/**
 * Signed in, the account's saved language wins: switch it with the header's language switch (which saves
 * it) and return the one it had, to be switched back when the test ends. Read on a freshly loaded page:
 * right after the sign-in's client-side redirect, <html lang> may still be the sign-in page's.
 */
export async function switchAccountLanguage(page: Page, locale: 'en' | 'ko'): Promise<'en' | 'ko'> {
  await page.goto('/settings')
  const before = (await page.locator('html').getAttribute('lang')) === 'ko' ? 'ko' : 'en'
  if (before !== locale) await chooseLanguage(page, locale)
  return before
}

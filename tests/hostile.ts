import { expect } from 'vitest'
import { messages } from '~/locales'

// Hostile inputs for forms and uploads, and what a safe answer looks like in the rendered page.

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  attributeBreakout: '"><img src=x onerror=alert(1)>',
  formula: "=cmd|' /C calc'!A0",
  nul: 'before\u0000after',
  bell: 'ring\u0007ring',
  escape: 'red\u001b[31mtext',
  rightToLeftOverride: 'invoice\u202Egnp.exe',
  bidiIsolate: 'name\u2066hidden\u2069',
  pathTraversal: '../../etc/passwd',
  encodedTraversal: '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
} as const

/** Control and bidi characters that no free-text field accepts. */
export const REFUSED_CHARACTERS = [HOSTILE.nul, HOSTILE.bell, HOSTILE.escape, HOSTILE.rightToLeftOverride, HOSTILE.bidiIsolate]

/** Markup that must come back as text, never as markup. */
export const MARKUP = `${HOSTILE.script}${HOSTILE.attributeBreakout}`

export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

/** The English text of an i18n key, as the page shows it. */
export function englishText(key: string): string {
  let node: unknown = messages.en
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  if (typeof node !== 'string') throw new Error(`no English message for ${key}`)
  return node
}

const decode = (text: string) =>
  text
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/**
 * The errors the page shows for a form field: the control named `name` is aria-invalid and its
 * `<id>-error` list holds the messages (app/components/ui/field.tsx).
 */
export function fieldErrors(html: string, name: string): string[] {
  const control = new RegExp(`<(?:input|textarea|select)\\b[^>]*\\bname="${name.replace(/[.[\]]/g, '\\$&')}"[^>]*>`).exec(html)?.[0]
  if (!control) throw new Error(`no control named ${name} in the page`)
  const id = /\bid="([^"]+)"/.exec(control)?.[1]
  if (!id || !control.includes('aria-invalid="true"')) return []
  const list = new RegExp(`<ul id="${id.replace(/[.[\]]/g, '\\$&')}-error"[^>]*>([\\s\\S]*?)</ul>`).exec(html)?.[1] ?? ''
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => decode(match[1]!))
}

/** A 400 whose page marks `field` with the message of `key`. */
export async function expectFieldError(response: Response, field: string, key: string) {
  const html = await response.text()
  expect(response.status, `status for ${field}`).toBe(400)
  expect(fieldErrors(html, field), `errors shown for ${field}`).toContain(englishText(key))
}

/** The page shows the hostile markup as text: escaped, never as live markup. */
export function expectEscaped(html: string) {
  expect(html).not.toContain('<script>alert(1)')
  expect(html).not.toContain('<img src=x onerror')
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
}

/** A 400 whose page shows the message of `key` somewhere (forms without per-field error lists). */
export async function expectErrorShown(response: Response, key: string) {
  const html = await response.text()
  expect(response.status).toBe(400)
  expect(decode(html)).toContain(englishText(key))
}

import { afterEach, beforeEach } from 'vitest'
import { format } from 'node:util'

// A console error or warning, or an unhandled promise rejection, fails the test it happened in: each
// one is either a bug or an expectation the test should state (expectConsoleError).

type Level = 'error' | 'warn'
const LEVELS: readonly Level[] = ['error', 'warn']
const original = { error: console.error, warn: console.warn }
let logged: Array<{ level: Level; text: string }> = []
let expected = new Set<Level>()

/** Declares that the running test logs `console.error` (or `console.warn`) on purpose. */
export function expectConsoleError(level: Level = 'error'): void {
  expected.add(level)
}

// One listener per worker process (this file runs again for every test file in it).
const REJECTIONS = Symbol.for('tradecast.test.unhandledRejections')
const worker = process as NodeJS.Process & { [REJECTIONS]?: unknown[] }
const rejections = (worker[REJECTIONS] ??= (() => {
  const reasons: unknown[] = []
  process.on('unhandledRejection', (reason) => reasons.push(reason))
  return reasons
})())

beforeEach(() => {
  logged = []
  expected = new Set()
  rejections.length = 0
  for (const level of LEVELS) {
    // Still printed, so the reason is visible next to the failure.
    console[level] = (...args: unknown[]) => {
      logged.push({ level, text: format(...args) })
      original[level](...args)
    }
  }
})

afterEach(() => {
  for (const level of LEVELS) console[level] = original[level]
  const unexpected = logged.filter((l) => !expected.has(l.level))
  const problems = [
    ...unexpected.map((l) => `console.${l.level}: ${l.text}`),
    ...rejections.splice(0).map((reason) => `unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : format(reason)}`),
  ]
  if (problems.length > 0) {
    throw new Error(
      `This test logged an error or left a promise rejection unhandled (declare an expected one with expectConsoleError()):\n${problems.join('\n')}`,
    )
  }
})

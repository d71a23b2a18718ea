import '../../tests/app-handler'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import routeConfig from '~/routes'
import { appGet, appPost, freshSession, startAppHandler, type AppHandler } from '../../tests/app-handler'
import { ACTION_MATRIX, AUTHORIZATION_MATRIX, type Outcome } from '../../tests/authorization-matrix'
import {
  ACTION_PROBES,
  createAuthorizationWorld,
  MATRIX_ROLES,
  probeRequest,
  type AuthorizationWorld,
  type MatrixRole,
  urlOf,
} from '../../tests/authorization-world'

// Every route of app/routes.ts × every role, through React Router's real request handler (root and route
// loaders/actions, guards, rendering). The expectations live in tests/authorization-matrix.ts.
// MATRIX_RECORD=1 prints the observed table instead of failing on differences (to review, never to paste blindly).

type ConfigEntry = { path?: string; index?: boolean; file: string; children?: ConfigEntry[] }

function flatten(entries: readonly ConfigEntry[], parent = ''): string[] {
  return entries.flatMap((entry) => {
    const path = entry.index ? parent : [parent, entry.path ?? ''].filter(Boolean).join('/')
    return [...(entry.path !== undefined || entry.index ? [path] : []), ...flatten(entry.children ?? [], path)]
  })
}

const routePaths = flatten(routeConfig)
const recording = process.env.MATRIX_RECORD === '1'

let app: AppHandler
let world: AuthorizationWorld

beforeAll(async () => {
  app = await startAppHandler()
  world = await createAuthorizationWorld()
}, 120_000)

afterAll(async () => {
  // Unset when beforeAll failed.
  await (app as AppHandler | undefined)?.close()
})

/** The status, or "→/path" for a redirect, with fixture ids written as their :param names. */
function outcomeOf(response: Response, params: Record<string, string> = world.params): Outcome {
  const location = response.headers.get('Location')
  if (!(response.status >= 300 && response.status < 400 && location)) return response.status as Outcome
  const names = new Map(Object.entries(params).map(([name, value]) => [value, `:${name}`]))
  const path = new URL(location, 'http://localhost').pathname
  return `→${path
    .split('/')
    .map((segment) => names.get(decodeURIComponent(segment)) ?? segment)
    .join('/')}` as Outcome
}

async function cookiesFor(role: MatrixRole): Promise<string[]> {
  return role === 'anonymous' ? [] : [await freshSession(world.users[role])]
}

function hasAction(path: string): boolean {
  const route = Object.values(app.build.routes).find((candidate) => candidate && candidate.id !== 'root' && (candidate.index ? '' : candidate.path) === path)
  if (!route) throw new Error(`route ${path} missing from the server build`)
  return typeof route.module.action === 'function'
}

/** The observed outcomes as the source of tests/authorization-matrix.ts, columns aligned. */
function formatTable(observed: Record<string, { get: Outcome[]; post?: Outcome[] }>, probes: Record<string, Outcome[]>): string {
  const text = (value: Outcome) => (value === '→/login' ? 'LOGIN' : typeof value === 'string' ? `'${value}'` : String(value))
  const rows = [...Object.values(observed).flatMap((row) => [row.get, ...(row.post ? [row.post] : [])]), ...Object.values(probes)]
  const widths = MATRIX_ROLES.map((role, column) => Math.max(role.length, ...rows.map((row) => text(row[column]!).length)) + 2)
  const cells = (row: Outcome[]) =>
    `[${row
      .map((value, column) => `${text(value)},`.padEnd(widths[column]!))
      .join('')
      .trimEnd()
      .replace(/,$/, '')}]`
  const header = `  //       ${MATRIX_ROLES.map((role, column) => role.padEnd(widths[column]!))
    .join('')
    .trimEnd()}`
  const routeLines = Object.entries(observed).map(([path, row]) =>
    [`  '${path}': {`, `    get:  ${cells(row.get)},`, ...(row.post ? [`    post: ${cells(row.post)},`] : []), '  },'].join('\n'),
  )
  const probeLines = Object.entries(probes).map(([label, row]) => `  '${label}':\n          ${cells(row)},`)
  return [header, ...routeLines, '', ...probeLines].join('\n')
}

describe('authorization matrix', () => {
  test('the table has exactly one row per route of app/routes.ts', () => {
    const rows = Object.keys(AUTHORIZATION_MATRIX)
    expect(
      routePaths.filter((path) => !rows.includes(path)),
      'routes without a row in tests/authorization-matrix.ts',
    ).toEqual([])
    expect(
      rows.filter((row) => !routePaths.includes(row)),
      'rows naming a route that no longer exists',
    ).toEqual([])
  })

  test('every sensitive-intent probe has a row, on a route that exists', () => {
    expect(Object.keys(ACTION_MATRIX).sort()).toEqual(Object.keys(ACTION_PROBES).sort())
    for (const probe of Object.values(ACTION_PROBES)) expect(routePaths, probe.route).toContain(probe.route)
  })

  test('routes with an action have a post row, and only they', () => {
    for (const path of routePaths) {
      expect(AUTHORIZATION_MATRIX[path]?.post !== undefined, `post row of ${path || '/'}`).toBe(hasAction(path))
    }
  })

  test('every route × role answers as the table says (GET, a CSRF-valid empty POST, and the sensitive intents)', async () => {
    const differences: string[] = []
    const observed: Record<string, { get: Outcome[]; post?: Outcome[] }> = {}
    const compare = (what: string, role: MatrixRole, want: Outcome | undefined, got: Outcome) => {
      if (want !== got) differences.push(`${what} as ${role}: expected ${String(want)}, got ${String(got)}`)
    }
    // All reads first, then the writes, so no POST changes what a GET sees.
    for (const path of routePaths) {
      const url = urlOf(path, world)
      observed[path] = { get: [] }
      for (const [column, role] of MATRIX_ROLES.entries()) {
        const got = outcomeOf(await app.handle(appGet(url, await cookiesFor(role))))
        observed[path].get.push(got)
        compare(`GET ${path || '/'}`, role, AUTHORIZATION_MATRIX[path]?.get[column], got)
      }
    }
    for (const path of routePaths.filter(hasAction)) {
      const url = urlOf(path, world)
      const row = (observed[path]!.post = [] as Outcome[])
      for (const [column, role] of MATRIX_ROLES.entries()) {
        const got = outcomeOf(await app.handle(await appPost(url, {}, await cookiesFor(role))))
        row.push(got)
        compare(`POST ${path || '/'}`, role, AUTHORIZATION_MATRIX[path]?.post?.[column], got)
      }
    }
    const probes: Record<string, Outcome[]> = {}
    for (const label of Object.keys(ACTION_PROBES)) {
      probes[label] = []
      for (const [column, role] of MATRIX_ROLES.entries()) {
        const { url, body, params } = await probeRequest(label, world)
        const got = outcomeOf(await app.handle(await appPost(url, body, await cookiesFor(role))), params)
        probes[label].push(got)
        compare(`POST ${label}`, role, ACTION_MATRIX[label]?.[column], got)
      }
    }
    if (recording) {
      console.log(formatTable(observed, probes))
      return
    }
    expect(differences).toEqual([])
  }, 600_000)
})

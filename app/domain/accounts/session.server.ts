import { createHash } from 'node:crypto'
import { createCookie, redirect } from 'react-router'
import type { Prisma } from '~/generated/prisma/client'
import { getPrisma } from '~/domain/db.server'
import { getEnv } from '~/utils/env.server'
import { getSessionSecret, isCookieSecure } from '~/utils/secrets.server'
import { emitIdentityEvent } from './identity-events.server'

/** Absolute life of a session, however busy. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000
/** lastSeenAt is written at most this often: the idle timeout needs minutes, not every request. */
export const LAST_SEEN_WRITE_INTERVAL_MS = 5 * 60 * 1000

function idleTimeoutMs(): number {
  return getEnv().SESSION_IDLE_TIMEOUT_MINUTES * 60 * 1000
}

/** Name of the cookie that carries the session id (the HTTP edge checks for it: no-store when signed in). */
export const SESSION_COOKIE_NAME = 'tc_session'

let sessionCookie: ReturnType<typeof createCookie> | undefined

// Created lazily: the secret may come from the data folder, which exists only at run time.
function getSessionCookie() {
  sessionCookie ??= createCookie(SESSION_COOKIE_NAME, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: isCookieSecure(),
    secrets: [getSessionSecret()],
    maxAge: SESSION_TTL_MS / 1000,
  })
  return sessionCookie
}

/** The session row id carried by the request's cookie (signature verified), if any. */
export async function readSessionId(cookieHeader: string | null): Promise<string | null> {
  const value: unknown = await getSessionCookie().parse(cookieHeader)
  return typeof value === 'string' && value.length > 0 ? value : null
}

export async function createUserSession(userId: string, meta: { userAgent?: string | null; ipAddress?: string | null }, now = new Date()): Promise<string> {
  const prisma = await getPrisma()
  const session = await prisma.session.create({
    data: {
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ipAddress: meta.ipAddress ?? null,
    },
  })
  return getSessionCookie().serialize(session.id, { expires: session.expiresAt })
}

/** Deletes the session row (so a stolen cookie is useless) and returns a clearing Set-Cookie. */
export async function destroyUserSession(request: Request): Promise<string> {
  const sessionId = await readSessionId(request.headers.get('Cookie'))
  if (sessionId) await deleteSessions({ id: sessionId })
  return clearSessionCookie()
}

export function clearSessionCookie(): Promise<string> {
  return getSessionCookie().serialize('', { maxAge: 0, expires: new Date(0) })
}

/**
 * Deletes the matching sessions and tells open connections (identity event per user), so a revoked
 * session keeps no live socket. Returns the deleted ids.
 */
export async function deleteSessions(where: Prisma.SessionWhereInput): Promise<string[]> {
  const prisma = await getPrisma()
  const doomed = await prisma.session.findMany({ where, select: { id: true, userId: true } })
  if (doomed.length === 0) return []
  await prisma.session.deleteMany({ where: { id: { in: doomed.map((s) => s.id) } } })
  announceRevokedSessions(doomed)
  return doomed.map((s) => s.id)
}

/** One identity event per user; for deletions inside a transaction, called after it commits. */
export function announceRevokedSessions(sessions: ReadonlyArray<{ id: string; userId: string }>): void {
  const byUser = new Map<string, string[]>()
  for (const session of sessions) byUser.set(session.userId, [...(byUser.get(session.userId) ?? []), session.id])
  for (const [userId, sessionIds] of byUser) emitIdentityEvent({ kind: 'sessions-revoked', userId, sessionIds })
}

/**
 * The user of a live session, or null. A session past its absolute life or idle longer than
 * SESSION_IDLE_TIMEOUT_MINUTES is deleted; lastSeenAt moves forward at most every 5 minutes.
 */
export async function findActiveSessionUser(sessionId: string, now = new Date(), idleMs = idleTimeoutMs()) {
  const prisma = await getPrisma()
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          locale: true,
          timeZone: true,
          exporterMember: {
            select: { role: true, company: { select: { id: true, slug: true, name: true } } },
          },
          buyerProfile: { select: { id: true, companyName: true, country: true } },
        },
      },
    },
  })
  if (!session) return null
  if (session.expiresAt <= now || session.lastSeenAt.getTime() + idleMs <= now.getTime()) {
    await deleteSessions({ id: sessionId })
    return null
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_WRITE_INTERVAL_MS) {
    await prisma.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } })
  }
  return session.user
}

/**
 * Of these sessions, the ones that no longer hold: gone, past their absolute life or idle too long.
 * Lapsed rows are deleted (and announced, so their sockets drop). Nothing is written for the live
 * ones: an open connection is not activity, or a forgotten tab would keep a session alive forever.
 */
export async function sessionsNoLongerActive(sessionIds: readonly string[], now = new Date(), idleMs = idleTimeoutMs()): Promise<string[]> {
  if (sessionIds.length === 0) return []
  const prisma = await getPrisma()
  const rows = await prisma.session.findMany({ where: { id: { in: [...sessionIds] } }, select: { id: true, expiresAt: true, lastSeenAt: true } })
  const lapsed = rows.filter((row) => row.expiresAt <= now || row.lastSeenAt.getTime() + idleMs <= now.getTime()).map((row) => row.id)
  if (lapsed.length > 0) await deleteSessions({ id: { in: lapsed } })
  const live = new Set(rows.map((row) => row.id).filter((id) => !lapsed.includes(id)))
  return sessionIds.filter((id) => !live.has(id))
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findActiveSessionUser>>>

const userByRequest = new WeakMap<Request, Promise<SessionUser | null>>()

/** The signed-in user, looked up once per request. */
export function getOptionalUser(request: Request): Promise<SessionUser | null> {
  let pending = userByRequest.get(request)
  if (!pending) {
    // The real clock, not the e2e test clock: a pinned business time must not age the sign-in.
    pending = readSessionId(request.headers.get('Cookie')).then((id) => (id ? findActiveSessionUser(id, new Date()) : null))
    userByRequest.set(request, pending)
  }
  return pending
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request)
  if (!user) {
    const url = new URL(request.url)
    const redirectTo = `${url.pathname}${url.search}`
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`)
  }
  return user
}

export async function requireAnonymous(request: Request): Promise<void> {
  if (await getOptionalUser(request)) throw redirect('/dashboard')
}

export type SessionSummary = {
  /** Names the session in pages and forms; the id itself (the cookie's value) never leaves the server. */
  handle: string
  createdAt: Date
  lastSeenAt: Date
  userAgent: string | null
  ipAddress: string | null
  current: boolean
}

export function sessionHandle(sessionId: string): string {
  return createHash('sha256').update(`session-handle:${sessionId}`).digest('base64url').slice(0, 22)
}

/** The user's live sessions, most recently used first, the one of this request marked. */
export async function listUserSessions(userId: string, currentSessionId: string | null, now = new Date()): Promise<SessionSummary[]> {
  const prisma = await getPrisma()
  const rows = await prisma.session.findMany({
    where: { userId, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - idleTimeoutMs()) } },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ipAddress: true },
    orderBy: [{ lastSeenAt: 'desc' }, { createdAt: 'desc' }],
  })
  return rows.map(({ id, ...row }) => ({ ...row, handle: sessionHandle(id), current: id === currentSessionId }))
}

/** Signs out one of the user's own sessions, named by its handle. True when there was one to end. */
export async function revokeUserSession(userId: string, handle: string): Promise<boolean> {
  const prisma = await getPrisma()
  const own = await prisma.session.findMany({ where: { userId }, select: { id: true } })
  const match = own.find((session) => sessionHandle(session.id) === handle)
  if (!match) return false
  return (await deleteSessions({ id: match.id, userId })).length > 0
}

/** "Sign out everywhere else": every session of the user but this one. Returns how many ended. */
export async function revokeOtherSessions(userId: string, keepSessionId: string): Promise<number> {
  return (await deleteSessions({ userId, id: { not: keepSessionId } })).length
}

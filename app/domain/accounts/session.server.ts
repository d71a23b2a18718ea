import { createCookie, redirect } from 'react-router'
import { getPrisma } from '~/domain/db.server'
import { getSessionSecret, isCookieSecure } from '~/utils/secrets.server'

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000

let sessionCookie: ReturnType<typeof createCookie> | undefined

// Created lazily: the secret may come from the data folder, which exists only at run time.
function getSessionCookie() {
  sessionCookie ??= createCookie('tc_session', {
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

export async function createUserSession(
  userId: string,
  meta: { userAgent?: string | null; ipAddress?: string | null },
  now = new Date(),
): Promise<string> {
  const prisma = await getPrisma()
  const session = await prisma.session.create({
    data: {
      userId,
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
  if (sessionId) {
    const prisma = await getPrisma()
    await prisma.session.deleteMany({ where: { id: sessionId } })
  }
  return getSessionCookie().serialize('', { maxAge: 0, expires: new Date(0) })
}

export async function findActiveSessionUser(sessionId: string, now = new Date()) {
  const prisma = await getPrisma()
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
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
  if (session.expiresAt <= now) {
    await prisma.session.deleteMany({ where: { id: sessionId } })
    return null
  }
  return session.user
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findActiveSessionUser>>>

const userByRequest = new WeakMap<Request, Promise<SessionUser | null>>()

/** The signed-in user, looked up once per request. */
export function getOptionalUser(request: Request): Promise<SessionUser | null> {
  let pending = userByRequest.get(request)
  if (!pending) {
    pending = readSessionId(request.headers.get('Cookie')).then((id) =>
      id ? findActiveSessionUser(id) : null,
    )
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

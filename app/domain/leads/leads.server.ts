import { z } from 'zod'
import { getPrisma } from '~/domain/db.server'
import { DomainError } from '~/domain/errors'
import { computeViewStats } from '~/domain/live/view-stats'
import { scoreLead, type LeadReason } from './score'

/**
 * The exporter's lead list of one showcase (issue 21, docs/leads.md): every signed-in buyer who watched it
 * live or in its replay, opened one of its pinned products or wrote in its chat, with what they did and
 * the RFQs and meetings with the company that followed. Guests, buyers who opted out of lead lists
 * (BuyerProfile.leadListOptOut) and signed-in people without a buyer profile are counted, never named.
 * The showcase's own company members are left out altogether.
 */

/** RFQs and meetings with the company count when created from the first activity until this long after the last. */
export const FOLLOW_UP_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000
/** Chat messages shown per lead (all are counted). */
const CHAT_SHOWN = 5

export type Lead = {
  userId: string
  name: string
  email: string
  companyName: string
  country: string
  liveSeconds: number
  replaySeconds: number
  productsOpened: number
  productNames: string[]
  chatMessages: number
  chatSample: Array<{ body: string; at: Date }>
  rfqs: number
  meetings: number
  verified: boolean
  firstSeenAt: Date
  lastSeenAt: Date
  score: number
  reasons: LeadReason[]
}

export type SessionLeads = {
  session: { id: string; title: string; status: string; startedAt: Date | null; endedAt: Date | null; hasReplay: boolean }
  leads: Lead[]
  /** People with activity who are not listed: guests (browser keys), buyers who opted out, other signed-in people. */
  anonymous: { guests: number; optedOut: number; otherSignedIn: number }
}

export const LeadSortSchema = z.enum(['score', 'name', 'watch', 'lastSeen']).catch('score')
export type LeadSort = z.infer<typeof LeadSortSchema>

type Activity = {
  liveSeconds: number
  replaySeconds: number
  products: Set<string>
  chat: Array<{ body: string; at: Date }>
  first: number
  last: number
}

function activityOf(map: Map<string, Activity>, userId: string): Activity {
  let entry = map.get(userId)
  if (!entry) {
    entry = { liveSeconds: 0, replaySeconds: 0, products: new Set(), chat: [], first: Infinity, last: -Infinity }
    map.set(userId, entry)
  }
  return entry
}

function seen(entry: Activity, ...instants: Array<Date | null | undefined>) {
  for (const instant of instants) {
    if (!instant) continue
    entry.first = Math.min(entry.first, instant.getTime())
    entry.last = Math.max(entry.last, instant.getTime())
  }
}

/**
 * The showcase of this company, or 404 (another company's showcase is not found, as it does not exist for
 * this reader). Meetings rooms (kind MEETING) have no lead list.
 */
async function companyShowcase(sessionId: string, companyId: string) {
  const prisma = await getPrisma()
  const session = await prisma.liveSession.findFirst({
    where: { id: sessionId, companyId, kind: 'SHOWCASE' },
    select: { id: true, title: true, status: true, startedAt: true, endedAt: true, recording: { select: { id: true, removedAt: true } } },
  })
  if (!session) throw new DomainError('not-found', { status: 404 })
  return session
}

export async function listSessionLeads(
  { sessionId, companyId }: { sessionId: string; companyId: string },
  { now, sort = 'score' }: { now: Date; sort?: LeadSort },
): Promise<SessionLeads> {
  const prisma = await getPrisma()
  const session = await companyShowcase(sessionId, companyId)
  const recordingId = session.recording?.id ?? null
  const [spans, replayViews, opens, chat, team] = await Promise.all([
    prisma.liveSessionView.findMany({ where: { sessionId }, select: { userId: true, guestKey: true, joinedAt: true, leftAt: true } }),
    recordingId
      ? prisma.replayView.findMany({
          where: { recordingId },
          select: { userId: true, guestKey: true, startedAt: true, lastSeenAt: true, watchedSeconds: true },
        })
      : Promise.resolve([]),
    prisma.leadProductOpen.findMany({ where: { sessionId }, select: { userId: true, productId: true, firstOpenedAt: true, lastOpenedAt: true } }),
    prisma.chatMessage.findMany({
      where: { sessionId, removedAt: null },
      select: { authorId: true, guestKey: true, body: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.exporterMember.findMany({ where: { companyId }, select: { userId: true } }),
  ])

  const teamIds = new Set(team.map((member) => member.userId))
  const guests = new Set<string>()
  const byUser = new Map<string, Activity>()

  // Live: each viewer's spans merged (two tabs count once), inside the show's window; open spans end now.
  const windowStart = session.startedAt ?? new Date(Math.min(...spans.map((span) => span.joinedAt.getTime()), now.getTime()))
  const windowEnd = session.endedAt ?? now
  const spansByUser = new Map<string, typeof spans>()
  for (const span of spans) {
    if (!span.userId) {
      if (span.guestKey) guests.add(span.guestKey)
      continue
    }
    spansByUser.set(span.userId, [...(spansByUser.get(span.userId) ?? []), span])
  }
  for (const [userId, list] of spansByUser) {
    const stats = computeViewStats(
      list.map((span) => ({ viewerKey: userId, joinedAt: span.joinedAt, leftAt: span.leftAt })),
      { start: windowStart, end: windowEnd },
    )
    const entry = activityOf(byUser, userId)
    entry.liveSeconds += stats.watchSeconds
    for (const span of list) seen(entry, span.joinedAt, span.leftAt ?? windowEnd)
  }
  for (const view of replayViews) {
    if (!view.userId) {
      if (view.guestKey) guests.add(view.guestKey)
      continue
    }
    const entry = activityOf(byUser, view.userId)
    entry.replaySeconds += view.watchedSeconds
    seen(entry, view.startedAt, view.lastSeenAt)
  }
  for (const open of opens) {
    const entry = activityOf(byUser, open.userId)
    entry.products.add(open.productId)
    seen(entry, open.firstOpenedAt, open.lastOpenedAt)
  }
  for (const message of chat) {
    if (!message.authorId) {
      if (message.guestKey) guests.add(message.guestKey)
      continue
    }
    const entry = activityOf(byUser, message.authorId)
    entry.chat.push({ body: message.body, at: message.createdAt })
    seen(entry, message.createdAt)
  }
  for (const id of teamIds) byUser.delete(id)

  const userIds = [...byUser.keys()]
  const users = userIds.length
    ? await prisma.user.findMany({
        where: { id: { in: userIds } },
        select: {
          id: true,
          name: true,
          email: true,
          buyerProfile: { select: { id: true, companyName: true, country: true, leadListOptOut: true, currentVerificationId: true } },
        },
      })
    : []
  let optedOut = 0
  let otherSignedIn = userIds.length - users.length
  const listed: Array<{ user: (typeof users)[number]; profile: NonNullable<(typeof users)[number]['buyerProfile']>; entry: Activity }> = []
  for (const user of users) {
    const entry = byUser.get(user.id)
    if (!entry) continue
    if (!user.buyerProfile) otherSignedIn += 1
    else if (user.buyerProfile.leadListOptOut) optedOut += 1
    else listed.push({ user, profile: user.buyerProfile, entry })
  }

  // RFQs and meetings with this company that followed: each lead's own window.
  const buyerIds = listed.map((lead) => lead.profile.id)
  const earliest = Math.min(...listed.map((lead) => lead.entry.first), now.getTime())
  const latest = Math.max(...listed.map((lead) => lead.entry.last + FOLLOW_UP_DAYS * DAY_MS), now.getTime())
  const [inquiries, meetings, products] = await Promise.all([
    buyerIds.length
      ? prisma.inquiry.findMany({
          where: {
            companyId,
            buyerId: { in: buyerIds },
            OR: [{ liveSessionId: sessionId }, { createdAt: { gte: new Date(earliest), lte: new Date(latest) } }],
          },
          select: { buyerId: true, liveSessionId: true, createdAt: true },
        })
      : Promise.resolve([]),
    buyerIds.length
      ? prisma.meeting.findMany({
          where: { companyId, buyerId: { in: buyerIds }, createdAt: { gte: new Date(earliest), lte: new Date(latest) } },
          select: { buyerId: true, createdAt: true },
        })
      : Promise.resolve([]),
    prisma.product.findMany({
      where: { id: { in: [...new Set(opens.map((open) => open.productId))] } },
      select: { id: true, translations: { select: { locale: true, name: true } } },
    }),
  ])
  const productName = new Map(
    products.map((product) => [product.id, product.translations.find((t) => t.locale === 'en')?.name ?? product.translations[0]?.name ?? product.id]),
  )

  const leads: Lead[] = listed.map(({ user, profile, entry }) => {
    const inWindow = (at: Date) => at.getTime() >= entry.first && at.getTime() <= entry.last + FOLLOW_UP_DAYS * DAY_MS
    const rfqs = inquiries.filter((inquiry) => inquiry.buyerId === profile.id && (inquiry.liveSessionId === sessionId || inWindow(inquiry.createdAt))).length
    const meetingCount = meetings.filter((meeting) => meeting.buyerId === profile.id && inWindow(meeting.createdAt)).length
    // Verified: the buyer's company has a verification in force (issue 21's verified buyers).
    const verified = profile.currentVerificationId != null
    const activity = {
      liveSeconds: entry.liveSeconds,
      replaySeconds: entry.replaySeconds,
      productsOpened: entry.products.size,
      chatMessages: entry.chat.length,
      rfqs,
      meetings: meetingCount,
      verified,
    }
    const { score, reasons } = scoreLead(activity)
    return {
      userId: user.id,
      name: user.name,
      email: user.email,
      companyName: profile.companyName,
      country: profile.country,
      ...activity,
      productNames: [...entry.products].map((id) => productName.get(id) ?? id),
      chatSample: entry.chat.slice(-CHAT_SHOWN),
      firstSeenAt: new Date(entry.first),
      lastSeenAt: new Date(entry.last),
      score,
      reasons,
    }
  })
  sortLeads(leads, sort)
  return {
    session: {
      id: session.id,
      title: session.title,
      status: session.status,
      startedAt: session.startedAt,
      endedAt: session.endedAt,
      hasReplay: Boolean(session.recording && !session.recording.removedAt),
    },
    leads,
    anonymous: { guests: guests.size, optedOut, otherSignedIn },
  }
}

export function sortLeads(leads: Lead[], sort: LeadSort): Lead[] {
  const byName = (a: Lead, b: Lead) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId)
  const compare: Record<LeadSort, (a: Lead, b: Lead) => number> = {
    score: (a, b) => b.score - a.score || byName(a, b),
    name: byName,
    watch: (a, b) => b.liveSeconds + b.replaySeconds - (a.liveSeconds + a.replaySeconds) || byName(a, b),
    lastSeen: (a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || byName(a, b),
  }
  return leads.sort(compare[sort])
}

/** Sessions of this company whose leads may still change: live now, or ended (or whose replay was watched) within the follow-up window. */
export async function recentCompanyShowcases(companyId: string, now: Date): Promise<string[]> {
  const prisma = await getPrisma()
  const since = new Date(now.getTime() - FOLLOW_UP_DAYS * DAY_MS)
  const sessions = await prisma.liveSession.findMany({
    where: {
      companyId,
      kind: 'SHOWCASE',
      OR: [{ status: 'LIVE' }, { endedAt: { gte: since } }, { recording: { views: { some: { lastSeenAt: { gte: since } } } } }],
    },
    select: { id: true },
  })
  return sessions.map((session) => session.id)
}

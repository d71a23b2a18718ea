import { createHash } from 'node:crypto'
import { DomainError } from '~/domain/errors'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma, isUniqueViolation } from '~/domain/db.server'
import { createI18n, isSupportedLocale } from '~/lib/i18n'
import { toCsv } from '~/utils/csv.server'
import { resolveBadge } from './badges.server'
import { boundedScanTime, NOTE_MAX, type ScanInput, type ScanOutcome } from './scan'

// Booth lead scans (docs/fair-on-site.md): a member of an exhibiting company scans a visitor's badge at
// the company's booth and notes what they talked about. The visitor becomes an on-site lead of the company
// (LeadSource ON_SITE): one row per company and visitor, listed on the booth scan page, in its CSV and sent
// to the company's CRM webhook like its showcase leads. Only buyers' badges make leads (exhibitor staff are
// not leads, as in the showcase lead lists). Handing one's badge over to be scanned is the consent.

/** The fair, if the company exhibits at it (an approved booth or an approved exhibitor registration); else 404. */
export async function requireExhibitingFair(companyId: string, fairId: string, { locale }: { locale: string }) {
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findFirst({
    where: {
      id: fairId,
      OR: [{ booths: { some: { companyId, approvedAt: { not: null } } } }, { registrations: { some: { companyId, kind: 'EXHIBITOR', status: 'APPROVED' } } }],
    },
    select: { id: true, name: true, nameI18n: true, slug: true, timeZone: true, booths: { where: { companyId }, select: { code: true }, take: 1 } },
  })
  if (!fair) throw new DomainError('not-found', { status: 404 })
  return {
    id: fair.id,
    slug: fair.slug,
    timeZone: fair.timeZone,
    name: pickLocalized(fair.name, fair.nameI18n, locale),
    boothCode: fair.booths[0]?.code ?? null,
  }
}

/** The fairs where the company exhibits, for the exporter's booth page links. */
export async function exhibitingFairs(companyId: string, { locale }: { locale: string }) {
  const prisma = await getPrisma()
  const fairs = await prisma.tradeFair.findMany({
    where: {
      status: { not: 'DRAFT' },
      OR: [{ booths: { some: { companyId, approvedAt: { not: null } } } }, { registrations: { some: { companyId, kind: 'EXHIBITOR', status: 'APPROVED' } } }],
    },
    orderBy: { startsAt: 'desc' },
    select: { id: true, name: true, nameI18n: true },
  })
  return fairs.map((fair) => ({ id: fair.id, name: pickLocalized(fair.name, fair.nameI18n, locale) }))
}

function mergedNote(previous: string, added: string): string {
  if (!added || previous.includes(added)) return previous
  return (previous ? `${previous}\n${added}` : added).slice(0, NOTE_MAX * 4)
}

class RetryScan extends Error {}

/**
 * Records a scan at the booth, idempotently like the check-in: the same scan sent again (the offline queue
 * replaying, or flushed from two tabs at once) gets the same answer; another scan of a buyer the company
 * already has merges its note into that lead. A write that loses a race (the unique scan id or the unique
 * company+buyer key, or a note changed under it) is retried and then finds the winner's row.
 */
export async function recordBoothLead(
  { fairId, companyId, userId }: { fairId: string; companyId: string; userId: string },
  scan: Pick<ScanInput, 'scanId' | 'code' | 'scannedAt' | 'note'>,
  { now, locale }: { now: Date; locale: string },
): Promise<ScanOutcome> {
  const badge = await resolveBadge(fairId, scan.code, { now, locale })
  for (let attempt = 0; ; attempt++) {
    try {
      return await recordOnce({ fairId, companyId, userId }, scan, badge, { now })
    } catch (error) {
      if (attempt < 4 && (error instanceof RetryScan || isUniqueViolation(error))) continue
      if (isUniqueViolation(error)) throw new DomainError('scan-conflict', { status: 409, messageKey: 'onSite.errors.scan-conflict' })
      throw error
    }
  }
}

async function recordOnce(
  { fairId, companyId, userId }: { fairId: string; companyId: string; userId: string },
  scan: Pick<ScanInput, 'scanId' | 'scannedAt' | 'note'>,
  badge: Awaited<ReturnType<typeof resolveBadge>>,
  { now }: { now: Date },
): Promise<ScanOutcome> {
  const prisma = await getPrisma()
  const { at } = boundedScanTime(scan.scannedAt, now)
  const note = scan.note
  return prisma.$transaction(async (tx) => {
    // The same scan again (in the transaction, so a retry after losing a race sees the winner's row).
    const replayed = await tx.boothLead.findUnique({ where: { scanId: scan.scanId }, select: { companyId: true, registrationId: true, scannedAt: true } })
    if (replayed) {
      if (replayed.companyId !== companyId || replayed.registrationId !== badge.registrationId)
        throw new DomainError('scan-id-taken', { status: 409, messageKey: 'onSite.errors.scan-id-taken' })
      return { state: 'lead-recorded' as const, scanId: scan.scanId, attendee: badge.attendee, at: replayed.scannedAt.toISOString() }
    }
    if (badge.attendee.kind !== 'BUYER') throw new DomainError('badge-not-a-buyer', { status: 422, messageKey: 'onSite.errors.badge-not-a-buyer' })
    const existing = await tx.boothLead.findUnique({
      where: { companyId_registrationId: { companyId, registrationId: badge.registrationId } },
      select: { id: true, note: true, scannedAt: true, scanId: true },
    })
    // This very scan, committed by a concurrent request after the scan-id read above (read committed:
    // each statement sees the latest commits), is a replay too, not a second scan of the buyer.
    if (existing?.scanId === scan.scanId)
      return { state: 'lead-recorded' as const, scanId: scan.scanId, attendee: badge.attendee, at: existing.scannedAt.toISOString() }
    if (existing) {
      const merged = mergedNote(existing.note, note)
      if (merged !== existing.note) {
        // Only over the note read here: a note merged meanwhile by another scan is not overwritten (retry).
        const updated = await tx.boothLead.updateMany({ where: { id: existing.id, note: existing.note }, data: { note: merged } })
        if (updated.count !== 1) throw new RetryScan()
      }
      return { state: 'lead-updated' as const, scanId: scan.scanId, attendee: badge.attendee, at: existing.scannedAt.toISOString() }
    }
    // A unique violation here (a concurrent scan won) leaves the transaction; the caller retries.
    await tx.boothLead.create({
      data: {
        fairId,
        companyId,
        registrationId: badge.registrationId,
        source: 'ON_SITE',
        note,
        scanId: scan.scanId,
        scannedAt: at,
        receivedAt: now,
        scannedById: userId,
      },
    })
    return { state: 'lead-recorded' as const, scanId: scan.scanId, attendee: badge.attendee, at: at.toISOString() }
  })
}

export type BoothLeadRow = {
  id: string
  leadUserId: string
  name: string
  email: string
  companyName: string
  country: string
  note: string
  scannedAt: Date
  optedOut: boolean
}

/** The company's on-site leads at a fair, newest first. Buyers who opted out of lead lists are counted, not named. */
export async function listBoothLeads(companyId: string, fairId: string): Promise<{ leads: BoothLeadRow[]; optedOut: number }> {
  const prisma = await getPrisma()
  const rows = await prisma.boothLead.findMany({
    where: { companyId, fairId },
    orderBy: [{ scannedAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      note: true,
      scannedAt: true,
      registration: {
        select: {
          user: { select: { id: true, name: true, email: true, buyerProfile: { select: { companyName: true, country: true, leadListOptOut: true } } } },
        },
      },
    },
  })
  const leads: BoothLeadRow[] = []
  let optedOut = 0
  for (const row of rows) {
    const user = row.registration.user
    if (user.buyerProfile?.leadListOptOut) {
      optedOut++
      continue
    }
    leads.push({
      id: row.id,
      leadUserId: user.id,
      name: user.name,
      email: user.email,
      companyName: user.buyerProfile?.companyName ?? '',
      country: user.buyerProfile?.country ?? '',
      note: row.note,
      scannedAt: row.scannedAt,
      optedOut: false,
    })
  }
  return { leads, optedOut }
}

export const BOOTH_LEAD_CSV_COLUMNS = ['name', 'email', 'company', 'country', 'scannedAt', 'note', 'source'] as const

/** The booth leads as CSV, headers in the reader's language (cells neutralised against formulas by toCsv). */
export function boothLeadsCsv(leads: readonly BoothLeadRow[], locale: string): string {
  const { t } = createI18n(isSupportedLocale(locale) ? locale : 'en')
  return toCsv([
    BOOTH_LEAD_CSV_COLUMNS.map((column) => t(`onSite.csvColumns.${column}`)),
    ...leads.map((lead) => [lead.name, lead.email, lead.companyName, lead.country, lead.scannedAt.toISOString(), lead.note.replace(/\s+/g, ' '), 'ON_SITE']),
  ])
}

const ON_SITE_DELIVERY_PREFIX = 'fair:'

/** The webhook's "session" of an on-site lead: the fair, marked so it never reads as a showcase id. */
export function onSiteDeliverySessionId(fairId: string): string {
  return `${ON_SITE_DELIVERY_PREFIX}${fairId}`
}

/** The fair of an on-site lead's delivery (null for a showcase's): the inverse of onSiteDeliverySessionId. */
export function onSiteDeliveryFairId(sessionId: string): string | null {
  return sessionId.startsWith(ON_SITE_DELIVERY_PREFIX) ? sessionId.slice(ON_SITE_DELIVERY_PREFIX.length) : null
}

/**
 * Called by the CRM webhook's sweep (app/domain/leads/webhooks.server.ts): one delivery per on-site lead
 * of the company, and another when its note changes. Same idempotency rule as showcase leads.
 */
export async function sweepBoothLeads(companyId: string, now: Date, since: Date): Promise<string[]> {
  const prisma = await getPrisma()
  const rows = await prisma.boothLead.findMany({
    where: { companyId, scannedAt: { gte: since }, registration: { user: { buyerProfile: { leadListOptOut: false } } } },
    select: {
      fairId: true,
      note: true,
      scannedAt: true,
      fair: { select: { name: true } },
      registration: { select: { user: { select: { id: true, name: true, email: true, buyerProfile: { select: { companyName: true, country: true } } } } } },
    },
  })
  const created: string[] = []
  for (const row of rows) {
    const user = row.registration.user
    const sessionId = onSiteDeliverySessionId(row.fairId)
    const fingerprint = `on-site:${createHash('sha256').update(row.note).digest('hex').slice(0, 16)}`
    const last = await prisma.leadWebhookDelivery.findFirst({
      where: { companyId, sessionId, leadUserId: user.id },
      orderBy: { createdAt: 'desc' },
      select: { id: true, payload: true },
    })
    const lastPayload = last?.payload as { fingerprint?: unknown } | undefined
    if (last && lastPayload?.fingerprint === fingerprint) continue
    const idempotencyKey = createHash('sha256')
      .update([companyId, sessionId, user.id, fingerprint, last?.id ?? ''].join('|'))
      .digest('hex')
    const payload = {
      type: last ? 'lead.updated' : 'lead.created',
      sentFor: now.toISOString(),
      source: 'ON_SITE',
      fair: { id: row.fairId, name: row.fair.name },
      lead: {
        id: user.id,
        name: user.name,
        email: user.email,
        companyName: user.buyerProfile?.companyName ?? '',
        country: user.buyerProfile?.country ?? '',
        note: row.note,
        scannedAt: row.scannedAt.toISOString(),
      },
      fingerprint,
    }
    const result = await prisma.leadWebhookDelivery.createMany({
      data: [{ companyId, idempotencyKey, sessionId, leadUserId: user.id, score: 0, payload, createdAt: now, nextAttemptAt: now }],
      skipDuplicates: true,
    })
    if (result.count === 1) created.push((await prisma.leadWebhookDelivery.findUniqueOrThrow({ where: { idempotencyKey }, select: { id: true } })).id)
  }
  return created
}

import { DomainError } from '~/domain/errors'
import { getPrisma, isUniqueViolation } from '~/domain/db.server'
import { ATTENDEE_SELECT, attendeeOf, resolveBadge } from './badges.server'
import { boundedScanTime, type ScanInput, type ScanOutcome } from './scan'

// The fair's check-in desk (docs/fair-on-site.md). Idempotent twice over: a scan the device sends again
// (same scanId, e.g. a queue replayed after the network came back) answers what it answered the first
// time, and a registration already checked in is not counted again ('already'). Either way there is one
// FairCheckIn row per registration, so the KPIs count each visitor once.

async function existingByScanId(scanId: string, fairId: string, locale: string): Promise<ScanOutcome | null> {
  const prisma = await getPrisma()
  const row = await prisma.fairCheckIn.findUnique({
    where: { scanId },
    select: {
      fairId: true,
      scannedAt: true,
      registration: { select: ATTENDEE_SELECT },
    },
  })
  if (!row) return null
  // A scan id is the device's; another fair's desk reusing it is refused rather than answered.
  if (row.fairId !== fairId) throw new DomainError('scan-id-taken', { status: 409, messageKey: 'onSite.errors.scan-id-taken' })
  return { state: 'checked-in', scanId, attendee: attendeeOf(row.registration, locale), at: row.scannedAt.toISOString() }
}

export async function checkInBadge(
  { fairId, userId }: { fairId: string; userId: string },
  scan: Pick<ScanInput, 'scanId' | 'code' | 'scannedAt'>,
  { now, locale }: { now: Date; locale: string },
): Promise<ScanOutcome> {
  const replayed = await existingByScanId(scan.scanId, fairId, locale)
  if (replayed) return replayed
  const badge = await resolveBadge(fairId, scan.code, { now, locale })
  const prisma = await getPrisma()
  const { at } = boundedScanTime(scan.scannedAt, now)
  try {
    const row = await prisma.fairCheckIn.create({
      data: { fairId, registrationId: badge.registrationId, scanId: scan.scanId, scannedAt: at, receivedAt: now, checkedInById: userId },
      select: { scannedAt: true },
    })
    return { state: 'checked-in', scanId: scan.scanId, attendee: badge.attendee, at: row.scannedAt.toISOString() }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    // Either this scan id raced in from a second request, or the registration was checked in before.
    const again = await existingByScanId(scan.scanId, fairId, locale)
    if (again) return again
    const first = await prisma.fairCheckIn.findUniqueOrThrow({ where: { registrationId: badge.registrationId }, select: { scannedAt: true } })
    return { state: 'already', scanId: scan.scanId, attendee: badge.attendee, at: first.scannedAt.toISOString() }
  }
}

export const RECENT_CHECK_INS = 20

export async function recentCheckIns(fairId: string, { locale }: { locale: string }) {
  const prisma = await getPrisma()
  const [rows, total] = await Promise.all([
    prisma.fairCheckIn.findMany({
      where: { fairId },
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      take: RECENT_CHECK_INS,
      select: {
        id: true,
        scannedAt: true,
        registration: { select: ATTENDEE_SELECT },
      },
    }),
    prisma.fairCheckIn.count({ where: { fairId } }),
  ])
  return { total, recent: rows.map((row) => ({ id: row.id, at: row.scannedAt.toISOString(), ...attendeeOf(row.registration, locale) })) }
}

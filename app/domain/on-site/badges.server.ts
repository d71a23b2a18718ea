import { DomainError } from '~/domain/errors'
import { pickLocalized } from '~/domain/catalog/translations'
import { getPrisma } from '~/domain/db.server'
import { badgeExpiry, badgeNumber, badgeToken, looksLikeBadgeToken, readBadgeNumber, readBadgeToken } from './badge-token.server'
import type { ScanAttendee } from './scan'

// Badges (docs/fair-on-site.md): every APPROVED registration of a fair, buyer or exhibitor staff, has one.
// Nothing is stored for a badge: its QR code is a signed token made from the registration on demand, and a
// scan is believed only while the registration is still APPROVED (withdrawn or rejected = refused).

export const BADGE_ERRORS = ['badge-invalid', 'badge-expired', 'badge-other-fair', 'badge-revoked'] as const
export type BadgeErrorCode = (typeof BADGE_ERRORS)[number]

function badgeError(code: BadgeErrorCode) {
  return new DomainError<BadgeErrorCode>(code, { status: code === 'badge-revoked' ? 410 : 422, messageKey: `onSite.errors.${code}` })
}

const REGISTRATION_SELECT = {
  id: true,
  fairId: true,
  kind: true,
  status: true,
  fair: { select: { endsAt: true } },
  user: { select: { id: true, name: true, buyerProfile: { select: { companyName: true } } } },
  company: { select: { name: true, nameI18n: true } },
} as const

/** What attendeeOf reads of a registration, for queries that show who was scanned. */
export const ATTENDEE_SELECT = {
  kind: true,
  user: { select: { name: true, buyerProfile: { select: { companyName: true } } } },
  company: { select: { name: true, nameI18n: true } },
} as const

type RegistrationRow = {
  kind: 'BUYER' | 'EXHIBITOR'
  user: { name: string; buyerProfile: { companyName: string } | null }
  company: { name: string; nameI18n: unknown } | null
}

export function attendeeOf(row: RegistrationRow, locale: string): ScanAttendee {
  const company =
    row.kind === 'EXHIBITOR' && row.company ? pickLocalized(row.company.name, row.company.nameI18n, locale) : (row.user.buyerProfile?.companyName ?? '')
  return { name: row.user.name, company, kind: row.kind }
}

/**
 * The approved registration a scanned code names at this fair: a badge token (the QR code) or, typed by
 * hand at a desk whose camera fails, the badge number printed under it (`<registrationId>-<CODE>`, its code
 * an HMAC under the signer's key). Both go through the same checks: authenticity, the fair, the badge's
 * expiry (a day after the fair ends) and the registration still APPROVED. Throws a DomainError otherwise.
 */
export async function resolveBadge(fairId: string, code: string, { now, locale }: { now: Date; locale: string }) {
  let registrationId: string
  if (looksLikeBadgeToken(code)) {
    const token = readBadgeToken(code, now)
    if (!token.ok) throw badgeError(token.reason === 'expired' ? 'badge-expired' : 'badge-invalid')
    if (token.fairId !== fairId) throw badgeError('badge-other-fair')
    registrationId = token.registrationId
  } else {
    const typed = readBadgeNumber(code, fairId)
    if (!typed.ok) throw badgeError('badge-invalid')
    registrationId = typed.registrationId
  }
  const prisma = await getPrisma()
  const registration = await prisma.fairRegistration.findUnique({ where: { id: registrationId }, select: REGISTRATION_SELECT })
  if (!registration) throw badgeError('badge-invalid')
  if (registration.fairId !== fairId) throw badgeError('badge-other-fair')
  if (badgeExpiry(registration.fair).getTime() <= now.getTime()) throw badgeError('badge-expired')
  if (registration.status !== 'APPROVED') throw badgeError('badge-revoked')
  return { registrationId: registration.id, userId: registration.user.id, attendee: attendeeOf(registration, locale) }
}

export type BadgeView = {
  registrationId: string
  /** The number printed under the QR code, typed when a camera fails (checked like the QR code). */
  number: string
  token: string
  expiresAt: Date
  attendee: ScanAttendee
  fair: { id: string; slug: string; name: string; startsAt: Date; endsAt: Date; timeZone: string }
  checkedInAt: Date | null
}

/** The signed-in person's badge for a fair (by slug): 404 without a registration, 403 until it is approved. */
export async function getOwnBadge(userId: string, slug: string, { locale }: { locale: string }): Promise<BadgeView> {
  const prisma = await getPrisma()
  const fair = await prisma.tradeFair.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, nameI18n: true, startsAt: true, endsAt: true, timeZone: true, status: true },
  })
  if (!fair || fair.status === 'DRAFT') throw new DomainError('not-found', { status: 404 })
  const registration = await prisma.fairRegistration.findUnique({
    where: { fairId_userId: { fairId: fair.id, userId } },
    select: { ...REGISTRATION_SELECT, checkIn: { select: { scannedAt: true } } },
  })
  if (!registration) throw new DomainError('not-found', { status: 404 })
  if (registration.status !== 'APPROVED') throw new DomainError('badge-not-approved', { status: 403, messageKey: 'onSite.errors.badge-not-approved' })
  return {
    registrationId: registration.id,
    number: badgeNumber(registration),
    token: badgeToken(registration, fair),
    expiresAt: badgeExpiry(fair),
    attendee: attendeeOf(registration, locale),
    fair: {
      id: fair.id,
      slug: fair.slug,
      name: pickLocalized(fair.name, fair.nameI18n, locale),
      startsAt: fair.startsAt,
      endsAt: fair.endsAt,
      timeZone: fair.timeZone,
    },
    checkedInAt: registration.checkIn?.scannedAt ?? null,
  }
}

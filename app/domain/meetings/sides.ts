// Which side of a meeting someone is on, in one vocabulary: 'buyer' or 'exporter' (the scheduler's too).
// The database's MeetingRole ('BUYER' | 'EXPORTER') appears only where preference rows are read or
// written, through SIDE_OF_ROLE and ROLE_OF_SIDE.
import type { MeetingRole } from '~/generated/prisma/client'
import type { SessionUser } from '~/domain/accounts/session.server'

export type MeetingSide = 'buyer' | 'exporter'

export const SIDE_OF_ROLE = { BUYER: 'buyer', EXPORTER: 'exporter' } as const satisfies Partial<Record<MeetingRole, MeetingSide>>
export const ROLE_OF_SIDE = { buyer: 'BUYER', exporter: 'EXPORTER' } as const satisfies Record<MeetingSide, MeetingRole>

/** The side a user can take in any meeting: a buyer with a profile or an exporter member (null: neither). */
export function partySide(user: Pick<SessionUser, 'role' | 'buyerProfile' | 'exporterMember'>): MeetingSide | null {
  if (user.role === 'BUYER' && user.buyerProfile) return 'buyer'
  if (user.role === 'EXPORTER' && user.exporterMember) return 'exporter'
  return null
}

/** Which side of this meeting the user is on (null: neither). */
export function sideOf(user: Pick<SessionUser, 'buyerProfile' | 'exporterMember'>, meeting: { buyerId: string; companyId: string }): MeetingSide | null {
  if (user.buyerProfile?.id === meeting.buyerId) return 'buyer'
  if (user.exporterMember?.company.id === meeting.companyId) return 'exporter'
  return null
}

/** The side that made the proposal on the table (the request, or the latest new time). */
export function proposerSide(meeting: { requestedById: string; buyer: { userId: string } }): MeetingSide {
  return meeting.requestedById === meeting.buyer.userId ? 'buyer' : 'exporter'
}

import type { RoleName } from '~/domain/accounts/permissions'
import { describe, expect, it } from 'vitest'
import { isDomainError } from '~/domain/errors'
import { roomContextFor, type SessionFacts } from './room-access.server'
import type { RoomIdentity } from './room-identity'

const showcase: SessionFacts = {
  id: 's1',
  kind: 'SHOWCASE',
  title: 'Showcase',
  status: 'LIVE',
  isPublic: true,
  companyId: 'c1',
  slowModeSeconds: 5,
  blockedWords: ['fake'],
  organizerId: 'org1',
  moderatorIds: ['mod1'],
  meetingParticipantIds: [],
  agencyHostIds: ['agent'],
}

const user = (userId: string, role: RoleName, companyId: string | null = null): RoomIdentity => ({
  kind: 'user',
  userId,
  name: userId,
  role,
  companyId,
  locale: 'en',
})
const guest: RoomIdentity = { kind: 'guest', guestKey: 'g1', name: 'Guest' }

function refusal(run: () => unknown): string | null {
  try {
    run()
    return null
  } catch (error) {
    if (isDomainError(error)) return error.code
    throw error
  }
}

describe('roomContextFor', () => {
  it('gives the host company, session moderators, the fair organizer and admins moderation rights', () => {
    expect(roomContextFor(showcase, user('host', 'EXPORTER', 'c1'))).toMatchObject({
      isHost: true,
      canModerate: true,
      slowModeSeconds: 5,
      blockedWords: ['fake'],
    })
    expect(roomContextFor(showcase, user('mod1', 'BUYER'))).toMatchObject({ isHost: false, canModerate: true })
    expect(roomContextFor(showcase, user('org1', 'ORGANIZER'))).toMatchObject({ canModerate: true })
    expect(roomContextFor(showcase, user('admin', 'ADMIN'))).toMatchObject({ canModerate: true })
  })

  it('gives nobody else moderation: other exporters, other organizers, buyers, guests', () => {
    expect(roomContextFor(showcase, user('rival', 'EXPORTER', 'c2')).canModerate).toBe(false)
    expect(roomContextFor(showcase, user('org2', 'ORGANIZER')).canModerate).toBe(false)
    expect(roomContextFor(showcase, user('buyer', 'BUYER')).canModerate).toBe(false)
    expect(roomContextFor(showcase, guest).canModerate).toBe(false)
  })

  it('admits guests to public showcases only', () => {
    expect(refusal(() => roomContextFor(showcase, guest))).toBeNull()
    expect(refusal(() => roomContextFor({ ...showcase, isPublic: false }, guest))).toBe('unauthenticated')
    expect(refusal(() => roomContextFor({ ...showcase, isPublic: false }, user('buyer', 'BUYER')))).toBeNull()
  })

  it('makes the members of an agency granted SHOWCASES hosts and moderators of the company’s showcases, not of its meetings', () => {
    expect(roomContextFor(showcase, user('agent', 'AGENCY'))).toMatchObject({ isHost: true, canModerate: true })
    expect(roomContextFor(showcase, user('other-agent', 'AGENCY'))).toMatchObject({ isHost: false, canModerate: false })
    const meeting: SessionFacts = { ...showcase, kind: 'MEETING', isPublic: false, meetingParticipantIds: ['buyer'] }
    expect(refusal(() => roomContextFor(meeting, user('agent', 'AGENCY')))).toBe('forbidden')
  })

  it('admits only the participants and the host company to a meeting', () => {
    const meeting: SessionFacts = { ...showcase, kind: 'MEETING', isPublic: false, meetingParticipantIds: ['buyer', 'interpreter'] }
    expect(refusal(() => roomContextFor(meeting, user('buyer', 'BUYER')))).toBeNull()
    expect(refusal(() => roomContextFor(meeting, user('interpreter', 'BUYER')))).toBeNull()
    expect(refusal(() => roomContextFor(meeting, user('host', 'EXPORTER', 'c1')))).toBeNull()
    expect(refusal(() => roomContextFor(meeting, user('other', 'BUYER')))).toBe('forbidden')
    expect(refusal(() => roomContextFor(meeting, guest))).toBe('unauthenticated')
  })
})

describe('roomContextFor: a consultation room (same rule as /media, consultationSeatRole)', () => {
  const consultationRoom: SessionFacts = {
    ...showcase,
    id: 'cr1',
    kind: 'MEETING',
    isPublic: false,
    consultation: { officerUserId: 'officer', officerRole: 'TRADE_OFFICER', requesterId: 'booker' },
  }

  it('admits exactly the officer and the exporter who booked, neither as host nor moderator', () => {
    expect(roomContextFor(consultationRoom, user('officer', 'TRADE_OFFICER'))).toMatchObject({ isHost: false, canModerate: false })
    expect(roomContextFor(consultationRoom, user('booker', 'EXPORTER', 'c1'))).toMatchObject({ isHost: false, canModerate: false })
  })

  it('refuses the exporter company colleagues, moderators, organizers, admins and guests', () => {
    expect(refusal(() => roomContextFor(consultationRoom, user('colleague', 'EXPORTER', 'c1')))).toBe('forbidden')
    expect(refusal(() => roomContextFor(consultationRoom, user('mod1', 'BUYER')))).toBe('forbidden')
    expect(refusal(() => roomContextFor(consultationRoom, user('org1', 'ORGANIZER')))).toBe('forbidden')
    expect(refusal(() => roomContextFor(consultationRoom, user('admin', 'ADMIN')))).toBe('forbidden')
    expect(refusal(() => roomContextFor(consultationRoom, guest))).toBe('unauthenticated')
  })

  it('refuses the officer once the account is no longer a trade officer', () => {
    const demoted = { ...consultationRoom, consultation: { officerUserId: 'officer', officerRole: 'BUYER', requesterId: 'booker' } }
    expect(refusal(() => roomContextFor(demoted, user('officer', 'BUYER')))).toBe('forbidden')
  })
})

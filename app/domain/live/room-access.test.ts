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

  it('admits only the participants and the host company to a meeting', () => {
    const meeting: SessionFacts = { ...showcase, kind: 'MEETING', isPublic: false, meetingParticipantIds: ['buyer', 'interpreter'] }
    expect(refusal(() => roomContextFor(meeting, user('buyer', 'BUYER')))).toBeNull()
    expect(refusal(() => roomContextFor(meeting, user('interpreter', 'BUYER')))).toBeNull()
    expect(refusal(() => roomContextFor(meeting, user('host', 'EXPORTER', 'c1')))).toBeNull()
    expect(refusal(() => roomContextFor(meeting, user('other', 'BUYER')))).toBe('forbidden')
    expect(refusal(() => roomContextFor(meeting, guest))).toBe('unauthenticated')
  })
})

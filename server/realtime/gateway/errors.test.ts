import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../app/domain/errors.ts'
import { MediaError } from '../../media/index.ts'
import { LIVE_REFUSALS } from '../live-handlers/refusals.ts'
import { MEDIA_REFUSALS } from '../media-handlers/refusals.ts'
import { ProtocolError, refusalFrom } from './errors.ts'

describe('refusalFrom: every thrown error becomes one ack refusal', () => {
  it('passes protocol errors through, with the wait only when there is one', () => {
    expect(refusalFrom(new ProtocolError('rate-limited', 'Too many messages; slow down.', 1500), LIVE_REFUSALS)).toEqual({
      code: 'rate-limited',
      message: 'Too many messages; slow down.',
      retryAfterMs: 1500,
    })
    expect(refusalFrom(new ProtocolError('not-joined', 'Join the session first.'), MEDIA_REFUSALS)).toEqual({
      code: 'not-joined',
      message: 'Join the session first.',
    })
  })

  it('words domain errors in each namespace’s vocabulary', () => {
    expect(refusalFrom(new DomainError('forbidden', { status: 403 }), LIVE_REFUSALS)).toEqual({ code: 'forbidden', message: 'forbidden' })
    expect(refusalFrom(new DomainError('forbidden', { status: 403 }), MEDIA_REFUSALS)).toEqual({ code: 'forbidden', message: 'You cannot watch this session.' })
    expect(refusalFrom(new DomainError('early', { detail: 'The room opens at 09:00.' }), MEDIA_REFUSALS)).toEqual({
      code: 'not-live',
      message: 'The room opens at 09:00.',
    })
    expect(refusalFrom(new DomainError('cancelled'), MEDIA_REFUSALS)).toEqual({ code: 'ended', message: 'This showcase was cancelled.' })
  })

  it('names server/media’s own errors on /media (a closed room is restarting)', () => {
    expect(refusalFrom(new MediaError('closed', 'Room closed.'), MEDIA_REFUSALS)).toEqual({ code: 'restarting', message: 'Room closed.' })
    expect(refusalFrom(new MediaError('too-many', 'Too many transports.'), MEDIA_REFUSALS)).toEqual({ code: 'too-many', message: 'Too many transports.' })
  })

  it('answers anything else, and domain codes a namespace does not have, as internal', () => {
    expect(refusalFrom(new Error('boom'), LIVE_REFUSALS)).toEqual({ code: 'internal', message: 'Something went wrong.' })
    expect(refusalFrom(new DomainError('slug-taken'), MEDIA_REFUSALS)).toEqual({ code: 'internal', message: 'Something went wrong on our side; try again.' })
  })
})

import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { AccountRsvpSchema, FollowSchema, GuestRsvpSchema } from './schemas'

/** A field's error messages (typed here: the submission's error map is loosely typed). */
function errorsOf(submission: object, field: string) {
  return (submission as { error?: Record<string, string[] | null> | null }).error?.[field]
}

function form(values: Record<string, string>) {
  const data = new FormData()
  for (const [key, value] of Object.entries(values)) data.append(key, value)
  return data
}

describe('guest RSVP form', () => {
  it('takes an address, trimmed and lower-cased, with the page language and zone', () => {
    const submission = parseWithZod(form({ intent: 'rsvp-guest', email: '  Ana.Buyer@Example.COM ', locale: 'ko', timeZone: 'Asia/Seoul' }), {
      schema: GuestRsvpSchema,
    })
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && submission.value).toEqual({
      intent: 'rsvp-guest',
      email: 'ana.buyer@example.com',
      locale: 'ko',
      timeZone: 'Asia/Seoul',
    })
  })

  it.each([
    ['empty', ''],
    ['no domain', 'ana@'],
    ['two addresses', 'a@example.com,b@example.com'],
    ['a header injection', 'a@example.com\r\nBcc: victim@example.com'],
    ['too long', `${'a'.repeat(250)}@example.com`],
  ])('refuses %s with the e-mail message', (_, email) => {
    const submission = parseWithZod(form({ intent: 'rsvp-guest', email }), { schema: GuestRsvpSchema })
    expect(submission.status).toBe('error')
    expect(errorsOf(submission, 'email')).toEqual(['engagement.rsvp.errors.email'])
  })

  it('refuses a missing address and an oversized zone', () => {
    expect(errorsOf(parseWithZod(form({ intent: 'rsvp-guest' }), { schema: GuestRsvpSchema }), 'email')).toEqual(['engagement.rsvp.errors.email'])
    expect(parseWithZod(form({ intent: 'rsvp-guest', email: 'a@example.com', timeZone: 'x'.repeat(65) }), { schema: GuestRsvpSchema }).status).toBe('error')
  })
})

describe('account RSVP and follow forms', () => {
  it('read on/off from "true"/"false" only', () => {
    const on = parseWithZod(form({ intent: 'rsvp', going: 'true' }), { schema: AccountRsvpSchema })
    expect(on.status === 'success' && on.value.going).toBe(true)
    expect(parseWithZod(form({ intent: 'rsvp', going: 'yes' }), { schema: AccountRsvpSchema }).status).toBe('error')
    const follow = parseWithZod(form({ intent: 'follow', target: 'fair', id: 'ckfair123', following: 'false' }), { schema: FollowSchema })
    expect(follow.status === 'success' && follow.value).toEqual({ intent: 'follow', target: 'fair', id: 'ckfair123', following: false })
  })

  it('refuse an unknown target and an id that is not a record id', () => {
    expect(errorsOf(parseWithZod(form({ intent: 'follow', target: 'product', id: 'abc', following: 'true' }), { schema: FollowSchema }), 'target')).toEqual([
      'errors.invalid',
    ])
    expect(errorsOf(parseWithZod(form({ intent: 'follow', target: 'exporter', id: "x' OR 1=1", following: 'true' }), { schema: FollowSchema }), 'id')).toEqual([
      'errors.invalid',
    ])
  })
})

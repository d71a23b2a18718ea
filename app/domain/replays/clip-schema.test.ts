import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { CreateClipSchema, ManageReplaySchema, parseClock } from './clip-schema'
import { formatOffset } from './timeline'

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.set(key, value)
  return data
}

describe('clip clock fields', () => {
  it('reads m:ss, mm:ss and h:mm:ss, and refuses anything else', () => {
    expect(parseClock('0:07')).toBe(7_000)
    expect(parseClock(' 12:34 ')).toBe(754_000)
    expect(parseClock('125:00')).toBe(7_500_000)
    expect(parseClock('1:02:03')).toBe(3_723_000)
    for (const bad of ['', '7', '1:7', '1:60', '1:75:00', '-1:00', '1:00.5', '1e3:00', '0:00:00:01', '١:٠٠']) expect(parseClock(bad), bad).toBeNull()
  })

  it('writes what it reads (whole seconds, hours only when needed)', () => {
    expect(formatOffset(0)).toBe('0:00')
    expect(formatOffset(65_999)).toBe('1:05')
    expect(formatOffset(3_723_000)).toBe('1:02:03')
    for (const ms of [0, 59_000, 600_000, 3_599_000, 3_600_000, 36_000_000]) expect(parseClock(formatOffset(ms))).toBe(ms)
  })
})

describe('clip form', () => {
  const valid = { intent: 'create-clip', title: ' Broth pour ', start: '1:00', end: '1:30', productId: '' }

  it('gives the domain milliseconds, a trimmed title and no product for an empty choice', () => {
    const submission = parseWithZod(form(valid), { schema: CreateClipSchema })
    expect(submission.status).toBe('success')
    if (submission.status === 'success')
      expect(submission.value).toEqual({ intent: 'create-clip', title: 'Broth pour', start: 60_000, end: 90_000, productId: undefined })
  })

  it('keeps a clip between 3 s and 3 min, on the end field', () => {
    const errors = (fields: Record<string, string>) => parseWithZod(form({ ...valid, ...fields }), { schema: CreateClipSchema }).reply().error
    expect(errors({ end: '1:02' })?.end).toEqual(['clips.errors.tooShort'])
    expect(errors({ end: '1:03' })?.end).toBeUndefined()
    expect(errors({ end: '4:00' })?.end).toBeUndefined()
    expect(errors({ end: '4:01' })?.end).toEqual(['clips.errors.tooLong'])
    expect(errors({ end: '0:30' })?.end).toEqual(['clips.errors.tooShort'])
    expect(errors({ start: 'soon' })?.start).toEqual(['clips.errors.clock'])
    expect(errors({ title: 'a\u202Eb' })?.title).toEqual(['errors.controlCharacters'])
    expect(errors({ productId: '../x' })?.productId).toBeDefined()
  })

  it('takes replay management intents with the id each needs', () => {
    expect(parseWithZod(form({ intent: 'delete', recordingId: 'abc123' }), { schema: ManageReplaySchema }).status).toBe('success')
    expect(parseWithZod(form({ intent: 'delete', clipId: 'abc123' }), { schema: ManageReplaySchema }).status).toBe('error')
    expect(parseWithZod(form({ intent: 'delete-clip', clipId: 'abc123' }), { schema: ManageReplaySchema }).status).toBe('success')
    expect(parseWithZod(form({ intent: 'purge', recordingId: 'abc123' }), { schema: ManageReplaySchema }).status).toBe('error')
  })
})

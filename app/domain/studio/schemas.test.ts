import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { ApproveSchema, BookingRequestSchema, HoursSchema, ResourceSchema } from './schemas'

// The studio forms at the edge: hostile and malformed input is refused as field errors, never passed on.

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData()
  for (const [key, value] of entries) data.append(key, value)
  return data
}

const VALID_REQUEST: Array<[string, string]> = [
  ['intent', 'request'],
  ['studioId', 'studio-1'],
  ['sessionId', 'session-1'],
  ['setId', 'set-1'],
  ['day', '2030-03-04'],
  ['start', '10:00'],
  ['end', '11:00'],
  ['crewNeeded', 'CAMERA'],
  ['crewNeeded', 'INTERPRETER'],
  ['languages', 'zh'],
  ['showing', 'Kimchi tasting'],
]

const errorsOf = (entries: Array<[string, string]>) => {
  const submission = parseWithZod(form(entries), { schema: BookingRequestSchema })
  return submission.status === 'success' ? null : Object.keys(submission.error ?? {})
}

describe('BookingRequestSchema', () => {
  it('accepts a valid request, with repeated checkboxes as arrays', () => {
    const submission = parseWithZod(form(VALID_REQUEST), { schema: BookingRequestSchema })
    expect(submission.status).toBe('success')
    if (submission.status === 'success') expect(submission.value).toMatchObject({ crewNeeded: ['CAMERA', 'INTERPRETER'], languages: ['zh'] })
  })

  it('refuses malformed days and times, reversed times, unknown crew roles and languages, and oversized text', () => {
    const replace = (key: string, value: string) => VALID_REQUEST.map(([k, v]): [string, string] => [k, k === key ? value : v])
    expect(errorsOf(replace('day', '2030-3-4'))).toContain('day')
    expect(errorsOf(replace('day', '2030-03-04\'; DROP TABLE "StudioBooking"; --'))).toContain('day')
    expect(errorsOf(replace('start', '25:00'))).toContain('start')
    expect(errorsOf(replace('end', '09:00'))).toContain('end')
    expect(errorsOf(replace('crewNeeded', 'DIRECTOR'))).toEqual(expect.arrayContaining([expect.stringMatching(/^crewNeeded/)]))
    expect(errorsOf(replace('languages', 'klingon'))).toEqual(expect.arrayContaining([expect.stringMatching(/^languages/)]))
    expect(errorsOf(replace('showing', 'x'.repeat(1001)))).toContain('showing')
    expect(errorsOf(replace('showing', '   '))).toContain('showing')
    expect(errorsOf(replace('setId', 'x'.repeat(65)))).toContain('setId')
    expect(errorsOf(replace('intent', 'approve'))).toContain('intent')
  })

  it('asks for a language when an interpreter is needed', () => {
    expect(errorsOf(VALID_REQUEST.filter(([key]) => key !== 'languages'))).toContain('languages')
  })
})

describe('operator forms', () => {
  it('refuses a crew role without crew, an interpreter without languages, and half a day of hours', () => {
    const resource = (entries: Array<[string, string]>) => parseWithZod(form([['intent', 'resource'], ...entries]), { schema: ResourceSchema })
    expect(
      resource([
        ['kind', 'CREW'],
        ['name', 'Ji-hoon'],
      ]).status,
    ).toBe('error')
    expect(
      resource([
        ['kind', 'CREW'],
        ['crewRole', 'INTERPRETER'],
        ['name', 'Li Na'],
      ]).status,
    ).toBe('error')
    expect(
      resource([
        ['kind', 'CREW'],
        ['crewRole', 'INTERPRETER'],
        ['name', 'Li Na'],
        ['languages', 'zh'],
      ]).status,
    ).toBe('success')
    expect(
      resource([
        ['kind', 'ROBOT'],
        ['name', 'R2'],
      ]).status,
    ).toBe('error')
    const hours = (entries: Array<[string, string]>) =>
      parseWithZod(form([['intent', 'hours'], ['name', 'Studio'], ['timeZone', 'Asia/Seoul'], ['freeCancelHours', '24'], ...entries]), { schema: HoursSchema })
    expect(
      hours([
        ['open1', '09:00'],
        ['close1', '18:00'],
      ]).status,
    ).toBe('success')
    expect(hours([['open1', '09:00']]).status).toBe('error')
    expect(
      hours([
        ['open1', '18:00'],
        ['close1', '09:00'],
      ]).status,
    ).toBe('error')
    expect(
      parseWithZod(
        form([
          ['intent', 'hours'],
          ['name', 'S'],
          ['timeZone', 'Mars/Olympus'],
          ['freeCancelHours', '24'],
        ]),
        { schema: HoursSchema },
      ).status,
    ).toBe('error')
    expect(
      parseWithZod(
        form([
          ['intent', 'approve'],
          ['bookingId', 'b1'],
          ['crewIds', ''],
        ]),
        { schema: ApproveSchema },
      ).status,
    ).toBe('error')
  })
})

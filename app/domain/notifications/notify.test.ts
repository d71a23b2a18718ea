import { describe, expect, it } from 'vitest'
import { createI18n } from '~/lib/i18n'
import { notificationDataFor } from './notify.server'

// 10:00 in Seoul on 9 March 2026 (01:00 UTC): 21:00 the evening before in New York, on its first day of EDT.
const START = new Date('2026-03-09T01:00:00Z')
const request = { data: { from: 'Seorak Foods' }, times: { when: { at: START, fallbackTimeZone: 'America/New_York' } } }

describe('notificationDataFor', () => {
  it('writes a meeting time in a Korean recipient’s language and chosen zone', () => {
    const data = notificationDataFor({ locale: 'ko', timeZone: 'Asia/Seoul' }, request)
    expect(data).toEqual({ from: 'Seorak Foods', when: '2026년 3월 9일 오전 10:00 GMT+9' })
    expect(createI18n('ko').t('notifications.meeting.requested.body', data)).toBe('Seorak Foods이(가) 2026년 3월 9일 오전 10:00 GMT+9 상담을 제안했습니다.')
  })

  it('uses the given zone for a recipient who chose none, in their language', () => {
    expect(notificationDataFor({ locale: 'en', timeZone: null }, request)).toEqual({ from: 'Seorak Foods', when: 'Mar 8, 2026, 9:00 PM EDT' })
    expect(notificationDataFor({ locale: 'ko', timeZone: null }, request).when).toBe('2026년 3월 8일 오후 9:00 GMT-4')
    // An unknown language falls back to English, as the mail does.
    expect(notificationDataFor({ locale: 'xx', timeZone: 'Not/AZone' }, request).when).toBe('Mar 8, 2026, 9:00 PM EDT')
  })

  it('honours a recipient who chose UTC', () => {
    expect(notificationDataFor({ locale: 'en', timeZone: 'UTC' }, request).when).toBe('Mar 9, 2026, 1:00 AM UTC')
  })

  it('leaves data without times untouched', () => {
    const input = { data: { with: 'Seorak Foods', status: 'ACCEPTED' } }
    expect(notificationDataFor({ locale: 'ko', timeZone: 'Asia/Seoul' }, input)).toBe(input.data)
  })
})

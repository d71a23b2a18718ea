import { describe, expect, it } from 'vitest'
import { createI18n } from '~/lib/i18n'
import { countryIn, dayIn, moneyIn, nameIn, productNameIn, quantityIn } from './localized-values'
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

  it('writes names, quantities, amounts and days in each recipient’s language', () => {
    const input = {
      data: { buyer: 'Hudson Imports' },
      localized: {
        country: countryIn('JP'),
        product: productNameIn([
          { locale: 'en', name: 'Omija cordial' },
          { locale: 'ko', name: '오미자 청' },
          { locale: 'zh', name: '五味子饮' },
        ]),
        quantity: quantityIn(1200, 'bottles'),
        price: moneyIn(1250, 'USD'),
        validUntil: dayIn('2026-04-30'),
        fair: nameIn('Gangwon Expo', { ko: '강원 엑스포' }),
      },
    }
    expect(notificationDataFor({ locale: 'ko', timeZone: null }, input)).toEqual({
      buyer: 'Hudson Imports',
      country: '일본',
      product: '오미자 청',
      quantity: '1,200 bottles',
      price: 'US$12.50',
      validUntil: '2026. 4. 30.',
      fair: '강원 엑스포',
    })
    expect(notificationDataFor({ locale: 'en', timeZone: null }, input)).toMatchObject({
      country: 'Japan',
      product: 'Omija cordial',
      validUntil: 'Apr 30, 2026',
    })
    // Simplified Chinese reads the `zh` content; Russian and Mongolian get their own notation.
    expect(notificationDataFor({ locale: 'zh-Hans', timeZone: null }, input)).toMatchObject({ country: '日本', product: '五味子饮', fair: 'Gangwon Expo' })
    expect(notificationDataFor({ locale: 'ru', timeZone: null }, input)).toMatchObject({
      country: 'Япония',
      quantity: '1\u00a0200 bottles',
      price: '12,50\u00a0$',
    })
    expect(notificationDataFor({ locale: 'mn', timeZone: null }, input)).toMatchObject({ country: 'Япон', product: 'Omija cordial' })
  })
})

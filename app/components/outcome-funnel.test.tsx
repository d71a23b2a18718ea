import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { createI18n, type Locale } from '~/lib/i18n'
import { OutcomeFunnelCard, type OutcomeFunnelView } from './outcome-funnel'

const funnel: OutcomeFunnelView = {
  deals: 5,
  stages: [
    { stage: 'CONSULTATION', reached: 5, current: 1, currentUsdCents: 1_000_00 },
    { stage: 'QUOTE', reached: 4, current: 1, currentUsdCents: 12_000_00 },
    { stage: 'SAMPLE', reached: 3, current: 0, currentUsdCents: 0 },
    { stage: 'LOI', reached: 3, current: 1, currentUsdCents: 8_500_00 },
    { stage: 'CONTRACT_SIGNED', reached: 2, current: 1, currentUsdCents: 5_500_00 },
    { stage: 'SHIPPED', reached: 1, current: 1, currentUsdCents: 39_000_00 },
  ],
  lost: 0,
  pursued: { count: 3, usdCents: 22_500_00, fromMeetingsUsdCents: 2_000_00 },
  signed: { count: 2, usdCents: 45_500_00 },
  shipped: { count: 1, usdCents: 39_000_00 },
}

const render = (locale: Locale) =>
  renderToString(
    <I18nextProvider i18n={createI18n(locale)}>
      <OutcomeFunnelCard funnel={funnel} locale={locale} />
    </I18nextProvider>,
  )
const labels = (html: string) => [...html.matchAll(/role="img" aria-label="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'))

describe('outcome funnel card', () => {
  it('keeps contracts being pursued apart from signed and shipped ones, with values in USD', () => {
    const html = render('en').replaceAll('<!-- -->', '')
    expect(html).toContain('Contracts being pursued (expected)')
    expect(html).toContain('$22,500.00')
    expect(html).toContain('3 deals · including $2,000.00 expected after meetings')
    expect(html).toContain('Contracts signed')
    expect(html).toContain('$45,500.00')
    expect(html).toContain('1 deal</span>')
  })

  it('summarises the chart for screen readers and gives the same figures as a table, with the definitions on the page', () => {
    const html = render('ko')
    expect(labels(html)).toContain('상담: 5건 도달, 견적: 4건 도달, 샘플: 3건 도달, 구매의향서 (LOI): 3건 도달, 계약 체결: 2건 도달 및 발송: 1건 도달')
    expect(html).toContain('data-testid="outcome-table"')
    expect(html).toContain('data-testid="outcome-reached-LOI">3<')
    for (const text of ['추진 중인 계약 (예상)', '체결된 계약', '선적 완료', '집계 기준', '추진 중: 현재 견적, 샘플, LOI 단계에 있는 거래'])
      expect(html).toContain(text)
  })

  it('words every stage and definition in each language (no raw keys)', () => {
    for (const locale of ['en', 'ko', 'zh-Hans', 'ja', 'ru', 'mn'] as const) {
      const html = render(locale)
      expect(html).not.toMatch(/outcomes\.|status\.[A-Z]/)
    }
  })
})

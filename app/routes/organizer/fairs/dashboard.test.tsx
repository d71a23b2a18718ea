import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { createRoutesStub, Outlet } from 'react-router'
import { describe, expect, it } from 'vitest'
import { createI18n, type Locale } from '~/lib/i18n'
import Dashboard from './dashboard'

// The fair dashboard's charts speak the reader's language: each figure's summary (its aria-label) names
// countries, statuses and HS chapters in it, with numbers in its notation, listed as the language lists.
const breakdown = (key: string, label: string, contractUsdCents: number) => ({
  key,
  label,
  consultations: 2,
  inquiries: 1,
  meetings: 1,
  consultationUsdCents: 1_000_00,
  contractUsdCents,
})
const kpis = {
  registrations: {
    buyers: [{ country: 'DE', approved: 1200, pending: 3 }],
    exporters: [{ country: 'KR', approved: 4, pending: 0 }],
    buyersApproved: 1200,
    exportersApproved: 4,
  },
  sessions: {
    totals: {
      sessions: 1,
      uniqueViewers: 1500,
      peakViewers: 90,
      watchSeconds: 7200,
      chatMessages: 12,
      replays: 0,
      replayUniqueViewers: 0,
      replayWatchSeconds: 0,
    },
    top: [
      {
        id: 's1',
        title: '오미자 청 라이브 시음회와 수출 상담 — 인제 오미자 농장',
        company: 'Inje',
        uniqueViewers: 1500,
        peakViewers: 90,
        watchSeconds: 7200,
        replayUniqueViewers: 0,
        replayWatchSeconds: 0,
        chatMessages: 12,
      },
    ],
  },
  pipeline: {
    inquiries: 2,
    meetingsRequested: 1,
    meetingsHeld: 1,
    wonInquiries: 1,
    meetingsWithContract: 0,
    inquiriesByStatus: [{ status: 'CONTRACT_SIGNED', count: 1 }],
    meetingsByStatus: [{ status: 'HELD', count: 1 }],
  },
  consultations: {
    totals: { consultations: 2, inquiries: 1, heldMeetings: 1, consultationUsdCents: 1_000_00, contractUsdCents: 5_000_00, unconverted: 0 },
    byExporter: [breakdown('c1', 'Inje Omija Farm', 5_000_00)],
    byBuyerCountry: [breakdown('DE', 'DE', 5_000_00)],
    byHsChapter: [breakdown('33', '33', 5_000_00)],
  },
  funnel: [
    { stage: 'viewers', count: 1500 },
    { stage: 'inquiries', count: 2 },
    { stage: 'meetings', count: 1 },
    { stage: 'won', count: 1 },
  ],
  // Outcome stages (docs/outcome-stages.md)
  outcomes: {
    deals: 2,
    stages: [
      { stage: 'CONSULTATION', reached: 2, current: 1, currentUsdCents: 1_000_00 },
      { stage: 'QUOTE', reached: 1, current: 0, currentUsdCents: 0 },
      { stage: 'SAMPLE', reached: 1, current: 0, currentUsdCents: 0 },
      { stage: 'LOI', reached: 1, current: 0, currentUsdCents: 0 },
      { stage: 'CONTRACT_SIGNED', reached: 1, current: 1, currentUsdCents: 5_000_00 },
      { stage: 'SHIPPED', reached: 0, current: 0, currentUsdCents: 0 },
    ],
    lost: 0,
    pursued: { count: 1, usdCents: 2_000_00, fromMeetingsUsdCents: 2_000_00 },
    signed: { count: 1, usdCents: 5_000_00 },
    shipped: { count: 0, usdCents: 0 },
  },
}

// Export readiness gaps (issue 22): one covered market, one without rules.
const readinessGaps = {
  companies: 2,
  products: 3,
  markets: [
    {
      market: 'US',
      covered: true,
      products: 3,
      ready: 2,
      expiring: 0,
      missing: 1,
      companiesWithGaps: 1,
      topMissing: [{ code: 'US-FDA-FFR', name: { en: 'FDA food facility registration', ko: 'FDA 식품시설 등록' }, products: 1, companies: 1 }],
    },
    { market: 'CN', covered: false, products: 3, ready: 0, expiring: 0, missing: 0, companiesWithGaps: 0, topMissing: [] },
  ],
}

/** On site and online (docs/fair-on-site.md): 12 of 40 approved registrants checked in at the venue. */
const onSite = {
  checkedIn: { buyers: 9, exhibitors: 3, total: 12 },
  approved: { buyers: 30, exhibitors: 10 },
  boothLeads: 7,
  companiesWithBoothLeads: 2,
  meetings: { onSite: 5, online: 11 },
  onlineViewers: 140,
  checkedInAlsoOnline: 4,
  meetingTables: 6,
}

/** Attendance (docs/meeting-attendance.md): 4 accepted meetings ended, 1 held, 2 no-shows, 1 unrecorded. */
const attendance = {
  total: {
    key: '',
    label: '',
    accepted: 4,
    held: 1,
    noShow: 2,
    buyerMissed: 1,
    exporterMissed: 2,
    unrecorded: 1,
    expired: 1,
    cantMakeIt: 0,
    heldRatio: 1 / 4,
    noShowRate: 2 / 4,
    buyerMissedRate: 1 / 4,
    exporterMissedRate: 2 / 4,
  },
  byBuyerCountry: [
    {
      key: 'DE',
      label: 'DE',
      accepted: 3,
      held: 1,
      noShow: 2,
      buyerMissed: 1,
      exporterMissed: 2,
      unrecorded: 0,
      expired: 1,
      cantMakeIt: 0,
      heldRatio: 1 / 3,
      noShowRate: 2 / 3,
      buyerMissedRate: 1 / 3,
      exporterMissedRate: 2 / 3,
    },
    {
      key: 'US',
      label: 'US',
      accepted: 1,
      held: 0,
      noShow: 0,
      buyerMissed: 0,
      exporterMissed: 0,
      unrecorded: 1,
      expired: 0,
      cantMakeIt: 0,
      heldRatio: 0 / 1,
      noShowRate: 0 / 1,
      buyerMissedRate: 0 / 1,
      exporterMissedRate: 0 / 1,
    },
  ],
  byExporter: [
    {
      key: 'c1',
      label: '인제 오미자 농장',
      accepted: 4,
      held: 1,
      noShow: 2,
      buyerMissed: 1,
      exporterMissed: 2,
      unrecorded: 1,
      expired: 1,
      cantMakeIt: 0,
      heldRatio: 1 / 4,
      noShowRate: 2 / 4,
      buyerMissedRate: 1 / 4,
      exporterMissedRate: 2 / 4,
    },
  ],
}

function render(locale: Locale): string {
  const restreamUptime = [{ sessionTitle: '오미자 라이브', platform: 'NAVER', label: '', runs: 2, secondsSent: 1800, bytesSent: 900_000_000, drops: 1 }]
  const loaderData = { fair: { id: 'f1', slug: 'expo', timeZone: 'Asia/Seoul', name: 'Gangwon Expo' }, kpis, restreamUptime, readinessGaps, attendance, onSite }
  const Stub = createRoutesStub([
    {
      id: 'root',
      path: '/',
      Component: Outlet,
      children: [{ id: 'dashboard', path: 'dashboard', Component: () => <Dashboard {...({ loaderData } as unknown as Parameters<typeof Dashboard>[0])} /> }],
    },
  ])
  return renderToString(
    <I18nextProvider i18n={createI18n(locale)}>
      <Stub initialEntries={['/dashboard']} hydrationData={{ loaderData: { root: { locale, timeZone: 'Asia/Seoul' }, dashboard: loaderData } }} />
    </I18nextProvider>,
  )
}

const labels = (html: string) => [...html.matchAll(/role="img" aria-label="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'))

describe('fair dashboard charts', () => {
  it('summarise each chart in Korean', () => {
    const summaries = labels(render('ko'))
    expect(summaries).toContain('시청자: 1,500, 문의: 2, 상담: 1 및 성사: 1')
    expect(summaries).toContain('독일: 1,200')
    expect(summaries).toContain('계약 체결: 1')
    expect(summaries).toContain('33 정유·화장품: US$5천')
    expect(summaries).toContain('오미자 청 라이브 시음회와 수출 상담 — 인제 오미자 농장: 순 시청자: 1,500, 최대 동시 시청자: 90 및 채팅 메시지: 12')
  })

  it('lists each restream destination’s time on air in the reader’s language', () => {
    const html = render('ko')
    expect(html).toContain('동시 송출 대상: 각 플랫폼이 방송을 받은 시간')
    expect(html).toContain('네이버 쇼핑라이브')
    expect(html).toContain('30분')
    expect(html).toContain('900 MB')
  })

  it('shows the export readiness gaps by market, in the reader’s language', () => {
    const html = render('ko')
    expect(labels(html)).toContain('미국: 준비 2, 갱신 필요 0, 요건 부족 1')
    expect(html).toContain('FDA 식품시설 등록')
    expect(html).toContain('등록된 규칙이 없는 시장: 중국.')
    expect(html).toContain('href="/organizer/fairs/f1/readiness-gaps.csv"')
    // An English-only name is marked as English on a Russian page.
    expect(render('ru')).toContain('<span lang="en">FDA food facility registration</span>')
  })

  it('separates on-site from online participation', () => {
    const html = render('en')
    expect(html).toContain('On site and online')
    expect(html).toContain('data-testid="kpi-checked-in">12<')
    expect(html).toContain('12 of 40 approved')
    expect(html).toContain('href="/organizer/fairs/f1/check-in"')
  })

  it('shows meeting attendance: held / accepted and no-show rates, by buyer country, with the CSV link', () => {
    const html = render('ko')
    expect(html).toContain('미팅 참석')
    expect(html).toContain('data-testid="kpi-held-ratio">25%')
    expect(html).toContain('data-testid="kpi-no-show-rate">50%')
    expect(html).toContain('href="/organizer/fairs/f1/attendance.csv"')
    // The charts' spoken summaries give each country's and exporter's no-show rate.
    expect(labels(html)).toContain('독일: 66.7% 및 미국: 0%')
    expect(labels(html)).toContain('인제 오미자 농장: 50%')
  })

  it('summarise each chart in Russian and Simplified Chinese notation', () => {
    const ru = labels(render('ru')).map((summary) => summary.replace(/\s/gu, ' '))
    expect(ru).toContain('Германия: 1 200')
    expect(ru.some((summary) => summary.startsWith('33 Эфирные масла, косметика: 5 тыс.'))).toBe(true)
    const zh = labels(render('zh-Hans'))
    expect(zh.some((summary) => summary.startsWith('德国') && summary.endsWith('1,200'))).toBe(true)
    // Listed as Chinese lists: with 、, not an English comma.
    expect(zh.find((summary) => summary.includes('1,500'))).toMatch(/、/)
  })
})

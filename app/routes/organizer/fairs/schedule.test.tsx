import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { createRoutesStub, Outlet } from 'react-router'
import { describe, expect, it } from 'vitest'
import { createI18n, type Locale } from '~/lib/i18n'
import Schedule from './schedule'

// The schedule page's freed-slot card and, after a run, the refill result and the agendas' idle breaks
// (ADR 022), in the reader's language.
const loaderData = {
  freed: { meetings: 2, places: 3 },
  fair: { id: 'f1', slug: 'expo', timeZone: 'Asia/Seoul', name: 'Gangwon Expo' },
  counts: { buyers: 3, exporters: 2, slots: 2, confirmed: 2, preferences: 0, storedPreferences: 0, requestPreferences: 0, mustMeet: 0 },
  slots: { s0: '10:00–10:30', s1: '10:30–11:00' },
  slotOrder: ['s0', 's1'],
  buyers: { b0: 'Buyer Zero', b1: 'Buyer One' },
  exporters: { e0: 'Exporter Zero' },
  exporterOrder: ['e0'],
  confirmed: [{ buyerId: 'b0', exporterId: 'e0', slotId: 's1', locked: true, weight: 0, confirmed: true }],
}
const breaks = (total: number, mean: number, max: number, withBreaks: number) => ({ total, mean, max, participantsWithBreaks: withBreaks, participants: 4 })
const run = {
  meetings: [
    { buyerId: 'b0', exporterId: 'e0', slotId: 's1', locked: true, weight: 50, confirmed: true },
    { buyerId: 'b1', exporterId: 'e0', slotId: 's0', locked: false, weight: 42.5, confirmed: false },
  ],
  objective: 92.5,
  upperBound: 95,
  ratio: 92.5 / 95,
  milliseconds: 40,
  breaks: { before: breaks(3, 0.75, 2, 2), after: breaks(1, 0.25, 1, 1), lowerBound: 1 },
  refill: { releasedMeetings: 2, freedPlaces: 3, refilledPlaces: 2, newMeetings: 1 },
}

function render(locale: Locale, withRun: boolean): string {
  const actionData = withRun ? { result: {}, run } : undefined
  const Stub = createRoutesStub([
    {
      id: 'root',
      path: '/',
      Component: Outlet,
      children: [
        {
          id: 'schedule',
          path: 'schedule',
          Component: () => <Schedule {...({ loaderData, actionData } as unknown as Parameters<typeof Schedule>[0])} />,
        },
      ],
    },
  ])
  return renderToString(
    <I18nextProvider i18n={createI18n(locale)}>
      <Stub initialEntries={['/schedule']} hydrationData={{ loaderData: { root: { locale, timeZone: 'Asia/Seoul' }, schedule: loaderData } }} />
    </I18nextProvider>,
  )
}

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')

describe('fair schedule page: freed slots and breaks', () => {
  it('offers freed slots again and counts them', () => {
    const html = render('en', false)
    expect(text(html)).toContain('2 published meetings were called off before their slots, freeing 3 places in agendas.')
    const refill = /<button[^>]*value="refill"[^>]*>/.exec(html)?.[0]
    expect(refill).toContain('name="intent"')
    expect(refill).toContain('type="submit"')
    expect(text(html)).toContain('Offer freed slots again')
    expect(html).not.toContain('data-testid="schedule-breaks"')
  })

  it('shows the refill result and the breaks before and after compaction', () => {
    const page = text(render('en', true))
    expect(page).toContain('The draft fills 2 of 3 freed places with 1 new meeting.')
    expect(page).toContain('Breaks in all agendas 1 before compaction: 3')
    expect(page).toContain('Breaks per participant (mean) 0.25 before compaction: 0.75')
    expect(page).toContain('Participants with a break 1 before compaction: 2')
  })

  it('speaks Korean and Russian', () => {
    expect(text(render('ko', true))).toContain('초안이 비게 된 3자리 중 2자리를 새 미팅 1건으로 채웁니다.')
    const ru = text(render('ru', false))
    expect(ru).toContain('2 опубликованные встречи отменены до своих слотов; в расписаниях освободилось мест: 3.')
  })
})

// Notifications for the demo accounts and dated exchange rates.
import type { SeededInquiries } from './inquiries.ts'
import type { SeededSessions } from './live.ts'
import { lookups, type World } from './lookup.ts'
import type { SeededMeetings } from './meetings.ts'
import { DAY, HOUR, MINUTE, addMs, createRng, idFactory, must } from './util.ts'
import type { SeededCompany } from './types.ts'
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'

/** USD per unit for the current and the previous month. */
const RATES: Array<[currency: string, current: string, previous: string]> = [
  ['KRW', '0.00072500', '0.00071800'],
  ['EUR', '1.08500000', '1.07900000'],
  ['JPY', '0.00665000', '0.00659000'],
  ['CNY', '0.13850000', '0.13800000'],
  ['RUB', '0.01120000', '0.01090000'],
  ['MNT', '0.00029400', '0.00029300'],
  ['VND', '0.00003940', '0.00003920'],
]

export function buildExchangeRates(world: World): void {
  const { now } = world.ctx
  const currentMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
  const previousMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
  const rng = createRng(2026_09)
  const id = idFactory(rng)
  for (const [currency, current, previous] of RATES) {
    world.plan.exchangeRates.push(
      { id: id(), currency, usdPerUnit: previous, validFrom: previousMonth, createdAt: previousMonth },
      { id: id(), currency, usdPerUnit: current, validFrom: currentMonth, createdAt: currentMonth },
    )
  }
}

/** Wall-clock text for notification bodies, in the recipient's time zone. */
function when(date: Date, timeZone: string): string {
  return `${format(new TZDate(date.getTime(), timeZone), 'EEE d MMM yyyy, HH:mm')} (${timeZone})`
}

/**
 * In-app notifications using the app's NotificationKind values and the data keys its i18n
 * messages interpolate (app/locales/en/notifications.ts).
 */
export function buildNotifications(world: World, sessions: SeededSessions, inquiries: SeededInquiries, meetings: SeededMeetings): void {
  const { ctx, plan, staff } = world
  const rng = createRng(2026_10)
  const id = idFactory(rng)
  const find = lookups(world)
  const now = ctx.now.getTime()
  const soyang = find.company('soyang-buckwheat-foods')
  const emily = find.buyer('Emily Carter')
  const volkov = find.buyer('Dmitry Volkov')
  const inquiry = (key: string) => must(inquiries.get(key), `inquiry ${key}`)
  const meeting = (key: string) => must(meetings.get(key), `meeting ${key}`)

  const push = (userId: string, kind: string, data: Record<string, string | number>, link: string | null, createdAt: Date, read: boolean) =>
    plan.notifications.push({
      id: id(),
      userId,
      kind,
      data,
      link,
      createdAt,
      readAt: read ? addMs(createdAt, rng.number.int({ min: 5, max: 90 }) * MINUTE) : null,
    })
  const companyUsers = (company: SeededCompany) => [company.owner, ...(company.member ? [company.member] : [])]

  // New inquiries → every member of the exporter company
  for (const key of ['sato-soba', 'emily-toner', 'kuznetsov-implants']) {
    const inq = inquiry(key)
    for (const user of companyUsers(inq.company)) {
      push(
        user.id,
        'inquiry.created',
        { buyer: inq.buyer.company, country: inq.buyer.country, product: inq.productName, quantity: inq.quantityText },
        `/inquiries/${inq.id}`,
        inq.createdAt,
        false,
      )
    }
  }
  // Older inquiry traffic, already read
  const zhang = inquiry('zhang-cup-noodles')
  push(
    soyang.owner.id,
    'inquiry.created',
    { buyer: zhang.buyer.company, country: zhang.buyer.country, product: zhang.productName, quantity: zhang.quantityText },
    `/inquiries/${zhang.id}`,
    zhang.createdAt,
    true,
  )
  push(zhang.buyer.id, 'inquiry.status', { product: zhang.productName, status: 'CONTRACT_SIGNED' }, `/inquiries/${zhang.id}`, new Date(now - 21 * DAY), true)
  const tea = inquiry('volkov-tea')
  push(tea.buyer.id, 'inquiry.status', { product: tea.productName, status: 'SAMPLE' }, `/inquiries/${tea.id}`, new Date(now - 8.4 * DAY), true)
  const laver = inquiry('nurul-laver')
  for (const user of companyUsers(laver.company)) {
    push(user.id, 'inquiry.message', { author: laver.buyer.company, product: laver.productName }, `/inquiries/${laver.id}`, new Date(now - 4 * DAY), false)
  }

  // Demo buyer
  const chips = inquiry('emily-chips')
  if (chips.quote) {
    push(
      emily.id,
      'inquiry.quote',
      { company: chips.company.name, product: chips.productName, price: chips.quote.price, validUntil: chips.quote.validUntil.toISOString().slice(0, 10) },
      `/inquiries/${chips.id}`,
      new Date(now - 5.1 * DAY),
      false,
    )
  }
  const ginseng = inquiry('emily-ginseng')
  push(emily.id, 'inquiry.message', { author: ginseng.company.name, product: ginseng.productName }, `/inquiries/${ginseng.id}`, new Date(now - 6 * DAY), true)
  const seorakMeeting = meeting('emily-seorak')
  push(
    emily.id,
    'meeting.requested',
    { from: find.company('seorak-sea-foods').name, when: when(seorakMeeting.startsAt, emily.timeZone) },
    `/meetings/${seorakMeeting.id}`,
    new Date(now - 2 * DAY),
    true,
  )
  const startsAt = must(sessions.startsAt.get('soyang-next'), 'soyang-next start')
  push(
    emily.id,
    'session.starting',
    { title: 'Potato snacks for North American retail: private-label options', company: soyang.name, when: when(startsAt, emily.timeZone) },
    `/live/${must(sessions.ids.get('soyang-next'), 'soyang-next')}`,
    new Date(now - HOUR),
    false,
  )
  push(emily.id, 'registration.decided', { fair: 'GTI Expo 2026', status: 'APPROVED' }, '/fairs/gti-expo-2026', new Date(now - 12 * DAY), true)

  // Demo exporter: meeting request from the demo buyer, booth approval
  const emilyMeeting = meeting('emily-soyang')
  for (const user of companyUsers(soyang)) {
    push(
      user.id,
      'meeting.requested',
      { from: emily.company, when: when(emilyMeeting.startsAt, 'Asia/Seoul') },
      `/meetings/${emilyMeeting.id}`,
      new Date(now - 5 * HOUR),
      false,
    )
  }
  push(soyang.owner.id, 'registration.decided', { fair: 'GTI Expo 2026', status: 'APPROVED' }, '/fairs/gti-expo-2026', new Date(now - 40 * DAY), true)

  // Accepted meeting with Russian interpretation
  const volkovMeeting = meeting('volkov-soyang')
  push(volkov.id, 'meeting.updated', { with: soyang.name, status: 'ACCEPTED' }, `/meetings/${volkovMeeting.id}`, new Date(now - 2 * DAY - 3 * HOUR), false)
  push(
    staff.interpreterRu.id,
    'meeting.updated',
    { with: `${volkov.company} / ${soyang.name}`, status: 'ACCEPTED' },
    `/meetings/${volkovMeeting.id}`,
    new Date(now - 2 * DAY),
    false,
  )
}

// Notifications for the demo accounts and dated exchange rates.
import type { SeededInquiries } from './inquiries.ts'
import type { SeededSessions } from './live.ts'
import { lookups, type World } from './lookup.ts'
import type { SeededMeetings } from './meetings.ts'
import { DAY, HOUR, MINUTE, addMs, createRng, idFactory, must } from './util.ts'

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

export function buildNotifications(world: World, sessions: SeededSessions, inquiries: SeededInquiries, meetings: SeededMeetings): void {
  const { ctx, plan, staff, fair } = world
  const rng = createRng(2026_10)
  const id = idFactory(rng)
  const find = lookups(world)
  const now = ctx.now.getTime()
  const soyang = find.company('soyang-buckwheat-foods')
  const emily = find.buyer('Emily Carter')
  const volkov = find.buyer('Dmitry Volkov')
  const inquiry = (key: string) => must(inquiries.get(key), `inquiry ${key}`)
  const meeting = (key: string) => must(meetings.get(key), `meeting ${key}`)
  const session = (key: string) => must(sessions.ids.get(key), `session ${key}`)

  const push = (userId: string, kind: string, data: Record<string, string | number>, link: string, createdAt: Date, read: boolean) =>
    plan.notifications.push({ id: id(), userId, kind, data, link, createdAt, readAt: read ? addMs(createdAt, rng.number.int({ min: 5, max: 90 }) * MINUTE) : null })

  // Demo exporter (Soyang Buckwheat Foods)
  const sato = inquiry('sato-soba')
  push(soyang.owner.id, 'inquiry.created', { inquiryId: sato.id, buyerCompany: sato.buyerCompany, productName: sato.productName }, `/inquiries/${sato.id}`, addMs(sessions.ended.endedAt, 37 * MINUTE), false)
  const emilyMeeting = meeting('emily-soyang')
  push(soyang.owner.id, 'meeting.requested', { meetingId: emilyMeeting.id, buyerCompany: emily.company, startsAt: emilyMeeting.startsAt.toISOString() }, `/meetings/${emilyMeeting.id}`, new Date(now - 5 * HOUR), false)
  push(
    soyang.owner.id,
    'live.ended',
    { sessionId: sessions.ended.id, uniqueViewers: sessions.ended.uniqueViewers, peakViewers: sessions.ended.peakViewers },
    `/live/${sessions.ended.id}`,
    addMs(sessions.ended.endedAt, MINUTE),
    true,
  )
  const halal = soyang.certifications.find((c) => c.type === 'HALAL')
  if (halal?.validUntil) {
    push(soyang.owner.id, 'certification.expiring', { certificationId: halal.id, type: 'HALAL', market: halal.market, validUntil: halal.validUntil.toISOString() }, '/exporter/certifications', new Date(now - 2 * DAY), false)
  }
  const volkovMeeting = meeting('volkov-soyang')
  push(soyang.owner.id, 'meeting.accepted', { meetingId: volkovMeeting.id, buyerCompany: volkov.company, startsAt: volkovMeeting.startsAt.toISOString() }, `/meetings/${volkovMeeting.id}`, new Date(now - 2 * DAY - 3 * HOUR), true)

  // Demo buyer (Hudson Pacific Imports)
  const chips = inquiry('emily-chips')
  push(emily.id, 'inquiry.quoted', { inquiryId: chips.id, companyName: chips.companyName, productName: chips.productName }, `/inquiries/${chips.id}`, new Date(now - 5.1 * DAY), false)
  const ginseng = inquiry('emily-ginseng')
  push(emily.id, 'inquiry.message', { inquiryId: ginseng.id, companyName: ginseng.companyName }, `/inquiries/${ginseng.id}`, new Date(now - 6 * DAY), true)
  const seorakMeeting = meeting('emily-seorak')
  push(emily.id, 'meeting.accepted', { meetingId: seorakMeeting.id, companyName: find.company('seorak-sea-foods').name, startsAt: seorakMeeting.startsAt.toISOString() }, `/meetings/${seorakMeeting.id}`, new Date(now - 20 * HOUR), true)
  const nextShow = session('soyang-next')
  push(emily.id, 'live.reminder', { sessionId: nextShow, companyName: soyang.name, startsAt: must(sessions.startsAt.get('soyang-next'), 'start').toISOString() }, `/live/${nextShow}`, new Date(now - 1 * HOUR), false)

  // Russian buyer and interpreter
  push(volkov.id, 'meeting.accepted', { meetingId: volkovMeeting.id, companyName: soyang.name, startsAt: volkovMeeting.startsAt.toISOString() }, `/meetings/${volkovMeeting.id}`, new Date(now - 2 * DAY - 3 * HOUR), false)
  push(staff.interpreterRu.id, 'meeting.interpreter_assigned', { meetingId: volkovMeeting.id, language: 'ru', startsAt: volkovMeeting.startsAt.toISOString() }, `/meetings/${volkovMeeting.id}`, new Date(now - 2 * DAY), false)

  // Organizer: pending registrations and a programme slot awaiting approval
  for (const reg of fair.pendingRegistrationIds) {
    push(staff.organizer.id, 'fair.registration.pending', { fairId: fair.id, registrationId: reg.id, name: reg.label }, `/organizer/fairs/gti-expo-2026/registrations`, new Date(now - rng.number.int({ min: 1, max: 40 }) * HOUR), false)
  }
  const gyeongpo = session('gyeongpo')
  push(staff.organizer.id, 'live.approval_requested', { sessionId: gyeongpo, companyName: find.company('gyeongpo-brewery').name }, `/organizer/fairs/gti-expo-2026/programme`, new Date(now - 26 * HOUR), false)
}

// B2B meetings: requested, accepted (one with a Russian interpreter), held with outcomes, declined.
import { lookups, type World } from './lookup.ts'
import { DAY, HOUR, MINUTE, addMs, createRng, idFactory, must, zonedAt } from './util.ts'

type MeetingSpec = {
  key: string
  buyer: string
  company: string
  /** CANCELLED in the fair: published by the schedule, then called off (a freed slot, ADR 022) */
  status: 'REQUESTED' | 'ACCEPTED' | 'HELD' | 'DECLINED' | 'CANCELLED'
  /** Seoul calendar day relative to today and wall-clock start; 30 minutes long */
  day: number
  at: string
  inFair: boolean
  requestedBy: 'buyer' | 'exporter'
  interpreter?: 'ru'
  agenda: string
  outcome?: { consultationUsd: number; expectedUsd: number; contractUsd?: number; nextStep: string; notes: string }
  /** Also seat the company's second member */
  withMember?: boolean
}

const MEETINGS: MeetingSpec[] = [
  {
    key: 'emily-soyang',
    buyer: 'Emily Carter',
    company: 'soyang-buckwheat-foods',
    status: 'REQUESTED',
    day: 1,
    at: '09:00',
    inFair: true,
    requestedBy: 'buyer',
    agenda: 'Private-label honey butter chips for US grocery: packaging sizes, MOQ per flavour, FDA labelling and first-order timeline.',
  },
  {
    key: 'volkov-soyang',
    buyer: 'Dmitry Volkov',
    company: 'soyang-buckwheat-foods',
    status: 'ACCEPTED',
    day: 2,
    at: '14:00',
    inFair: true,
    requestedBy: 'buyer',
    interpreter: 'ru',
    withMember: true,
    agenda:
      'Buckwheat tea and soba for Primorye retail chains; EAC paperwork, Russian labels and CIF Vladivostok pricing. Russian–Korean interpretation provided by the GTI Expo secretariat.',
  },
  {
    key: 'emily-seorak',
    buyer: 'Emily Carter',
    company: 'seorak-sea-foods',
    status: 'ACCEPTED',
    day: 3,
    at: '09:30',
    inFair: true,
    requestedBy: 'exporter',
    agenda: 'Seasoned shredded squid and hwangtae for Korean-American supermarkets; FDA prior notice and cold-chain options.',
  },
  {
    key: 'schmidt-chiak',
    buyer: 'Anna Schmidt',
    company: 'chiak-sonic-medical',
    status: 'REQUESTED',
    day: 2,
    at: '16:30',
    inFair: true,
    requestedBy: 'buyer',
    agenda: 'Ultrasound gel private label for German hospital groups; MDR technical documentation and 5 L refill logistics.',
  },
  {
    key: 'sato-soyang',
    buyer: 'Takashi Sato',
    company: 'soyang-buckwheat-foods',
    status: 'HELD',
    day: -1,
    at: '11:00',
    inFair: true,
    requestedBy: 'buyer',
    agenda: 'Soba and makguksu kits for Japanese supermarkets; Japanese labelling and shelf life.',
    outcome: {
      consultationUsd: 24_000,
      expectedUsd: 19_200,
      nextStep: 'Send 500 g soba samples with a draft Japanese back label by Friday.',
      notes: 'Buyer likes the 40% buckwheat content; wants a 250 g pack for single households. Price target around $24/carton CIF Tokyo.',
    },
  },
  {
    key: 'bat-medisense',
    buyer: 'Bat-Erdene Ganbold',
    company: 'wonju-medisense',
    status: 'HELD',
    day: -2,
    at: '14:00',
    inFair: true,
    requestedBy: 'exporter',
    agenda: 'Patient monitors for soum and aimag hospitals under the Mongolian health ministry tender.',
    outcome: {
      consultationUsd: 56_000,
      expectedUsd: 45_000,
      contractUsd: 18_500,
      nextStep: 'Quotation for 20 MS-700 monitors and a central station, CIP Ulaanbaatar; pilot order of 10 signed.',
      notes: 'Pilot order of 10 MS-700 units signed during the meeting. Tender documents due in 3 weeks; needs Mongolian-language quick guide.',
    },
  },
  {
    key: 'rivera-donghae',
    buyer: 'Carlos Rivera',
    company: 'donghae-auto-components',
    status: 'DECLINED',
    day: 9,
    at: '08:00',
    inFair: false,
    requestedBy: 'buyer',
    agenda: 'Aftermarket brake pads for Hyundai/Kia fleet customers in Texas.',
  },
  {
    // Published by the fair schedule, then called off: the organizer's schedule page offers its slot again.
    key: 'volkov-seorak',
    buyer: 'Dmitry Volkov',
    company: 'seorak-sea-foods',
    status: 'CANCELLED',
    day: 3,
    at: '10:00',
    inFair: true,
    requestedBy: 'buyer',
    agenda: 'Dried hwangtae pollack for Vladivostok retail chains; EAC paperwork and routing via Donghae port.',
  },
]

export type SeededMeetings = Map<string, { id: string; startsAt: Date }>

export function buildMeetings(world: World): SeededMeetings {
  const { ctx, plan, fair, staff } = world
  const rng = createRng(2026_08)
  const id = idFactory(rng)
  const find = lookups(world)
  const out: SeededMeetings = new Map()

  for (const spec of MEETINGS) {
    const buyer = find.buyer(spec.buyer)
    const company = find.company(spec.company)
    const meetingId = id()
    const startsAt = zonedAt(ctx.now, spec.day, spec.at)
    const endsAt = addMs(startsAt, 30 * MINUTE)
    const slotId = spec.inFair ? must(fair.slotIdAt(startsAt), `slot for meeting ${spec.key}`) : null
    const requester = spec.requestedBy === 'buyer' ? buyer : company.owner
    const createdAt = new Date(Math.min(ctx.now.getTime() - 3 * HOUR, startsAt.getTime() - rng.number.int({ min: 2, max: 6 }) * DAY))
    const decided = spec.status !== 'REQUESTED'
    const held = spec.status === 'HELD'
    const calledOff = spec.inFair && spec.status === 'CANCELLED'

    plan.meetings.push({
      id: meetingId,
      buyerId: buyer.profileId,
      companyId: company.id,
      fairId: spec.inFair ? fair.id : null,
      slotId,
      status: spec.status,
      startsAt,
      endsAt,
      requestedById: requester.id,
      interpreterLanguage: spec.interpreter ?? null,
      agenda: spec.agenda,
      locked: spec.inFair && (spec.status === 'ACCEPTED' || held),
      publishedAt: spec.inFair && (spec.status === 'ACCEPTED' || held) ? addMs(createdAt, DAY) : calledOff ? addMs(createdAt, HOUR) : null,
      consultationValueUsdCents: spec.outcome ? BigInt(spec.outcome.consultationUsd * 100) : null,
      expectedContractValueUsdCents: spec.outcome ? BigInt(spec.outcome.expectedUsd * 100) : null,
      contractValueUsdCents: spec.outcome?.contractUsd === undefined ? null : BigInt(spec.outcome.contractUsd * 100),
      nextStep: spec.outcome?.nextStep ?? null,
      outcomeNotes: spec.outcome?.notes ?? null,
      // Attendance (docs/meeting-attendance.md): an open request waits 72 h for an answer, never past its start.
      respondBy: spec.status === 'REQUESTED' ? new Date(Math.min(ctx.now.getTime() + 72 * HOUR, startsAt.getTime())) : null,
      createdAt,
      updatedAt: held ? addMs(endsAt, 20 * MINUTE) : calledOff ? addMs(createdAt, 2 * HOUR) : decided ? addMs(createdAt, 5 * HOUR) : createdAt,
    })

    const joined = (offsetSeconds: number) => (held ? addMs(startsAt, offsetSeconds * 1000) : null)
    plan.meetingParticipants.push(
      { meetingId, userId: buyer.id, role: 'BUYER', joinedAt: joined(rng.number.int({ min: 10, max: 150 })) },
      { meetingId, userId: company.owner.id, role: 'EXPORTER', joinedAt: joined(rng.number.int({ min: -120, max: 30 })) },
    )
    if (spec.withMember && company.member) {
      plan.meetingParticipants.push({ meetingId, userId: company.member.id, role: 'EXPORTER', joinedAt: null })
    }
    if (spec.interpreter === 'ru') {
      plan.meetingParticipants.push({ meetingId, userId: staff.interpreterRu.id, role: 'INTERPRETER', joinedAt: null })
    }
    out.set(spec.key, { id: meetingId, startsAt })
  }
  return out
}

import { randomUUID } from 'node:crypto'
import { getPrisma } from '~/domain/db.server'
import { hashInvitationToken } from '~/domain/exporters/team.server'
import { requirementData } from '~/domain/readiness/catalogue.server'
import { createBuyer, createExporter, createProduct, createUser } from './fixtures'
import { attendanceToken } from '~/domain/meetings/attendance-token.server'
import { badgeToken } from '~/domain/on-site/badge-token.server'

// The cast of the authorization matrix: "the" company (owner + member), "the" fair and its organizer,
// and one of everything a route can be opened on, all owned by them.

export const MATRIX_ROLES = [
  'anonymous',
  'buyer',
  'owner',
  'member',
  'otherExporter',
  'organizer',
  'otherOrganizer',
  'admin',
  'studioOperator',
  'tradeOfficer',
  'agencyMember',
] as const
export type MatrixRole = (typeof MATRIX_ROLES)[number]

const unique = () => randomUUID().slice(0, 8)

/** A market requirement of the catalogue (admin/requirements/:code), with a code of its own. */
async function matrixRequirement() {
  const prisma = await getPrisma()
  const code = `ZZ-MATRIX-${unique().toUpperCase()}`
  await prisma.marketRequirement.create({
    data: requirementData({
      code,
      market: 'US',
      kind: 'registration',
      scope: 'company',
      documentTypes: ['FDA'],
      hs: ['19'],
      exceptHs: [],
      name: { en: 'Matrix registration' },
      howToGet: { en: 'Register with the regulator online.' },
      issuerTypes: ['regulator'],
      leadTimeDays: { min: 1, max: 5 },
      voucherEligible: false,
      sourceUrl: 'https://example.org/matrix-rule',
      checkedOn: null,
    }),
  })
  return code
}
const HOUR = 60 * 60 * 1000
/** Each accept probe's meeting starts an hour after the previous one's (no clash between roles' acceptances). */
let acceptProbes = 0

/** A consultation awaiting the officer's confirmation, a week ahead (its own each time). */
async function matrixConsultation(officerId: string, requesterId: string, companyId: string) {
  const prisma = await getPrisma()
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000)
  return prisma.consultation.create({
    data: {
      officerId,
      requesterId,
      companyId,
      market: 'MN',
      topic: 'MARKET_ENTRY',
      question: 'Matrix question',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
    },
  })
}

export async function createAuthorizationWorld(now = new Date()) {
  const prisma = await getPrisma()
  const owner = await createExporter({ companyName: 'Matrix Foods' })
  const company = owner.company
  const member = await createUser('EXPORTER')
  await prisma.exporterMember.create({ data: { userId: member.user.id, companyId: company.id, role: 'MEMBER' } })
  const otherExporter = await createExporter({ companyName: 'Other Exporter' })
  const buyer = await createBuyer({ companyName: 'Matrix Buyer' })
  const organizer = await createUser('ORGANIZER')
  const otherOrganizer = await createUser('ORGANIZER')
  const admin = await createUser('ADMIN')
  // The people who run the hub (issue 23).
  const studioOperator = await createUser('STUDIO_OPERATOR')
  const tradeOfficer = await createUser('TRADE_OFFICER')
  const agencyMember = await createUser('AGENCY')

  const fairData = (organizerId: string, slug: string) => ({
    slug,
    name: `Fair ${slug}`,
    startsAt: new Date(now.getTime() - 24 * HOUR),
    endsAt: new Date(now.getTime() + 7 * 24 * HOUR),
    timeZone: 'Asia/Seoul',
    languages: ['en', 'ko'],
    status: 'OPEN' as const,
    organizerId,
  })
  const fair = await prisma.tradeFair.create({ data: fairData(organizer.user.id, `fair-${unique()}`) })
  await prisma.tradeFair.create({ data: fairData(otherOrganizer.user.id, `other-fair-${unique()}`) })
  await prisma.fairRegistration.createMany({
    data: [
      { fairId: fair.id, userId: owner.user.id, kind: 'EXHIBITOR', companyId: company.id, status: 'APPROVED', decidedAt: now },
      { fairId: fair.id, userId: buyer.user.id, kind: 'BUYER', status: 'APPROVED', decidedAt: now },
    ],
  })
  const booth = await prisma.booth.create({
    data: { fairId: fair.id, companyId: company.id, code: `A-${unique().toUpperCase()}`, headline: 'Booth', approvedAt: now },
  })

  const product = await createProduct(company.id, { name: 'Matrix noodles' })
  const inquiry = await prisma.inquiry.create({
    data: { buyerId: buyer.profile.id, companyId: company.id, productId: product.id, quantity: 500, destinationCountry: 'US', message: 'Price for 500 boxes?' },
  })
  const order = await prisma.order.create({
    data: {
      kind: 'SAMPLE',
      status: 'PAID',
      userId: buyer.user.id,
      buyerId: buyer.profile.id,
      companyId: company.id,
      productId: product.id,
      unitAmountMinor: 1000,
      totalAmountMinor: 1000,
      currency: 'USD',
      paidAt: now,
    },
  })
  const meeting = await prisma.meeting.create({
    data: {
      buyerId: buyer.profile.id,
      companyId: company.id,
      fairId: fair.id,
      status: 'ACCEPTED',
      startsAt: new Date(now.getTime() + 24 * HOUR),
      endsAt: new Date(now.getTime() + 24.5 * HOUR),
      requestedById: buyer.user.id,
      participants: {
        create: [
          { userId: buyer.user.id, role: 'BUYER' },
          { userId: owner.user.id, role: 'EXPORTER' },
        ],
      },
    },
  })
  const showcase = await prisma.liveSession.create({
    data: {
      title: 'Matrix showcase',
      description: 'Public demo',
      scheduledStartAt: new Date(now.getTime() + 2 * HOUR),
      scheduledEndAt: new Date(now.getTime() + 3 * HOUR),
      hostId: owner.user.id,
      companyId: company.id,
    },
  })
  const invitationToken = `matrix-invite-${randomUUID()}`
  await prisma.exporterInvitation.create({
    data: {
      companyId: company.id,
      email: `invitee-${unique()}@example.test`,
      tokenHash: hashInvitationToken(invitationToken),
      invitedById: owner.user.id,
      expiresAt: new Date(now.getTime() + 24 * HOUR),
    },
  })

  // Export agencies (docs/export-agencies.md): the agency member's agency holds "the" company's grant of the
  // catalogue, RFQs & quotes, meetings and showcases; the other company granted nothing.
  const matrixAgency = await prisma.exportAgency.create({ data: { slug: `matrix-agency-${unique()}`, name: 'Matrix Agency', region: 'Gangwon' } })
  await prisma.agencyMember.create({ data: { userId: agencyMember.user.id, agencyId: matrixAgency.id } })
  await prisma.agencyGrant.create({
    data: { companyId: company.id, agencyId: matrixAgency.id, scopes: ['CATALOGUE', 'RFQS_QUOTES', 'MEETINGS', 'SHOWCASES'], grantedById: owner.user.id },
  })

  // Trade-officer consultations (docs/consultations.md): the trade officer's profile with hours, and a
  // consultation "the" owner booked with them (its two participants).
  const officerProfile = await prisma.tradeOfficerProfile.create({
    data: {
      userId: tradeOfficer.user.id,
      officeName: 'Matrix Trade Office',
      markets: ['MN'],
      languages: ['en'],
      timeZone: 'Asia/Ulaanbaatar',
      hours: { create: [{ weekday: 1, start: '09:00', end: '17:00' }] },
    },
  })
  const consultation = await matrixConsultation(officerProfile.id, owner.user.id, company.id)

  const users: Record<Exclude<MatrixRole, 'anonymous'>, string> = {
    buyer: buyer.user.id,
    owner: owner.user.id,
    member: member.user.id,
    otherExporter: otherExporter.user.id,
    organizer: organizer.user.id,
    otherOrganizer: otherOrganizer.user.id,
    admin: admin.user.id,
    studioOperator: studioOperator.user.id,
    tradeOfficer: tradeOfficer.user.id,
    agencyMember: agencyMember.user.id,
  }
  // Route params → the objects of "the" company / "the" fair.
  const params: Record<string, string> = {
    productId: product.id,
    token: invitationToken,
    fairId: fair.id,
    slug: fair.slug,
    code: booth.code,
    inquiryId: inquiry.id,
    orderId: order.id,
    meetingId: meeting.id,
    sessionId: showcase.id,
    officerId: officerProfile.id,
    consultationId: consultation.id,
  }
  // Where a param name means a different object on a given route.
  const paramsByRoute: Record<string, Record<string, string>> = {
    'exporters/:slug': { slug: company.slug },
    'admin/requirements/:code': { code: await matrixRequirement() },
    // A confirmation mail's signed link (docs/meeting-attendance.md): the buyer side of "the" meeting.
    'meetings/attend/:token': { token: attendanceToken(meeting.id, 'buyer', meeting.startsAt) },
  }
  // Routes that need a query string to show anything.
  const queryByRoute: Record<string, string> = {
    'meetings/new': `?company=${encodeURIComponent(company.slug)}`,
    oembed: `?${new URLSearchParams({ url: `http://localhost/live/${showcase.id}`, format: 'json' })}`,
  }
  return { users, params, paramsByRoute, queryByRoute, company, fair, buyerProfileId: buyer.profile.id, product, inquiry, officerProfileId: officerProfile.id }
}

export type AuthorizationWorld = Awaited<ReturnType<typeof createAuthorizationWorld>>

/** The URL of a route pattern in this world ("*" becomes a path nothing else matches). */
export function urlOf(pattern: string, world: AuthorizationWorld): string {
  if (pattern === '') return '/'
  if (pattern === '*') return '/no-such-page-in-the-matrix'
  return `${pathOf(pattern, { ...world.params, ...world.paramsByRoute[pattern] })}${world.queryByRoute[pattern] ?? ''}`
}

function pathOf(pattern: string, params: Record<string, string>): string {
  return `/${pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name]
    if (!value) throw new Error(`No fixture value for :${name} in ${pattern}`)
    return encodeURIComponent(value)
  })}`
}

// ── Sensitive actions, one probe per intent whose permission differs from the route's ──
// Each role gets a fresh target (setup), so one role's success never changes what the next one sees.

type Probe = {
  route: string
  setup: (world: AuthorizationWorld) => Promise<{ params?: Record<string, string>; body: Record<string, string> }>
}

async function paidOrder(world: AuthorizationWorld) {
  const prisma = await getPrisma()
  return prisma.order.create({
    data: {
      kind: 'SAMPLE',
      status: 'PAID',
      userId: world.users.buyer,
      buyerId: world.buyerProfileId,
      companyId: world.company.id,
      productId: world.product.id,
      unitAmountMinor: 1000,
      totalAmountMinor: 1000,
      currency: 'USD',
      paidAt: new Date(),
      stripePaymentIntentId: `pi_${randomUUID()}`,
    },
  })
}

let probeDays = 0

/** The badge token of a new approved buyer registration of "the" fair. */
async function freshBadge(world: AuthorizationWorld) {
  const prisma = await getPrisma()
  const { user } = await createBuyer()
  const registration = await prisma.fairRegistration.create({ data: { fairId: world.fair.id, userId: user.id, kind: 'BUYER', status: 'APPROVED' } })
  return badgeToken(registration, world.fair)
}

/** An ended showcase of "the" company in "the" fair with a READY, published recording (no files). */
async function endedShowcaseWithReplay(world: AuthorizationWorld) {
  const prisma = await getPrisma()
  const startedAt = new Date(Date.now() - 2 * HOUR)
  const session = await prisma.liveSession.create({
    data: {
      title: 'Probe replay',
      status: 'ENDED',
      startedAt,
      endedAt: new Date(startedAt.getTime() + HOUR),
      scheduledStartAt: startedAt,
      scheduledEndAt: new Date(startedAt.getTime() + HOUR),
      hostId: world.users.owner,
      companyId: world.company.id,
      fairId: world.fair.id,
    },
  })
  const recording = await prisma.recording.create({ data: { sessionId: session.id, status: 'READY', startedAt, finalizedAt: startedAt, durationMs: 600_000 } })
  return { session, recording }
}

/** A studio open every day (UTC), with one set, and a scheduled showcase of "the" company hosted by its owner (studio booking). */
async function studioProbe(world: AuthorizationWorld) {
  const prisma = await getPrisma()
  const allDay = { open: '00:00', close: '23:59' }
  const studio = await prisma.studio.create({
    data: { name: 'Probe studio', timeZone: 'UTC', openingHours: Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, allDay])) },
  })
  const set = await prisma.studioResource.create({ data: { studioId: studio.id, kind: 'SET', name: 'Probe set' } })
  const day = new Date(Date.now() + 2 * 24 * HOUR).toISOString().slice(0, 10)
  const session = await prisma.liveSession.create({
    data: {
      title: 'Probe studio showcase',
      scheduledStartAt: new Date(`${day}T10:00:00Z`),
      scheduledEndAt: new Date(`${day}T11:00:00Z`),
      hostId: world.users.owner,
      companyId: world.company.id,
    },
  })
  return { studio, set, session, day }
}

export const ACTION_PROBES: Record<string, Probe> = {
  // Scheduling into "the" fair: the company has an approved booth there (another company has none: a form error).
  'exporter/sessions › schedule-into-fair': {
    route: 'exporter/sessions',
    setup: async (world) => {
      const start = new Date(Date.now() + 24 * HOUR).toISOString().slice(0, 16)
      const end = new Date(Date.now() + 25 * HOUR).toISOString().slice(0, 16)
      return { body: { intent: 'schedule', title: 'Probe fair showcase', startsAt: start, endsAt: end, isPublic: 'on', fairId: world.fair.id } }
    },
  },
  'studio/:sessionId › recording': {
    route: 'studio/:sessionId',
    setup: async () => ({ body: { intent: 'recording', enabled: 'false' } }),
  },
  'exporter/team › invite': {
    route: 'exporter/team',
    setup: async () => ({ body: { intent: 'invite', email: `probe-${unique()}@example.test`, role: 'MEMBER' } }),
  },
  'exporter/team › remove-member': {
    route: 'exporter/team',
    setup: async (world) => {
      const prisma = await getPrisma()
      const { user } = await createUser('EXPORTER')
      const member = await prisma.exporterMember.create({ data: { userId: user.id, companyId: world.company.id, role: 'MEMBER' } })
      return { body: { intent: 'remove-member', memberId: member.id } }
    },
  },
  'exporter/orders › ship': {
    route: 'exporter/orders',
    setup: async (world) => ({ body: { intent: 'ship', orderId: (await paidOrder(world)).id, trackingNumber: 'TRK-1234' } }),
  },
  'orders/:orderId › ship': {
    route: 'orders/:orderId',
    setup: async (world) => {
      const order = await paidOrder(world)
      return { params: { orderId: order.id }, body: { intent: 'ship', orderId: order.id, trackingNumber: 'TRK-1234' } }
    },
  },
  'orders/:orderId › refund': {
    route: 'orders/:orderId',
    setup: async (world) => {
      const order = await paidOrder(world)
      return { params: { orderId: order.id }, body: { intent: 'refund', orderId: order.id } }
    },
  },
  'inquiries/:inquiryId › message': {
    route: 'inquiries/:inquiryId',
    setup: async () => ({ body: { intent: 'message', body: 'Probe message' } }),
  },
  'organizer/fairs/:fairId › approve': {
    route: 'organizer/fairs/:fairId',
    setup: async (world) => {
      const prisma = await getPrisma()
      const { user } = await createBuyer()
      const registration = await prisma.fairRegistration.create({ data: { fairId: world.fair.id, userId: user.id, kind: 'BUYER' } })
      return { body: { intent: 'approve', registrationId: registration.id } }
    },
  },
  // On site (docs/fair-on-site.md): a fresh approved buyer's badge scanned at the check-in desk and at the booth.
  'organizer/fairs/:fairId/check-in/scans › scan': {
    route: 'organizer/fairs/:fairId/check-in/scans',
    setup: async (world) => ({ body: { intent: 'scan', scanId: randomUUID(), code: await freshBadge(world), scannedAt: String(Date.now()) } }),
  },
  'exporter/fairs/:fairId/booth-scan/scans › scan': {
    route: 'exporter/fairs/:fairId/booth-scan/scans',
    setup: async (world) => ({ body: { intent: 'scan', scanId: randomUUID(), code: await freshBadge(world), scannedAt: String(Date.now()), note: 'Probe' } }),
  },
  'organizer/fairs/:fairId/fees › set-fee': {
    route: 'organizer/fairs/:fairId/fees',
    setup: async () => ({ body: { intent: 'set-fee', fee: '100', currency: 'USD' } }),
  },
  // Studio booking: a request for "the" company's showcase; an operator's approval of a fresh request.
  'exporter/studio › request': {
    route: 'exporter/studio',
    setup: async (world) => {
      const { studio, set, session, day } = await studioProbe(world)
      return {
        body: {
          intent: 'request',
          studioId: studio.id,
          sessionId: session.id,
          setId: set.id,
          day,
          start: '10:00',
          end: '11:00',
          showing: 'Probe',
          languages: 'en',
        },
      }
    },
  },
  'hub/studio › approve': {
    route: 'hub/studio',
    setup: async (world) => {
      const prisma = await getPrisma()
      const { studio, set, session, day } = await studioProbe(world)
      const startsAt = new Date(`${day}T10:00:00Z`)
      const endsAt = new Date(`${day}T11:00:00Z`)
      const booking = await prisma.studioBooking.create({
        data: {
          studioId: studio.id,
          companyId: world.company.id,
          sessionId: session.id,
          startsAt,
          endsAt,
          showing: 'Probe',
          resources: { create: { resourceId: set.id, startsAt, endsAt } },
        },
      })
      return { body: { intent: 'approve', bookingId: booking.id } }
    },
  },
  'organizer/rates › rate': {
    route: 'organizer/rates',
    // A date no other suite uses: on a shared database this probe's rate must not replace the fair KPI test's.
    setup: async () => ({ body: { intent: 'rate', currency: 'KRW', usdPerUnit: '0.00075', validFrom: '2031-03-01' } }),
  },
  'organizer/rates › delete': {
    route: 'organizer/rates',
    setup: async () => {
      const prisma = await getPrisma()
      // A day of its own per probe, so the (currency, validFrom) key never collides.
      const validFrom = new Date(Date.UTC(2020, 0, 1) + probeDays++ * 24 * HOUR)
      const rate = await prisma.exchangeRate.create({ data: { currency: 'JPY', usdPerUnit: '0.0067', validFrom } })
      return { body: { intent: 'delete', rateId: rate.id } }
    },
  },
  'meetings/:meetingId › cancel': {
    route: 'meetings/:meetingId',
    setup: async (world) => {
      const prisma = await getPrisma()
      const startsAt = new Date(Date.now() + 48 * HOUR)
      const meeting = await prisma.meeting.create({
        data: {
          buyerId: world.buyerProfileId,
          companyId: world.company.id,
          fairId: world.fair.id,
          status: 'ACCEPTED',
          startsAt,
          endsAt: new Date(startsAt.getTime() + HOUR / 2),
          requestedById: world.users.buyer,
          participants: {
            create: [
              { userId: world.users.buyer, role: 'BUYER' },
              { userId: world.users.owner, role: 'EXPORTER' },
            ],
          },
        },
      })
      return { params: { meetingId: meeting.id }, body: { intent: 'cancel' } }
    },
  },
  // A request of the buyer's, each role's an hour after the previous one's so no acceptance clashes with another.
  'meetings/:meetingId › accept': {
    route: 'meetings/:meetingId',
    setup: async (world) => {
      const prisma = await getPrisma()
      const startsAt = new Date(Date.now() + 96 * HOUR + (acceptProbes += 1) * HOUR)
      const meeting = await prisma.meeting.create({
        data: {
          buyerId: world.buyerProfileId,
          companyId: world.company.id,
          status: 'REQUESTED',
          startsAt,
          endsAt: new Date(startsAt.getTime() + HOUR / 2),
          requestedById: world.users.buyer,
        },
      })
      return { params: { meetingId: meeting.id }, body: { intent: 'accept' } }
    },
  },
  'fairs/:slug/booths/:code › preference': {
    route: 'fairs/:slug/booths/:code',
    setup: async () => ({ body: { intent: 'preference', level: 'MUST_MEET' } }),
  },
  'exporter/replays › delete': {
    route: 'exporter/replays',
    setup: async (world) => ({ body: { intent: 'delete', recordingId: (await endedShowcaseWithReplay(world)).recording.id } }),
  },
  'organizer/fairs/:fairId › unpublish-replay': {
    route: 'organizer/fairs/:fairId',
    setup: async (world) => ({ body: { intent: 'unpublish-replay', recordingId: (await endedShowcaseWithReplay(world)).recording.id } }),
  },
  'organizer/fairs/:fairId › verify-buyer': {
    route: 'organizer/fairs/:fairId',
    setup: async (world) => {
      const prisma = await getPrisma()
      const { user, profile } = await createBuyer()
      await prisma.fairRegistration.create({ data: { fairId: world.fair.id, userId: user.id, kind: 'BUYER', status: 'APPROVED' } })
      return { body: { intent: 'verify-buyer', buyerId: profile.id, method: 'DOCUMENTS', note: 'Business registration seen' } }
    },
  },
  'organizer/fairs/:fairId › revoke-buyer': {
    route: 'organizer/fairs/:fairId',
    setup: async (world) => {
      const prisma = await getPrisma()
      const { user, profile } = await createBuyer()
      await prisma.fairRegistration.create({ data: { fairId: world.fair.id, userId: user.id, kind: 'BUYER', status: 'APPROVED' } })
      const entry = await prisma.buyerVerification.create({
        data: {
          buyerId: profile.id,
          action: 'VERIFIED',
          method: 'TRADE_REFERENCE',
          note: 'Matrix reference',
          verifierName: 'Matrix organizer',
          fairId: world.fair.id,
        },
      })
      await prisma.buyerProfile.update({ where: { id: profile.id }, data: { currentVerificationId: entry.id } })
      return { body: { intent: 'revoke-buyer', buyerId: profile.id, note: 'Reference withdrawn' } }
    },
  },
  'admin/buyers › verify-buyer': {
    route: 'admin/buyers',
    setup: async () => {
      const { profile } = await createBuyer()
      return { body: { intent: 'verify-buyer', buyerId: profile.id, method: 'OTHER', note: 'Video call with the director' } }
    },
  },
  'admin/staff › create-staff': {
    route: 'admin/staff',
    setup: async () => ({
      body: { intent: 'create-staff', name: 'Probe Officer', email: `probe-staff-${unique()}@example.test`, role: 'TRADE_OFFICER', locale: 'en' },
    }),
  },
  'admin/requirements/:code › delete': {
    route: 'admin/requirements/:code',
    setup: async () => ({ params: { code: await matrixRequirement() }, body: { intent: 'delete', confirm: 'on' } }),
  },
  // Export agencies: the owner grants a fresh agency, revokes a fresh grant; the agency member acts for "the"
  // company; the admin creates an agency and adds a member (docs/export-agencies.md).
  'exporter/agencies › grant': {
    route: 'exporter/agencies',
    setup: async () => {
      const prisma = await getPrisma()
      const agency = await prisma.exportAgency.create({ data: { slug: `probe-agency-${unique()}`, name: 'Probe Agency', region: 'Gangwon' } })
      return { body: { intent: 'grant', agencyId: agency.id, scopes: 'CATALOGUE' } }
    },
  },
  'exporter/agencies › revoke': {
    route: 'exporter/agencies',
    setup: async (world) => {
      const prisma = await getPrisma()
      const agency = await prisma.exportAgency.create({ data: { slug: `probe-agency-${unique()}`, name: 'Probe Agency', region: 'Gangwon' } })
      const grant = await prisma.agencyGrant.create({ data: { companyId: world.company.id, agencyId: agency.id, scopes: ['CATALOGUE'] } })
      return { body: { intent: 'revoke', grantId: grant.id } }
    },
  },
  'agency › act-for': {
    route: 'agency',
    setup: async (world) => ({ body: { intent: 'act-for', companyId: world.company.id } }),
  },
  // The matrix's agency member is an AGENT: refused; only the agency's leads manage its team.
  'agency/team › add-member': {
    route: 'agency/team',
    setup: async () => {
      const { user } = await createUser('AGENCY')
      return { body: { intent: 'add-member', email: user.email, role: 'AGENT' } }
    },
  },
  'admin/agencies › create-agency': {
    route: 'admin/agencies',
    setup: async () => ({ body: { intent: 'create-agency', name: `Probe Agency ${unique()}`, region: 'Gangwon' } }),
  },
  'admin/agencies › add-member': {
    route: 'admin/agencies',
    setup: async () => {
      const prisma = await getPrisma()
      const agency = await prisma.exportAgency.create({ data: { slug: `probe-agency-${unique()}`, name: 'Probe Agency', region: 'Gangwon' } })
      const { user } = await createUser('AGENCY')
      return { body: { intent: 'add-member', agencyId: agency.id, email: user.email, role: 'AGENT' } }
    },
  },
  'consultations/:consultationId › confirm': {
    route: 'consultations/:consultationId',
    setup: async (world) => {
      const consultation = await matrixConsultation(world.officerProfileId, world.users.owner, world.company.id)
      return { params: { consultationId: consultation.id }, body: { intent: 'confirm' } }
    },
  },
  'inquiries/:inquiryId › quote': {
    route: 'inquiries/:inquiryId',
    setup: async () => {
      const validUntil = new Date(Date.now() + 30 * 24 * HOUR).toISOString().slice(0, 10)
      return { body: { intent: 'quote', unitPrice: '12.5', currency: 'USD', quantity: '100', validUntil, terms: '' } }
    },
  },
  'live/:sessionId/clips › create-clip': {
    route: 'live/:sessionId/clips',
    setup: async (world) => {
      const { session } = await endedShowcaseWithReplay(world)
      return { params: { sessionId: session.id }, body: { intent: 'create-clip', title: 'Probe clip', start: '0:10', end: '0:30' } }
    },
  },
}

/** The URL and form of one probe, with a fresh target. */
export async function probeRequest(label: string, world: AuthorizationWorld) {
  const probe = ACTION_PROBES[label]
  if (!probe) throw new Error(`no probe ${label}`)
  const setup = await probe.setup(world)
  const params = { ...world.params, ...world.paramsByRoute[probe.route], ...setup.params }
  return { url: pathOf(probe.route, params), body: setup.body, params }
}

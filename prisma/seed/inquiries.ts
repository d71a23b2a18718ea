// RFQs at every outcome stage (docs/outcome-stages.md), with stage history, quotes and message threads; most belong
// to the demo fair, so its KPI page shows a believable funnel.
import type { SeededSessions } from './live.ts'
import { lookups, type World } from './lookup.ts'
import type { SeededBuyer, SeededCompany, SeededUser } from './types.ts'
import { DAY, MINUTE, addMs, createRng, idFactory, toMinor } from './util.ts'

type Status = 'CONSULTATION' | 'QUOTE' | 'SAMPLE' | 'LOI' | 'CONTRACT_SIGNED' | 'SHIPPED' | 'LOST'
type Incoterm = 'EXW' | 'FCA' | 'FOB' | 'CFR' | 'CIF' | 'CIP' | 'DAP' | 'DDP'

type InquirySpec = {
  key: string
  buyer: string
  company: string
  product: [string, number?]
  /** Final stage; the history walks CONSULTATION → QUOTE → SAMPLE → LOI → CONTRACT_SIGNED → SHIPPED (each step dated in `days`), or to LOST */
  status: Status
  quantity: number
  /** Target unit price in major units of the product's currency */
  target?: number
  incoterm: Incoterm
  destination: string
  certs?: string[]
  /** Days before now of each step (fractions allowed) */
  /** negotiating: when a revised quote was sent (no stage of its own); closed: when it was lost */
  days: { created: number; quoted?: number; sample?: number; negotiating?: number; loi?: number; signed?: number; shipped?: number; closed?: number }
  message: string
  quote?: { price: number; validDays: number; terms: string; revised?: number }
  consultationUsd?: number
  /** Letter of intent, contract and shipped (invoiced) values in USD; the quote value is the latest quote's total */
  loiUsd?: number
  contractUsd?: number
  shippedUsd?: number
  lostReason?: string
  inFair?: boolean
  fromEndedSession?: boolean
  /** Which side has not read the latest activity */
  unread?: 'buyer' | 'exporter'
  /** Follow-up messages: who, days before now, text */
  thread: Array<['buyer' | 'exporter', number, string]>
}

const INQUIRIES: InquirySpec[] = [
  {
    key: 'sato-soba',
    buyer: 'Takashi Sato',
    company: 'soyang-buckwheat-foods',
    product: ['chuncheon-buckwheat-soba', 0],
    status: 'CONSULTATION',
    quantity: 800,
    target: 24,
    incoterm: 'CIF',
    destination: 'JP',
    days: { created: 0 },
    fromEndedSession: true,
    inFair: true,
    message:
      'Thank you for the live session. We would like to quote 800 cartons of the 500 g soba, CIF Tokyo, with Japanese back labels. Please also advise whether a 250 g pack is possible.',
    unread: 'exporter',
    thread: [],
  },
  {
    key: 'emily-chips',
    buyer: 'Emily Carter',
    company: 'soyang-buckwheat-foods',
    product: ['gangwon-potato-chips', 1],
    inFair: true,
    status: 'QUOTE',
    quantity: 1000,
    target: 17.5,
    incoterm: 'FOB',
    destination: 'US',
    certs: ['FDA'],
    days: { created: 6.2, quoted: 5.1 },
    message:
      'We are looking for a honey butter kettle chip for 120 Northeast grocery stores under our own label. 1,000 cartons for the first order, FOB Incheon. Can you meet $17.50?',
    quote: {
      price: 18.2,
      validDays: 30,
      terms: 'FOB Incheon. 30% T/T deposit, 70% against copy of B/L. Private-label artwork supplied by buyer; plate cost waived from 2,000 cartons.',
    },
    unread: 'buyer',
    thread: [
      ['exporter', 5.1, 'Thank you, Emily. Our best price for 1,000 cartons is $18.20 FOB Incheon; from 5,000 cartons we can go to $17.29. Quote attached.'],
      ['exporter', 5.05, 'We can print FDA-compliant nutrition facts in English and Spanish. Lead time is 45 days after artwork approval.'],
    ],
  },
  {
    key: 'volkov-tea',
    buyer: 'Dmitry Volkov',
    company: 'soyang-buckwheat-foods',
    product: ['tartary-buckwheat-tea'],
    inFair: true,
    status: 'SAMPLE',
    quantity: 2000,
    target: 4.5,
    incoterm: 'CIF',
    destination: 'RU',
    certs: ['EAC'],
    days: { created: 14, quoted: 12.3, sample: 8.4 },
    message:
      'Добрый день! Interested in tartary buckwheat tea for pharmacies and supermarkets in Primorye. 2,000 boxes CIF Vladivostok, with EAC and Russian labels.',
    quote: { price: 4.75, validDays: 45, terms: 'CIF Vladivostok. Russian sticker labels applied at our plant. Payment: 50% advance, 50% before shipment.' },
    thread: [
      ['exporter', 12.3, 'Quote sent: $4.75 per box CIF Vladivostok. Our EAC declaration is valid for tea bags.'],
      ['buyer', 11.8, 'Price is acceptable if the samples pass our taste panel. Please send 3 boxes.'],
      ['exporter', 8.4, 'Samples shipped by EMS, tracking EE 482 913 556 KR. Expected in Vladivostok within 5 days.'],
    ],
  },
  {
    key: 'emily-ginseng',
    buyer: 'Emily Carter',
    company: 'hongcheon-red-ginseng',
    product: ['six-year-red-ginseng-extract', 0],
    status: 'SAMPLE',
    inFair: true,
    quantity: 600,
    target: 52,
    incoterm: 'DAP',
    destination: 'US',
    certs: ['FDA'],
    days: { created: 20, quoted: 18.2, sample: 15.5, negotiating: 6 },
    message: 'We need a premium red ginseng extract for the Lunar New Year gift season. 600 jars DAP New Jersey warehouse. Please include ginsenoside COA.',
    quote: { price: 58, validDays: 30, terms: 'DAP Edison, NJ. COA per lot. Gift box sleeve in English included.', revised: 55 },
    consultationUsd: 33_000,
    thread: [
      ['exporter', 18.2, 'Dear Emily, quote attached at $58 DAP. Each lot comes with a third-party ginsenoside COA.'],
      ['exporter', 15.5, 'Two sample jars shipped by FedEx today.'],
      ['buyer', 9.1, 'Samples well received, the team loved the taste. Our target is $52 DAP for 600 jars.'],
      ['exporter', 6, 'We can do $55 DAP if we ship together with your red ginseng stick order. Revised quote attached.'],
      ['buyer', 5.6, 'Let me check the stick volumes with our category manager and come back this week.'],
    ],
  },
  {
    key: 'zhang-cup-noodles',
    buyer: 'Zhang Wei',
    company: 'soyang-buckwheat-foods',
    product: ['instant-buckwheat-cup-noodles', 0],
    status: 'SHIPPED',
    inFair: true,
    quantity: 4000,
    target: 16.8,
    incoterm: 'CIF',
    destination: 'CN',
    certs: ['HACCP'],
    days: { created: 45, quoted: 43, sample: 38, negotiating: 30, signed: 21, shipped: 1.5 },
    message:
      'We import Korean instant noodles for Shanghai convenience stores. Request a quote for 4,000 cartons of buckwheat cup noodles, CIF Shanghai, Chinese labels.',
    quote: { price: 17.8, validDays: 30, terms: 'CIF Shanghai. Chinese back labels. GACC registration number printed on carton.', revised: 17.1 },
    consultationUsd: 72_000,
    contractUsd: 68_400,
    shippedUsd: 68_400,
    thread: [
      ['exporter', 43, 'Quote attached: $17.80 CIF Shanghai for 4,000 cartons.'],
      ['exporter', 38, 'Samples (2 cartons) sent by SF Express.'],
      ['buyer', 31, '样品口味很好。Target $16.80 — can you meet us halfway?'],
      ['exporter', 30, 'We can offer $17.10 with a 40 ft container of mixed original and spicy.'],
      ['buyer', 22, 'Agreed at $17.10. PO 2026-SH-0412 sent by email.'],
      ['exporter', 21, 'Thank you! Production starts Monday; ETD Incheon in 4 weeks.'],
      ['exporter', 1.5, 'Container loaded and shipped from Incheon; B/L and invoice for $68,400 attached. ETA Shanghai in 5 days.'],
    ],
  },
  {
    key: 'becker-chips',
    buyer: 'Lukas Becker',
    company: 'soyang-buckwheat-foods',
    product: ['gangwon-potato-chips', 0],
    inFair: true,
    status: 'LOST',
    quantity: 600,
    target: 16,
    incoterm: 'CIF',
    destination: 'DE',
    days: { created: 30, quoted: 28, closed: 20 },
    message: 'Looking for sea-salt kettle chips for Asian supermarkets in NRW. 600 cartons CIF Hamburg.',
    quote: { price: 20.4, validDays: 21, terms: 'CIF Hamburg. German sticker labels at cost.' },
    lostReason: 'Landed price above target after EU duty and freight; buyer chose a Polish supplier.',
    thread: [
      ['exporter', 28, 'Our CIF Hamburg price is $20.40 per carton for 600 cartons.'],
      ['buyer', 20.5, 'Thank you, but with 14% duty we cannot go above $16. We will revisit next season.'],
    ],
  },
  {
    key: 'emily-toner',
    buyer: 'Emily Carter',
    company: 'jajak-birch-cosmetics',
    product: ['birch-sap-hydrating-toner', 0],
    status: 'CONSULTATION',
    quantity: 3000,
    target: 4.8,
    incoterm: 'FOB',
    destination: 'US',
    certs: ['FDA'],
    days: { created: 0.2 },
    inFair: true,
    message:
      'Visited your booth at GTI Expo. Do you have MoCRA listing for the 150 ml toner? We would start with 3,000 units for a clean-beauty subscription box.',
    unread: 'exporter',
    thread: [],
  },
  {
    key: 'brooks-monitor',
    buyer: 'Rachel Brooks',
    company: 'wonju-medisense',
    product: ['medisense-bedside-patient-monitor', 0],
    inFair: true,
    status: 'QUOTE',
    quantity: 40,
    target: 1700,
    incoterm: 'CIP',
    destination: 'US',
    certs: ['FDA'],
    days: { created: 9, quoted: 7 },
    message: 'Our network of outpatient surgery centers needs 40 bedside monitors. Please quote the MS-700 with 510(k) documentation, CIP Chicago.',
    quote: { price: 1790, validDays: 60, terms: "CIP Chicago O'Hare. 2-year warranty, 1 on-site training day. Payment 30 days after delivery via L/C." },
    thread: [['exporter', 7, 'Quote attached, including our 510(k) clearance letter and service plan.']],
  },
  {
    key: 'bat-squid',
    buyer: 'Bat-Erdene Ganbold',
    company: 'seorak-sea-foods',
    product: ['sokcho-sun-dried-squid', 1],
    status: 'CONTRACT_SIGNED',
    inFair: true,
    quantity: 1200,
    target: 36,
    incoterm: 'CFR',
    destination: 'MN',
    days: { created: 60, quoted: 58, sample: 52, negotiating: 45, signed: 35 },
    message: 'Dried squid for Ulaanbaatar supermarkets, 1,200 kg. Shipping via Tianjin, CFR Tianjin.',
    quote: { price: 38, validDays: 30, terms: "CFR Tianjin, transit to Ulaanbaatar by buyer's forwarder.", revised: 36.75 },
    consultationUsd: 48_000,
    contractUsd: 44_100,
    thread: [
      ['exporter', 58, 'Quote attached: $38/kg CFR Tianjin.'],
      ['exporter', 52, 'Sample pack of 2 kg sent by EMS.'],
      ['buyer', 46, 'Good quality. Can you do $36?'],
      ['exporter', 45, 'Meet at $36.75 for 1,200 kg?'],
      ['buyer', 35.5, 'Deal. Contract signed and sent.'],
    ],
  },
  {
    key: 'nurul-laver',
    buyer: 'Nurul Aisyah binti Hassan',
    company: 'samcheok-blue-seaweed',
    product: ['seasoned-laver-snack', 0],
    status: 'LOI',
    inFair: true,
    quantity: 2400,
    target: 29,
    incoterm: 'CIF',
    destination: 'MY',
    certs: ['HALAL'],
    days: { created: 18, quoted: 16, sample: 12, loi: 3 },
    message: 'Halal seaweed snacks for a Malaysian hypermarket chain. 2,400 cartons CIF Port Klang, JAKIM-recognised halal logo required on pack.',
    quote: { price: 31, validDays: 30, terms: 'CIF Port Klang. KMF halal logo (JAKIM-recognised) printed on pack.' },
    consultationUsd: 72_000,
    loiUsd: 69_600,
    unread: 'exporter',
    thread: [
      ['exporter', 16, 'Quote: $31 CIF Port Klang. Our KMF certificate is recognised by JAKIM.'],
      ['exporter', 12, 'Samples sent by DHL.'],
      ['buyer', 4, 'Samples approved by our QA. Could you offer $29 if we commit to 4 containers a year?'],
      ['buyer', 3, 'Letter of intent attached: 2,400 cartons at $29 CIF Port Klang for the first container, subject to your halal certificate copy.'],
    ],
  },
  {
    key: 'yui-masks',
    buyer: 'Yui Nakamura',
    company: 'yangyang-mugwort-lab',
    product: ['mugwort-calming-sheet-mask', 1],
    status: 'SAMPLE',
    quantity: 5000,
    incoterm: 'EXW',
    destination: 'JP',
    days: { created: 11, quoted: 10, sample: 6 },
    message: 'We sell K-beauty on Rakuten and Qoo10 Japan. Interested in the mugwort mask 10-packs, 5,000 packs to start.',
    quote: { price: 4.6, validDays: 30, terms: 'EXW Yangyang. Japanese labelling by importer.' },
    thread: [
      ['exporter', 10, 'Quote attached: $4.60 per 10-pack EXW.'],
      ['exporter', 6, 'Samples sent by EMS (20 packs).'],
    ],
  },
  {
    key: 'kuznetsov-implants',
    buyer: 'Sergei Kuznetsov',
    company: 'osteobridge-dental',
    product: ['osteobridge-implant-fixture', 0],
    status: 'CONSULTATION',
    quantity: 2000,
    target: 60,
    incoterm: 'DAP',
    destination: 'RU',
    certs: ['EAC'],
    days: { created: 1.1 },
    inFair: true,
    message:
      'We distribute dental implants to 300 clinics in the Moscow region. Please send your price list for fixtures and abutments, DAP Moscow, and a copy of the Roszdravnadzor registration.',
    thread: [],
  },
]

const STEP_ORDER: Status[] = ['CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI', 'CONTRACT_SIGNED', 'SHIPPED']

/** The latest quote's total (unit price × quantity) in USD cents, as the app records it; quotes here are in USD. */
function quoteValueUsdCents(spec: InquirySpec, currency: string): bigint | null {
  if (!spec.quote || spec.days.quoted === undefined || currency !== 'USD') return null
  return BigInt(Math.round((spec.quote.revised ?? spec.quote.price) * spec.quantity * 100))
}

export type SeededInquiries = Map<
  string,
  {
    id: string
    createdAt: Date
    buyer: SeededBuyer
    company: SeededCompany
    productName: string
    quantityText: string
    status: Status
    quote?: { price: string; validUntil: Date }
  }
>

export function buildInquiries(world: World, sessions: SeededSessions): SeededInquiries {
  const { ctx, plan, fair } = world
  const rng = createRng(2026_07)
  const id = idFactory(rng)
  const find = lookups(world)
  const now = ctx.now.getTime()
  const ago = (days: number) => new Date(now - Math.round(days * DAY) - rng.number.int({ min: 0, max: 40 }) * MINUTE)
  const out: SeededInquiries = new Map()

  for (const spec of INQUIRIES) {
    const buyer = find.buyer(spec.buyer)
    const company = find.company(spec.company)
    const product = find.product(spec.company, spec.product[0], spec.product[1] ?? 0)
    const exporter: SeededUser = spec.company === 'soyang-buckwheat-foods' && spec.key === 'volkov-tea' ? (company.member ?? company.owner) : company.owner
    const inquiryId = id()
    const createdAt = spec.fromEndedSession ? addMs(sessions.ended.endedAt, 37 * MINUTE) : ago(spec.days.created)

    // Status history
    const history: Array<{ status: Status; at: Date; actor: string }> = [{ status: 'CONSULTATION', at: createdAt, actor: buyer.id }]
    const stamp = (days: number | undefined) => (days === undefined ? undefined : ago(days))
    const quotedAt = stamp(spec.days.quoted)
    const sampleSentAt = stamp(spec.days.sample)
    const negotiatingAt = stamp(spec.days.negotiating)
    const loiAt = stamp(spec.days.loi)
    const contractSignedAt = stamp(spec.days.signed)
    const shippedAt = stamp(spec.days.shipped)
    const lostAt = spec.status === 'LOST' ? stamp(spec.days.closed) : undefined
    if (quotedAt) history.push({ status: 'QUOTE', at: quotedAt, actor: exporter.id })
    if (sampleSentAt) history.push({ status: 'SAMPLE', at: sampleSentAt, actor: exporter.id })
    if (loiAt) history.push({ status: 'LOI', at: loiAt, actor: exporter.id })
    if (contractSignedAt) history.push({ status: 'CONTRACT_SIGNED', at: contractSignedAt, actor: exporter.id })
    if (shippedAt) history.push({ status: 'SHIPPED', at: shippedAt, actor: exporter.id })
    if (lostAt) history.push({ status: 'LOST', at: lostAt, actor: exporter.id })
    const reached = history[history.length - 1]?.status
    if (reached !== spec.status) throw new Error(`seed: inquiry ${spec.key} history ends at ${reached}, expected ${spec.status}`)
    if (spec.status !== 'LOST' && !STEP_ORDER.includes(spec.status)) throw new Error(`seed: bad status ${spec.status}`)

    for (const event of history) {
      plan.inquiryStatusEvents.push({ id: id(), inquiryId, status: event.status, actorId: event.actor, createdAt: event.at })
    }

    // Messages: like the app, the opening message is also the first message of the thread.
    const messages = [
      { id: id(), inquiryId, authorId: buyer.id, body: spec.message, createdAt },
      ...spec.thread.map(([who, days, body]) => {
        const at = ago(days)
        return { id: id(), inquiryId, authorId: who === 'buyer' ? buyer.id : exporter.id, body, createdAt: at <= createdAt ? addMs(createdAt, 5 * MINUTE) : at }
      }),
    ]
    plan.inquiryMessages.push(...messages)

    if (spec.quote && quotedAt) {
      const validUntil = addMs(quotedAt, spec.quote.validDays * DAY)
      plan.quotes.push({
        id: id(),
        inquiryId,
        unitPriceMinor: toMinor(spec.quote.price, product.currency),
        currency: product.currency,
        quantity: spec.quantity,
        incoterm: spec.incoterm,
        validUntil,
        terms: spec.quote.terms,
        createdById: exporter.id,
        createdAt: quotedAt,
      })
      if (spec.quote.revised !== undefined) {
        const revisedAt = negotiatingAt ?? quotedAt
        plan.quotes.push({
          id: id(),
          inquiryId,
          unitPriceMinor: toMinor(spec.quote.revised, product.currency),
          currency: product.currency,
          quantity: spec.quantity,
          incoterm: spec.incoterm,
          validUntil: addMs(revisedAt, spec.quote.validDays * DAY),
          terms: `Revised offer. ${spec.quote.terms}`,
          createdById: exporter.id,
          createdAt: addMs(revisedAt, 10 * MINUTE),
        })
      }
    }

    const activity = [createdAt, ...history.map((h) => h.at), ...messages.map((m) => m.createdAt)].reduce((a, b) => (a > b ? a : b))
    const beforeLast = new Date(activity.getTime() - 30 * MINUTE)
    plan.inquiries.push({
      id: inquiryId,
      buyerId: buyer.profileId,
      companyId: company.id,
      productId: product.id,
      liveSessionId: spec.fromEndedSession ? sessions.ended.id : null,
      fairId: spec.inFair || spec.fromEndedSession ? fair.id : null,
      status: spec.status,
      quantity: spec.quantity,
      unit: product.unit,
      targetPriceMinor: spec.target === undefined ? null : toMinor(spec.target, product.currency),
      targetCurrency: spec.target === undefined ? null : product.currency,
      incoterm: spec.incoterm,
      destinationCountry: spec.destination,
      certificationsNeeded: spec.certs ?? [],
      message: spec.message,
      consultationValueUsdCents: spec.consultationUsd === undefined ? null : BigInt(spec.consultationUsd * 100),
      quoteValueUsdCents: quoteValueUsdCents(spec, product.currency),
      loiValueUsdCents: spec.loiUsd === undefined ? null : BigInt(spec.loiUsd * 100),
      contractValueUsdCents: spec.contractUsd === undefined ? null : BigInt(spec.contractUsd * 100),
      shippedValueUsdCents: spec.shippedUsd === undefined ? null : BigInt(spec.shippedUsd * 100),
      quotedAt: quotedAt ?? null,
      sampleSentAt: sampleSentAt ?? null,
      loiAt: loiAt ?? null,
      contractSignedAt: contractSignedAt ?? null,
      shippedAt: shippedAt ?? null,
      lostAt: lostAt ?? null,
      lostReason: spec.lostReason ?? null,
      buyerLastReadAt: spec.unread === 'buyer' ? beforeLast : activity,
      exporterLastReadAt: spec.unread === 'exporter' ? (spec.thread.length === 0 ? null : beforeLast) : activity,
      createdAt,
      updatedAt: activity,
    })
    const firstQuote =
      spec.quote && quotedAt ? { price: `${spec.quote.price} ${product.currency}`, validUntil: addMs(quotedAt, spec.quote.validDays * DAY) } : undefined
    out.set(spec.key, {
      id: inquiryId,
      createdAt,
      buyer,
      company,
      productName: product.name,
      quantityText: `${spec.quantity} ${product.unit}`,
      status: spec.status,
      quote: firstQuote,
    })
  }
  return out
}

// Live showcase sessions: upcoming programme slots and one ended session with exact viewer statistics.
import type { Faker } from '@faker-js/faker'
import { FAIR_LAST_DAY } from './fair.ts'
import { lookups, type World } from './lookup.ts'
import type { SeededUser } from './types.ts'
import { DAY, MINUTE, addMs, createRng, idFactory, zonedAt } from './util.ts'

type SessionSpec = {
  key: string
  company: string
  /** Seoul calendar day relative to today, and wall-clock start */
  day: number
  at: string
  minutes: number
  status: 'SCHEDULED' | 'ENDED' | 'CANCELLED'
  language: string
  title: string
  titleI18n: Record<string, string>
  description: string
  inFair: boolean
  approved: boolean
  /** [base slug, variant index] of featured products */
  products: Array<[string, number?]>
}

const SESSIONS: SessionSpec[] = [
  {
    key: 'ended',
    company: 'soyang-buckwheat-foods',
    day: -1,
    at: '15:00',
    minutes: 60,
    status: 'ENDED',
    language: 'en',
    title: 'Buckwheat from Chuncheon: soba, cup noodles & potato chips — live tasting',
    titleI18n: { ko: '춘천 메밀 이야기: 메밀국수·컵라면·감자칩 라이브 시식', ru: 'Гречка из Чхунчхона: соба, лапша и чипсы — живая дегустация' },
    description: 'Our CEO cooks soba and makguksu live, opens every chip flavour and answers questions on MOQ, shelf life, HALAL and EAC paperwork.',
    inFair: true,
    approved: true,
    products: [['chuncheon-buckwheat-soba', 0], ['instant-buckwheat-cup-noodles', 1], ['gangwon-potato-chips', 1], ['makguksu-meal-kit']],
  },
  {
    key: 'soyang-next',
    company: 'soyang-buckwheat-foods',
    day: 1,
    at: '10:00',
    minutes: 45,
    status: 'SCHEDULED',
    language: 'en',
    title: 'Potato snacks for North American retail: private-label options',
    titleI18n: { ko: '북미 소매용 감자 스낵: PB 제작 옵션' },
    description: 'Flavours, bag sizes, FDA labelling and private-label artwork workflow for US and Canadian grocers.',
    inFair: true,
    approved: true,
    products: [
      ['gangwon-potato-chips', 0],
      ['gangwon-potato-chips', 1],
      ['gangwon-potato-chips', 2],
    ],
  },
  {
    key: 'jajak',
    company: 'jajak-birch-cosmetics',
    day: 1,
    at: '14:00',
    minutes: 60,
    status: 'SCHEDULED',
    language: 'en',
    title: 'Birch sap skincare: from the Inje forest to your shelf',
    titleI18n: { ko: '자작나무 수액 스킨케어: 인제 숲에서 매대까지', ja: '白樺樹液スキンケア：麟蹄の森から店頭へ' },
    description: 'How we tap birch sap each spring, formulation walkthrough and CPNP / MoCRA documentation for distributors.',
    inFair: true,
    approved: true,
    products: [['birch-sap-hydrating-toner', 0], ['birch-sap-moisture-cream'], ['birch-sap-sheet-mask', 1]],
  },
  {
    key: 'medisense',
    company: 'wonju-medisense',
    day: 2,
    at: '11:00',
    minutes: 60,
    status: 'SCHEDULED',
    language: 'en',
    title: 'Patient monitors for regional hospitals: live demo & Q&A',
    titleI18n: {
      ko: '지역 병원용 환자감시장치 라이브 데모',
      ru: 'Мониторы пациента для региональных больниц: демонстрация',
      mn: 'Бүсийн эмнэлгийн өвчтөний монитор: шууд танилцуулга',
    },
    description: 'Bedside and transport monitors side by side, central-station networking and service training for distributors.',
    inFair: true,
    approved: true,
    products: [
      ['medisense-bedside-patient-monitor', 0],
      ['medisense-bedside-patient-monitor', 1],
      ['medisense-transport-monitor'],
      ['medisense-pulse-oximeter', 0],
    ],
  },
  {
    key: 'seorak',
    company: 'seorak-sea-foods',
    day: 2,
    at: '15:00',
    minutes: 45,
    status: 'SCHEDULED',
    language: 'ru',
    title: 'Dried squid & pollack from Sokcho (in Russian)',
    titleI18n: { ru: 'Сушёный кальмар и минтай из Сокчхо: эфир для дистрибьюторов', ko: '속초 건오징어·황태 (러시아어 방송)' },
    description: 'A walk through our Sokcho drying racks and the Yongdae-ri hwangtae yard, with EAC documentation and CFR Vladivostok pricing.',
    inFair: true,
    approved: true,
    products: [
      ['sokcho-sun-dried-squid', 0],
      ['hwangtae-dried-pollack', 0],
      ['hwangtae-dried-pollack', 1],
    ],
  },
  {
    key: 'hongcheon',
    company: 'hongcheon-red-ginseng',
    day: 3,
    at: '10:00',
    minutes: 60,
    status: 'SCHEDULED',
    language: 'zh',
    title: '6-year red ginseng: GMP factory tour (in Chinese)',
    titleI18n: { zh: '六年根红参：GMP工厂直播参观', ko: '6년근 홍삼 GMP 공장 투어 (중국어 방송)' },
    description: 'From Hongcheon contract farms to steaming and extraction, with NMPA health-food filing explained.',
    inFair: true,
    approved: true,
    products: [['six-year-red-ginseng-extract', 0], ['red-ginseng-extract-sticks'], ['dried-red-ginseng-roots', 0]],
  },
  {
    key: 'gyeongpo',
    company: 'gyeongpo-brewery',
    day: 3,
    at: '16:00',
    minutes: 45,
    status: 'SCHEDULED',
    language: 'ja',
    title: 'Makgeolli pairing for Japanese izakaya menus (in Japanese)',
    titleI18n: { ja: '居酒屋メニューに合わせるマッコリ（日本語配信）', ko: '일본 이자카야 메뉴와 막걸리 페어링 (일본어 방송)' },
    description: 'Live and sparkling makgeolli with yakitori, sashimi and oden; cold-chain shipping to Japan.',
    inFair: true,
    approved: false,
    products: [['gyeongpo-live-makgeolli', 0], ['sparkling-makgeolli-brut']],
  },
  {
    key: 'chiak',
    company: 'chiak-sonic-medical',
    day: 4,
    at: '10:30',
    minutes: 45,
    status: 'SCHEDULED',
    language: 'en',
    title: 'Portable ultrasound for rural clinics',
    titleI18n: { ko: '지역 의료기관을 위한 휴대용 초음파', mn: 'Сумын эмнэлэгт зориулсан зөөврийн хэт авиан аппарат' },
    description: 'Linear and convex probes compared on phantoms, plus gel and probe-cover consumables pricing.',
    inFair: true,
    approved: true,
    products: [
      ['chiak-portable-ultrasound', 0],
      ['chiak-portable-ultrasound', 1],
      ['chiak-ultrasound-gel', 0],
    ],
  },
  {
    key: 'hanji-cancelled',
    company: 'wonju-hanji-atelier',
    day: 4,
    at: '13:00',
    minutes: 45,
    status: 'CANCELLED',
    language: 'en',
    title: 'Hanji lamp workshop',
    titleI18n: { ko: '한지 조명 만들기 워크숍' },
    description: 'Cancelled — the atelier will reschedule after the fair.',
    inFair: true,
    approved: true,
    products: [['hanji-table-lamp'], ['handmade-hanji-sheets', 0]],
  },
  {
    key: 'donghae',
    company: 'donghae-auto-components',
    day: FAIR_LAST_DAY + 3,
    at: '10:00',
    minutes: 60,
    status: 'SCHEDULED',
    language: 'en',
    title: 'Brake pads & body parts: production line walk-through',
    titleI18n: { ko: '브레이크 패드·차체 부품 생산 라인 투어', ru: 'Тормозные колодки и кузовные детали: экскурсия по производству' },
    description: 'Stamping, friction-material mixing and R90 testing, with export logistics through Donghae port.',
    inFair: false,
    approved: false,
    products: [['ceramic-brake-pads', 0], ['stamped-body-panels', 0], ['ev-battery-housing']],
  },
]

export type SeededSessions = {
  ids: Map<string, string>
  startsAt: Map<string, Date>
  ended: { id: string; endedAt: Date; uniqueViewers: number; peakViewers: number }
}

type Span = { userId: string | null; guestKey: string | null; joinedAt: Date; leftAt: Date }

export function buildLiveSessions(world: World): SeededSessions {
  const { ctx, plan, fair } = world
  const rng = createRng(2026_06)
  const id = idFactory(rng)
  const find = lookups(world)
  const ids = new Map<string, string>()
  const startsAtByKey = new Map<string, Date>()
  let ended: SeededSessions['ended'] | undefined

  for (const spec of SESSIONS) {
    const company = find.company(spec.company)
    const sessionId = id()
    ids.set(spec.key, sessionId)
    const scheduledStartAt = zonedAt(ctx.now, spec.day, spec.at)
    const scheduledEndAt = addMs(scheduledStartAt, spec.minutes * MINUTE)
    startsAtByKey.set(spec.key, scheduledStartAt)
    const createdAt = new Date(Math.min(scheduledStartAt.getTime(), ctx.now.getTime()) - rng.number.int({ min: 6, max: 20 }) * DAY)

    let stats = { uniqueViewers: 0, peakViewers: 0, watchSeconds: 0n }
    let startedAt: Date | null = null
    let endedAt: Date | null = null
    if (spec.status === 'ENDED') {
      startedAt = addMs(scheduledStartAt, 90_000)
      endedAt = addMs(scheduledEndAt, 4 * MINUTE + 10_000)
      const chatters = buildEndedChat(world, sessionId, startedAt, id)
      const spans = viewerSpans(rng, world, startedAt, endedAt, chatters)
      for (const span of spans) plan.liveSessionViews.push({ id: id(), sessionId, ...span })
      stats = viewerStats(spans)
      ended = { id: sessionId, endedAt, uniqueViewers: stats.uniqueViewers, peakViewers: stats.peakViewers }
    }

    plan.liveSessions.push({
      id: sessionId,
      kind: 'SHOWCASE',
      status: spec.status,
      title: spec.title,
      titleI18n: spec.titleI18n,
      description: spec.description,
      language: spec.language,
      isPublic: true,
      scheduledStartAt,
      scheduledEndAt,
      startedAt,
      endedAt,
      hostId: company.owner.id,
      companyId: company.id,
      fairId: spec.inFair ? fair.id : null,
      approvedAt: spec.inFair && spec.approved ? addMs(createdAt, rng.number.int({ min: 1, max: 3 }) * DAY) : null,
      uniqueViewers: stats.uniqueViewers,
      peakViewers: stats.peakViewers,
      watchSeconds: stats.watchSeconds,
      slowModeSeconds: spec.status === 'ENDED' ? 3 : 0,
      createdAt,
      updatedAt: endedAt ?? createdAt,
    })

    spec.products.forEach(([baseSlug, variant], position) => {
      const product = find.product(spec.company, baseSlug, variant ?? 0)
      plan.liveSessionProducts.push({
        sessionId,
        productId: product.id,
        position,
        pinnedAt: spec.status === 'ENDED' && position === 2 && startedAt ? addMs(startedAt, 29 * MINUTE) : null,
      })
    })
    if (company.member) plan.liveSessionModerators.push({ sessionId, userId: company.member.id })
  }

  if (!ended) throw new Error('seed: no ended session')
  return { ids, startsAt: startsAtByKey, ended }
}

/** Chat of the ended session; returns the users who chatted (they must be watching at the time). */
function buildEndedChat(world: World, sessionId: string, startedAt: Date, id: () => string): SeededUser[] {
  const find = lookups(world)
  const company = find.company('soyang-buckwheat-foods')
  const host = company.owner
  const member = company.member ?? host
  const sato = find.buyer('Takashi Sato')
  const volkov = find.buyer('Dmitry Volkov')
  const zhang = find.buyer('Zhang Wei')
  const emily = find.buyer('Emily Carter')
  const bat = find.buyer('Bat-Erdene Ganbold')
  const at = (minutes: number) => addMs(startedAt, Math.round(minutes * MINUTE))

  type Line = { min: number; author?: SeededUser; guest?: string; lang: string; body: string; removed?: boolean; pin?: boolean }
  const lines: Line[] = [
    {
      min: 1.5,
      author: host,
      lang: 'en',
      body: 'Welcome to Soyang Buckwheat Foods, live from Chuncheon! Today: soba, cup noodles and potato chips. Ask anything about MOQ, shelf life and certificates.',
    },
    { min: 4.8, author: sato, lang: 'ja', body: '乾麺の賞味期限は何ヶ月ですか？' },
    { min: 6.1, author: host, lang: 'en', body: '18 months for the dried soba, 9 months for the cup noodles (Japanese: 乾麺18ヶ月、カップ麺9ヶ月です).' },
    { min: 9.3, author: volkov, lang: 'ru', body: 'Есть ли декларация ЕАС на лапшу и чипсы?' },
    { min: 10.4, author: member, lang: 'en', body: 'Yes — our EAC declaration covers noodles and chips. We will send the PDF through your inquiry.' },
    { min: 14.2, guest: 'Mike', lang: 'en', body: 'That crunch on the honey butter chips 👀' },
    { min: 18.0, guest: 'promo_bot', lang: 'en', body: 'CHEAP FOLLOWERS 10k for $5 visit my profile', removed: true },
    { min: 22.6, author: zhang, lang: 'zh', body: '请问有清真认证吗？我们也有马来西亚的客户。' },
    {
      min: 23.9,
      author: host,
      lang: 'en',
      body: 'HALAL (Korea Muslim Federation, recognised by JAKIM) covers noodles and chips — renewal is being processed this month.',
    },
    { min: 31.2, author: emily, lang: 'en', body: 'Could you do a private-label version of the honey butter chips for US grocery? What MOQ?' },
    {
      min: 33.0,
      author: host,
      lang: 'en',
      body: 'Private label: MOQ 1,000 cartons per flavour, 45 days lead time after artwork approval. Send an RFQ from the product page!',
      pin: true,
    },
    { min: 40.4, author: bat, lang: 'mn', body: 'Улаанбаатар руу тээвэрлэлт хэдэн хоног болох вэ?' },
    { min: 41.7, author: member, lang: 'en', body: 'About 18–25 days: sea freight to Tianjin, then rail to Ulaanbaatar.' },
    { min: 52.5, author: sato, lang: 'ja', body: 'ありがとうございました。サンプルを依頼します。' },
    { min: 58.9, author: host, lang: 'ko', body: '시청해 주셔서 감사합니다! 내일 오전 10시에 북미 PB 감자칩 방송으로 다시 만나요.' },
  ]

  const chatters = new Map<string, SeededUser>()
  for (const line of lines) {
    const messageId = id()
    const createdAt = at(line.min)
    world.plan.chatMessages.push({
      id: messageId,
      sessionId,
      authorId: line.author?.id ?? null,
      guestName: line.guest ?? null,
      body: line.body,
      language: line.lang,
      createdAt,
      removedAt: line.removed ? addMs(createdAt, 25_000) : null,
      removedById: line.removed ? host.id : null,
    })
    if (line.pin) world.plan.pinnedMessages.push({ sessionId, messageId })
    if (line.author && line.author !== host && line.author !== member) chatters.set(line.author.id, line.author)
  }
  return [...chatters.values()]
}

/**
 * Viewer connection spans. Chatters watch from the first minutes to the end; other buyers, the
 * organizer and guests come and go, some reconnecting. A viewer's spans never overlap and no one
 * joins at the exact instant someone else leaves, so every reasonable way of counting concurrency
 * gives the same peak.
 */
function viewerSpans(rng: Faker, world: World, startedAt: Date, endedAt: Date, chatters: SeededUser[]): Span[] {
  const start = startedAt.getTime()
  const end = endedAt.getTime()
  const spans: Span[] = []
  const chatterIds = new Set(chatters.map((c) => c.id))

  for (const chatter of chatters) {
    spans.push({ userId: chatter.id, guestKey: null, joinedAt: new Date(start + rng.number.int({ min: 5_000, max: 150_000 })), leftAt: endedAt })
  }

  const otherUsers = [...world.buyers.slice(0, 36).filter((b) => !chatterIds.has(b.id) && rng.datatype.boolean({ probability: 0.55 })), world.staff.organizer]
  const viewers: Array<{ userId: string | null; guestKey: string | null }> = [
    ...otherUsers.map((u) => ({ userId: u.id, guestKey: null })),
    ...Array.from({ length: 41 }, () => ({ userId: null, guestKey: `g_${rng.string.alphanumeric({ length: 20, casing: 'lower' })}` })),
  ]

  for (const viewer of viewers) {
    // Most people arrive early; skew the join time towards the start.
    let cursor = start + Math.floor(Math.min(rng.number.float({ min: 0, max: 1 }), rng.number.float({ min: 0, max: 1 })) * (end - start) * 0.8)
    const connections = rng.datatype.boolean({ probability: 0.3 }) ? 2 : 1
    for (let c = 0; c < connections && cursor < end - 60_000; c++) {
      const joinedAt = cursor
      const stayToEnd = c === connections - 1 && rng.datatype.boolean({ probability: 0.35 })
      const leftAt = stayToEnd ? end : Math.min(end, joinedAt + rng.number.int({ min: 45_000, max: Math.max(60_000, Math.floor((end - joinedAt) * 0.7)) }))
      spans.push({ ...viewer, joinedAt: new Date(joinedAt), leftAt: new Date(leftAt) })
      cursor = leftAt + rng.number.int({ min: 15_000, max: 6 * 60_000 })
    }
  }

  // No join may coincide with a leave (keeps the peak unambiguous).
  const leaves = new Set(spans.map((s) => s.leftAt.getTime()))
  for (const span of spans) {
    while (leaves.has(span.joinedAt.getTime())) span.joinedAt = new Date(span.joinedAt.getTime() + 1)
  }
  return spans.sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime())
}

/** Unique viewers (distinct user or guest key), peak concurrent connections and total watch time. */
export function viewerStats(spans: Array<{ userId: string | null; guestKey: string | null; joinedAt: Date; leftAt: Date | null }>) {
  const unique = new Set(spans.map((s) => s.userId ?? `guest:${s.guestKey}`))
  const events: Array<[number, number]> = []
  let watchMs = 0
  for (const s of spans) {
    if (!s.leftAt) throw new Error('open span in an ended session')
    events.push([s.joinedAt.getTime(), 1], [s.leftAt.getTime(), -1])
    watchMs += s.leftAt.getTime() - s.joinedAt.getTime()
  }
  // Leaves before joins at the same instant.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let current = 0
  let peak = 0
  for (const [, delta] of events) {
    current += delta
    peak = Math.max(peak, current)
  }
  return { uniqueViewers: unique.size, peakViewers: peak, watchSeconds: BigInt(Math.round(watchMs / 1000)) }
}

// GTI Expo 2026: the live online fair with halls, booths, registrations and meeting slots.
import type { Staff } from './buyers.ts'
import type { BuildContext, SeedPlan, SeededBuyer, SeededCompany } from './types.ts'
import { DAY, HOUR, MINUTE, SEOUL, addMs, createRng, daysAgo, idFactory, must, zonedAt } from './util.ts'

export const FAIR_SLUG = 'gti-expo-2026'
/** Fair days relative to today's date in Seoul: the fair opened two days ago and closes in five. */
export const FAIR_FIRST_DAY = -2
export const FAIR_LAST_DAY = 5

const HALLS = [
  { code: 'A', name: 'Food & Beverage Hall', i18n: { ko: '식품·음료관', zh: '食品饮料馆', ru: 'Павильон продуктов и напитков', mn: 'Хүнс, ундааны танхим' } },
  {
    code: 'B',
    name: 'Seafood & Agri Hall',
    i18n: { ko: '수산·농산관', zh: '水产农产品馆', ru: 'Павильон морепродуктов и агропродукции', mn: 'Далайн болон хөдөө аж ахуйн танхим' },
  },
  {
    code: 'C',
    name: 'Health & Beauty Hall',
    i18n: { ko: '건강·뷰티관', zh: '健康美容馆', ru: 'Павильон здоровья и красоты', mn: 'Эрүүл мэнд, гоо сайхны танхим' },
  },
  {
    code: 'D',
    name: 'Medical Devices Hall',
    i18n: { ko: '의료기기관', zh: '医疗器械馆', ru: 'Павильон медицинской техники', mn: 'Эмнэлгийн хэрэгслийн танхим' },
  },
  {
    code: 'E',
    name: 'Industry, Mobility & Crafts Hall',
    i18n: {
      ko: '산업·모빌리티·공예관',
      zh: '工业、汽车与工艺馆',
      ru: 'Павильон промышленности, автокомпонентов и ремёсел',
      mn: 'Үйлдвэр, авто, гар урлалын танхим',
    },
  },
] as const

/** Exhibitors with an approved booth: company slug → hall and headline. */
const BOOTHS: Array<{ company: string; hall: (typeof HALLS)[number]['code']; headline: string }> = [
  { company: 'soyang-buckwheat-foods', hall: 'A', headline: 'Chuncheon buckwheat soba, cup noodles and highland potato chips — private label welcome' },
  { company: 'gyeongpo-brewery', hall: 'A', headline: 'Live makgeolli, yakju and distilled rice soju from Gangneung' },
  { company: 'inje-omija-farm', hall: 'A', headline: 'Omija, the five-flavour berry: cordials, teas and sparkling drinks' },
  { company: 'goseong-deep-ocean', hall: 'A', headline: 'Deep ocean water from 600 m below the East Sea' },
  { company: 'seorak-sea-foods', hall: 'B', headline: 'Sokcho dried squid and Inje hwangtae pollack — EAC and GACC registered' },
  { company: 'samcheok-blue-seaweed', hall: 'B', headline: 'Halal-certified laver snacks and East Sea seaweed' },
  { company: 'daegwallyeong-highland-farms', hall: 'B', headline: 'Highland potatoes, seed potatoes and kimchi from 700 m' },
  { company: 'hongcheon-red-ginseng', hall: 'C', headline: '6-year Korean red ginseng — GMP, NMPA and halal' },
  { company: 'jajak-birch-cosmetics', hall: 'C', headline: 'Vegan birch-sap skincare from the Inje birch forest' },
  { company: 'yangyang-mugwort-lab', hall: 'C', headline: 'Fermented mugwort masks for K-beauty e-commerce' },
  { company: 'wonju-medisense', hall: 'D', headline: 'Patient monitors and ECGs — CE MDR, FDA 510(k), Roszdravnadzor' },
  { company: 'chiak-sonic-medical', hall: 'D', headline: 'Portable ultrasound and coupling gel for 25 countries' },
  { company: 'osteobridge-dental', hall: 'D', headline: 'Dental implant systems with clinical training for partners' },
  { company: 'donghae-auto-components', hall: 'E', headline: 'Brake pads, body parts and EV battery housings via Donghae port' },
  { company: 'wonju-hanji-atelier', hall: 'E', headline: 'Handmade hanji paper, lamps and stationery' },
]

const PENDING_EXHIBITORS = ['hoengseong-rehab-robotics', 'taebaek-highland-textiles']

/** Buyers (by index in the buyer list) whose registration is still pending. */
const PENDING_BUYER_INDEXES = new Set([25, 27, 37, 39])
const REGISTERED_BUYER_COUNT = 40

export type SeededFair = {
  id: string
  startsAt: Date
  endsAt: Date
  slotIdAt: (start: Date) => string | undefined
  boothCompanySlugs: Set<string>
}

export function buildFair(ctx: BuildContext, plan: SeedPlan, companies: SeededCompany[], buyers: SeededBuyer[], staff: Staff): SeededFair {
  const rng = createRng(2026_05)
  const id = idFactory(rng)
  const { now } = ctx
  const fairId = id()
  const startsAt = zonedAt(now, FAIR_FIRST_DAY, '09:00')
  const endsAt = zonedAt(now, FAIR_LAST_DAY, '18:00')
  const createdAt = daysAgo(now, 75)
  const applicationsOpen = daysAgo(now, 60)

  plan.tradeFairs.push({
    id: fairId,
    slug: FAIR_SLUG,
    name: 'GTI Expo 2026',
    nameI18n: {
      en: 'GTI Expo 2026',
      ko: 'GTI 국제무역·투자박람회 2026',
      zh: '2026 大图们倡议国际贸易投资博览会',
      ru: 'Выставка ГТИ 2026',
      mn: 'ИТС Экспо 2026',
    },
    description:
      'The online edition of the Greater Tumen Initiative (GTI) International Trade & Investment Expo, organised from Gangwon Province. Visit the booths of Gangwon exporters, watch live product showcases and book 1:1 B2B meetings with interpretation in Chinese, Russian and Mongolian.',
    descriptionI18n: {
      ko: '강원특별자치도가 주관하는 광역두만개발계획(GTI) 국제무역·투자박람회 온라인관입니다. 강원 수출기업 부스를 둘러보고, 라이브 쇼케이스를 시청하고, 중국어·러시아어·몽골어 통역이 지원되는 1:1 수출상담을 예약하세요.',
      zh: '大图们倡议（GTI）国际贸易投资博览会线上展，由韩国江原特别自治道主办。参观江原出口企业展位、观看产品直播，并预约配有中文、俄语、蒙古语翻译的一对一B2B洽谈。',
      ru: 'Онлайн-выставка Большой Туманганской инициативы (ГТИ), организованная провинцией Канвон. Посетите стенды экспортёров Канвона, смотрите прямые трансляции и бронируйте B2B-встречи с переводом на китайский, русский и монгольский.',
      mn: 'Канвон мужаас зохион байгуулж буй Их Түмэн санаачилгын (ИТС) олон улсын худалдаа, хөрөнгө оруулалтын онлайн үзэсгэлэн. Канвоны экспортлогчдын лангуутай танилцаж, шууд нэвтрүүлэг үзэж, орчуулгатай B2B уулзалт захиалаарай.',
    },
    startsAt,
    endsAt,
    timeZone: SEOUL,
    languages: ['en', 'ko', 'zh', 'ru', 'mn'],
    bannerPath: `/demo/fairs/${FAIR_SLUG}.svg`,
    status: 'LIVE',
    boothFeeMinor: null,
    boothFeeCurrency: null,
    organizerId: staff.organizer.id,
    createdAt,
    updatedAt: startsAt,
  })

  const hallIds = new Map<string, string>()
  HALLS.forEach((hall, position) => {
    const hallId = id()
    hallIds.set(hall.code, hallId)
    plan.fairHalls.push({ id: hallId, fairId, name: hall.name, nameI18n: { en: hall.name, ...hall.i18n }, position })
  })

  const companyBySlug = new Map(companies.map((c) => [c.slug, c]))
  const hallCounters = new Map<string, number>()
  const boothCompanySlugs = new Set<string>()
  for (const booth of BOOTHS) {
    const company = must(companyBySlug.get(booth.company), `booth company ${booth.company}`)
    const n = (hallCounters.get(booth.hall) ?? 0) + 1
    hallCounters.set(booth.hall, n)
    const appliedAt = addMs(applicationsOpen, rng.number.int({ min: 1, max: 30 }) * DAY + rng.number.int({ min: 0, max: 10 }) * HOUR)
    const decidedAt = addMs(appliedAt, rng.number.int({ min: 1, max: 5 }) * DAY)
    plan.booths.push({
      id: id(),
      fairId,
      companyId: company.id,
      hallId: hallIds.get(booth.hall),
      code: `${booth.hall}-${String(n).padStart(2, '0')}`,
      headline: booth.headline,
      approvedAt: decidedAt,
    })
    plan.fairRegistrations.push({
      id: id(),
      fairId,
      userId: company.owner.id,
      kind: 'EXHIBITOR',
      status: 'APPROVED',
      companyId: company.id,
      decidedAt,
      createdAt: appliedAt,
    })
    boothCompanySlugs.add(company.slug)
  }

  for (const slug of PENDING_EXHIBITORS) {
    const company = must(companyBySlug.get(slug), `pending exhibitor ${slug}`)
    plan.fairRegistrations.push({
      id: id(),
      fairId,
      userId: company.owner.id,
      kind: 'EXHIBITOR',
      status: 'PENDING',
      companyId: company.id,
      createdAt: daysAgo(now, rng.number.int({ min: 1, max: 4 })),
    })
  }

  buyers.slice(0, REGISTERED_BUYER_COUNT).forEach((buyer, index) => {
    const pending = PENDING_BUYER_INDEXES.has(index)
    const appliedAt = pending
      ? new Date(now.getTime() - rng.number.int({ min: 2, max: 40 }) * HOUR)
      : addMs(applicationsOpen, rng.number.int({ min: 1, max: 55 }) * DAY + rng.number.int({ min: 0, max: 20 }) * HOUR)
    plan.fairRegistrations.push({
      id: id(),
      fairId,
      userId: buyer.id,
      kind: 'BUYER',
      status: pending ? 'PENDING' : 'APPROVED',
      decidedAt: pending ? null : addMs(appliedAt, rng.number.int({ min: 2, max: 30 }) * HOUR),
      createdAt: appliedAt,
    })
  })

  // 30-minute B2B slots in Seoul business hours, with a lunch break, on every fair day.
  const slotIds = new Map<number, string>()
  for (let day = FAIR_FIRST_DAY; day <= FAIR_LAST_DAY; day++) {
    for (const [from, to] of [
      ['09:00', '12:00'],
      ['13:00', '18:00'],
    ] as const) {
      const end = zonedAt(now, day, to)
      for (let t = zonedAt(now, day, from); t < end; t = addMs(t, 30 * MINUTE)) {
        const slotId = id()
        slotIds.set(t.getTime(), slotId)
        plan.meetingSlots.push({ id: slotId, fairId, startsAt: t, endsAt: addMs(t, 30 * MINUTE) })
      }
    }
  }

  return {
    id: fairId,
    startsAt,
    endsAt,
    slotIdAt: (start) => slotIds.get(start.getTime()),
    boothCompanySlugs,
  }
}

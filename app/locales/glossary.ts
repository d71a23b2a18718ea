import type { Locale } from './locale-codes'

/**
 * Trade vocabulary every locale follows. When an English message uses a term (`en`), its translation
 * in each locale must contain that locale's form (`check`, a stem where the language inflects: Russian
 * and Mongolian decline nouns). Standard trade abbreviations and codes (HS, MOQ, FOB, CIF, EXW, DDP…)
 * are written in Latin letters in every language. Checked by glossary.test.ts; add a term here before
 * translating it differently in one place.
 */
export type GlossaryTerm = {
  id: string
  /** Where English uses the term (case-insensitive). */
  en: RegExp
  /** Why this rendering, for translators. */
  note: string
  /** The standard form in each language, as a translator should write it. */
  forms: Record<Exclude<Locale, 'en'>, string>
  /** What a translated message must contain (defaults to the form). */
  check?: Partial<Record<Exclude<Locale, 'en'>, RegExp>>
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'hs-code',
    en: /\bHS\b/,
    note: 'Harmonized System code: always the Latin abbreviation HS, followed by the local word for code.',
    forms: { ko: 'HS 코드', 'zh-Hans': 'HS 编码', ja: 'HSコード', ru: 'код ТН ВЭД (HS)', mn: 'HS код' },
    check: { ko: /HS/, 'zh-Hans': /HS/, ja: /HS/, ru: /HS/, mn: /HS/ },
  },
  {
    id: 'moq',
    en: /\bMOQ\b/,
    note: 'Minimum order quantity: keep MOQ in Latin letters (the local expansion may precede it).',
    forms: {
      ko: '최소 주문 수량(MOQ)',
      'zh-Hans': '最小起订量(MOQ)',
      ja: '最小注文数量(MOQ)',
      ru: 'минимальный заказ (MOQ)',
      mn: 'хамгийн бага захиалга (MOQ)',
    },
    check: { ko: /MOQ/, 'zh-Hans': /MOQ/, ja: /MOQ/, ru: /MOQ/, mn: /MOQ/ },
  },
  {
    id: 'incoterms',
    en: /\bIncoterms?\b/i,
    note: 'ICC Incoterms 2020; the rule codes (FOB, CIF…) stay in Latin letters.',
    forms: { ko: '인코텀즈', 'zh-Hans': '国际贸易术语(Incoterms)', ja: 'インコタームズ', ru: 'Инкотермс', mn: 'Инкотермс' },
    // ja: a message whose {{incoterm}} shows the rule code itself (FOB…) needs no インコタームズ beside it.
    // zh-Hans: likewise, a message whose {{incoterm}} shows the rule code itself needs no 国际贸易术语(Incoterms) beside it.
    // mn: likewise, a message whose {{incoterm}} shows the rule code itself needs no Инкотермс beside it.
    // ru: likewise, a message whose {{incoterm}} shows the rule code itself needs no Инкотермс beside it.
    check: {
      'zh-Hans': /Incoterms|\{\{incoterm\}\}/,
      ja: /インコタームズ|\{\{incoterm\}\}/,
      ru: /Инкотермс|\{\{incoterm\}\}/,
      mn: /Инкотермс|\{\{incoterm\}\}/i,
    },
  },
  {
    id: 'incoterm-codes',
    en: /\b(EXW|FCA|FAS|FOB|CFR|CIF|CPT|CIP|DAP|DPU|DDP)\b/,
    note: 'Incoterm rule codes are never translated or transliterated.',
    forms: { ko: 'FOB', 'zh-Hans': 'FOB', ja: 'FOB', ru: 'FOB', mn: 'FOB' },
    check: {
      ko: /\b(EXW|FCA|FAS|FOB|CFR|CIF|CPT|CIP|DAP|DPU|DDP)\b/,
      'zh-Hans': /(EXW|FCA|FAS|FOB|CFR|CIF|CPT|CIP|DAP|DPU|DDP)/,
      ja: /(EXW|FCA|FAS|FOB|CFR|CIF|CPT|CIP|DAP|DPU|DDP)/,
      ru: /\b(EXW|FCA|FAS|FOB|CFR|CIF|CPT|CIP|DAP|DPU|DDP)\b/,
      mn: /\b(EXW|FCA|FAS|FOB|CFR|CIF|CPT|CIP|DAP|DPU|DDP)\b/,
    },
  },
  {
    id: 'showcase',
    en: /\bshowcases?\b/i,
    note: 'A live product demonstration broadcast by an exporter.',
    forms: { ko: '쇼케이스', 'zh-Hans': '直播展示', ja: 'ショーケース', ru: 'презентация', mn: 'танилцуулга' },
    check: { 'zh-Hans': /展示|直播/, ru: /презентаци/i, mn: /танилцуулг/i },
  },
  {
    id: 'exporter',
    en: /\bexporters?\b/i,
    note: 'A (Korean) company selling abroad through Tradecast.',
    forms: { ko: '수출기업', 'zh-Hans': '出口商', ja: '輸出企業', ru: 'экспортёр', mn: 'экспортлогч' },
    check: { ko: /수출/, 'zh-Hans': /出口/, ja: /輸出/, ru: /экспорт/i, mn: /экспорт/i },
  },
  {
    id: 'buyer',
    en: /\bbuyers?\b/i,
    note: 'A professional importer or distributor, not a consumer.',
    forms: { ko: '바이어', 'zh-Hans': '采购商', ja: 'バイヤー', ru: 'покупатель', mn: 'худалдан авагч' },
    check: { 'zh-Hans': /采购/, ru: /покупател/i, mn: /худалдан авагч/i },
  },
  {
    id: 'fair',
    en: /\bfairs?\b/i,
    note: 'A trade fair (exhibition), online or hybrid.',
    forms: { ko: '박람회', 'zh-Hans': '展会', ja: '展示会', ru: 'выставка', mn: 'үзэсгэлэн' },
    // ru: the genitive plural drops the stem's к (выставок).
    check: { ru: /выставк|выставок/i, mn: /үзэсгэлэн/i },
  },
  {
    id: 'booth',
    en: /\bbooths?\b/i,
    note: "An exhibitor's stand at a fair.",
    forms: { ko: '부스', 'zh-Hans': '展位', ja: 'ブース', ru: 'стенд', mn: 'лангуу' },
    check: { ru: /стенд/i, mn: /лангуу/i },
  },
  {
    id: 'replay',
    en: /\breplays?\b/i,
    note: 'A recorded showcase watched after it ended (one word in Korean: 다시보기).',
    forms: { ko: '다시보기', 'zh-Hans': '回放', ja: 'アーカイブ', ru: 'запись', mn: 'дахин үзэх' },
    check: { ru: /запис/i, mn: /дахин үз/i },
  },
  {
    id: 'quote',
    en: /\bquot(e|es|ed|ation|ations)\b|\bRFQs?\b/i,
    note: "A price quotation; a buyer's request for one (RFQ) is 견적 요청 / 询价 / 見積依頼 / запрос цены / үнийн санал авах хүсэлт.",
    forms: { ko: '견적', 'zh-Hans': '报价', ja: '見積', ru: 'коммерческое предложение', mn: 'үнийн санал' },
    check: { 'zh-Hans': /价/, ru: /предложени|цен|запрос/i, mn: /үнийн санал/i },
  },
  {
    id: 'sample',
    en: /\bsamples?\b/i,
    note: 'Product samples a buyer orders before a bulk order.',
    forms: { ko: '샘플', 'zh-Hans': '样品', ja: 'サンプル', ru: 'образец', mn: 'дээж' },
    check: { ru: /образ/i, mn: /дээж/i },
  },
  {
    id: 'meeting',
    en: /\bmeetings?\b/i,
    note: 'A 1:1 business meeting between buyer and exporter (Korean trade use: 미팅 or 상담).',
    forms: { ko: '미팅', 'zh-Hans': '洽谈', ja: '商談', ru: 'встреча', mn: 'уулзалт' },
    check: { ko: /미팅|상담/, 'zh-Hans': /洽谈|会议|会面/, ja: /商談|ミーティング/, ru: /встреч/i, mn: /уулзалт/i },
  },
  {
    id: 'interpreter',
    en: /\binterpret(er|ers|ing|ation)\b/i,
    note: 'A spoken-language interpreter in a meeting.',
    forms: { ko: '통역', 'zh-Hans': '口译', ja: '通訳', ru: 'переводчик', mn: 'орчуулагч' },
    check: { 'zh-Hans': /译/, ru: /перевод/i, mn: /орчуул/i },
  },
  {
    id: 'organizer',
    en: /\borgani[sz]ers?\b/i,
    note: 'The agency or company running a fair.',
    forms: { ko: '주최자', 'zh-Hans': '主办方', ja: '主催者', ru: 'организатор', mn: 'зохион байгуулагч' },
    check: { ko: /주최/, 'zh-Hans': /主办/, ja: /主催/, ru: /организатор/i, mn: /зохион байгуулагч/i },
  },
  {
    id: 'certification',
    en: /\bcertif(icate|icates|ication|ications|ied)\b/i,
    note: 'Product or company certificates required to sell in a market (FDA, CE, Halal…).',
    forms: { ko: '인증', 'zh-Hans': '认证', ja: '認証', ru: 'сертификат', mn: 'гэрчилгээ' },
    check: { 'zh-Hans': /认证|证书/, ja: /認証|証明/, ru: /сертифи/i, mn: /гэрчилгээ|баталгаажуул/i },
  },
  {
    id: 'lead-time',
    en: /\blead time\b/i,
    note: 'Days from order to shipment.',
    forms: { ko: '리드타임', 'zh-Hans': '交货期', ja: 'リードタイム', ru: 'срок поставки', mn: 'нийлүүлэх хугацаа' },
    check: { ko: /리드타임|납기/, 'zh-Hans': /交货期|交期/, ru: /срок/i, mn: /хугацаа/i },
  },
  {
    id: 'clip',
    en: /\bclips?\b/i,
    note: 'A short excerpt cut from a replay.',
    forms: { ko: '클립', 'zh-Hans': '片段', ja: 'クリップ', ru: 'фрагмент', mn: 'клип' },
    check: { ru: /фрагмент/i, mn: /клип/i },
  },
  {
    id: 'interpreted-chat',
    en: /\bchat\b/i,
    note: 'The live text chat of a showcase.',
    forms: { ko: '채팅', 'zh-Hans': '聊天', ja: 'チャット', ru: 'чат', mn: 'чат' },
    // mn, ru: case-insensitive like their other checks, so a label that starts with it ("Чат") passes.
    check: { 'zh-Hans': /聊天|消息|评论/, ru: /чат/i, mn: /чат/i },
  },
  {
    id: 'viewer',
    en: /\bviewers?\b/i,
    note: 'Someone watching a showcase live or its replay.',
    forms: { ko: '시청자', 'zh-Hans': '观众', ja: '視聴者', ru: 'зритель', mn: 'үзэгч' },
    check: { ko: /시청/, 'zh-Hans': /观众|观看/, ja: /視聴/, ru: /зрител/i, mn: /үзэгч|үзсэн/i },
  },
]

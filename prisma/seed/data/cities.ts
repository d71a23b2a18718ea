// Gangwon cities and counties used by the demo exporters, with localised names (Mongolian: Cyrillic
// transcription of the Korean names).

export const GANGWON_CITIES = {
  Chuncheon: { ko: '춘천', zh: '春川', ja: '春川', ru: 'Чхунчхон', mn: 'Чүнчон' },
  Wonju: { ko: '원주', zh: '原州', ja: '原州', ru: 'Вонджу', mn: 'Вонжү' },
  Gangneung: { ko: '강릉', zh: '江陵', ja: '江陵', ru: 'Каннын', mn: 'Каннын' },
  Sokcho: { ko: '속초', zh: '束草', ja: '束草', ru: 'Сокчхо', mn: 'Сокчо' },
  Donghae: { ko: '동해', zh: '东海', ja: '東海', ru: 'Тонхэ', mn: 'Тонхэ' },
  Samcheok: { ko: '삼척', zh: '三陟', ja: '三陟', ru: 'Самчхок', mn: 'Самчок' },
  Taebaek: { ko: '태백', zh: '太白', ja: '太白', ru: 'Тхэбэк', mn: 'Тэбэк' },
  Hongcheon: { ko: '홍천', zh: '洪川', ja: '洪川', ru: 'Хончхон', mn: 'Хончон' },
  Pyeongchang: { ko: '평창', zh: '平昌', ja: '平昌', ru: 'Пхёнчхан', mn: 'Пёнчан' },
  Jeongseon: { ko: '정선', zh: '旌善', ja: '旌善', ru: 'Чонсон', mn: 'Жонсон' },
  Yanggu: { ko: '양구', zh: '杨口', ja: '楊口', ru: 'Янгу', mn: 'Янгү' },
  Inje: { ko: '인제', zh: '麟蹄', ja: '麟蹄', ru: 'Инджэ', mn: 'Инжэ' },
  Goseong: { ko: '고성', zh: '高城', ja: '高城', ru: 'Косон', mn: 'Госон' },
  Yangyang: { ko: '양양', zh: '襄阳', ja: '襄陽', ru: 'Янъян', mn: 'Янъян' },
  Cheorwon: { ko: '철원', zh: '铁原', ja: '鉄原', ru: 'Чхорвон', mn: 'Чорвон' },
  Hwacheon: { ko: '화천', zh: '华川', ja: '華川', ru: 'Хвачхон', mn: 'Хвачон' },
  Hoengseong: { ko: '횡성', zh: '横城', ja: '横城', ru: 'Хвенсон', mn: 'Хвэнсон' },
  Yeongwol: { ko: '영월', zh: '宁越', ja: '寧越', ru: 'Ёнволь', mn: 'Ёнвол' },
} as const

export type GangwonCity = keyof typeof GANGWON_CITIES

export const GANGWON_I18N = { en: 'Gangwon', ko: '강원', zh: '江原道', ja: '江原道', ru: 'провинция Канвон', mn: 'Канвон муж' } as const

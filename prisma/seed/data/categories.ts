// Product categories with localised names (en, ko, zh, ja, ru, mn).

export const CATEGORIES = [
  {
    slug: 'processed-food',
    hue: 28,
    names: { en: 'Processed food', ko: '가공식품', zh: '加工食品', ja: '加工食品', ru: 'Пищевая продукция', mn: 'Боловсруулсан хүнс' },
  },
  {
    slug: 'beverages',
    hue: 200,
    names: { en: 'Beverages', ko: '음료·주류', zh: '饮料与酒类', ja: '飲料・酒類', ru: 'Напитки', mn: 'Ундаа' },
  },
  {
    slug: 'seafood',
    hue: 215,
    names: { en: 'Seafood', ko: '수산물', zh: '水产品', ja: '水産物', ru: 'Морепродукты', mn: 'Далайн бүтээгдэхүүн' },
  },
  {
    slug: 'cosmetics-skincare',
    hue: 330,
    names: { en: 'Cosmetics & skincare', ko: '화장품·스킨케어', zh: '化妆品与护肤品', ja: '化粧品・スキンケア', ru: 'Косметика и уход за кожей', mn: 'Гоо сайхны бүтээгдэхүүн' },
  },
  {
    slug: 'medical-devices',
    hue: 185,
    names: { en: 'Medical devices', ko: '의료기기', zh: '医疗器械', ja: '医療機器', ru: 'Медицинские изделия', mn: 'Эмнэлгийн хэрэгсэл' },
  },
  {
    slug: 'health-supplements',
    hue: 12,
    names: { en: 'Health supplements', ko: '건강기능식품', zh: '保健食品', ja: '健康食品', ru: 'БАДы и здоровое питание', mn: 'Эрүүл мэндийн нэмэлт бүтээгдэхүүн' },
  },
  {
    slug: 'auto-parts',
    hue: 230,
    names: { en: 'Auto parts', ko: '자동차 부품', zh: '汽车零部件', ja: '自動車部品', ru: 'Автокомпоненты', mn: 'Авто сэлбэг' },
  },
  {
    slug: 'industrial-machinery',
    hue: 45,
    names: { en: 'Industrial machinery', ko: '산업기계', zh: '工业机械', ja: '産業機械', ru: 'Промышленное оборудование', mn: 'Үйлдвэрийн тоног төхөөрөмж' },
  },
  {
    slug: 'crafts-lifestyle',
    hue: 95,
    names: { en: 'Crafts & lifestyle', ko: '공예·생활용품', zh: '工艺与生活用品', ja: '工芸・生活雑貨', ru: 'Ремёсла и товары для дома', mn: 'Гар урлал, ахуйн бараа' },
  },
  {
    slug: 'agricultural-products',
    hue: 120,
    names: { en: 'Agricultural products', ko: '농산물', zh: '农产品', ja: '農産物', ru: 'Сельхозпродукция', mn: 'Хөдөө аж ахуйн бүтээгдэхүүн' },
  },
  {
    slug: 'textiles',
    hue: 270,
    names: { en: 'Textiles & apparel', ko: '섬유·의류', zh: '纺织品与服装', ja: '繊維・衣料', ru: 'Текстиль и одежда', mn: 'Нэхмэл эдлэл' },
  },
] as const

export type CategorySlug = (typeof CATEGORIES)[number]['slug']

export function categoryInfo(slug: CategorySlug) {
  const found = CATEGORIES.find((c) => c.slug === slug)
  if (!found) throw new Error(`unknown category ${slug}`)
  return found
}

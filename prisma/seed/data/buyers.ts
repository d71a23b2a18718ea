// Overseas buyer companies (demo data; all companies are invented).
import type { CategorySlug } from './categories.ts'

export type BuyerTypeCode = 'IMPORTER' | 'DISTRIBUTOR' | 'RETAILER' | 'ECOMMERCE' | 'WHOLESALER' | 'MANUFACTURER' | 'OTHER'
export type VolumeCode = 'UNDER_50K' | 'FROM_50K_TO_250K' | 'FROM_250K_TO_1M' | 'FROM_1M_TO_5M' | 'OVER_5M'

export type BuyerSeed = {
  /** Contact person as displayed */
  contact: string
  email?: string
  company: string
  country: string
  city: string
  timeZone: string
  type: BuyerTypeCode
  interests: CategorySlug[]
  volume: VolumeCode
  languages: string[]
  /** UI locale (a supported one: zh-Hans, not zh) */
  locale: string
  hours?: [string, string]
}

export const BUYERS: BuyerSeed[] = [
  // United States
  { contact: 'Emily Carter', email: 'buyer@tradecast.dev', company: 'Hudson Pacific Imports', country: 'US', city: 'New York', timeZone: 'America/New_York', type: 'IMPORTER', interests: ['processed-food', 'seafood', 'beverages', 'health-supplements'], volume: 'FROM_1M_TO_5M', languages: ['en', 'ko'], locale: 'en' },
  { contact: 'Kevin Nguyen', company: 'Golden Gate Asian Foods', country: 'US', city: 'San Francisco', timeZone: 'America/Los_Angeles', type: 'DISTRIBUTOR', interests: ['processed-food', 'seafood', 'agricultural-products'], volume: 'FROM_1M_TO_5M', languages: ['en', 'vi'], locale: 'en' },
  { contact: 'Rachel Brooks', company: 'Lakeshore Medical Supply', country: 'US', city: 'Chicago', timeZone: 'America/Chicago', type: 'DISTRIBUTOR', interests: ['medical-devices'], volume: 'OVER_5M', languages: ['en'], locale: 'en', hours: ['08:00', '17:00'] },
  { contact: 'Daniel Cho', company: 'Seoul Street Market LLC', country: 'US', city: 'Los Angeles', timeZone: 'America/Los_Angeles', type: 'RETAILER', interests: ['processed-food', 'beverages', 'seafood', 'crafts-lifestyle'], volume: 'FROM_250K_TO_1M', languages: ['en', 'ko'], locale: 'en' },
  { contact: 'Megan Sullivan', company: 'Glow Theory Beauty', country: 'US', city: 'New York', timeZone: 'America/New_York', type: 'ECOMMERCE', interests: ['cosmetics-skincare'], volume: 'FROM_250K_TO_1M', languages: ['en'], locale: 'en', hours: ['10:00', '19:00'] },
  { contact: 'Carlos Rivera', company: 'Lone Star Auto Parts Supply', country: 'US', city: 'Houston', timeZone: 'America/Chicago', type: 'WHOLESALER', interests: ['auto-parts'], volume: 'FROM_1M_TO_5M', languages: ['en', 'es'], locale: 'en', hours: ['07:30', '16:30'] },
  { contact: 'Priya Patel', company: 'Pacific Wellness Naturals', country: 'US', city: 'Seattle', timeZone: 'America/Los_Angeles', type: 'ECOMMERCE', interests: ['health-supplements', 'beverages'], volume: 'FROM_50K_TO_250K', languages: ['en'], locale: 'en' },
  // China
  { contact: 'Zhang Wei', company: 'Shanghai Haina Trading Co., Ltd.', country: 'CN', city: 'Shanghai', timeZone: 'Asia/Shanghai', type: 'IMPORTER', interests: ['processed-food', 'seafood', 'health-supplements'], volume: 'OVER_5M', languages: ['zh', 'en'], locale: 'zh-Hans', hours: ['09:00', '17:30'] },
  { contact: 'Piao Chunhua', company: 'Hunchun Tumen River Trade Co.', country: 'CN', city: 'Hunchun', timeZone: 'Asia/Shanghai', type: 'WHOLESALER', interests: ['seafood', 'agricultural-products', 'processed-food'], volume: 'FROM_1M_TO_5M', languages: ['zh', 'ko', 'ru'], locale: 'zh-Hans' },
  { contact: 'Liu Yang', company: 'Shenzhen Meiyan Cosmetics E-commerce', country: 'CN', city: 'Shenzhen', timeZone: 'Asia/Shanghai', type: 'ECOMMERCE', interests: ['cosmetics-skincare', 'health-supplements'], volume: 'FROM_1M_TO_5M', languages: ['zh', 'en'], locale: 'zh-Hans', hours: ['10:00', '19:00'] },
  { contact: 'Wang Fang', company: 'Beijing Kangjian Medical Equipment Co.', country: 'CN', city: 'Beijing', timeZone: 'Asia/Shanghai', type: 'DISTRIBUTOR', interests: ['medical-devices'], volume: 'FROM_1M_TO_5M', languages: ['zh'], locale: 'zh-Hans' },
  { contact: 'Jin Xiuying', company: 'Yanbian Joyful Foods', country: 'CN', city: 'Yanji', timeZone: 'Asia/Shanghai', type: 'DISTRIBUTOR', interests: ['processed-food', 'beverages'], volume: 'FROM_250K_TO_1M', languages: ['zh', 'ko'], locale: 'ko' },
  // Japan
  { contact: 'Takashi Sato', company: 'Sakura Foods Trading K.K.', country: 'JP', city: 'Tokyo', timeZone: 'Asia/Tokyo', type: 'IMPORTER', interests: ['processed-food', 'beverages', 'agricultural-products'], volume: 'FROM_1M_TO_5M', languages: ['ja', 'en'], locale: 'ja' },
  { contact: 'Naoko Yamamoto', company: 'Osaka Kaisan Shoji', country: 'JP', city: 'Osaka', timeZone: 'Asia/Tokyo', type: 'WHOLESALER', interests: ['seafood'], volume: 'FROM_1M_TO_5M', languages: ['ja'], locale: 'ja', hours: ['08:30', '17:30'] },
  { contact: 'Kenji Watanabe', company: 'Nagoya Iryo Kiki Co., Ltd.', country: 'JP', city: 'Nagoya', timeZone: 'Asia/Tokyo', type: 'DISTRIBUTOR', interests: ['medical-devices'], volume: 'FROM_250K_TO_1M', languages: ['ja', 'en'], locale: 'ja' },
  { contact: 'Aiko Tanaka', company: 'Kyoto Washi & Craft Gallery', country: 'JP', city: 'Kyoto', timeZone: 'Asia/Tokyo', type: 'RETAILER', interests: ['crafts-lifestyle'], volume: 'UNDER_50K', languages: ['ja'], locale: 'ja', hours: ['10:00', '18:00'] },
  { contact: 'Yui Nakamura', company: 'Tokyo Cosme Select', country: 'JP', city: 'Tokyo', timeZone: 'Asia/Tokyo', type: 'ECOMMERCE', interests: ['cosmetics-skincare'], volume: 'FROM_250K_TO_1M', languages: ['ja', 'en', 'ko'], locale: 'ja' },
  // Germany
  { contact: 'Lukas Becker', company: 'Rheinland Asia Feinkost GmbH', country: 'DE', city: 'Cologne', timeZone: 'Europe/Berlin', type: 'IMPORTER', interests: ['processed-food', 'beverages', 'seafood'], volume: 'FROM_1M_TO_5M', languages: ['de', 'en'], locale: 'en', hours: ['08:00', '17:00'] },
  { contact: 'Anna Schmidt', company: 'Medizintechnik Nord GmbH', country: 'DE', city: 'Hamburg', timeZone: 'Europe/Berlin', type: 'DISTRIBUTOR', interests: ['medical-devices'], volume: 'OVER_5M', languages: ['de', 'en'], locale: 'en' },
  { contact: 'Jonas Weber', company: 'Kessler Autoteile GmbH', country: 'DE', city: 'Stuttgart', timeZone: 'Europe/Berlin', type: 'MANUFACTURER', interests: ['auto-parts', 'industrial-machinery'], volume: 'OVER_5M', languages: ['de', 'en'], locale: 'en', hours: ['07:30', '16:00'] },
  // France
  { contact: 'Camille Laurent', company: 'Maison Hanok Épicerie', country: 'FR', city: 'Paris', timeZone: 'Europe/Paris', type: 'RETAILER', interests: ['processed-food', 'beverages', 'crafts-lifestyle'], volume: 'FROM_50K_TO_250K', languages: ['fr', 'en'], locale: 'en' },
  { contact: 'Hugo Moreau', company: 'Beauté Coréenne SAS', country: 'FR', city: 'Lyon', timeZone: 'Europe/Paris', type: 'ECOMMERCE', interests: ['cosmetics-skincare'], volume: 'FROM_250K_TO_1M', languages: ['fr', 'en'], locale: 'en' },
  // Netherlands
  { contact: 'Sanne de Vries', company: 'Van der Berg Oriental Foods B.V.', country: 'NL', city: 'Rotterdam', timeZone: 'Europe/Amsterdam', type: 'IMPORTER', interests: ['seafood', 'processed-food', 'agricultural-products'], volume: 'FROM_1M_TO_5M', languages: ['nl', 'en'], locale: 'en' },
  { contact: 'Bram Visser', company: 'Dutch Medical Import B.V.', country: 'NL', city: 'Utrecht', timeZone: 'Europe/Amsterdam', type: 'IMPORTER', interests: ['medical-devices'], volume: 'FROM_250K_TO_1M', languages: ['nl', 'en', 'de'], locale: 'en' },
  // Poland
  { contact: 'Katarzyna Nowak', company: 'Polska Azja Dystrybucja Sp. z o.o.', country: 'PL', city: 'Warsaw', timeZone: 'Europe/Warsaw', type: 'DISTRIBUTOR', interests: ['processed-food', 'cosmetics-skincare', 'textiles'], volume: 'FROM_250K_TO_1M', languages: ['pl', 'en'], locale: 'en' },
  { contact: 'Piotr Wójcik', company: 'Bałtyk Marine Foods', country: 'PL', city: 'Gdańsk', timeZone: 'Europe/Warsaw', type: 'WHOLESALER', interests: ['seafood', 'industrial-machinery'], volume: 'FROM_1M_TO_5M', languages: ['pl', 'en', 'ru'], locale: 'en' },
  // Italy
  { contact: 'Giulia Romano', company: 'Milano Beauty Lab S.r.l.', country: 'IT', city: 'Milan', timeZone: 'Europe/Rome', type: 'DISTRIBUTOR', interests: ['cosmetics-skincare'], volume: 'FROM_250K_TO_1M', languages: ['it', 'en'], locale: 'en' },
  { contact: 'Marco Ferrari', company: 'Torino Componenti Auto S.p.A.', country: 'IT', city: 'Turin', timeZone: 'Europe/Rome', type: 'MANUFACTURER', interests: ['auto-parts'], volume: 'OVER_5M', languages: ['it', 'en'], locale: 'en' },
  // Spain
  { contact: 'Lucía García', company: 'Iberia Oriental Foods S.L.', country: 'ES', city: 'Barcelona', timeZone: 'Europe/Madrid', type: 'IMPORTER', interests: ['processed-food', 'seafood', 'beverages'], volume: 'FROM_250K_TO_1M', languages: ['es', 'en'], locale: 'en', hours: ['09:00', '19:00'] },
  { contact: 'Javier Martín', company: 'Salud Distribución Madrid S.A.', country: 'ES', city: 'Madrid', timeZone: 'Europe/Madrid', type: 'DISTRIBUTOR', interests: ['medical-devices', 'health-supplements'], volume: 'FROM_1M_TO_5M', languages: ['es', 'en'], locale: 'en' },
  // Mongolia
  { contact: 'Bat-Erdene Ganbold', company: 'Nomin Trade Import LLC', country: 'MN', city: 'Ulaanbaatar', timeZone: 'Asia/Ulaanbaatar', type: 'IMPORTER', interests: ['processed-food', 'seafood', 'agricultural-products', 'beverages'], volume: 'FROM_1M_TO_5M', languages: ['mn', 'ru', 'en'], locale: 'mn' },
  { contact: 'Oyuntsetseg Batbayar', company: 'Mongol Med Supply LLC', country: 'MN', city: 'Ulaanbaatar', timeZone: 'Asia/Ulaanbaatar', type: 'DISTRIBUTOR', interests: ['medical-devices', 'health-supplements'], volume: 'FROM_250K_TO_1M', languages: ['mn', 'en', 'ko'], locale: 'mn' },
  { contact: 'Temuulen Dorj', company: 'Erdenet Auto Service LLC', country: 'MN', city: 'Erdenet', timeZone: 'Asia/Ulaanbaatar', type: 'WHOLESALER', interests: ['auto-parts', 'industrial-machinery', 'textiles'], volume: 'FROM_50K_TO_250K', languages: ['mn', 'ru'], locale: 'mn' },
  // Russia
  { contact: 'Dmitry Volkov', company: 'Vostok Korea Trade LLC', country: 'RU', city: 'Vladivostok', timeZone: 'Asia/Vladivostok', type: 'IMPORTER', interests: ['processed-food', 'beverages', 'agricultural-products'], volume: 'FROM_1M_TO_5M', languages: ['ru', 'en'], locale: 'ru' },
  { contact: 'Elena Sokolova', company: 'Primorye Seafood Distribution', country: 'RU', city: 'Vladivostok', timeZone: 'Asia/Vladivostok', type: 'DISTRIBUTOR', interests: ['seafood', 'industrial-machinery'], volume: 'OVER_5M', languages: ['ru'], locale: 'ru' },
  { contact: 'Sergei Kuznetsov', company: 'MedTech Moskva LLC', country: 'RU', city: 'Moscow', timeZone: 'Europe/Moscow', type: 'DISTRIBUTOR', interests: ['medical-devices'], volume: 'FROM_1M_TO_5M', languages: ['ru', 'en'], locale: 'ru' },
  { contact: 'Andrei Pak', company: 'Amur Auto Parts LLC', country: 'RU', city: 'Khabarovsk', timeZone: 'Asia/Vladivostok', type: 'WHOLESALER', interests: ['auto-parts'], volume: 'FROM_1M_TO_5M', languages: ['ru', 'ko'], locale: 'ru' },
  { contact: 'Olga Smirnova', company: 'Siberian Beauty Store', country: 'RU', city: 'Novosibirsk', timeZone: 'Asia/Novosibirsk', type: 'ECOMMERCE', interests: ['cosmetics-skincare', 'health-supplements'], volume: 'FROM_250K_TO_1M', languages: ['ru'], locale: 'ru' },
  // Vietnam
  { contact: 'Nguyen Thi Lan', company: 'Saigon K-Food Distribution JSC', country: 'VN', city: 'Ho Chi Minh City', timeZone: 'Asia/Ho_Chi_Minh', type: 'DISTRIBUTOR', interests: ['processed-food', 'beverages', 'health-supplements'], volume: 'FROM_1M_TO_5M', languages: ['vi', 'en'], locale: 'en', hours: ['08:00', '17:00'] },
  { contact: 'Tran Van Minh', company: 'Hanoi Medical Equipment JSC', country: 'VN', city: 'Hanoi', timeZone: 'Asia/Ho_Chi_Minh', type: 'DISTRIBUTOR', interests: ['medical-devices'], volume: 'FROM_250K_TO_1M', languages: ['vi', 'en'], locale: 'en', hours: ['08:00', '17:00'] },
  { contact: 'Le Thu Trang', company: 'Da Nang Beauty Mart', country: 'VN', city: 'Da Nang', timeZone: 'Asia/Ho_Chi_Minh', type: 'RETAILER', interests: ['cosmetics-skincare', 'processed-food'], volume: 'UNDER_50K', languages: ['vi'], locale: 'en' },
  // Halal markets
  { contact: 'Nurul Aisyah binti Hassan', company: 'Halal Harvest Sdn. Bhd.', country: 'MY', city: 'Kuala Lumpur', timeZone: 'Asia/Kuala_Lumpur', type: 'IMPORTER', interests: ['processed-food', 'seafood', 'health-supplements', 'cosmetics-skincare'], volume: 'FROM_1M_TO_5M', languages: ['ms', 'en'], locale: 'en' },
  { contact: 'Rizky Pratama', company: 'PT Nusantara Halal Pangan', country: 'ID', city: 'Jakarta', timeZone: 'Asia/Jakarta', type: 'DISTRIBUTOR', interests: ['processed-food', 'seafood'], volume: 'FROM_250K_TO_1M', languages: ['id', 'en'], locale: 'en' },
  { contact: 'Omar Al Mansoori', company: 'Gulf Gateway Foodstuff Trading LLC', country: 'AE', city: 'Dubai', timeZone: 'Asia/Dubai', type: 'IMPORTER', interests: ['processed-food', 'seafood', 'cosmetics-skincare'], volume: 'OVER_5M', languages: ['ar', 'en'], locale: 'en', hours: ['09:00', '18:00'] },
  // Heilongjiang, on the GTI corridor to Russia (last in the list: the buyers above keep their random draws)
  { contact: 'Zhao Min', company: 'Harbin Songbei Import & Export Co., Ltd.', country: 'CN', city: 'Harbin', timeZone: 'Asia/Shanghai', type: 'IMPORTER', interests: ['processed-food', 'agricultural-products', 'seafood'], volume: 'FROM_1M_TO_5M', languages: ['zh', 'ru', 'en'], locale: 'zh-Hans', hours: ['08:30', '17:30'] },
]

/** Two-digit HS chapters typical for each category (for BuyerProfile.hsChapters). */
export const CATEGORY_HS_CHAPTERS: Record<CategorySlug, string[]> = {
  'processed-food': ['19', '20', '21'],
  beverages: ['22'],
  seafood: ['03', '16'],
  'cosmetics-skincare': ['33', '34'],
  'medical-devices': ['90', '30'],
  'health-supplements': ['13', '21'],
  'auto-parts': ['87'],
  'industrial-machinery': ['84'],
  'crafts-lifestyle': ['48', '69', '94'],
  'agricultural-products': ['07', '10', '12'],
  textiles: ['60', '61'],
}

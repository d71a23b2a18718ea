import type { CategorySlug } from './categories.ts'

export type IncotermCode = 'EXW' | 'FCA' | 'FAS' | 'FOB' | 'CFR' | 'CIF' | 'CPT' | 'CIP' | 'DAP' | 'DPU' | 'DDP'

export type CertSeed = {
  /** FDA, CE, HALAL, KC, HACCP, ISO13485, EAC, NMPA, JAS, ... */
  type: string
  /** ISO 3166-1 alpha-2, or "EU", "GCC", "INT" */
  market: string
  issuer: string
  /** Default: valid for a while yet */
  state?: 'valid' | 'expired' | 'expiring'
  /** Company-wide certificates (ISO, IATF) are not linked to individual products */
  companyWide?: boolean
}

export type PersonSeed = {
  name: string
  title: string
  locale?: string
  /** Fixed e-mail for demo accounts */
  email?: string
}

export type VariantSeed = {
  en: string
  ko: string
  /** Price factor against the base product */
  k: number
  moq?: number
  zh?: string
  ja?: string
  ru?: string
  mn?: string
}

export type ProductSeed = {
  slug: string
  cat: CategorySlug
  hs: string
  en: string
  ko?: string
  zh?: string
  ja?: string
  ru?: string
  /** Mongolian (Khalkha, Cyrillic script) */
  mn?: string
  d: string
  dKo?: string
  unit: string
  moq: number
  /** Unit price in major units of the company's currency */
  price: number
  lead: number
  inc?: IncotermCode[]
  markets?: string[]
  /** false = no samples; undefined = free sample, 3 units */
  sample?: false | { price: number; max: number; note?: string }
  /** Certification types to link (default: every product-level certificate of the company) */
  certs?: string[]
  variants?: VariantSeed[]
  status?: 'DRAFT' | 'ARCHIVED'
}

export type CompanySeed = {
  slug: string
  name: string
  ko: string
  city: string
  industry: string
  d: string
  dKo: string
  founded: number
  employees: number
  exp: number
  markets: string[]
  languages: string[]
  currency: 'USD' | 'KRW'
  owner: PersonSeed
  member?: PersonSeed
  certs: CertSeed[]
  products: ProductSeed[]
  blockedWords?: string[]
  /** The company's name (optional: brand names often stay in Latin letters) and description in more content languages */
  i18n?: Partial<Record<'zh' | 'ja' | 'ru' | 'mn', { name?: string; d: string }>>
  /** Members beyond `member`, added after every company so the other demo data keeps its random draws */
  moreMembers?: PersonSeed[]
}

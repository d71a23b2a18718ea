import type { Prisma } from '../../app/generated/prisma/client.ts'

/** Everything the seed inserts, as createMany rows in foreign-key order. */
export type SeedPlan = {
  users: Prisma.UserCreateManyInput[]
  passwords: Prisma.PasswordCreateManyInput[]
  exporterCompanies: Prisma.ExporterCompanyCreateManyInput[]
  exporterMembers: Prisma.ExporterMemberCreateManyInput[]
  certifications: Prisma.CertificationCreateManyInput[]
  products: Prisma.ProductCreateManyInput[]
  productTranslations: Prisma.ProductTranslationCreateManyInput[]
  priceTiers: Prisma.PriceTierCreateManyInput[]
  productImages: Prisma.ProductImageCreateManyInput[]
  productCertifications: Prisma.ProductCertificationCreateManyInput[]
  buyerProfiles: Prisma.BuyerProfileCreateManyInput[]
  tradeFairs: Prisma.TradeFairCreateManyInput[]
  fairHalls: Prisma.FairHallCreateManyInput[]
  booths: Prisma.BoothCreateManyInput[]
  fairRegistrations: Prisma.FairRegistrationCreateManyInput[]
  meetingSlots: Prisma.MeetingSlotCreateManyInput[]
  liveSessions: Prisma.LiveSessionCreateManyInput[]
  liveSessionProducts: Prisma.LiveSessionProductCreateManyInput[]
  liveSessionModerators: Prisma.LiveSessionModeratorCreateManyInput[]
  liveSessionViews: Prisma.LiveSessionViewCreateManyInput[]
  chatMessages: Prisma.ChatMessageCreateManyInput[]
  inquiries: Prisma.InquiryCreateManyInput[]
  inquiryStatusEvents: Prisma.InquiryStatusEventCreateManyInput[]
  inquiryMessages: Prisma.InquiryMessageCreateManyInput[]
  quotes: Prisma.QuoteCreateManyInput[]
  meetings: Prisma.MeetingCreateManyInput[]
  meetingParticipants: Prisma.MeetingParticipantCreateManyInput[]
  notifications: Prisma.NotificationCreateManyInput[]
  exchangeRates: Prisma.ExchangeRateCreateManyInput[]
  /** Applied after chat messages exist (LiveSession.pinnedMessageId → ChatMessage) */
  pinnedMessages: Array<{ sessionId: string; messageId: string }>
}

export type PlanTable = Exclude<keyof SeedPlan, 'pinnedMessages'>

/** Insert order (parents before children). */
export const PLAN_TABLES: PlanTable[] = [
  'users',
  'passwords',
  'exporterCompanies',
  'exporterMembers',
  'certifications',
  'products',
  'productTranslations',
  'priceTiers',
  'productImages',
  'productCertifications',
  'buyerProfiles',
  'tradeFairs',
  'fairHalls',
  'booths',
  'fairRegistrations',
  'meetingSlots',
  'liveSessions',
  'liveSessionProducts',
  'liveSessionModerators',
  'liveSessionViews',
  'chatMessages',
  'inquiries',
  'inquiryStatusEvents',
  'inquiryMessages',
  'quotes',
  'meetings',
  'meetingParticipants',
  'notifications',
  'exchangeRates',
]

export function emptyPlan(): SeedPlan {
  const plan = { pinnedMessages: [] } as unknown as SeedPlan
  for (const table of PLAN_TABLES) (plan as Record<string, unknown>)[table] = []
  return plan
}

export type BuildContext = {
  now: Date
  passwordHash: string
  categoryIds: Map<string, string>
}

export type SeededUser = { id: string; email: string; name: string; locale: string }

export type SeededCompany = {
  id: string
  slug: string
  name: string
  city: string
  currency: 'USD' | 'KRW'
  createdAt: Date
  owner: SeededUser
  member?: SeededUser
  certifications: Array<{ id: string; type: string; market: string; validUntil: Date | null }>
}

export type SeededProduct = {
  id: string
  slug: string
  /** slug of the base product (variants share it) */
  baseSlug: string
  companyId: string
  companySlug: string
  name: string
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED'
  unit: string
  moq: number
  currency: string
  unitPriceMinor: number
  hsCode: string
}

export type SeededBuyer = SeededUser & {
  profileId: string
  company: string
  country: string
  timeZone: string
}

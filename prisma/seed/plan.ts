// Builds the complete demo data set in memory (no database access).
import { buildExchangeRates, buildNotifications } from './activity.ts'
import { buildBuyers, buildStaff } from './buyers.ts'
import { buildExporters } from './exporters.ts'
import { buildFair } from './fair.ts'
import { buildInquiries } from './inquiries.ts'
import { buildLiveSessions } from './live.ts'
import type { World } from './lookup.ts'
import { buildMeetings } from './meetings.ts'
import { buildProducts } from './products.ts'
import { emptyPlan, type BuildContext, type SeedPlan } from './types.ts'

export function buildDemoPlan(ctx: BuildContext): SeedPlan {
  const plan = emptyPlan()
  const usedEmails = new Set<string>()
  const staff = buildStaff(ctx, plan, usedEmails)
  const companies = buildExporters(ctx, plan, usedEmails)
  const products = buildProducts(ctx, plan, companies)
  const buyers = buildBuyers(ctx, plan, usedEmails)
  const fair = buildFair(ctx, plan, companies, buyers, staff)
  const world: World = { ctx, plan, companies, products, buyers, staff, fair }
  const sessions = buildLiveSessions(world)
  const inquiries = buildInquiries(world, sessions)
  const meetings = buildMeetings(world)
  buildNotifications(world, sessions, inquiries, meetings)
  buildExchangeRates(world)
  return plan
}

import { FOOD_COMPANIES } from './companies-food.ts'
import { HEALTH_COMPANIES } from './companies-health.ts'
import { INDUSTRY_COMPANIES } from './companies-industry.ts'
import type { CompanySeed } from './types.ts'

/** All demo exporters; the first one is the demo exporter account's company. */
export const COMPANIES: CompanySeed[] = [...FOOD_COMPANIES, ...HEALTH_COMPANIES, ...INDUSTRY_COMPANIES]

export const DEMO_EXPORTER_COMPANY = 'soyang-buckwheat-foods'

import { createI18n, isSupportedLocale } from '~/lib/i18n'
import { toCsv } from '~/utils/csv.server'
import type { Lead } from './leads.server'
import { reasonMessage, type LeadReason } from './score'

export const LEAD_CSV_COLUMNS = [
  'name',
  'email',
  'company',
  'country',
  'score',
  'reasons',
  'liveMinutes',
  'replayMinutes',
  'productsOpened',
  'products',
  'chatMessages',
  'chat',
  'rfqs',
  'meetings',
  'firstSeen',
  'lastSeen',
] as const

/** The lead list as CSV with headers and reasons in the reader's language (cells neutralised against formulas by toCsv). */
export function leadsCsv(leads: readonly Lead[], locale: string): string {
  const { t } = createI18n(isSupportedLocale(locale) ? locale : 'en')
  const reason = (item: LeadReason) => {
    const { key, options } = reasonMessage(item)
    return t(key, options)
  }
  const rows = leads.map((lead) => [
    lead.name,
    lead.email,
    lead.companyName,
    lead.country,
    lead.score,
    lead.reasons.map((item) => `${reason(item)} (${t('leads.points', { points: item.points })})`).join('; '),
    Math.floor(lead.liveSeconds / 60),
    Math.floor(lead.replaySeconds / 60),
    lead.productsOpened,
    lead.productNames.join('; '),
    lead.chatMessages,
    lead.chatSample.map((message) => message.body.replace(/\s+/g, ' ')).join(' | '),
    lead.rfqs,
    lead.meetings,
    lead.firstSeenAt.toISOString(),
    lead.lastSeenAt.toISOString(),
  ])
  return toCsv([LEAD_CSV_COLUMNS.map((column) => t(`leads.csvColumns.${column}`)), ...rows])
}

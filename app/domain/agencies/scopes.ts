// Client-safe: what a company may let an export agency do for it (docs/export-agencies.md, ADR 026).
import type { CompanyPermission } from '~/domain/accounts/permissions'

export const AGENCY_SCOPES = ['CATALOGUE', 'SHOWCASES', 'RFQS_QUOTES', 'MEETINGS'] as const
export type AgencyScopeName = (typeof AGENCY_SCOPES)[number]

/**
 * The company permissions an agency may hold, and the scope each needs. Every other company permission
 * (company profile, team, blocked words, refunds, the CRM webhook) is never an agency's.
 */
export const AGENCY_SCOPE_OF_PERMISSION: Partial<Record<CompanyPermission, AgencyScopeName>> = {
  'manage:product:own': 'CATALOGUE',
  'manage:certification:own': 'CATALOGUE',
  'manage:showcase:own': 'SHOWCASES',
}

export function agencyScopeFor(permission: CompanyPermission): AgencyScopeName | null {
  return AGENCY_SCOPE_OF_PERMISSION[permission] ?? null
}

/** The message key (under agency.actions) of a recorded action's family: `inquiry.stage.QUOTE` → `inquiryStage`. */
export function agencyActionKey(action: string): string {
  const family = action.split('.').slice(0, 2).join('.')
  return family.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase())
}

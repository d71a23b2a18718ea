// Client-safe: the UI hides what the server would refuse, from the same table.
export const ROLES = ['EXPORTER', 'BUYER', 'ORGANIZER', 'ADMIN', 'STUDIO_OPERATOR', 'TRADE_OFFICER', 'AGENCY'] as const
export type RoleName = (typeof ROLES)[number]

export type Permission =
  | 'view:exporter-dashboard'
  | 'view:buyer-dashboard'
  | 'view:organizer-dashboard'
  | 'view:admin'
  | 'manage:own-company'
  | 'send:inquiry'
  | 'manage:fair'
  | 'buy:sample'
  | 'fulfil:orders'
  | 'pay:booth-fee'
  /** Edit the market requirements catalogue (export readiness), every change audited. */
  | 'manage:requirements'
  /** Verify or revoke a buyer company registered to one of the user's own fairs (docs/verified-buyers.md). */
  | 'verify:buyer:own-fair'
  /** Verify or revoke any buyer company. */
  | 'verify:buyer:any'
  /** Run the hub's studio: resources, opening hours, booking decisions, crew (docs/studio-booking.md). */
  | 'manage:studio'
  /** Give trade-officer consultations: hours, notes, follow-up tasks (docs/consultations.md). */
  | 'advise:consultations'
  /** Act for the exporter companies that granted the user's agency access, within the granted scopes. */
  | 'act:agency'
  /** Check visitors in on site by their badge; own fairs only, like manage:fair (docs/fair-on-site.md). */
  | 'check-in:fair'

const PERMISSIONS_BY_ROLE: Record<RoleName, readonly Permission[]> = {
  EXPORTER: ['view:exporter-dashboard', 'manage:own-company', 'fulfil:orders', 'pay:booth-fee'],
  BUYER: ['view:buyer-dashboard', 'send:inquiry', 'buy:sample'],
  ORGANIZER: ['view:organizer-dashboard', 'manage:fair', 'verify:buyer:own-fair', 'check-in:fair'],
  ADMIN: [
    'view:admin',
    'view:organizer-dashboard',
    'manage:fair',
    'manage:requirements',
    'verify:buyer:own-fair',
    'verify:buyer:any',
    'manage:studio',
    'check-in:fair',
  ],
  STUDIO_OPERATOR: ['manage:studio'],
  TRADE_OFFICER: ['advise:consultations'],
  AGENCY: ['act:agency'],
}

export function roleHasPermission(role: RoleName, permission: Permission): boolean {
  return PERMISSIONS_BY_ROLE[role].includes(permission)
}

/** What a member may do inside their own exporter company, by company role. */
export const COMPANY_ROLES = ['OWNER', 'ADMIN', 'MEMBER'] as const
export type CompanyRoleName = (typeof COMPANY_ROLES)[number]

export type CompanyPermission =
  | 'update:company:own'
  | 'invite:member:own'
  | 'remove:member:own'
  | 'manage:product:own'
  | 'manage:certification:own'
  /** Schedule, edit, go live with and end ANY showcase of the company; a MEMBER manages only the showcases they host. */
  | 'manage:showcase:own'
  /** Rewrite a showcase's blocked-word list (a MEMBER may still moderate chat in the company's showcases). */
  | 'manage:blocked-words:own'
  /** Refund a paid order (money leaves the company). */
  | 'refund:order:own'
  /** Grant, change or revoke an export agency's rights to act for the company (docs/export-agencies.md). */
  | 'grant:agency:own'

const COMPANY_ADMINISTRATION: readonly CompanyPermission[] = ['manage:showcase:own', 'manage:blocked-words:own', 'refund:order:own']

const COMPANY_PERMISSIONS_BY_ROLE: Record<CompanyRoleName, readonly CompanyPermission[]> = {
  OWNER: [
    'update:company:own',
    'invite:member:own',
    'remove:member:own',
    'manage:product:own',
    'manage:certification:own',
    'grant:agency:own',
    ...COMPANY_ADMINISTRATION,
  ],
  ADMIN: ['update:company:own', 'invite:member:own', 'manage:product:own', 'manage:certification:own', ...COMPANY_ADMINISTRATION],
  MEMBER: ['manage:product:own', 'manage:certification:own'],
}

export function companyRoleHasPermission(role: CompanyRoleName, permission: CompanyPermission): boolean {
  return COMPANY_PERMISSIONS_BY_ROLE[role].includes(permission)
}

/** Where "my dashboard" is for each role. */
export const DASHBOARD_PATH: Record<RoleName, string> = {
  EXPORTER: '/exporter',
  BUYER: '/buyer',
  ORGANIZER: '/organizer/fairs',
  ADMIN: '/admin',
  STUDIO_OPERATOR: '/hub/studio',
  TRADE_OFFICER: '/advisor',
  AGENCY: '/agency',
}

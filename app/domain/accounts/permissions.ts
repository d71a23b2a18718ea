// Client-safe: the UI hides what the server would refuse, from the same table.
export const ROLES = ['EXPORTER', 'BUYER', 'ORGANIZER', 'ADMIN'] as const
export type RoleName = (typeof ROLES)[number]

export type Permission =
  | 'view:exporter-dashboard'
  | 'view:buyer-dashboard'
  | 'view:organizer-dashboard'
  | 'view:admin'
  | 'manage:own-company'
  | 'send:inquiry'
  | 'manage:fair'

const PERMISSIONS_BY_ROLE: Record<RoleName, readonly Permission[]> = {
  EXPORTER: ['view:exporter-dashboard', 'manage:own-company'],
  BUYER: ['view:buyer-dashboard', 'send:inquiry'],
  ORGANIZER: ['view:organizer-dashboard', 'manage:fair'],
  ADMIN: ['view:admin', 'view:organizer-dashboard', 'manage:fair'],
}

export function roleHasPermission(role: RoleName, permission: Permission): boolean {
  return PERMISSIONS_BY_ROLE[role].includes(permission)
}

/** Where "my dashboard" is for each role. */
export const DASHBOARD_PATH: Record<RoleName, string> = {
  EXPORTER: '/exporter',
  BUYER: '/buyer',
  ORGANIZER: '/organizer',
  ADMIN: '/admin',
}

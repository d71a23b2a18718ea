import { Outlet } from 'react-router'
import type { Route } from './+types/_layout'
import { AgencyNav } from '~/components/area-nav'
import { RouteErrorPage } from '~/components/error-page'

/** The export agency's pages under the agency's navigation (docs/export-agencies.md). */
export default function AgencyArea() {
  return (
    <>
      <AgencyNav />
      <Outlet />
    </>
  )
}

// Without the area's links: the error may be that this reader is not an agency member at all.
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteErrorPage error={error} />
}

import { Outlet } from 'react-router'
import type { Route } from './+types/_layout'
import { AgencyNav, ExporterNav } from '~/components/area-nav'
import { RouteErrorPage } from '~/components/error-page'
import { useRootData } from '~/lib/use-root-data'

/** Every /exporter page under the exporter area's navigation. */
export default function ExporterArea() {
  // An agency member acting for a company sees the agency's links, not the company's own (ADR 026).
  const { user } = useRootData()
  return (
    <>
      {user?.role === 'AGENCY' ? <AgencyNav /> : <ExporterNav />}
      <Outlet />
    </>
  )
}

// Without the area's links: the error may be that this reader is not an exporter at all.
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteErrorPage error={error} />
}

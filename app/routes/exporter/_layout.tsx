import { Outlet } from 'react-router'
import type { Route } from './+types/_layout'
import { ExporterNav } from '~/components/area-nav'
import { RouteErrorPage } from '~/components/error-page'

/** Every /exporter page under the exporter area's navigation. */
export default function ExporterArea() {
  return (
    <>
      <ExporterNav />
      <Outlet />
    </>
  )
}

// Without the area's links: the error may be that this reader is not an exporter at all.
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteErrorPage error={error} />
}

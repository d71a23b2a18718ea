import { Outlet } from 'react-router'
import type { Route } from './+types/_layout'
import { HubNav } from '~/components/area-nav'
import { RouteErrorPage } from '~/components/error-page'

/** Every /hub page under the hub's navigation (issue 23): the studio's requests and bookings, its calendar, its setup. */
export default function HubArea() {
  return (
    <>
      <HubNav />
      <Outlet />
    </>
  )
}

// Without the area's links: the error may be that this reader does not run the studio at all.
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteErrorPage error={error} />
}

import { Outlet } from 'react-router'
import type { Route } from './+types/_layout'
import { AdminNav } from '~/components/area-nav'
import { RouteErrorPage } from '~/components/error-page'

/** Every /admin page under the admin area's navigation (the pages guard themselves). */
export default function AdminArea() {
  return (
    <>
      <AdminNav />
      <Outlet />
    </>
  )
}

// Without the area's links: the error may be that this reader is not an admin at all.
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteErrorPage error={error} />
}

import { Outlet } from 'react-router'
import type { Route } from './+types/_layout'
import { AdvisorNav } from '~/components/area-nav'
import { RouteErrorPage } from '~/components/error-page'

/** The trade officer's area (docs/consultations.md): consultations and the profile with weekly hours. */
export default function AdvisorArea() {
  return (
    <>
      <AdvisorNav />
      <Outlet />
    </>
  )
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteErrorPage error={error} />
}

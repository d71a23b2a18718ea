import { Outlet } from 'react-router'
import type { Route } from './+types/_layout'
import { RouteErrorPage } from '~/components/error-page'

/** One consultation and its video room, for its two participants (docs/consultations.md). */
export default function ConsultationsArea() {
  return <Outlet />
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteErrorPage error={error} />
}

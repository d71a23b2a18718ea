import { Outlet } from 'react-router'
import type { Route } from './+types/_layout'
import { RouteErrorPage } from '~/components/error-page'

/** The organizer area (fairs, their dashboards and schedules, exchange rates); its pages link to each other themselves. */
export default function OrganizerArea() {
  return <Outlet />
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteErrorPage error={error} />
}

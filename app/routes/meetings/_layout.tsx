import { Outlet } from 'react-router'
import type { Route } from './+types/_layout'
import { RouteErrorPage } from '~/components/error-page'

/** The meetings area (list, request, detail, room); the site header links to it. */
export default function MeetingsArea() {
  return <Outlet />
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteErrorPage error={error} />
}

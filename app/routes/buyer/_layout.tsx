import { Outlet } from 'react-router'
import type { Route } from './+types/_layout'
import { BuyerNav } from '~/components/area-nav'
import { RouteErrorPage } from '~/components/error-page'

/** Every /buyer page under the buyer area's navigation. */
export default function BuyerArea() {
  return (
    <>
      <BuyerNav />
      <Outlet />
    </>
  )
}

// Without the area's links: the error may be that this reader is not a buyer at all.
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteErrorPage error={error} />
}

import { useRouteLoaderData } from 'react-router'
import type { RootLoaderData } from '~/root'

/** Locale, time zone and signed-in user from the root loader (defaults during error renders). */
export function useRootData() {
  const root = useRouteLoaderData<RootLoaderData>('root')
  return {
    user: root?.user ?? null,
    locale: root?.locale ?? 'en',
    timeZone: root?.timeZone ?? 'UTC',
    unreadNotifications: root?.unreadNotifications ?? 0,
  }
}

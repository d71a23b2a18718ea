import { useRouteLoaderData } from 'react-router'
import type { RootLoaderData } from '~/root'

/** Hidden double-submit token; every state-changing form renders one. */
export function CsrfInput() {
  const root = useRouteLoaderData<RootLoaderData>('root')
  return <input type="hidden" name="csrf" value={root?.csrfToken ?? ''} />
}

import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, Link } from 'react-router'
import { buttonClass } from '~/components/ui/button'
import { useRootData } from '~/lib/use-root-data'

type ErrorKind = 'forbidden' | 'csrf' | 'not-found' | 'generic'

const TITLE_KEY: Record<ErrorKind, string> = {
  forbidden: 'errors.forbiddenTitle',
  csrf: 'errors.csrfTitle',
  'not-found': 'errors.notFoundTitle',
  generic: 'errors.genericTitle',
}

export function ErrorPage({ kind, status }: { kind: ErrorKind; status: number }) {
  const { t } = useTranslation()
  const { user } = useRootData()
  let body: string
  if (kind === 'forbidden') {
    body = user ? t('errors.forbiddenBody', { role: t(`roles.${user.role}`) }) : t('errors.forbiddenAnonymous')
  } else if (kind === 'csrf') body = t('errors.csrfBody')
  else if (kind === 'not-found') body = t('errors.notFoundBody')
  else body = t('errors.genericBody')

  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold text-brand-600">{status}</p>
      <h1 id="error-title" className="mt-2 text-3xl font-bold tracking-tight">
        {t(TITLE_KEY[kind])}
      </h1>
      <p className="mt-4 text-slate-600">{body}</p>
      <div className="mt-8 flex justify-center gap-3">
        <Link to="/" className={buttonClass('secondary')}>
          {t('common.backHome')}
        </Link>
        {user ? (
          <Link to="/dashboard" className={buttonClass('primary')}>
            {t('nav.dashboard')}
          </Link>
        ) : (
          <Link to="/login" className={buttonClass('primary')}>
            {t('nav.signIn')}
          </Link>
        )}
      </div>
    </section>
  )
}

/**
 * What any ErrorBoundary renders for a thrown error (root and area layouts alike): 403 (or a refused
 * CSRF token), 404, else a generic page with the response's status or 500.
 */
export function RouteErrorPage({ error }: { error: unknown }) {
  if (isRouteErrorResponse(error)) {
    const reason = (error.data as { reason?: string } | undefined)?.reason
    if (error.status === 403) return <ErrorPage kind={reason === 'csrf' ? 'csrf' : 'forbidden'} status={403} />
    if (error.status === 404) return <ErrorPage kind="not-found" status={404} />
    return <ErrorPage kind="generic" status={error.status} />
  }
  if (import.meta.env.DEV && error instanceof Error) console.error(error)
  return <ErrorPage kind="generic" status={500} />
}

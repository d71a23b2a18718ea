import { useTranslation } from 'react-i18next'
import { Link, useFetcher, useLocation } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { buttonClass } from '~/components/ui/button'
import { useRootData } from '~/lib/use-root-data'

/**
 * Follow / Following toggle for an exporter or a fair. Buyers get the button (its state pressed or not,
 * shown at once while the change is saved); visitors a sign-in link; other roles nothing.
 */
export function FollowButton({
  target,
  id,
  name,
  following,
  hint = true,
}: {
  target: 'exporter' | 'fair'
  id: string
  name: string
  following: boolean
  hint?: boolean
}) {
  const { t } = useTranslation()
  const { user } = useRootData()
  const fetcher = useFetcher()
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  if (!user) {
    return (
      <Link to={`/login?${new URLSearchParams({ redirectTo: here })}`} className={buttonClass('secondary')}>
        {t('engagement.follow.signIn')}
      </Link>
    )
  }
  if (user.role !== 'BUYER') return null
  // While saving, the button already shows the state asked for.
  const pending = fetcher.formData?.get('following')
  const shown = pending === undefined || pending === null ? following : pending === 'true'
  return (
    <fetcher.Form method="post" action="/engagement/follow" className="flex flex-col items-start gap-1">
      <CsrfInput />
      <input type="hidden" name="intent" value="follow" />
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="following" value={shown ? 'false' : 'true'} />
      <input type="hidden" name="returnTo" value={here} />
      <button
        type="submit"
        aria-pressed={shown}
        title={shown ? t('engagement.follow.unfollowName', { name }) : t('engagement.follow.followName', { name })}
        className={buttonClass(shown ? 'secondary' : 'primary')}
        disabled={fetcher.state !== 'idle'}
      >
        <span aria-hidden="true">{shown ? '✓ ' : '+ '}</span>
        {shown ? t('engagement.follow.following') : t('engagement.follow.follow')}
        {/* The name keeps the visible word first (WCAG 2.5.3) and says whom, for lists of several. */}
        <span className="sr-only"> · {name}</span>
      </button>
      {hint ? <span className="text-xs text-slate-500">{t('engagement.follow.hint')}</span> : null}
    </fetcher.Form>
  )
}

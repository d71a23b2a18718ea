import { useTranslation } from 'react-i18next'
import { Form, Link, NavLink, useLocation } from 'react-router'
import { CsrfInput } from '~/components/csrf-input'
import { buttonClass } from '~/components/ui/button'
import { DASHBOARD_PATH } from '~/domain/accounts/permissions'
import { LOCALE_NAMES, SUPPORTED_LOCALES } from '~/lib/i18n'
import { useRootData } from '~/lib/use-root-data'

/**
 * The language switch: a select of the six languages, each in its own name and marked with its own `lang`
 * (so screen readers pronounce it), and a button to apply it — changing the select alone does not reload
 * the page (WCAG 3.2.2), and it works without JavaScript.
 */
function LanguageSwitch() {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const location = useLocation()
  return (
    <Form method="post" action="/preferences" className="flex items-center gap-1">
      <CsrfInput />
      <input type="hidden" name="intent" value="locale" />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <label htmlFor="site-language" className="sr-only">
        {t('common.language')}
      </label>
      <span aria-hidden="true" className="text-slate-500">
        <GlobeIcon />
      </span>
      {/* Keyed by the shown language: after a switch the select starts from the new one. */}
      <select
        key={locale}
        id="site-language"
        name="locale"
        defaultValue={locale}
        className="max-w-36 rounded-md border border-slate-300 bg-white py-1 pl-2 pr-7 text-xs font-medium text-slate-700 pointer-coarse:min-h-11"
      >
        {SUPPORTED_LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="whitespace-nowrap rounded-md bg-white px-2 py-1 text-xs font-semibold text-slate-700 ring-1 ring-slate-300 pointer-coarse:min-h-11 hover:bg-slate-100"
      >
        {t('common.changeLanguage')}
      </button>
    </Form>
  )
}

/** A globe, the sign readers of any language look for to find the language switch. */
function GlobeIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <circle cx="12" cy="12" r="10" />
      <path d="M2 12h20" />
      <path d="M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10z" />
    </svg>
  )
}

export function SiteHeader() {
  const { t } = useTranslation()
  const { user, unreadNotifications } = useRootData()
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `inline-flex items-center rounded-md px-3 py-2 text-sm font-medium pointer-coarse:min-h-11 ${isActive ? 'bg-brand-50 text-brand-700' : 'text-slate-700 hover:bg-slate-100'}`
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link to="/" className="flex items-center gap-2 text-lg font-bold tracking-tight text-brand-900">
          <span aria-hidden="true" className="inline-block size-3 rounded-full bg-live" />
          {t('common.appName')}
        </Link>
        <nav aria-label={t('common.mainNavigation')} className="order-3 flex w-full flex-wrap gap-1 lg:order-none lg:w-auto">
          <NavLink to="/" end className={navClass}>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/live" className={navClass}>
            {t('directory.nav')}
          </NavLink>
          <NavLink to="/catalog" className={navClass}>
            {t('nav.catalog')}
          </NavLink>
          <NavLink to="/fairs" className={navClass}>
            {t('nav.fairs')}
          </NavLink>
          {user ? (
            <>
              <NavLink to={DASHBOARD_PATH[user.role]} className={navClass}>
                {t('nav.dashboard')}
              </NavLink>
              {user.role === 'BUYER' || user.role === 'EXPORTER' ? (
                <NavLink to="/inquiries" className={navClass}>
                  {t('nav.inquiries')}
                </NavLink>
              ) : null}
              {user.role === 'BUYER' || user.role === 'EXPORTER' ? (
                <NavLink to="/meetings" className={navClass}>
                  {t('meetings.nav.meetings')}
                </NavLink>
              ) : null}
              {user.role === 'BUYER' || user.role === 'EXPORTER' ? (
                <NavLink to={user.role === 'BUYER' ? '/orders' : '/exporter/orders'} className={navClass}>
                  {t('payments.nav.orders')}
                </NavLink>
              ) : null}
              <NavLink to="/notifications" className={navClass}>
                {t('notifications.title')}
                {unreadNotifications > 0 ? (
                  <span className="ml-1 rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">
                    <span aria-hidden="true">{unreadNotifications}</span>
                    <span className="sr-only">{t('notifications.unread', { count: unreadNotifications })}</span>
                  </span>
                ) : null}
              </NavLink>
              <NavLink to="/settings" className={navClass}>
                {t('nav.settings')}
              </NavLink>
            </>
          ) : null}
        </nav>
        {/* On a phone the account buttons wrap as whole words rather than letter by letter. */}
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <LanguageSwitch />
          {user ? (
            <Form method="post" action="/logout" className="flex items-center gap-2">
              <CsrfInput />
              <span className="hidden text-sm text-slate-600 md:inline">
                {t('nav.signedInAs', { name: user.name })} · {t(`roles.${user.role}`)}
              </span>
              <button type="submit" className={buttonClass('secondary', 'whitespace-nowrap')}>
                {t('nav.signOut')}
              </button>
            </Form>
          ) : (
            <>
              <Link to="/login" className={buttonClass('ghost', 'whitespace-nowrap')}>
                {t('nav.signIn')}
              </Link>
              <Link to="/signup" className={buttonClass('primary', 'whitespace-nowrap')}>
                {t('nav.signUp')}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  )
}

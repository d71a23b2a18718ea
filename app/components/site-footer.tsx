import { useTranslation } from 'react-i18next'
import { useRootData } from '~/lib/use-root-data'

export function SiteFooter() {
  const { t } = useTranslation()
  const { timeZone } = useRootData()
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-6 text-sm text-slate-500 sm:px-6">
        <p>
          {t('common.appName')} — {t('common.tagline')}
        </p>
        <p>{t('common.timesShownIn', { zone: timeZone })}</p>
      </div>
    </footer>
  )
}

import { useTranslation } from 'react-i18next'
import { Form, Link } from 'react-router'
import type { Route } from './+types/consultations'
import { ConsultationTable } from '~/components/consultations/consultation-table'
import { buttonClass } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { SelectField } from '~/components/ui/field'
import { requireExporterMember } from '~/domain/accounts/permissions.server'
import { listRequesterConsultations, searchOfficers } from '~/domain/consultations/consultations.server'
import { OfficerSearchSchema } from '~/domain/consultations/schemas'
import { countryName, countryOptions } from '~/lib/countries'
import { languageName, languageOptions } from '~/lib/languages'
import { pageTitle } from '~/lib/meta'
import { consultationRowsFor } from '~/routes/consultations/+shared/rows.server'
import { resolveLocale, resolveTimeZone } from '~/utils/preferences.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('consultations.exporter.title')])

export async function loader({ request }: Route.LoaderArgs) {
  const { user } = await requireExporterMember(request)
  const locale = await resolveLocale(request, user)
  const viewerZone = resolveTimeZone(request, user).timeZone
  const url = new URL(request.url)
  const filter = OfficerSearchSchema.parse({ market: url.searchParams.get('market') ?? undefined, language: url.searchParams.get('language') ?? undefined })
  const [officers, mine] = await Promise.all([searchOfficers(filter), listRequesterConsultations(user.id)])
  return {
    filter: { market: filter.market ?? '', language: filter.language ?? '' },
    countries: countryOptions(locale),
    languages: languageOptions(locale),
    viewerZone,
    officers: officers.map((officer) => ({
      id: officer.id,
      officeName: officer.officeName,
      name: officer.user.name,
      timeZone: officer.timeZone,
      bio: officer.bio,
      markets: officer.markets.map((code) => countryName(code, locale)),
      languages: officer.languages.map((code) => languageName(code, locale)),
      hasHours: officer.hours.length > 0,
      // Booking starts with the market searched for, else the officer's first.
      market: filter.market && officer.markets.includes(filter.market) ? filter.market : (officer.markets[0] ?? ''),
    })),
    mine: consultationRowsFor(mine, { locale, viewerZone, side: 'requester' }),
  }
}

export default function ExporterConsultations({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { filter, countries, languages, officers, mine, viewerZone } = loaderData
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t('consultations.exporter.title')}</h1>
        <p className="text-sm text-slate-600">{t('consultations.exporter.intro')}</p>
      </header>
      <Card id="mine" title={t('consultations.exporter.mine')}>
        <p className="mb-2 text-xs text-slate-500">{t('consultations.timesIn', { zone: viewerZone })}</p>
        {mine.length === 0 ? (
          <p className="text-sm text-slate-600">{t('consultations.exporter.noneYet')}</p>
        ) : (
          <ConsultationTable rows={mine} labelledBy="mine-title" side="requester" />
        )}
      </Card>
      <Card id="find" title={t('consultations.exporter.find')}>
        <Form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-labelledby="find-title">
          <SelectField
            label={t('consultations.exporter.market')}
            options={[{ value: '', label: t('consultations.exporter.anyMarket') }, ...countries]}
            selectProps={{ id: 'officer-market', name: 'market', defaultValue: filter.market }}
          />
          <SelectField
            label={t('consultations.exporter.language')}
            options={[{ value: '', label: t('consultations.exporter.anyLanguage') }, ...languages]}
            selectProps={{ id: 'officer-language', name: 'language', defaultValue: filter.language }}
          />
          <button type="submit" className={buttonClass('secondary')}>
            {t('consultations.exporter.search')}
          </button>
        </Form>
        {officers.length === 0 ? (
          <p className="mt-4 text-sm text-slate-600">{t('consultations.exporter.noOfficers')}</p>
        ) : (
          <ul className="mt-4 grid gap-3 sm:grid-cols-2" aria-label={t('consultations.exporter.officers')}>
            {officers.map((officer) => (
              <li key={officer.id} className="rounded-lg p-4 ring-1 ring-slate-200">
                <h3 className="font-semibold">{officer.officeName}</h3>
                <p className="text-sm text-slate-600">
                  {officer.name} · {officer.timeZone}
                </p>
                <p className="mt-1 text-sm">{t('consultations.exporter.advisesOn', { markets: officer.markets.join(', ') })}</p>
                <p className="text-sm">{t('consultations.exporter.speaks', { languages: officer.languages.join(', ') })}</p>
                {officer.bio ? <p className="mt-2 text-sm text-slate-700">{officer.bio}</p> : null}
                {officer.hasHours ? (
                  <Link to={`/exporter/consultations/book/${officer.id}?market=${officer.market}`} className={buttonClass('primary', 'mt-3')}>
                    {t('consultations.exporter.book', { office: officer.officeName })}
                  </Link>
                ) : (
                  <p className="mt-3 text-sm text-slate-600">{t('consultations.exporter.noHours')}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}

import { useTranslation } from 'react-i18next'
import { data } from 'react-router'
import type { Route } from './+types/profile'
import { ContentText } from '~/components/content-text'
import { ProductCard } from '~/components/product-card'
import { ReplayList } from '~/components/replay-list'
import { ShowcaseList } from '~/components/showcase-list'
import { Card } from '~/components/ui/card'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { getExporterPublicProfile } from '~/domain/exporters/public-profile.server'
import { isFollowing } from '~/domain/engagement/follows.server'
import { FollowButton } from '~/components/engagement/follow-button'
import { listVisibleReplays } from '~/domain/replays/lists.server'
import { countryName } from '~/lib/countries'
import { languageName } from '~/lib/languages'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'
import type { LanguageAlternatesHandle } from '~/lib/language-alternates'
import { pageTitle } from '~/lib/meta'

// A public page: the document lists its language versions (hreflang) and its canonical URL.
export const handle: LanguageAlternatesHandle = { alternates: true }

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const profile = await getExporterPublicProfile(params.slug, { locale, now: new Date() })
  if (!profile) throw data({ reason: 'not-found' }, { status: 404 })
  const [replays, following] = await Promise.all([listVisibleReplays({ companyId: profile.id }, user, locale), isFollowing(user?.id, 'exporter', profile.id)])
  return { profile, replays, following }
}

export const meta: Route.MetaFunction = (args) => pageTitle(args, () => [args.loaderData.profile.name])

export default function ExporterProfileRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { profile, replays } = loaderData
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center gap-4">
        {profile.logoPath ? <img src={profile.logoPath} alt="" className="size-16 rounded-lg bg-white object-contain ring-1 ring-slate-200" /> : null}
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{profile.name}</h1>
          <p className="text-sm text-slate-600">
            {profile.place} · {profile.industry}
          </p>
        </div>
        <div className="ml-auto">
          <FollowButton target="exporter" id={profile.id} name={profile.name} following={loaderData.following} />
        </div>
      </header>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card id="about" title={t('catalog.aboutExporter')}>
            {profile.description.text ? (
              <ContentText as="p" lang={profile.description.lang} className="whitespace-pre-line text-sm text-slate-800">
                {profile.description.text}
              </ContentText>
            ) : null}
            <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-2">
              {profile.foundedYear ? (
                <div>
                  <dd className="font-medium">{t('catalog.founded', { year: profile.foundedYear })}</dd>
                </div>
              ) : null}
              <div>
                <dd className="font-medium">{t('catalog.exportExperience', { count: profile.exportExperienceYears })}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t('catalog.exportsTo')}</dt>
                <dd>{profile.exportMarkets.map((code) => countryName(code, locale)).join(', ') || '—'}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t('catalog.languages')}</dt>
                <dd>{profile.languages.map((code) => languageName(code, locale)).join(', ') || '—'}</dd>
              </div>
              {profile.website ? (
                <div>
                  <dt className="text-slate-500">{t('catalog.website')}</dt>
                  <dd>
                    <a href={profile.website} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 underline">
                      {profile.website.replace(/^https?:\/\//, '')}
                    </a>
                  </dd>
                </div>
              ) : null}
            </dl>
            {profile.certifications.length ? (
              <ul className="mt-4 flex flex-wrap gap-1" aria-label={t('catalog.certifications')}>
                {profile.certifications.map((cert) => (
                  <li key={cert} className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">
                    {cert}
                  </li>
                ))}
              </ul>
            ) : null}
          </Card>
        </div>
        <Card id="showcases" title={t('catalog.upcomingSessions')}>
          <ShowcaseList showcases={profile.showcases} />
        </Card>
      </div>
      {replays.length > 0 ? (
        <section aria-labelledby="replays-title">
          <h2 id="replays-title" className="text-xl font-bold tracking-tight">
            {t('replayList.title')}
          </h2>
          <div className="mt-4">
            <ReplayList replays={replays} showCompany={false} />
          </div>
        </section>
      ) : null}
      <section aria-labelledby="products-title">
        <h2 id="products-title" className="text-xl font-bold tracking-tight">
          {t('catalog.products')}
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {profile.products.map((product) => (
            <li key={product.id}>
              <ProductCard product={product} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

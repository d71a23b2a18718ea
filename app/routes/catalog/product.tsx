import { useTranslation } from 'react-i18next'
import { data, Link, useSearchParams } from 'react-router'
import type { Route } from './+types/product'
import { handleRfq } from './product.server'
import { handleSampleOrder } from './sample-order.server'
import { ContentText } from '~/components/content-text'
import { LocalTime } from '~/components/local-time'
import { ClipCard } from '~/components/replays/clip-marker'
import { RfqForm } from '~/components/rfq-form'
import { SampleOrderForm } from '~/components/sample-order-form'
import { StatusBadge } from '~/components/status-badge'
import { buttonClass } from '~/components/ui/button'
import { Card, cardTitleId } from '~/components/ui/card'
import { Cell, Table } from '~/components/ui/table'
import { isBuyerVerified } from '~/domain/buyers/verification.server'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { getProductDetail } from '~/domain/catalog/product-detail.server'
import { parseQueryFields, READY_FOR_PARAM } from '~/domain/catalog/search-params'
import { productReadinessFor } from '~/domain/readiness/buyer-readiness.server'
import { ReadinessSummary } from '~/components/readiness-summary'
import { useMarketName } from '~/components/certification-labels'
import { MARKET_BLOCS } from '~/domain/catalog/markets'
import { countryOptions } from '~/lib/countries'
import { formatHsCode } from '~/domain/catalog/product-rules'
import { isPaymentsEnabled } from '~/domain/payments/stripe.server'
import { listProductClips, listProductReplayMoments } from '~/domain/replays/clips.server'
import { formatOffset } from '~/domain/replays/timeline'
import { countryName } from '~/lib/countries'
import { formatMoney } from '~/lib/money'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'
import type { LanguageAlternatesHandle } from '~/lib/language-alternates'
import { pageTitle } from '~/lib/meta'
import { certificationMarketLabel, certificationTypeLabel } from '~/components/certification-labels'

// A public page: the document lists its language versions (hreflang) and its canonical URL.
export const handle: LanguageAlternatesHandle = { alternates: true }

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getOptionalUser(request)
  const locale = await resolveLocale(request, user)
  const product = await getProductDetail(params.productId, {
    locale,
    now: new Date(),
    viewerCompanyId: user?.exporterMember?.company.id ?? null,
  })
  if (!product) throw data({ reason: 'not-found' }, { status: 404 })
  // From the replays this visitor may watch: the product's clips, and where it was pinned ("seen at 12:34").
  // Readiness for the market asked for (?readyFor=, as in the catalog), else the buyer's own country.
  const buyerCountry = user?.buyerProfile?.country ?? null
  const readinessMarket = parseQueryFields(new URL(request.url).searchParams, { readyFor: READY_FOR_PARAM }).query.readyFor ?? buyerCountry
  const [clips, replayMoments, readiness] = await Promise.all([
    listProductClips(product.id, user, { locale }),
    listProductReplayMoments(product.id, user, { locale }),
    readinessMarket ? productReadinessFor(product, readinessMarket, { locale }) : null,
  ])
  // A buyer reading a product whose free samples are kept for verified buyers is told where they stand.
  const viewerVerified = product.sample?.verifiedBuyersOnly && user?.buyerProfile ? await isBuyerVerified(user.buyerProfile.id) : null
  return { product, clips, replayMoments, buyerCountry, readiness, paymentsEnabled: isPaymentsEnabled(), viewerVerified }
}

export async function action({ request, params }: Route.ActionArgs) {
  // Two forms post here: "Buy samples" (also from the live room) and the RFQ.
  const formData = await request.clone().formData()
  if (formData.get('intent') === 'buy-sample') return handleSampleOrder(request, formData, params.productId)
  return handleRfq(request, params.productId)
}

export const meta: Route.MetaFunction = (args) => pageTitle(args, () => [args.loaderData.product.name])

export default function ProductRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale, timeZone, user } = useRootData()
  const [searchParams] = useSearchParams()
  const { product } = loaderData
  const certificationTypes = [...new Set(product.certifications.filter((c) => c.state !== 'expired').map((c) => c.type))]
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <article className="space-y-6">
        <header>
          <p className="text-sm text-slate-600">
            <Link to="/catalog" className="hover:underline">
              {product.categoryName}
            </Link>
          </p>
          <ContentText as="h1" lang={product.textLang} className="text-2xl font-bold tracking-tight">
            {product.name}
          </ContentText>
          <p className="mt-1 text-sm text-slate-700">
            {t('catalog.hs', { code: formatHsCode(product.hsCode) })}
            {product.hsChapterTitle ? ` · ${t('catalog.chapter', { chapter: product.hsChapter, title: product.hsChapterTitle })}` : ''}
          </p>
        </header>
        {product.images.length ? (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            {product.images.map((image, index) => (
              <li key={image.path} className={index === 0 ? 'col-span-2 row-span-2' : ''}>
                <img src={image.path} alt={image.alt || product.name} className="w-full rounded-lg bg-slate-100 object-cover" />
              </li>
            ))}
          </ul>
        ) : null}
        {product.description ? (
          <ContentText as="p" lang={product.textLang} className="whitespace-pre-line text-slate-800">
            {product.description}
          </ContentText>
        ) : null}
        <dl className="grid gap-4 rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200 sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t('catalog.moqLabel')}</dt>
            <dd className="font-semibold">
              {product.moq.toLocaleString(locale)} {product.unit}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('catalog.incoterms')}</dt>
            <dd className="font-semibold">{product.incoterms.join(' · ') || '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('catalog.leadTime', { count: product.leadTimeDays })}</dt>
            <dd className="font-semibold">{product.leadTimeDays}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('catalog.targetMarkets')}</dt>
            <dd className="font-semibold">{product.targetMarkets.map((code) => countryName(code, locale)).join(', ') || '—'}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-500">{t('catalog.samplePolicy')}</dt>
            <dd className="font-semibold">
              {product.sample
                ? product.sample.priceMinor === 0
                  ? t('catalog.sampleFree', { max: product.sample.maxQuantity })
                  : t('catalog.samplePrice', {
                      price: formatMoney(product.sample.priceMinor, product.sample.currency, locale),
                      max: product.sample.maxQuantity,
                    })
                : t('catalog.sampleNone')}
              {product.sample?.shippingNote ? <span className="block font-normal text-slate-600">{product.sample.shippingNote}</span> : null}
              {product.sample?.verifiedBuyersOnly ? (
                <span className="block font-normal text-slate-700" data-testid="free-samples-verified-only">
                  {t('buyerVerification.samples.productNote')} {loaderData.viewerVerified === false ? t('buyerVerification.samples.youAreNotVerified') : null}
                  {loaderData.viewerVerified === true ? t('buyerVerification.samples.youAreVerified') : null}
                </span>
              ) : null}
            </dd>
          </div>
        </dl>
        <Card id="tiers" title={t('catalog.priceTiers')}>
          <Table labelledBy={cardTitleId('tiers')} columns={[{ label: t('catalog.fromQuantity') }, { label: t('catalog.unitPrice') }]}>
            {product.priceTiers.map((tier) => (
              <tr key={tier.minQuantity}>
                <Cell numeric>
                  {tier.minQuantity.toLocaleString(locale)} {product.unit}
                </Cell>
                <Cell numeric className="font-semibold">
                  {formatMoney(tier.unitPriceMinor, tier.currency, locale)}
                </Cell>
              </tr>
            ))}
          </Table>
        </Card>
        {loaderData.clips.length ? (
          <Card id="clips" title={t('clips.product.title')}>
            <ul className="grid gap-4 sm:grid-cols-2">
              {loaderData.clips.map((clip) => (
                <li key={clip.id} className="space-y-1" data-testid="product-clip">
                  <ClipCard clip={clip} />
                  <Link to={`/live/${clip.sessionId}?t=${Math.floor(clip.startMs / 1000)}`} className="text-xs text-brand-700 hover:underline">
                    {t('clips.product.fromShowcase', { title: clip.sessionTitle })}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card id="certs" title={t('catalog.certifications')}>
          {product.certifications.length === 0 ? (
            <p className="text-sm text-slate-500">{t('common.none')}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {product.certifications.map((cert) => (
                <li key={cert.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span className="font-medium">
                    {certificationTypeLabel(t, cert.type)} · {certificationMarketLabel(t, cert.market, locale)}
                    <span className="ml-2 font-normal text-slate-500">{cert.number}</span>
                  </span>
                  {cert.validUntil ? (
                    <span className={cert.state === 'expired' ? 'text-red-700' : cert.state === 'expiring' ? 'text-amber-700' : 'text-slate-600'}>
                      {cert.state === 'expired'
                        ? t('catalog.certificationExpired', { date: formatDate(cert.validUntil, { locale, timeZone }) })
                        : t('catalog.certificationValidUntil', { date: formatDate(cert.validUntil, { locale, timeZone }) })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </article>
      <aside className="space-y-6">
        <MarketReadinessCard readiness={loaderData.readiness} />
        <Card id="exporter" title={t('catalog.exporter')}>
          <p className="font-semibold">
            <Link to={`/exporters/${product.company.slug}`} className="hover:underline">
              {product.company.name}
            </Link>
          </p>
          <p className="text-sm text-slate-600">{[product.company.city, product.company.region].filter(Boolean).join(', ')}</p>
          {product.company.exportExperienceYears ? (
            <p className="mt-1 text-sm text-slate-600">{t('catalog.exportExperience', { count: product.company.exportExperienceYears })}</p>
          ) : null}
        </Card>
        {product.upcomingSessions.length ? (
          <Card id="sessions" title={t('catalog.upcomingSessions')}>
            <ul className="space-y-2 text-sm">
              {product.upcomingSessions.map((session) => (
                <li key={session.id}>
                  <p className="font-medium">{session.title}</p>
                  <StatusBadge status={session.status} /> <LocalTime value={session.scheduledStartAt} />
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {loaderData.replayMoments.length ? (
          <Card id="seen-in" title={t('clips.product.seenIn')}>
            <ul className="space-y-3 text-sm">
              {loaderData.replayMoments.map((replay) => (
                <li key={replay.sessionId} data-testid="product-replay-moment">
                  <p className="font-medium">{replay.title}</p>
                  <p className="text-xs text-slate-600">
                    <LocalTime value={replay.airedAt} />
                  </p>
                  <p className="mt-1 flex flex-wrap gap-2">
                    {replay.offsetsMs.map((offsetMs) => (
                      <Link
                        key={offsetMs}
                        to={`/live/${replay.sessionId}?t=${Math.floor(offsetMs / 1000)}`}
                        className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700 ring-1 ring-brand-100 hover:bg-brand-100"
                        aria-label={t('clips.product.seenAt', { title: replay.title, time: formatOffset(offsetMs) })}
                      >
                        {formatOffset(offsetMs)}
                      </Link>
                    ))}
                  </p>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {product.sample ? (
          <Card id="samples" title={t('payments.buySamplesTitle')}>
            <SampleOrderForm
              productId={product.id}
              liveSessionId={searchParams.get('session')}
              sample={product.sample}
              defaultCountry={loaderData.buyerCountry}
              paymentsEnabled={loaderData.paymentsEnabled}
              lastResult={actionData && 'sampleResult' in actionData ? actionData.sampleResult : undefined}
            />
          </Card>
        ) : null}
        <Card id="rfq" title={t('catalog.rfqTitle')}>
          {user?.role === 'BUYER' ? (
            <RfqForm
              productId={product.id}
              liveSessionId={searchParams.get('session')}
              defaults={{ quantity: product.moq, destinationCountry: loaderData.buyerCountry ?? 'US' }}
              incoterms={product.incoterms}
              certificationTypes={certificationTypes}
              lastResult={actionData && 'result' in actionData ? actionData.result : undefined}
            />
          ) : user ? (
            <p className="text-sm text-slate-600">{t('catalog.rfqOnlyBuyers')}</p>
          ) : (
            <div className="space-y-3 text-sm text-slate-600">
              <p>{t('catalog.rfqSignIn')}</p>
              <Link to={`/login?redirectTo=${encodeURIComponent(`/catalog/${product.id}`)}`} className={buttonClass('primary')}>
                {t('nav.signIn')}
              </Link>
            </div>
          )}
        </Card>
      </aside>
    </div>
  )
}

/** "Ready for my market": the product's status for a market, what it holds and lacks (names only). */
function MarketReadinessCard({ readiness }: { readiness: Route.ComponentProps['loaderData']['readiness'] }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const marketName = useMarketName()
  // The showcase this page was opened from stays attached to its RFQ and sample order.
  const session = useSearchParams()[0].get('session')
  const markets = [...MARKET_BLOCS.map((bloc) => ({ value: bloc, label: marketName(bloc) })), ...countryOptions(locale)]
  return (
    <Card id="readiness" title={readiness ? t('readinessBuyer.product.title', { market: marketName(readiness.market) }) : t('readinessBuyer.filterLegend')}>
      {readiness ? <ReadinessSummary view={readiness} notCovered={t('readinessBuyer.product.notCovered', { market: marketName(readiness.market) })} /> : null}
      <form method="get" className="mt-3 flex items-end gap-2 text-sm" key={readiness?.market ?? ''}>
        {session ? <input type="hidden" name="session" value={session} /> : null}
        <label className="flex-1">
          {t('readinessBuyer.product.chooseMarket')}
          <select
            name="readyFor"
            defaultValue={readiness?.market ?? ''}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            <option value="">{t('readinessBuyer.anyMarket')}</option>
            {markets.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass('secondary')}>
          {t('readinessBuyer.product.show')}
        </button>
      </form>
    </Card>
  )
}

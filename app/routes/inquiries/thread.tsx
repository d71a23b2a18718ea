import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { useEffect, useRef } from 'react'
import { Form, Link, useFetcher, useNavigation, useRouteLoaderData } from 'react-router'
import type { Route } from './+types/thread'
import { handleThreadAction, loadThread } from './thread.server'
import { CsrfInput } from '~/components/csrf-input'
import { ReadinessSummary } from '~/components/readiness-summary'
import { useMarketName } from '~/components/certification-labels'
import { LocalTime } from '~/components/local-time'
import { StatusBadge } from '~/components/status-badge'
import { VerifiedBuyerBadge } from '~/components/verified-buyer'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { Field, FieldErrors, SelectField } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { INCOTERMS, PRICE_CURRENCIES } from '~/domain/catalog/product-rules'
import { isClosedStage, nextStatuses, stageValueColumn, valueRequired, type DealStage } from '~/domain/inquiries/pipeline'
import { MessageSchema, QuoteSchema, StatusSchema } from '~/domain/inquiries/schemas'
import { countryName } from '~/lib/countries'
import { formatDate } from '~/lib/time'
import { formatMoney } from '~/lib/money'
import { useRootData } from '~/lib/use-root-data'
import type { RootLoaderData } from '~/root'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.inquiry')])

export async function loader({ request, params }: Route.LoaderArgs) {
  return loadThread(request, params.inquiryId)
}

export async function action({ request, params }: Route.ActionArgs) {
  return handleThreadAction(request, params.inquiryId)
}

/** Stages at which a quote may still be sent (addQuote refuses the others). */
const OPEN_FOR_QUOTES: ReadonlySet<DealStage> = new Set(['CONSULTATION', 'QUOTE', 'SAMPLE', 'LOI'])

type ActionResult = Extract<Route.ComponentProps['actionData'], { result: unknown }> | undefined

/**
 * Opening a thread marks it read, through a CSRF-protected POST sent once the page is shown (a GET
 * never changes state); the inbox counts follow when the loaders revalidate after it.
 */
function useMarkRead(inquiryId: string, needsRead: boolean) {
  const fetcher = useFetcher()
  const csrf = useRouteLoaderData<RootLoaderData>('root')?.csrfToken ?? ''
  const sentFor = useRef<string | null>(null)
  useEffect(() => {
    if (!needsRead || !csrf || sentFor.current === inquiryId) return
    sentFor.current = inquiryId
    void fetcher.submit({ intent: 'read', csrf }, { method: 'post' })
  }, [inquiryId, needsRead, csrf, fetcher])
}

function MessageForm({ lastResult }: { lastResult: ActionResult }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'message',
    lastResult: navigation.state === 'idle' ? lastResult?.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MessageSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <Form method="post" className="mt-4 space-y-2" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="message" />
      <label htmlFor={fields.body.id} className="block text-sm font-medium">
        {t('inquiries.reply')}
      </label>
      <textarea
        {...getTextareaProps(fields.body)}
        rows={3}
        maxLength={5000}
        placeholder={t('inquiries.replyPlaceholder')}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      <FieldErrors id={fields.body.errorId} errors={fields.body.errors} />
      <Button type="submit" disabled={navigation.state === 'submitting'}>
        {t('inquiries.postMessage')}
      </Button>
    </Form>
  )
}

function QuoteForm({ lastResult, defaults }: { lastResult: ActionResult; defaults: { quantity: number; incoterm: string | null } }) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'quote',
    lastResult: lastResult?.result,
    defaultValue: { currency: 'USD', quantity: String(defaults.quantity), incoterm: defaults.incoterm ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: QuoteSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="quote" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="grid grid-cols-2 gap-3">
        <Field
          label={t('inquiries.unitPrice')}
          errors={fields.unitPrice.errors}
          inputProps={{ ...getInputProps(fields.unitPrice, { type: 'number' }), step: '0.01', min: 0 }}
        />
        <SelectField
          label={t('inquiries.currency')}
          errors={fields.currency.errors}
          options={PRICE_CURRENCIES.map((c) => ({ value: c, label: c }))}
          selectProps={getSelectProps(fields.currency)}
        />
        <Field label={t('inquiries.quantity')} errors={fields.quantity.errors} inputProps={{ ...getInputProps(fields.quantity, { type: 'number' }), min: 1 }} />
        <SelectField
          label={t('inquiries.incoterm')}
          errors={fields.incoterm.errors}
          options={[{ value: '', label: '—' }, ...INCOTERMS.map((term) => ({ value: term, label: term }))]}
          selectProps={getSelectProps(fields.incoterm)}
        />
      </div>
      <Field label={t('inquiries.validUntil')} errors={fields.validUntil.errors} inputProps={getInputProps(fields.validUntil, { type: 'date' })} />
      <div>
        <label htmlFor={fields.terms.id} className="block text-sm font-medium">
          {t('inquiries.terms')}
        </label>
        <textarea
          {...getTextareaProps(fields.terms)}
          rows={2}
          maxLength={2000}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <FieldErrors id={fields.terms.errorId} errors={fields.terms.errors} />
      </div>
      <Button type="submit">{t('inquiries.addQuote')}</Button>
    </Form>
  )
}

/** The exporter moves the deal to its next outcome stage (the rule and its messages: pipeline.ts, outcomes.*). */
function StatusForm({
  lastResult,
  status,
  stages,
}: {
  lastResult: ActionResult
  status: DealStage
  stages: Array<{ stage: DealStage; valueUsdCents: number | null }>
}) {
  const { t } = useTranslation()
  const options = nextStatuses(status)
  const [form, fields] = useForm({
    id: 'status',
    lastResult: lastResult?.result,
    defaultValue: { status: options[0] ?? '', currency: 'USD' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StatusSchema }),
    shouldValidate: 'onBlur',
  })
  if (options.length === 0) return null
  const target = (fields.status.value as DealStage | undefined) ?? options[0] ?? status
  const existing = Object.fromEntries(
    stages.flatMap((s) => {
      const column = stageValueColumn(s.stage)
      return column && s.valueUsdCents !== null ? [[column, BigInt(s.valueUsdCents)]] : []
    }),
  )
  const hasValue = stageValueColumn(target) !== null
  const required = valueRequired(target, existing)
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <CsrfInput />
      <input type="hidden" name="intent" value="status" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <SelectField
        label={t('outcomes.moveTo')}
        errors={fields.status.errors}
        options={options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        selectProps={getSelectProps(fields.status)}
      />
      {hasValue ? (
        <div className="grid grid-cols-[1fr_7rem] gap-3">
          <Field
            label={`${t(`outcomes.valueOf.${target}`)}${required ? '' : ` ${t('outcomes.optional')}`}`}
            errors={fields.value.errors}
            inputProps={{ ...getInputProps(fields.value, { type: 'number' }), min: 0, step: '0.01', required }}
          />
          <SelectField
            label={t('inquiries.currency')}
            errors={fields.currency.errors}
            options={PRICE_CURRENCIES.map((c) => ({ value: c, label: c }))}
            selectProps={getSelectProps(fields.currency)}
          />
        </div>
      ) : null}
      {hasValue ? <p className="text-xs text-slate-600">{t('outcomes.convertedHint')}</p> : null}
      <Field label={t('outcomes.date')} errors={fields.date.errors} inputProps={getInputProps(fields.date, { type: 'date' })} />
      {status === 'CONSULTATION' ? (
        <Field
          label={t('inquiries.consultationValue')}
          errors={fields.consultationValueUsd.errors}
          inputProps={{ ...getInputProps(fields.consultationValueUsd, { type: 'number' }), min: 0, step: '0.01' }}
        />
      ) : null}
      {target === 'LOST' ? (
        <Field label={t('inquiries.lostReason')} errors={fields.lostReason.errors} inputProps={getInputProps(fields.lostReason, { type: 'text' })} />
      ) : null}
      <Button type="submit">{t('outcomes.move')}</Button>
    </Form>
  )
}

export default function InquiryThreadRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { inquiry, side, viewerId } = loaderData
  useMarkRead(inquiry.id, loaderData.needsRead)
  const formResult: ActionResult = actionData && 'result' in actionData ? actionData : undefined
  const intent = (formResult?.result as { initialValue?: { intent?: string } } | undefined)?.initialValue?.intent
  const resultFor = (name: string) => (intent === name ? formResult : undefined)
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-6">
        <header>
          <p className="text-sm text-slate-600">
            <Link to="/inquiries" className="hover:underline">
              {side === 'exporter' ? t('inquiries.inboxTitle') : t('inquiries.myTitle')}
            </Link>
          </p>
          <h1 className="text-2xl font-bold tracking-tight">
            {inquiry.productName ?? '—'} · {inquiry.quantity.toLocaleString(locale)} {inquiry.unit}
          </h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <StatusBadge status={inquiry.status} />
            <span>
              {inquiry.buyer.companyName} ({countryName(inquiry.buyer.country, locale)}) → {inquiry.companyName}
            </span>
            <VerifiedBuyerBadge badge={inquiry.buyerVerified} detailed={side === 'exporter'} />
          </div>
          {inquiry.liveSession ? <p className="mt-1 text-sm text-slate-600">{t('inquiries.linkedSession', { title: inquiry.liveSession.title })}</p> : null}
          {loaderData.actingAgency ? (
            <p className="mt-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="acting-agency">
              {t('agency.actingBanner', loaderData.actingAgency)}
            </p>
          ) : null}
        </header>
        <Card id="details" title={t('inquiries.details')}>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">{t('inquiries.targetPrice')}</dt>
              <dd>
                {inquiry.targetPriceMinor !== null && inquiry.targetCurrency ? formatMoney(inquiry.targetPriceMinor, inquiry.targetCurrency, locale) : '—'}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('inquiries.incoterm')}</dt>
              <dd>{inquiry.incoterm ?? '—'}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('inquiries.destination')}</dt>
              <dd>{countryName(inquiry.destinationCountry, locale)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('inquiries.certificationsNeeded')}</dt>
              <dd>{inquiry.certificationsNeeded.join(', ') || '—'}</dd>
            </div>
          </dl>
        </Card>
        <Card id="thread" title={t('inquiries.thread')}>
          <ol className="space-y-3" aria-live="polite">
            {inquiry.messages.map((message) => (
              <li key={message.id} className={`rounded-lg p-3 text-sm ${message.author.id === viewerId ? 'ml-8 bg-brand-50' : 'mr-8 bg-slate-100'}`}>
                <p className="text-xs text-slate-600">
                  {message.author.name}
                  {message.agency ? ` (${t('agency.onBehalf', { agency: message.agency, company: inquiry.companyName })})` : ''} ·{' '}
                  <LocalTime value={message.createdAt} />
                </p>
                <p className="mt-1 whitespace-pre-line break-words">{message.body}</p>
              </li>
            ))}
          </ol>
          {side !== 'organizer' && !isClosedStage(inquiry.status) ? <MessageForm lastResult={resultFor('message')} /> : null}
        </Card>
      </div>
      <aside className="space-y-6">
        <Card id="pipeline" title={t('inquiries.pipeline')}>
          <p className="mb-2 text-sm">
            <StatusBadge status={inquiry.status} />
          </p>
          <ol className="space-y-1 text-sm" aria-label={t('outcomes.timeline')} data-testid="deal-stages">
            {inquiry.stages.map((s) => (
              <li key={s.stage} className="flex flex-wrap justify-between gap-x-2">
                <span>{t(`status.${s.stage}`)}</span>
                <span className="text-slate-600">
                  {formatDate(s.at, { locale, timeZone: 'UTC' })}
                  {s.valueUsdCents !== null ? (
                    <>
                      {' '}
                      · <span className="font-semibold text-slate-900">{formatMoney(s.valueUsdCents, 'USD', locale)}</span>
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ol>
          {inquiry.status === 'LOST' && inquiry.lostReason ? (
            <p className="mt-2 text-sm text-slate-600">{t('outcomes.lostBecause', { reason: inquiry.lostReason })}</p>
          ) : null}
          {side === 'exporter' ? (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <StatusForm lastResult={resultFor('status')} status={inquiry.status} stages={inquiry.stages} />
            </div>
          ) : null}
        </Card>
        {loaderData.readinessGap ? <ReadinessGapCard gap={loaderData.readinessGap} /> : null}
        <Card id="quotes" title={t('inquiries.quotes')}>
          <ul className="space-y-2 text-sm">
            {inquiry.quotes.map((quote) => (
              <li key={quote.id} className="rounded-md bg-slate-50 p-2">
                {t('inquiries.quoteLine', {
                  price: formatMoney(quote.unitPriceMinor, quote.currency, locale),
                  unit: inquiry.unit,
                  quantity: quote.quantity.toLocaleString(locale),
                  incoterm: quote.incoterm ? ` ${quote.incoterm}` : '',
                  date: formatDate(quote.validUntil, { locale, timeZone: 'UTC' }),
                })}
                {quote.terms ? <span className="mt-1 block whitespace-pre-line text-slate-600">{quote.terms}</span> : null}
                {quote.agency ? (
                  <span className="mt-1 block text-xs text-slate-600">{t('agency.onBehalf', { agency: quote.agency, company: inquiry.companyName })}</span>
                ) : null}
              </li>
            ))}
          </ul>
          {side === 'exporter' && OPEN_FOR_QUOTES.has(inquiry.status) ? (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <QuoteForm lastResult={resultFor('quote')} defaults={{ quantity: inquiry.quantity, incoterm: inquiry.incoterm }} />
            </div>
          ) : null}
        </Card>
      </aside>
    </div>
  )
}

/** Before quoting: the product's readiness for the buyer's destination, and where to fix what it lacks. */
function ReadinessGapCard({ gap }: { gap: NonNullable<Route.ComponentProps['loaderData']['readinessGap']> }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const marketName = useMarketName()
  const market = marketName(gap.market)
  return (
    <Card id="readiness-gap" title={t('readinessBuyer.gap.title', { market })}>
      <p className="mb-3 text-sm text-slate-600">
        {t('readinessBuyer.gap.intro', { market, date: formatDate(`${gap.shipDate}T00:00:00Z`, { locale, timeZone: 'UTC' }) })}
      </p>
      <ReadinessSummary view={gap} notCovered={t('readinessBuyer.product.notCovered', { market })}>
        {gap.status === 'ready' ? <p className="text-sm text-slate-700">{t('readinessBuyer.gap.allHeld')}</p> : null}
        {gap.missing.length + gap.expiring.length > 0 ? (
          <p className="text-sm">
            <Link to={`/exporter/products/${gap.productId}?market=${gap.market}#readiness`} className="font-semibold text-brand-700 underline">
              {t('readinessBuyer.gap.fix')}
            </Link>
          </p>
        ) : null}
      </ReadinessSummary>
    </Card>
  )
}

import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ContentText } from '~/components/content-text'
import { ReadyBadge } from '~/components/ready-badge'
import { formatHsCode } from '~/domain/catalog/product-rules'
import { formatMoney } from '~/lib/money'
import { useRootData } from '~/lib/use-root-data'

type ProductCardData = {
  id: string
  name: string
  nameLang: string
  hsCode: string
  moq: number
  unit: string
  incoterms: readonly string[]
  leadTimeDays: number
  sampleAvailable: boolean
  fromPrice: { minor: number; currency: string } | null
  image: { path: string; alt: string } | null
  companyName: string
  companyPlace: string
  certifications: readonly string[]
  /** The reader's market when the product is ready for it (a "Ready for" badge). */
  readyFor?: string | null
}

export function ProductCard({ product }: { product: ProductCardData }) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  return (
    <article className="flex flex-col overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      {product.image ? (
        <img src={product.image.path} alt={product.image.alt || product.name} loading="lazy" className="aspect-[4/3] w-full bg-slate-100 object-cover" />
      ) : (
        <div aria-hidden="true" className="aspect-[4/3] w-full bg-slate-100" />
      )}
      <div className="flex flex-1 flex-col gap-1 p-4">
        <ContentText as="h3" lang={product.nameLang} className="font-semibold leading-snug">
          <Link to={`/catalog/${product.id}`} className="hover:underline">
            {product.name}
          </Link>
        </ContentText>
        <p className="text-sm text-slate-600">
          {product.companyName}
          {product.companyPlace ? ` · ${product.companyPlace}` : ''}
        </p>
        {product.fromPrice ? (
          <p className="text-sm font-semibold text-slate-900">
            {t('catalog.from', { price: formatMoney(product.fromPrice.minor, product.fromPrice.currency, locale) })}
          </p>
        ) : null}
        <p className="text-xs text-slate-600">
          {t('catalog.moq', { moq: product.moq.toLocaleString(locale), unit: product.unit })} · {t('catalog.hs', { code: formatHsCode(product.hsCode) })} ·{' '}
          {t('catalog.leadTime', { count: product.leadTimeDays })}
        </p>
        {product.incoterms.length ? <p className="text-xs text-slate-500">{product.incoterms.join(' · ')}</p> : null}
        {product.readyFor ? (
          <p>
            <ReadyBadge market={product.readyFor} />
          </p>
        ) : null}
        <ul className="mt-auto flex flex-wrap gap-1 pt-2" aria-label={t('catalog.certifications')}>
          {product.certifications.slice(0, 4).map((cert) => (
            <li key={cert} className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">
              {cert}
            </li>
          ))}
          {product.sampleAvailable ? (
            <li className="rounded bg-sky-50 px-1.5 py-0.5 text-xs font-medium text-sky-800 ring-1 ring-sky-200">{t('catalog.sampleAvailable')}</li>
          ) : null}
        </ul>
      </div>
    </article>
  )
}

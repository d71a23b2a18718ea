import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/index'
import { StatusBadge } from '~/components/status-badge'
import { buttonClass } from '~/components/ui/button'
import { EmptyState } from '~/components/ui/card'
import { Cell, Table } from '~/components/ui/table'
import { requireCompanyActor } from '~/domain/agencies/actor.server'
import { listCompanyProducts } from '~/domain/catalog/product-editor.server'
import { formatMoney } from '~/lib/money'
import { useRootData } from '~/lib/use-root-data'
import { resolveLocale } from '~/utils/preferences.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.products')])

export async function loader({ request }: Route.LoaderArgs) {
  const actor = await requireCompanyActor(request, 'manage:product:own')
  const locale = await resolveLocale(request, actor.user)
  return { products: await listCompanyProducts(actor.company.id, locale) }
}

export default function ProductsRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const { products } = loaderData
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">{t('exporter.products.title')}</h1>
        <Link to="/exporter/products/new" className={buttonClass('primary')}>
          {t('exporter.products.new')}
        </Link>
      </div>
      <div className="mt-6 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {products.length === 0 ? (
          <EmptyState>{t('exporter.products.empty')}</EmptyState>
        ) : (
          <Table
            caption={t('exporter.products.title')}
            columns={[
              { label: t('exporter.products.product') },
              { label: t('exporter.products.status') },
              { label: t('exporter.products.hsCode') },
              { label: t('exporter.products.moq') },
              { label: t('exporter.products.priceFrom') },
              { label: t('catalog.certifications') },
              { label: t('exporter.common.actions'), hideLabel: true },
            ]}
          >
            {products.map((product) => (
              <tr key={product.id} className="align-top">
                <Cell>
                  <div className="flex items-center gap-2">
                    {product.imagePath ? <img src={product.imagePath} alt="" className="size-10 rounded bg-slate-100 object-cover" /> : null}
                    <span className="font-medium">{product.name}</span>
                  </div>
                </Cell>
                <Cell>
                  <StatusBadge status={product.status} />
                </Cell>
                <Cell>
                  <span className="tabular-nums">{product.hsCode}</span>
                  <span className="block text-xs text-slate-500">
                    {t('catalog.chapter', { chapter: product.hsChapter, title: product.hsChapterTitle ?? '?' })}
                  </span>
                </Cell>
                <Cell numeric>
                  {product.moq.toLocaleString(locale)} {product.unit}
                </Cell>
                <Cell numeric>{product.priceFrom ? formatMoney(product.priceFrom.unitPriceMinor, product.priceFrom.currency, locale) : '—'}</Cell>
                <Cell className="text-xs">{product.certifications.join(', ') || '—'}</Cell>
                <Cell align="end">
                  <Link
                    to={`/exporter/products/${product.id}`}
                    className="font-medium text-brand-700 underline"
                    aria-label={t('exporter.products.editNamed', { name: product.name })}
                  >
                    {t('exporter.common.edit')}
                  </Link>
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </div>
  )
}

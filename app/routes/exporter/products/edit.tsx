import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/edit'
import { ProductEditor } from './+shared/product-editor'
import { handleProductEditorAction, loadProductEditor } from './+shared/product-editor.server'
import { ProductReadinessPanel } from '../+readiness/readiness-ui'
import { requireCompanyActor } from '~/domain/agencies/actor.server'
import { parseMarket, parseShipDate, productReadiness } from '~/domain/exporters/readiness.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.editProduct')])

export async function loader({ request, params }: Route.LoaderArgs) {
  const editor = await loadProductEditor(request, params.productId)
  const actor = await requireCompanyActor(request, 'manage:product:own')
  // The readiness section: ?market= adds a market to the product's target markets, ?ship= sets the ship date.
  const query = new URL(request.url).searchParams
  const readiness = await productReadiness(actor.company.id, params.productId, {
    market: parseMarket(query.get('market')),
    shipDate: parseShipDate(query.get('ship')),
    now: new Date(),
  })
  return { ...editor, readiness }
}

export async function action({ request, params }: Route.ActionArgs) {
  return handleProductEditorAction(request, params.productId)
}

export default function EditProductRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const product = loaderData.product
  if (!product) return null
  const name = (product.values.translations as Record<string, { name: string }>).en?.name ?? ''
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{t('exporter.products.editTitle', { name })}</h1>
        {product.values.status === 'PUBLISHED' ? (
          <Link to={`/catalog/${product.id}`} className="text-sm font-medium text-brand-700 underline">
            {t('exporter.products.viewInCatalog')}
          </Link>
        ) : null}
      </div>
      <ProductEditor key={product.id} options={loaderData.options} product={product} now={loaderData.now} lastResult={actionData?.result} />
      <ProductReadinessPanel productId={product.id} readiness={loaderData.readiness} />
    </div>
  )
}

import { useTranslation } from 'react-i18next'
import type { Route } from './+types/new'
import { ProductEditor } from './+shared/product-editor'
import { handleProductEditorAction, loadProductEditor } from './+shared/product-editor.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.newProduct')])

export async function loader({ request }: Route.LoaderArgs) {
  return loadProductEditor(request, null)
}

export async function action({ request }: Route.ActionArgs) {
  return handleProductEditorAction(request, null)
}

export default function NewProductRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <div>
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{t('exporter.products.newTitle')}</h1>
      <ProductEditor options={loaderData.options} product={null} now={loaderData.now} lastResult={actionData?.result} />
    </div>
  )
}

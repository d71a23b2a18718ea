import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Route } from './+types/new'
import { Card } from '~/components/ui/card'
import { pageTitle } from '~/lib/meta'
import { RequirementEditor } from './+shared/requirement-editor'
import { requireCatalogueAdmin, requirementEditorAction } from './+shared/requirement-editor.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('readinessAdmin.form.newTitle')])

export async function loader({ request }: Route.LoaderArgs) {
  await requireCatalogueAdmin(request)
  return null
}

export async function action({ request }: Route.ActionArgs) {
  return requirementEditorAction(request, null)
}

export default function NewRequirement({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link to="/admin/requirements" className="hover:underline">
            {t('readinessAdmin.list.title')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{t('readinessAdmin.form.newTitle')}</h1>
      </header>
      <Card id="requirement-form" title={t('readinessAdmin.form.details')}>
        <RequirementEditor lastResult={actionData?.result} codeFixed={null} checkedOn={null} submitLabel={t('readinessAdmin.form.create')} />
      </Card>
    </div>
  )
}

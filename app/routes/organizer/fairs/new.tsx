import { useTranslation } from 'react-i18next'
import type { Route } from './+types/new'
import { FairEditor } from './+shared/fair-editor'
import { readFairForm, saveFairForm } from './+shared/fair-editor.server'
import { Card } from '~/components/ui/card'
import { requirePermission } from '~/domain/accounts/permissions.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.newFair')])

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, 'manage:fair')
  return null
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requirePermission(request, 'manage:fair')
  const { formData, failure } = await readFairForm(request)
  if (!formData) return failure
  return saveFairForm(formData, { organizerId: user.id, fairId: null })
}

export default function NewFairRoute({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t('fairs.newTitle')}</h1>
      <Card id="details" title={t('fairs.details')}>
        <FairEditor lastResult={actionData?.result} submitLabel={t('fairs.create')} />
      </Card>
    </div>
  )
}

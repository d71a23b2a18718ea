import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/edit'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Card } from '~/components/ui/card'
import { FieldErrors } from '~/components/ui/field'
import { pickLocalizedText } from '~/domain/catalog/translations'
import { requireRequirement, requirementHistory } from '~/domain/readiness/catalogue-admin.server'
import { formDefaults } from '~/domain/readiness/requirement-form'
import { pageTitle } from '~/lib/meta'
import { formatDate } from '~/lib/time'
import { useRootData } from '~/lib/use-root-data'
import { useMarketName } from '~/components/certification-labels'
import { ChangeList } from './+shared/change-list'
import { RequirementEditor } from './+shared/requirement-editor'
import { requireCatalogueAdmin, requirementEditorAction } from './+shared/requirement-editor.server'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [args.loaderData.requirement.code, t('readinessAdmin.list.title')])

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireCatalogueAdmin(request)
  const requirement = await requireRequirement(params.code)
  return { requirement, defaults: formDefaults(requirement), history: await requirementHistory(requirement.code) }
}

export async function action({ request, params }: Route.ActionArgs) {
  return requirementEditorAction(request, params.code)
}

export default function EditRequirement({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { locale } = useRootData()
  const navigation = useNavigation()
  const marketName = useMarketName()
  const { requirement } = loaderData
  const name = pickLocalizedText(requirement.name.en, requirement.name, locale)
  const checkedOn = requirement.checkedOn ? formatDate(`${requirement.checkedOn}T00:00:00Z`, { locale, timeZone: 'UTC' }) : null
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link to="/admin/requirements" className="hover:underline">
            {t('readinessAdmin.list.title')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">
          <span className="font-mono">{requirement.code}</span> · <span lang={name.lang}>{name.text}</span>
        </h1>
        <p className="text-sm text-slate-600">
          {requirement.market} · {marketName(requirement.market)} ·{' '}
          <a href={requirement.sourceUrl} className="text-brand-700 underline" rel="noreferrer noopener" target="_blank">
            {t('readiness.source')}
          </a>
        </p>
      </header>
      <Card id="requirement-form" title={t('readinessAdmin.form.details')}>
        <RequirementEditor
          key={requirement.code}
          defaults={loaderData.defaults}
          lastResult={actionData?.result}
          codeFixed={requirement.code}
          checkedOn={checkedOn}
          submitLabel={t('readinessAdmin.form.save')}
        />
      </Card>
      <Card id="history" title={t('readinessAdmin.history.title')}>
        <ChangeList entries={loaderData.history} showCode={false} />
      </Card>
      <Card id="delete" title={t('readinessAdmin.delete.title')}>
        <Form method="post" className="space-y-3">
          <CsrfInput />
          <input type="hidden" name="intent" value="delete" />
          <p className="text-sm text-slate-700">{t('readinessAdmin.delete.warning')}</p>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="confirm" required aria-describedby="delete-error" />
            {t('readinessAdmin.delete.confirm', { code: requirement.code })}
          </label>
          <FieldErrors id="delete-error" errors={actionData?.deleteError ? [actionData.deleteError] : undefined} />
          <Button type="submit" variant="danger" disabled={navigation.state === 'submitting'}>
            {t('readinessAdmin.delete.button')}
          </Button>
        </Form>
      </Card>
    </div>
  )
}

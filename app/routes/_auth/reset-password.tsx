import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/reset-password'
import { handlePasswordReset, loadPasswordReset } from './password-reset.server'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Field } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { ResetPasswordSchema } from '~/domain/accounts/schemas'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.resetPassword')])

// Opening the link only checks it (mail scanners open links too); the form's POST uses it up.
export async function loader({ request, params }: Route.LoaderArgs) {
  return loadPasswordReset(request, params.token)
}

export async function action({ request, params }: Route.ActionArgs) {
  return handlePasswordReset(request, params.token)
}

export default function ResetPasswordRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const pending = navigation.state !== 'idle' && navigation.formMethod === 'POST'
  const [form, fields] = useForm({
    id: 'reset-password',
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
  })
  return (
    <section className="mx-auto max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold tracking-tight">{t('account.reset.title')}</h1>
      {loaderData.valid ? (
        <>
          <p className="mt-2 text-sm text-slate-600">{t('account.reset.intro', { email: loaderData.email })}</p>
          <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
            <CsrfInput />
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field
              label={t('account.password.new')}
              hint={t('auth.passwordHint')}
              errors={fields.password.errors}
              inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'new-password', autoFocus: true }}
            />
            <Field
              label={t('account.password.confirm')}
              errors={fields.confirmPassword.errors}
              inputProps={{ ...getInputProps(fields.confirmPassword, { type: 'password' }), autoComplete: 'new-password' }}
            />
            <Button type="submit" className="w-full" disabled={pending}>
              {pending ? t('account.reset.pending') : t('account.reset.submit')}
            </Button>
          </Form>
        </>
      ) : (
        <>
          <p role="alert" className="mt-4 rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
            {t('account.reset.invalidLink')}
          </p>
          <p className="mt-6 text-sm">
            <Link to="/forgot-password" className="font-semibold text-brand-700 underline">
              {t('account.reset.requestNew')}
            </Link>
          </p>
        </>
      )}
    </section>
  )
}

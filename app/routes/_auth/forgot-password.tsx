import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation } from 'react-router'
import type { Route } from './+types/forgot-password'
import { handleForgotPassword } from './password-reset.server'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Field } from '~/components/ui/field'
import { FormErrors } from '~/components/ui/form-errors'
import { ForgotPasswordSchema } from '~/domain/accounts/schemas'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.forgotPassword')])

export async function action({ request }: Route.ActionArgs) {
  return handleForgotPassword(request)
}

export default function ForgotPasswordRoute({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const pending = navigation.state !== 'idle' && navigation.formAction === '/forgot-password'
  const [form, fields] = useForm({
    id: 'forgot-password',
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  })
  return (
    <section className="mx-auto max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold tracking-tight">{t('account.reset.requestTitle')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('account.reset.requestIntro')}</p>
      {actionData?.sent ? (
        <p role="status" className="mt-4 rounded-md bg-green-50 p-3 text-sm text-green-800 ring-1 ring-green-200">
          {t('account.reset.requestSent')}
        </p>
      ) : null}
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label={t('auth.email')}
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email', autoFocus: true }}
        />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t('account.reset.requestPending') : t('account.reset.requestSubmit')}
        </Button>
      </Form>
      <p className="mt-6 text-sm">
        <Link to="/login" className="font-semibold text-brand-700 underline">
          {t('account.reset.backToLogin')}
        </Link>
      </p>
    </section>
  )
}

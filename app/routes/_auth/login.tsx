import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useTranslation } from 'react-i18next'
import { Form, Link, useNavigation, useSearchParams } from 'react-router'
import type { Route } from './+types/login'
import { handleLogin } from './login.server'
import { FormErrors } from '~/components/ui/form-errors'
import { CsrfInput } from '~/components/csrf-input'
import { Button } from '~/components/ui/button'
import { Field } from '~/components/ui/field'
import { LoginSchema } from '~/domain/accounts/schemas'
import { requireAnonymous } from '~/domain/accounts/session.server'
import { pageTitle } from '~/lib/meta'

export const meta: Route.MetaFunction = (args) => pageTitle(args, (t) => [t('pageTitle.login')])

export async function loader({ request }: Route.LoaderArgs) {
  await requireAnonymous(request)
  return null
}

export async function action({ request }: Route.ActionArgs) {
  return handleLogin(request)
}

export default function LoginRoute({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const pending = navigation.state !== 'idle' && navigation.formAction === '/login'
  const [form, fields] = useForm({
    id: 'login',
    lastResult: actionData?.result,
    constraint: undefined,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  })

  return (
    <section className="mx-auto max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold tracking-tight">{t('auth.loginTitle')}</h1>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label={t('auth.email')}
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email', autoFocus: true }}
        />
        <Field
          label={t('auth.password')}
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'current-password' }}
        />
        <p className="text-right text-sm">
          <Link to="/forgot-password" className="font-semibold text-brand-700 underline">
            {t('account.forgotPassword')}
          </Link>
        </p>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t('auth.loginPending') : t('auth.loginSubmit')}
        </Button>
      </Form>
      <p className="mt-6 text-sm text-slate-600">
        {t('auth.noAccount')}{' '}
        <Link
          to={searchParams.get('redirectTo') ? `/signup?${new URLSearchParams({ redirectTo: searchParams.get('redirectTo') ?? '' })}` : '/signup'}
          className="font-semibold text-brand-700 underline"
        >
          {t('nav.signUp')}
        </Link>
      </p>
    </section>
  )
}

import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/preferences'
import { rememberLocale } from '~/domain/accounts/accounts.server'
import { getOptionalUser } from '~/domain/accounts/session.server'
import { SUPPORTED_LOCALES } from '~/lib/i18n'
import { LANG_PARAM } from '~/lib/language-alternates'
import { validateCsrf } from '~/utils/csrf.server'
import { languageSwitchCookies } from '~/utils/preferences.server'
import { safeRedirectPath } from '~/utils/request.server'

const PreferencesSchema = z.object({
  intent: z.literal('locale'),
  locale: z.enum(SUPPORTED_LOCALES),
  redirectTo: z.string().optional(),
})

export function loader() {
  throw redirect('/')
}

/**
 * The language switch: a cookie for everyone, remembered on the account when signed in; a guest's pick is
 * marked as an explicit choice, which the next sign-in or sign-up keeps and saves to the account.
 */
export async function action({ request }: Route.ActionArgs) {
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const submission = parseWithZod(formData, { schema: PreferencesSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { locale, redirectTo } = submission.value
  const user = await getOptionalUser(request)
  if (user) await rememberLocale(user.id, locale)
  const headers = new Headers()
  for (const cookie of await languageSwitchCookies(locale, { signedIn: user !== null })) headers.append('Set-Cookie', cookie)
  return redirect(withoutLangParam(safeRedirectPath(redirectTo, '/')), { headers })
}

/** Back to the page without its `?lang=`, which would otherwise outrank the language just chosen. */
function withoutLangParam(path: string): string {
  const url = new URL(path, 'http://tradecast.invalid')
  if (!url.searchParams.has(LANG_PARAM)) return path
  url.searchParams.delete(LANG_PARAM)
  return `${url.pathname}${url.search}${url.hash}`
}

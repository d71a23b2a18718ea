import { createCookie, redirect } from 'react-router'
import { z } from 'zod'
import { getSessionSecret, isCookieSecure } from './secrets.server'

const ToastSchema = z.object({
  kind: z.enum(['success', 'info', 'error']).default('success'),
  /// i18n key of the message
  messageKey: z.string().max(100),
})
export type Toast = z.infer<typeof ToastSchema>

let toastCookie: ReturnType<typeof createCookie> | undefined
function getToastCookie() {
  toastCookie ??= createCookie('tc_toast', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: isCookieSecure(),
    secrets: [getSessionSecret()],
    maxAge: 60,
  })
  return toastCookie
}

export type ToastInput = z.input<typeof ToastSchema>

export function createToastCookie(toast: ToastInput): Promise<string> {
  return getToastCookie().serialize(ToastSchema.parse(toast))
}

/**
 * The answer to a successful mutation: a redirect carrying a one-shot toast (a message key, or kind and
 * key). Cookies already in `init.headers` (a new session, a language) are kept, before the toast's.
 */
export async function redirectWithToast(to: string, toast: string | ToastInput, init?: ResponseInit): Promise<Response> {
  const headers = new Headers(init?.headers)
  headers.append('Set-Cookie', await createToastCookie(typeof toast === 'string' ? { messageKey: toast } : toast))
  return redirect(to, { ...init, headers })
}

/** Reads the one-shot toast and the header that clears it. */
export async function readToast(request: Request): Promise<{ toast: Toast | null; clearCookie: string | null }> {
  const raw: unknown = await getToastCookie().parse(request.headers.get('Cookie'))
  if (raw === null || raw === undefined) return { toast: null, clearCookie: null }
  const parsed = ToastSchema.safeParse(raw)
  return {
    toast: parsed.success ? parsed.data : null,
    clearCookie: await getToastCookie().serialize('', { maxAge: 0, expires: new Date(0) }),
  }
}

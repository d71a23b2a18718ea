import { createCookie } from 'react-router'
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

export function createToastCookie(toast: z.input<typeof ToastSchema>): Promise<string> {
  return getToastCookie().serialize(ToastSchema.parse(toast))
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

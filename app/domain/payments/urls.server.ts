import { getEnv } from '~/utils/env.server'

/** The public origin for links Stripe sends the payer back to: APP_URL when set, else this request's. */
export function appOrigin(request: Request): string {
  const configured = getEnv().APP_URL
  return (configured ?? new URL(request.url).origin).replace(/\/$/, '')
}

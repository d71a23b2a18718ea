import { afterEach, describe, expect, it, vi } from 'vitest'

// Every cookie the app sets itself (session aside: app/domain/accounts) is Secure when served over https.
async function cookiesSetBy(appUrl: string) {
  process.env.APP_URL = appUrl
  vi.resetModules() // the cookies are created once per module instance, from the environment of the time
  const { resetEnvCache } = await import('./env.server')
  resetEnvCache()
  const { ensureCsrfToken } = await import('./csrf.server')
  const { createToastCookie } = await import('./toast.server')
  const { languageSwitchCookies, localeCookie } = await import('./preferences.server')
  const { mintGuestCookie } = await import('./guest-key.server')
  const csrf = await ensureCsrfToken(new Request(`${appUrl}/`))
  return {
    csrf: csrf.setCookie ?? '',
    toast: await createToastCookie({ messageKey: 'auth.signedOut' }),
    locale: await localeCookie.serialize('ko'),
    guestLanguageChoice: (await languageSwitchCookies('ko', { signedIn: false }))[1],
    guest: mintGuestCookie().setCookie,
  }
}

const savedAppUrl = process.env.APP_URL
afterEach(() => {
  if (savedAppUrl === undefined) delete process.env.APP_URL
  else process.env.APP_URL = savedAppUrl
})

describe('cookies over https', () => {
  it('marks the CSRF, toast, language (and a guest’s language choice) and guest cookies Secure when the app is served over https', async () => {
    const cookies = await cookiesSetBy('https://tradecast.example')
    for (const [name, cookie] of Object.entries(cookies)) expect(cookie, name).toMatch(/;\s*Secure/i)
  })

  it('leaves them usable over plain http (local start)', async () => {
    const cookies = await cookiesSetBy('http://localhost:3000')
    for (const [name, cookie] of Object.entries(cookies)) expect(cookie, name).not.toMatch(/;\s*Secure/i)
  })
})

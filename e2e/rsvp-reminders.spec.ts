import type { ChildProcess } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import pg from 'pg'
import { SMTPServer } from 'smtp-server'
import { expectNoSeriousViolations } from './axe'
import { expect, signIn, test } from './fixtures'
import { FAKE_MEDIA_BROWSER, scheduleShowcase } from './live-helpers'
import { createScratchDatabase, dropScratchDatabase, postgresAnswers, startOwnServer, stopOwnServer } from './own-server'

// A guest RSVPs to a showcase with an e-mail address, confirms by the link mailed to them, and when the host
// goes live receives "now live" over real SMTP (an smtp-server on loopback that this spec starts; the app
// sends with SMTP_URL pointing at it), then follows the mail's link into the live show. The spec runs its
// own production server on a scratch PostgreSQL database (skipped without one). Needs the mediasoup worker.
test.use(FAKE_MEDIA_BROWSER)

const PORT = Number(process.env.E2E_RSVP_PORT ?? 3312)
const BASE = `http://localhost:${PORT}`
const DB_NAME = `tradecast_e2e_rsvp_${process.pid}`
const GUEST_ZONE = 'Europe/Berlin'

let server: ChildProcess | undefined
let smtp: SMTPServer | undefined
let available = true
const mails: ParsedMail[] = []

function addressedTo(mail: ParsedMail, email: string): boolean {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []
  return to.some((address) => address.value.some((one) => one.address?.toLowerCase() === email))
}

/** The first mail to `email` whose subject matches, once the app has handed it to SMTP. */
async function mailTo(email: string, subject: RegExp): Promise<ParsedMail> {
  let found: ParsedMail | undefined
  await expect
    .poll(
      () => {
        found = mails.find((mail) => addressedTo(mail, email) && subject.test(mail.subject ?? ''))
        return found !== undefined
      },
      { message: `mail to ${email} matching ${String(subject)}`, timeout: 30_000 },
    )
    .toBe(true)
  return found!
}

function linkIn(mail: ParsedMail, path: RegExp): string {
  const match = path.exec(mail.text ?? '')
  if (!match) throw new Error(`no link matching ${String(path)} in:\n${mail.text}`)
  return match[0]
}

test.beforeAll(async () => {
  test.setTimeout(240_000)
  available = await postgresAnswers()
  if (!available) return
  // A real SMTP server on loopback, no TLS or auth offered (nodemailer then sends in plain text).
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail)
          callback()
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      )
    },
  })
  const listening = smtp
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve))
  const smtpPort = (listening.server.address() as AddressInfo).port
  const url = await createScratchDatabase(DB_NAME)
  server = await startOwnServer({
    port: PORT,
    databaseUrl: url,
    env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, RTC_LISTEN_IP: '127.0.0.1', LOGIN_ATTEMPTS_PER_IP: '1000' },
  })
  const db = new pg.Client({ connectionString: url })
  await db.connect()
  await db.query(`UPDATE "User" SET "locale" = 'en' WHERE "email" LIKE '%@tradecast.dev'`)
  await db.end()
})

test.afterAll(async () => {
  await stopOwnServer(server)
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()))
  if (available) await dropScratchDatabase(DB_NAME)
})

test('a guest RSVPs by e-mail, confirms by the mailed link, gets "now live" over SMTP and follows it into the live show', async ({ browser }) => {
  test.skip(!available, 'needs a PostgreSQL server at E2E_POSTGRES_URL or 127.0.0.1:5432')
  test.setTimeout(240_000)
  const hostContext = await browser.newContext({ baseURL: BASE, locale: 'en-US', permissions: ['camera', 'microphone'] })
  const host = await hostContext.newPage()
  await signIn(host, 'exporter@tradecast.dev')
  const title = `E2E reminders ${Date.now()}`
  const sessionId = await scheduleShowcase(host, title, { daysAhead: 3, hour: 10 })

  const guestContext = await browser.newContext({ baseURL: BASE, locale: 'en-US', timezoneId: GUEST_ZONE })
  const guest = await guestContext.newPage()
  const guestErrors: string[] = []
  guest.on('pageerror', (error) => guestErrors.push(error.message))
  const email = `guest-${Date.now()}@example.test`

  await test.step('the guest RSVPs on the watch page with an e-mail address', async () => {
    await guest.goto(`/live/${sessionId}`)
    const box = guest.getByRole('region', { name: 'Reminders' })
    await expect(box).toBeVisible()
    // A wrong address is refused next to the field.
    await box.getByLabel('Your e-mail address').fill('not-an-address')
    await box.getByRole('button', { name: 'Send me reminders' }).click()
    await expect(box.getByText('Enter a valid e-mail address.')).toBeVisible()
    await box.getByLabel('Your e-mail address').fill(email)
    await box.getByRole('button', { name: 'Send me reminders' }).click()
    await expect(box.getByRole('status')).toContainText('Check your inbox')
  })

  await test.step('the confirmation mail arrives over SMTP; its link confirms (after a click, not on opening)', async () => {
    const confirmation = await mailTo(email, /^Confirm your RSVP: /)
    expect(confirmation.subject).toBe(`Confirm your RSVP: ${title}`)
    const link = linkIn(confirmation, new RegExp(`${BASE}/rsvp/[\\w-]+\\.[\\w-]+`))
    await guest.goto(link)
    await expect(guest.getByRole('heading', { name: 'Confirm your RSVP' })).toBeVisible()
    await expectNoSeriousViolations(guest)
    await guest.getByRole('button', { name: `Confirm reminders to ${email}` }).click()
    await expect(guest.getByText(`You are on the list: reminders go to ${email}.`)).toBeVisible()
    // The RSVP's calendar file is written for the guest's zone.
    const ics = await guest.request.get(
      await guest
        .getByRole('link', { name: 'Add to my calendar (.ics)' })
        .getAttribute('href')
        .then((href) => href ?? ''),
    )
    expect(ics.status()).toBe(200)
    expect(await ics.text()).toContain(`X-WR-TIMEZONE:${GUEST_ZONE}`)
  })

  await test.step('the host goes live; "now live" reaches the guest over SMTP, with its unsubscribe header', async () => {
    await expect(host.getByRole('button', { name: 'Go live' })).toBeEnabled({ timeout: 30_000 })
    await host.getByRole('button', { name: 'Go live' }).click()
    await expect(host.getByRole('status').filter({ hasText: 'Live' })).toBeVisible()
    const live = await mailTo(email, /is live now$/)
    expect(live.subject).toBe(`${title} is live now`)
    const unsubscribe = live.headerLines.find((line) => line.key === 'list-unsubscribe')?.line ?? ''
    expect(unsubscribe).toMatch(new RegExp(`<${BASE}/unsubscribe/[\\w-]+\\.[\\w-]+>`))
    expect(live.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line).toMatch(/List-Unsubscribe=One-Click/)

    // The guest follows the mail's link into the live show.
    await guest.goto(linkIn(live, new RegExp(`${BASE}/live/${sessionId}`)))
    await expect(guest.getByRole('heading', { name: title })).toBeVisible()
    await expect(guest.getByRole('status').filter({ hasText: 'Live' })).toBeVisible({ timeout: 30_000 })
    // Exactly one "now live" to this address.
    expect(mails.filter((mail) => addressedTo(mail, email) && (mail.subject ?? '').endsWith('is live now'))).toHaveLength(1)
  })

  await test.step('the unsubscribe link works without signing in', async () => {
    const live = await mailTo(email, /is live now$/)
    await guest.goto(linkIn(live, new RegExp(`${BASE}/unsubscribe/[\\w-]+\\.[\\w-]+`)))
    await expect(guest.getByRole('heading', { name: 'Unsubscribe' })).toBeVisible()
    await expectNoSeriousViolations(guest)
    await guest.getByRole('button', { name: 'Unsubscribe' }).click()
    await expect(guest.getByRole('status')).toContainText(`no more reminders about “${title}” go to ${email}`)
  })
  expect(guestErrors).toEqual([])
  await hostContext.close()
  await guestContext.close()
})

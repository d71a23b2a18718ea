import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** The signed-in exporter schedules a showcase `daysAhead` days from now and lands in its studio. */
export async function scheduleShowcase(host: Page, title: string, { daysAhead = 1, hour = 9 } = {}): Promise<string> {
  await host.goto('/exporter/sessions')
  const day = new Date(Date.now() + daysAhead * 24 * 3600 * 1000).toISOString().slice(0, 10)
  const at = (h: number) => `${day}T${String(h).padStart(2, '0')}:00`
  await host.getByLabel('Title').fill(title)
  await host.getByLabel('Starts').fill(at(hour))
  await host.getByLabel('Ends').fill(at(hour + 1))
  await host.getByRole('button', { name: 'Schedule' }).click()
  await expect(host).toHaveURL(/\/studio\/[\w-]+$/)
  return new URL(host.url()).pathname.split('/').pop()!
}

export async function sendChat(page: Page, text: string) {
  await page.getByLabel('Chat message').fill(text)
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(page.getByLabel('Chat message')).toHaveValue('')
}

export const chatMessages = (page: Page) => page.getByTestId('chat-message')

/** In a meeting or consultation room, the tile of the other participant with `role` decodes video frames that keep coming, and audio arrives. */
export async function expectReceiving(page: Page, role: string, label: string) {
  const tile = page.locator(`[data-testid="meeting-tile-remote"][data-role="${role}"]`)
  await expect(tile).toHaveCount(1)
  const frames = async () => Number((await tile.getAttribute('data-frames-decoded')) ?? 0)
  await expect.poll(frames, { message: `${label}: frames decoded`, timeout: 20_000 }).toBeGreaterThan(0)
  const before = await frames()
  await expect.poll(frames, { message: `${label}: frames keep coming`, timeout: 10_000 }).toBeGreaterThan(before + 5)
  await expect
    .poll(async () => Number((await tile.getAttribute('data-audio-packets')) ?? 0), { message: `${label}: audio packets`, timeout: 10_000 })
    .toBeGreaterThan(0)
}

/**
 * Chromium for specs that broadcast: fake camera, microphone and screen (the whole screen picked without a
 * dialog), WebRTC allowed on loopback (mediasoup listens on 127.0.0.1), autoplay without a gesture.
 */
export const FAKE_MEDIA_BROWSER = {
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--auto-select-desktop-capture-source=Entire screen',
      '--allow-loopback-in-peer-connection',
      '--autoplay-policy=no-user-gesture-required',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  },
  permissions: ['camera', 'microphone'],
}

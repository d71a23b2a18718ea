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

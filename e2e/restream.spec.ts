import { expect, signIn, test } from './fixtures'
import { FAKE_MEDIA_BROWSER, scheduleShowcase } from './live-helpers'
import { freeTcpPort, startRtmpPlatform } from '../tests/rtmp-platform'

// The studio's Restream panel against a real RTMP server on loopback (node-media-server, started here):
// refused input keeps what was typed, keys come back masked, and once live each destination shows its own
// state (the local server: live; a closed port: retrying). The e2e server allows loopback destinations
// (RESTREAM_ALLOW_PRIVATE_HOSTS in playwright.config.ts).
test.use(FAKE_MEDIA_BROWSER)

test('the host adds restream destinations, goes live, and sees each destination live or retrying', async ({ page: host }) => {
  test.setTimeout(150_000)
  const platform = await startRtmpPlatform()
  const closedPort = await freeTcpPort()
  try {
    await signIn(host, 'exporter@tradecast.dev')
    await expect(host).toHaveURL(/\/exporter$/)
    await scheduleShowcase(host, `E2E restream ${Date.now()}`, { daysAhead: 3, hour: 11 })
    const panel = host.getByRole('region', { name: 'Restream' })
    await expect(panel.getByText('No destinations yet.')).toBeVisible()

    await test.step('a refused URL gets its message and the input stays', async () => {
      await panel.getByLabel('Platform', { exact: true }).selectOption('CUSTOM')
      await panel.getByLabel('Server URL', { exact: true }).fill('http://example.com/live')
      await panel.getByLabel('Stream key', { exact: true }).fill('e2e-key-AAAA')
      await panel.getByRole('button', { name: 'Add destination' }).click()
      await expect(panel.getByText('The URL must start with rtmp:// or rtmps://.')).toBeVisible()
      await expect(panel.getByLabel('Server URL', { exact: true })).toHaveValue('http://example.com/live')
      await expect(panel.getByLabel('Stream key', { exact: true })).toHaveValue('e2e-key-AAAA')
    })

    const rows = panel.getByTestId('restream-destination')
    await test.step('two destinations are added; keys are shown masked only', async () => {
      await panel.getByLabel('Server URL', { exact: true }).fill(platform.serverUrl)
      await panel.getByLabel('Name (optional)', { exact: true }).fill('Local platform')
      await panel.getByRole('button', { name: 'Add destination' }).click()
      await expect(rows).toHaveCount(1)
      await expect(panel.getByLabel('Stream key', { exact: true })).toHaveValue('')
      await panel.getByLabel('Platform', { exact: true }).selectOption('CUSTOM')
      await panel.getByLabel('Server URL', { exact: true }).fill(`rtmp://127.0.0.1:${closedPort}/live`)
      await panel.getByLabel('Name (optional)', { exact: true }).fill('Nowhere')
      await panel.getByLabel('Stream key', { exact: true }).fill('e2e-key-BBBB')
      await panel.getByRole('button', { name: 'Add destination' }).click()
      await expect(rows).toHaveCount(2)
      await expect(rows.nth(0)).toContainText('Key ••••••••AAAA')
      await expect(rows.nth(0).getByRole('status')).toHaveText('Starts when you go live')
      const html = await host.content()
      expect(html).not.toContain('e2e-key-AAAA')
      expect(html).not.toContain('e2e-key-BBBB')
    })

    await test.step('live: the local platform takes the stream, the closed port retries with a Retry button', async () => {
      await expect(host.getByRole('button', { name: 'Go live' })).toBeEnabled()
      await host.getByRole('button', { name: 'Go live' }).click()
      await expect(rows.nth(0).getByRole('status')).toHaveText('Live', { timeout: 45_000 })
      await expect(rows.nth(1).getByRole('status')).toHaveText(/Retrying in \d+ s: the server cannot be reached/, { timeout: 45_000 })
      await rows.nth(1).getByRole('button', { name: 'Retry Nowhere now' }).click()
      await expect(rows.nth(1).getByRole('status')).toHaveText(/Retrying in \d+ s|Connecting…/)
      await expect(rows.nth(0).getByRole('status')).toHaveText('Live')
    })

    await test.step('turning a destination off stops it', async () => {
      await rows.nth(1).getByRole('button', { name: 'Turn off' }).click()
      await expect(rows.nth(1).getByRole('status')).toHaveText('Turned off')
    })
  } finally {
    await platform.stop()
  }
})

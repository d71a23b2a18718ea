import { createI18n } from '~/lib/i18n'
import { countryName } from '~/lib/countries'
import { expect, signIn, test, trackConsoleErrors } from './fixtures'

// Export readiness end to end on the seeded platform: Soyang Buckwheat Foods' meal kit lacks China's GACC
// registration of overseas food manufacturers; the exporter sees it on the product, adds the registration
// from there, and the product becomes ready for China; a buyer in China finds it only then with the
// catalog's "Ready for China" filter, with the badge on its card. The buyer reads the site in Chinese, the
// account's language (the meal kit has no Chinese name, so its English one shows).

const PRODUCT = 'Makguksu Cold Noodle Meal Kit'
const GACC = 'China GACC registration of overseas food manufacturers (Decree 248)'
const BUYER_IN_CHINA = 'zhang.wei@example.com'
const zh = createI18n('zh-Hans').t
const CHINA_ZH = countryName('CN', 'zh-Hans')

test('an exporter adds the missing GACC registration from the product’s readiness and a buyer in China then finds the product ready', async ({ browser }) => {
  // Signed out, the browser's English; signed in, the account's Chinese.
  const buyerContext = await browser.newContext({ locale: 'en-US' })
  const buyer = await buyerContext.newPage()
  const buyerErrors = trackConsoleErrors(buyer)
  const exporterContext = await browser.newContext({ locale: 'en-US' })
  const exporter = await exporterContext.newPage()
  const exporterErrors = trackConsoleErrors(exporter)

  const searchReadyForChina = async () => {
    await buyer.goto('/catalog')
    await buyer.getByRole('searchbox', { name: zh('catalog.searchLabel') }).fill('Makguksu')
    await buyer.getByRole('button', { name: zh('catalog.search'), exact: true }).click()
    await expect(buyer).toHaveURL(/q=Makguksu/)
    await buyer.getByRole('checkbox', { name: zh('readinessBuyer.readyFor', { market: CHINA_ZH }) }).check()
    await buyer.getByRole('button', { name: zh('catalog.applyFilters') }).click()
    await expect(buyer).toHaveURL(/readyFor=CN/)
    await expect(buyer.getByText(zh('readinessBuyer.filterApplied', { market: CHINA_ZH }))).toBeVisible()
  }

  await test.step('the buyer in China: the meal kit is not ready for China yet', async () => {
    await signIn(buyer, BUYER_IN_CHINA)
    await searchReadyForChina()
    await expect(buyer.getByRole('link', { name: PRODUCT })).toHaveCount(0)
  })

  await test.step('the exporter sees GACC registration missing for China on the product', async () => {
    await signIn(exporter, 'exporter@tradecast.dev')
    await exporter.goto('/exporter/products')
    await exporter.getByRole('link', { name: `Edit ${PRODUCT}` }).click()
    const readiness = exporter.getByRole('region', { name: 'Export readiness' })
    await readiness.getByRole('combobox', { name: 'Another market' }).selectOption('CN')
    await readiness.getByRole('button', { name: 'Show' }).click()
    await expect(exporter).toHaveURL(/market=CN/)
    const china = exporter.getByRole('region', { name: 'China' })
    await expect(china).toContainText('Missing requirements')
    const gacc = china.getByRole('listitem').filter({ hasText: GACC })
    await expect(gacc).toContainText('Missing')
    await expect(exporter.getByText(/not legal advice/).first()).toBeVisible()
    await gacc.getByRole('link', { name: `Add certificate for ${GACC}` }).click()
  })

  await test.step('the certificate form comes prefilled and attached to the product; saving leads back to a ready product', async () => {
    await expect(exporter).toHaveURL(/\/exporter\/certifications\?.*type=GACC/)
    await expect(exporter.getByLabel('Type')).toHaveValue('GACC')
    await expect(exporter.getByLabel('Market')).toHaveValue('CN')
    await expect(exporter.getByRole('checkbox', { name: `Attach to ${PRODUCT}` })).toBeChecked()
    await exporter.getByLabel('Certificate number').fill('CKR1234567890')
    await exporter.getByLabel('Valid until').fill('2031-06-30')
    await exporter.getByRole('button', { name: 'Save' }).click()
    await expect(exporter.getByRole('status').filter({ hasText: 'The certification is saved.' })).toBeVisible()
    await expect(exporter).toHaveURL(/\/exporter\/products\/[^/?]+\?.*market=CN/)
    const china = exporter.getByRole('region', { name: 'China' })
    await expect(china).toContainText('Ready')
    await expect(china).not.toContainText('Missing requirements')
    await expect(china.getByRole('listitem').filter({ hasText: GACC })).toContainText('CKR1234567890')
  })

  await test.step('the buyer in China now finds it with the filter, badged ready for China', async () => {
    await searchReadyForChina()
    const card = buyer.getByRole('article').filter({ has: buyer.getByRole('link', { name: PRODUCT }) })
    await expect(card).toHaveCount(1)
    await expect(card.getByText(zh('readinessBuyer.readyFor', { market: CHINA_ZH }))).toBeVisible()
  })

  expect(buyerErrors).toEqual([])
  expect(exporterErrors).toEqual([])
  await buyerContext.close()
  await exporterContext.close()
})

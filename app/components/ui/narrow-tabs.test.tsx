import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { NarrowTabs } from './narrow-tabs'

function render() {
  return renderToStaticMarkup(
    <NarrowTabs
      label="Chat and products"
      className="grid lg:grid-cols-2"
      tabs={[
        { id: 'chat', label: 'Chat', content: <p>chat body</p>, wideClassName: 'lg:col-start-2' },
        { id: 'products', label: 'Products (2)', content: <p>products body</p> },
      ]}
    >
      <section aria-label="stream" />
    </NarrowTabs>,
  )
}

describe('NarrowTabs', () => {
  it('renders a named tab list whose tabs control their panels; the first is selected and the only one in the tab order', () => {
    const html = render()
    expect(html).toMatch(/<div role="tablist" aria-label="Chat and products" class="[^"]*lg:hidden/)
    const tabs = [...html.matchAll(/<button type="button" role="tab" id="([^"]+)" aria-selected="(true|false)" aria-controls="([^"]+)" tabindex="(-?\d)"/g)]
    expect(tabs.map((tab) => [tab[2], tab[4]])).toEqual([
      ['true', '0'],
      ['false', '-1'],
    ])
    // Every tab controls a panel that exists, in the same order.
    const panelIds = [...html.matchAll(/<div id="([^"]+)" class="min-w-0/g)].map((match) => match[1])
    expect(tabs.map((tab) => tab[3])).toEqual(panelIds)
  })

  it('shows every panel on a wide screen and only the selected one below lg; the content before the tabs comes first', () => {
    const html = render()
    expect(html.indexOf('aria-label="stream"')).toBeLessThan(html.indexOf('role="tablist"'))
    expect(html).toMatch(/class="min-w-0 lg:col-start-2">(<p>chat body<\/p>)/)
    expect(html).toMatch(/class="min-w-0 max-lg:hidden"><p>products body<\/p>/)
  })

  it('leaves the tabpanel role off in the server render (wide by default), so hydration matches on every screen', () => {
    expect(render()).not.toContain('role="tabpanel"')
  })
})

import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Cell, RowHeader, Table } from './table'

describe('Table', () => {
  it('is named by its caption, in a focusable scroll region named the same way', () => {
    const html = renderToStaticMarkup(
      <Table caption="Price tiers" columns={[{ label: 'From' }, { label: 'Price', align: 'end' }]}>
        <tr>
          <RowHeader>100</RowHeader>
          <Cell align="end" numeric>
            $2.00
          </Cell>
        </tr>
      </Table>,
    )
    const captionId = /<caption id="([^"]+)"/.exec(html)?.[1]
    expect(captionId).toBeTruthy()
    expect(html).toContain(`<div role="region" aria-labelledby="${captionId}" tabindex="0"`)
    expect(html).toMatch(/<th scope="col" class="[^"]*">From<\/th>/)
    expect(html).toMatch(/<th scope="col" class="[^"]*text-right[^"]*">Price<\/th>/)
    expect(html).toMatch(/<th scope="row" class="[^"]*">100<\/th>/)
    expect(html).toMatch(/<td class="[^"]*text-right tabular-nums[^"]*">\$2.00<\/td>/)
  })

  it('can be named by a heading on screen, hides labels of self-explaining columns and leaves out absent ones', () => {
    const html = renderToStaticMarkup(
      <Table labelledBy="members-title" columns={[{ label: 'Name' }, false, { label: 'Actions', hideLabel: true }]}>
        <tr>
          <Cell>Kim</Cell>
          <Cell />
        </tr>
      </Table>,
    )
    expect(html).not.toContain('<caption')
    expect(html).toContain('<div role="region" aria-labelledby="members-title"')
    expect(html).toContain('<table class="w-full text-left text-sm" aria-labelledby="members-title">')
    expect(html.match(/scope="col"/g)).toHaveLength(2)
    expect(html).toContain('<span class="sr-only">Actions</span>')
  })
})

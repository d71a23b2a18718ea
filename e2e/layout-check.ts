import type { Page, TestInfo } from '@playwright/test'
import { expect } from './fixtures'

/**
 * What a reader would see as broken layout: the page scrolling sideways, or text cut off or spilling out
 * of its box. Used for pages whose labels change length with the language (e2e/languages.spec.ts).
 */
export type LayoutProblem = {
  /**
   * `page-overflow`: the document is wider than the window. `clipped`: text hidden by an ancestor with
   * `overflow: hidden/clip` (ellipsis and line clamps included), or a placeholder wider than its field. `spills`: text sticking out of its own
   * box (fixed height or `nowrap`), over its neighbours. `off-screen`: text beyond the window's edges.
   */
  kind: 'page-overflow' | 'clipped' | 'spills' | 'off-screen'
  /** The element at fault: the clipping ancestor, the box the text spills from, or the widest element. */
  element: string
  text: string
  detail: string
}

/**
 * Finds layout problems on the page as it stands (call after it settled). Text is measured line by line
 * (Range rects), so only text really out of its box counts: `scrollWidth > clientWidth` alone also fires
 * for cropped images and decorations. Vertical checks allow 30 % of a line: a glyph's content box (tall in
 * CJK fonts) may overhang a tight line box without any ink being cut. Exempt: visually hidden text
 * (sr-only), text in form controls and scroll containers, and text designed to truncate whose full
 * wording is in a `title` tooltip.
 */
export async function findLayoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const problems: LayoutProblem[] = []
    const viewportWidth = window.innerWidth
    const styles = new Map<Element, CSSStyleDeclaration>()
    const style = (element: Element) => {
      let found = styles.get(element)
      if (!found) styles.set(element, (found = getComputedStyle(element)))
      return found
    }
    const describe = (element: Element) => {
      const testId = element.getAttribute('data-testid')
      const classes = [...element.classList].slice(0, 6).join('.')
      return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${testId ? `[data-testid=${testId}]` : ''}${classes ? `.${classes}` : ''}`
    }
    const short = (text: string) => {
      const clean = text.replace(/\s+/g, ' ').trim()
      return clean.length > 80 ? `${clean.slice(0, 77)}…` : clean
    }
    /** The padding box in viewport coordinates: what `overflow` clips to. */
    const paddingBox = (element: Element) => {
      const rect = element.getBoundingClientRect()
      const left = rect.left + element.clientLeft
      const top = rect.top + element.clientTop
      return { left, top, right: left + element.clientWidth, bottom: top + element.clientHeight }
    }
    const scrolls = (value: string) => value === 'auto' || value === 'scroll'
    const clips = (value: string) => value === 'hidden' || value === 'clip'
    // Screen-reader-only text (Tailwind's sr-only: 1 px box, clip-path inset(50%)) and what lies in it.
    const visuallyHidden = (element: Element) => {
      const s = style(element)
      // `clip` (deprecated, still used by older sr-only rules) read by name.
      if (s.clipPath === 'inset(50%)' || s.getPropertyValue('clip') === 'rect(0px, 0px, 0px, 0px)') return true
      const rect = element.getBoundingClientRect()
      return clips(s.overflowX) && rect.width <= 1 && rect.height <= 1
    }
    const TEXT_FIELDS = new Set(['text', 'search', 'email', 'url', 'tel', 'password'])
    const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'OPTION', 'TEXTAREA', 'svg'])
    /** A title on the way from the text to the clipping element that holds the whole text. */
    const hasTooltip = (from: Element, to: Element, text: string) => {
      for (let element: Element | null = from; element; element = element.parentElement) {
        const title = element.getAttribute('title')
        if (title?.replace(/\s+/g, ' ').includes(text)) return true
        if (element === to) break
      }
      return false
    }
    const reported = new Set<string>()
    const report = (problem: LayoutProblem) => {
      const key = `${problem.kind} ${problem.element} ${problem.text}`
      if (!reported.has(key)) {
        reported.add(key)
        problems.push(problem)
      }
    }

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim() ?? ''
      const parent = node.parentElement
      if (!text || !parent) continue
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue
      let skip = false
      for (let element: Element | null = parent; element && element !== document.body; element = element.parentElement) {
        if (SKIPPED.has(element.tagName) || visuallyHidden(element)) {
          skip = true
          break
        }
      }
      if (skip) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      for (const line of range.getClientRects()) {
        if (line.width < 1 || line.height < 1) continue
        const slack = Math.max(2, line.height * 0.3)
        let checkX = true
        let checkY = true
        // The box the text is laid out in: its nearest non-inline ancestor.
        let box: Element | null = parent
        while (box && (style(box).display === 'inline' || style(box).display === 'contents')) box = box.parentElement
        let positioned = false
        for (let element: Element | null = parent; element && element !== document.documentElement; element = element.parentElement) {
          const s = style(element)
          const edge = paddingBox(element)
          if (element === box && !positioned) {
            // Text out of its own box while the box lets it show: a fixed height or width, or `nowrap`.
            const outX = checkX && !clips(s.overflowX) && !scrolls(s.overflowX) && (line.right > edge.right + 1 || line.left < edge.left - 1)
            const outY = checkY && !clips(s.overflowY) && !scrolls(s.overflowY) && (line.bottom > edge.bottom + slack || line.top < edge.top - slack)
            if (outX || outY)
              report({
                kind: 'spills',
                element: describe(element),
                text: short(text),
                detail: `line ${Math.round(line.left)}–${Math.round(line.right)} × ${Math.round(line.top)}–${Math.round(line.bottom)} outside the box ${Math.round(edge.left)}–${Math.round(edge.right)} × ${Math.round(edge.top)}–${Math.round(edge.bottom)}`,
              })
          }
          if (checkX && scrolls(s.overflowX)) checkX = false
          if (checkY && scrolls(s.overflowY)) checkY = false
          const cutX = checkX && clips(s.overflowX) && (line.right > edge.right + 1 || line.left < edge.left - 1)
          const cutY = checkY && clips(s.overflowY) && (line.bottom > edge.bottom + slack || line.top < edge.top - slack)
          if ((cutX || cutY) && !hasTooltip(parent, element, text)) {
            report({
              kind: 'clipped',
              element: describe(element),
              text: short(text),
              detail: `${cutX ? 'sideways' : 'at the bottom or top'} (scroll ${element.scrollWidth}×${element.scrollHeight} in client ${element.clientWidth}×${element.clientHeight}, text-overflow: ${s.textOverflow})`,
            })
          }
          if (cutX) checkX = false
          if (cutY) checkY = false
          if (s.position === 'absolute' || s.position === 'fixed') positioned = true
          if (!checkX && !checkY) break
        }
        if (checkX && (line.right > viewportWidth + 1 || line.left < -1))
          report({
            kind: 'off-screen',
            element: describe(parent),
            text: short(text),
            detail: `line ${Math.round(line.left)}–${Math.round(line.right)} in a window ${viewportWidth} px wide`,
          })
      }
    }

    // A placeholder is no text node: measure it in the field's font against the field's content box.
    const measure = document.createElement('canvas').getContext('2d')
    for (const input of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (!measure || input.value || !TEXT_FIELDS.has(input.type) || !input.checkVisibility({ visibilityProperty: true })) continue
      const s = style(input)
      measure.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`
      const needed = measure.measureText(input.placeholder).width
      const room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)
      if (needed > room + 1 && !input.title.includes(input.placeholder))
        report({
          kind: 'clipped',
          element: describe(input),
          text: short(input.placeholder),
          detail: `placeholder ${Math.round(needed)} px wide in a field with ${Math.round(room)} px for text`,
        })
    }

    const pageWidth = document.documentElement.scrollWidth
    if (pageWidth > viewportWidth) {
      // Name the deepest elements that stick out, so the report says where to look.
      const wide = [...document.body.querySelectorAll('*')].filter((element) => {
        const rect = element.getBoundingClientRect()
        return rect.width > 0 && (rect.right > viewportWidth + 1 || rect.left < -1)
      })
      const deepest = wide.filter((element) => !wide.some((other) => other !== element && element.contains(other))).slice(0, 5)
      report({
        kind: 'page-overflow',
        element: deepest.map(describe).join(' | ') || 'html',
        text: short(deepest[0]?.textContent ?? ''),
        detail: `document ${pageWidth} px wide in a window ${viewportWidth} px wide`,
      })
    }
    return problems
  })
}

/** A page rendered at one width: the document fits the window, no text is cut off; a full-page screenshot is kept. */
export async function checkLayout(page: Page, testInfo: TestInfo, name: string) {
  // Measure what the reader sees: the page's own fonts loaded (CJK and Cyrillic fall back to system fonts).
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  const problems = await findLayoutProblems(page)
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect.soft(pageWidth, `${name}: document width`).toBeLessThanOrEqual(page.viewportSize()!.width)
  expect.soft(problems, `${name}: overflowing or clipped text`).toEqual([])
}

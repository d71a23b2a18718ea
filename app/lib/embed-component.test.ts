import { readFileSync } from 'node:fs'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'

// public/embed.js (<tradecast-player>) run against a minimal DOM: what it builds in its shadow root.

class FakeNode {
  children: FakeNode[] = []
  parentNode: FakeNode | null = null
  readonly attributes = new Map<string, string>()
  textContent = ''
  className = ''
  title = ''
  constructor(readonly tagName: string) {}
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value)
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null
  }
  append(...nodes: FakeNode[]) {
    for (const node of nodes) {
      node.parentNode = this
      this.children.push(node)
    }
  }
  remove() {
    if (this.parentNode) this.parentNode.children = this.parentNode.children.filter((child) => child !== this)
    this.parentNode = null
  }
  replaceChildren() {
    for (const child of this.children) child.parentNode = null
    this.children = []
  }
  querySelector(tagName: string): FakeNode | null {
    for (const child of this.children) {
      if (child.tagName === tagName) return child
      const found = child.querySelector(tagName)
      if (found) return found
    }
    return null
  }
  all(tagName: string): FakeNode[] {
    return this.children.flatMap((child) => [...(child.tagName === tagName ? [child] : []), ...child.all(tagName)])
  }
}

class FakeElement extends FakeNode {
  shadowRoot: FakeNode | null = null
  isConnected = true
  constructor() {
    super('tradecast-player')
  }
  attachShadow() {
    this.shadowRoot = new FakeNode('#shadow-root')
    return this.shadowRoot
  }
}

type Player = FakeElement & { render(): void }

function loadPlayer(): new () => Player {
  const defined = new Map<string, new () => Player>()
  const customElements = { get: (name: string) => defined.get(name), define: (name: string, constructor: new () => Player) => defined.set(name, constructor) }
  const context = vm.createContext({
    window: { customElements },
    customElements,
    HTMLElement: FakeElement,
    document: { currentScript: { src: 'https://tradecast.example/embed.js' }, createElement: (tagName: string) => new FakeNode(tagName) },
    location: { origin: 'https://shop.example' },
    URL,
  })
  vm.runInContext(readFileSync(new URL('../../public/embed.js', import.meta.url), 'utf8'), context)
  return defined.get('tradecast-player')!
}

function render(player: Player, attributes: Record<string, string>) {
  for (const [name, value] of Object.entries(attributes)) player.setAttribute(name, value)
  player.render()
  return player.shadowRoot!
}

describe('<tradecast-player> (public/embed.js)', () => {
  it('frames the embed page in the asked language, and ignores a lang that is no language of ours', () => {
    const Player = loadPlayer()
    const korean = render(new Player(), { session: 'abc123', lang: 'ko' })
    const frame = korean.querySelector('iframe')!
    expect(frame.getAttribute('src')).toBe('https://tradecast.example/embed/abc123?lang=ko')
    expect(frame.title).toBe('Tradecast 쇼케이스 플레이어')
    for (const lang of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'xx']) {
      const root = render(new Player(), { session: 'abc123', lang })
      const inner = root.querySelector('iframe')!
      expect(inner.getAttribute('src'), lang).toBe('https://tradecast.example/embed/abc123')
      expect(inner.title, lang).toBe('Tradecast showcase player')
    }
  })

  it('leaves nothing behind for an invalid session and builds one frame and one style when it becomes valid', () => {
    const Player = loadPlayer()
    const player = new Player()
    render(player, { session: 'first' })
    render(player, { session: '../../admin' })
    expect(player.shadowRoot!.children).toEqual([])
    for (const session of ['second', 'bad id', 'third', 'third']) render(player, { session })
    const root = player.shadowRoot!
    expect(root.all('style')).toHaveLength(1)
    expect(root.all('iframe')).toHaveLength(1)
    expect(root.querySelector('iframe')!.getAttribute('src')).toBe('https://tradecast.example/embed/third')
  })
})

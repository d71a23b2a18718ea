/*! Tradecast player web component. On a site listed on the company profile:
 *  <script src="https://YOUR-TRADECAST/embed.js" async></script>
 *  <tradecast-player session="SHOWCASE_ID" lang="ko"></tradecast-player>
 * Renders the showcase's /embed/ page in a responsive 16:9 iframe. Plain JS, no dependencies. */
;(function () {
  if (!window.customElements || customElements.get('tradecast-player')) return
  const script = document.currentScript
  const origin = script && script.src ? new URL(script.src).origin : location.origin
  // The frame's accessible name (the title attribute overrides it); app/locales/*/embed.ts words the rest.
  const TITLES = {
    en: 'Tradecast showcase player',
    ko: 'Tradecast 쇼케이스 플레이어',
    'zh-Hans': 'Tradecast 直播展示播放器',
    ja: 'Tradecast ショーケースプレーヤー',
    ru: 'Плеер презентации Tradecast',
    mn: 'Tradecast танилцуулгын тоглуулагч',
  }
  const ID = /^[A-Za-z0-9_-]{1,40}$/
  const CSS =
    ':host{display:block;max-width:100%}' +
    '.box{position:relative;width:100%;aspect-ratio:16/9;background:#020617}' +
    'iframe{position:absolute;inset:0;width:100%;height:100%;border:0}'

  class Player extends HTMLElement {
    static observedAttributes = ['session', 'lang', 'title']
    connectedCallback() {
      this.render()
    }
    attributeChangedCallback() {
      if (this.isConnected) this.render()
    }
    render() {
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' })
      const session = this.getAttribute('session') || ''
      let frame = root.querySelector('iframe')
      if (!ID.test(session)) {
        // Nothing to show: the frame and its style go (a valid id later builds them afresh, once).
        root.replaceChildren()
        return
      }
      if (!frame) {
        root.replaceChildren()
        const style = document.createElement('style')
        style.textContent = CSS
        const box = document.createElement('div')
        box.className = 'box'
        frame = document.createElement('iframe')
        frame.setAttribute('allow', 'autoplay; fullscreen')
        frame.setAttribute('allowfullscreen', '')
        box.append(frame)
        root.append(style, box)
      }
      const src = new URL('/embed/' + session, origin)
      // Own keys only: lang="constructor" or "__proto__" must not reach the object's prototype.
      const lang = this.getAttribute('lang')
      const known = lang !== null && Object.hasOwn(TITLES, lang)
      if (known) src.searchParams.set('lang', lang)
      if (frame.getAttribute('src') !== src.href) frame.setAttribute('src', src.href)
      frame.title = this.getAttribute('title') || (known ? TITLES[lang] : TITLES.en)
    }
  }
  customElements.define('tradecast-player', Player)
})()

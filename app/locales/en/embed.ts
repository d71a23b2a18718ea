// The embeddable player (/embed/:sessionId), its snippets for the exporter, and the company profile's list
// of sites allowed to embed it.
const embed = {
  embed: {
    player: {
      label: 'Showcase player',
      videoLabel: 'Showcase video: {{title}}',
      by: 'by {{company}}',
      startsAt: 'Starts {{date}}',
      notStarted: 'The showcase has not started yet.',
      ended: 'This showcase has ended.',
      replay: 'Replay',
      unmute: 'Unmute',
      mute: 'Mute',
      retry: 'Try again',
      watchOnTradecast: 'Watch on Tradecast',
      opensInNewTab: '(opens in a new tab)',
      products: 'Products in this showcase',
      noProducts: 'No product on screen right now.',
      requestQuote: 'Request quote',
      priceFrom: 'from {{price}}',
    },
    unavailable: {
      title: 'This showcase is not available',
      body: 'It may be private, not yet approved or no longer online.',
      visit: 'Discover live showcases on Tradecast',
    },
    profile: {
      title: 'Player on your website',
      origins: 'Sites allowed to embed your showcase player',
      originsHint:
        'One site per line, such as https://shop.example.com or https://*.example.com for every subdomain; up to {{max}}. Plain http only for localhost and 127.0.0.1 while developing. Other sites cannot show the player.',
    },
    errors: {
      origin:
        'Enter each site as https://name (a port may follow), without a path; *. only at the start of the name; plain http only for localhost or 127.0.0.1.',
      tooManyOrigins: 'Too many sites: list at most 20.',
    },
    snippet: {
      title: 'Embed this showcase',
      intro: 'Paste one of these into your web page. Only the sites listed on your company profile can show the player.',
      iframe: 'Frame (iframe)',
      script: 'Web component',
      copy: 'Copy',
      copied: 'Copied',
      profileLink: 'Sites allowed to embed',
      unavailable: 'Not embeddable: other sites can show only public showcases (approved by the fair, if it is in one).',
    },
  },
}

export default embed

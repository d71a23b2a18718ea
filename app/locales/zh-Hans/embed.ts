import type en from '../en/embed'
import type { MessagesOf } from '../types'

const embed: MessagesOf<typeof en, 'zh-Hans'> = {
  embed: {
    player: {
      label: '直播展示播放器',
      videoLabel: '直播展示视频：{{title}}',
      by: '来自 {{company}}',
      startsAt: '{{date}} 开始',
      notStarted: '直播展示尚未开始。',
      ended: '本场直播展示已结束。',
      replay: '回放',
      unmute: '打开声音',
      mute: '静音',
      retry: '重试',
      watchOnTradecast: '在 Tradecast 上观看',
      opensInNewTab: '（在新标签页中打开）',
      products: '本场直播展示的产品',
      noProducts: '当前画面中没有产品。',
      requestQuote: '询价',
      priceFrom: '{{price}} 起',
    },
    unavailable: {
      title: '无法观看此直播展示',
      body: '它可能是非公开的、尚未获批准，或已下线。',
      visit: '在 Tradecast 上发现直播展示',
    },
    profile: {
      title: '您网站上的播放器',
      origins: '允许嵌入您直播展示播放器的网站',
      originsHint:
        '每行一个网站，例如 https://shop.example.com，或用 https://*.example.com 表示所有子域名；最多 {{max}} 个。未加密的 http 仅限开发时的 localhost 和 127.0.0.1。其他网站无法显示播放器。',
    },
    errors: {
      origin: '请按 https://名称 的格式填写每个网站（可加端口），不要带路径；*. 只能出现在名称开头；http 仅限 localhost 或 127.0.0.1。',
      tooManyOrigins: '网站太多：最多填写 20 个。',
    },
    snippet: {
      title: '嵌入本场直播展示',
      intro: '将以下任一代码粘贴到您的网页中。只有企业资料中列出的网站才能显示播放器。',
      iframe: '框架（iframe）',
      script: 'Web 组件',
      copy: '复制',
      copied: '已复制',
      profileLink: '允许嵌入的网站',
      unavailable: '无法嵌入：其他网站只能展示公开的直播展示（若属于展会，须经展会批准）。',
    },
  },
}

export default embed

import type en from '../en/replay-page'
import type { MessagesOf } from '../types'

const replayPage: MessagesOf<typeof en, 'zh-Hans'> = {
  replayPage: {
    kicker: '回放',
    host: '直播企业',
    aired: '播出于 {{date}}',
    length: '时长 {{duration}}',
    unpublished: '未发布：仅直播企业和展会主办方可以查看此回放。',
    playerLabel: '回放播放器',
    videoLabel: '回放视频：{{title}}',
    state: {
      idle: '正在加载回放…',
      loading: '正在加载回放…',
      playing: '播放中',
      paused: '已暂停',
      buffering: '缓冲中…',
      error: '播放已停止',
    },
    errors: {
      unsupported: '此浏览器无法播放回放。请使用最新版本的 Chrome、Edge、Firefox 或 Safari。',
      'not-found': '此回放已不可用。',
      network: '无法加载回放，请检查网络连接后重试。',
      media: '无法播放回放，请重试。',
    },
    retry: '重试',
    chapters: '章节',
    chaptersLabel: '本场直播展示中介绍的产品',
    noChapters: '本场直播展示中没有置顶产品。',
    chapterButton: '跳转到 {{time}} 的 {{name}}',
    nowShowing: '正在介绍',
    chat: '聊天回放',
    chatLabel: '回放到此时间点为止的聊天消息',
    chatEmpty: '直播进行到此处时尚无消息。',
    chatTruncated: '聊天回放仅显示本场直播的前 {{count}} 条消息。',
  },
}

export default replayPage

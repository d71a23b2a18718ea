import type en from '../en/replay-page'
import type { MessagesOf } from '../types'

const replayPage: MessagesOf<typeof en, 'ja'> = {
  replayPage: {
    kicker: 'アーカイブ',
    host: '配信元',
    aired: '{{date}}配信',
    length: '長さ {{duration}}',
    unpublished: '非公開：このアーカイブは配信企業と展示会の主催者のみ閲覧できます。',
    playerLabel: 'アーカイブプレーヤー',
    videoLabel: 'アーカイブ映像：{{title}}',
    state: {
      idle: 'アーカイブを読み込み中…',
      loading: 'アーカイブを読み込み中…',
      playing: '再生中',
      paused: '一時停止中',
      buffering: 'バッファリング中…',
      error: '再生が停止しました',
    },
    errors: {
      unsupported: 'このブラウザではアーカイブを再生できません。最新版のChrome、Edge、Firefox、Safariでお試しください。',
      'not-found': 'このアーカイブは現在ご覧いただけません。',
      network: 'アーカイブを読み込めませんでした。接続を確認して、もう一度お試しください。',
      media: 'アーカイブを再生できませんでした。もう一度お試しください。',
    },
    retry: '再試行',
    chapters: 'チャプター',
    chaptersLabel: 'このショーケースで紹介された製品',
    noChapters: 'このショーケースではピン留めされた製品はありません。',
    chapterButton: '{{time}}の{{name}}へ移動',
    nowShowing: '紹介中',
    chat: 'チャットのアーカイブ',
    chatLabel: 'アーカイブの現在位置までのチャットメッセージ',
    chatEmpty: 'この時点まではメッセージはありません。',
    chatTruncated: 'チャットのアーカイブには、配信開始から最初の{{count}}件のメッセージが表示されます。',
  },
}

export default replayPage

import type en from '../en/ingest'
import type { MessagesOf } from '../types'

const ingest: MessagesOf<typeof en, 'ja'> = {
  ingest: {
    source: { legend: '映像ソース', camera: 'ブラウザのカメラ', encoder: 'エンコーダー（OBS、ハードウェア）' },
    title: 'エンコーダーの映像',
    preview: 'エンコーダー映像のプレビュー',
    noFeed: 'まだ映像がありません。エンコーダーに下のアドレスを設定して配信を開始してください。',
    health: '映像の状態',
    bitrate: 'ビットレート',
    kbps: '{{value}} kbit/s',
    resolution: '解像度',
    fps: 'フレーム/秒',
    loss: 'パケットロス',
    state: {
      none: 'エンコーダー未接続',
      waiting: 'エンコーダー接続済み、メディア待ち',
      receiving: '受信中',
      stalled: '停滞中：数秒間メディアが届いていません',
      stopped: '停止',
    },
    whipUrl: 'WHIP URL（OBS 30 以降：サービス「WHIP」）',
    rtmpUrl: 'RTMP サーバー',
    rtmpOff: 'このサーバーでは RTMP 取り込みが有効になっていません。',
    streamKey: 'ストリームキー / ベアラートークン',
    noKey: 'ストリームキーがまだありません。エンコーダーを接続するには作成してください。',
    encoderSettings:
      'エンコーダー設定：映像は H.264（プロファイル baseline または main、B フレームなし）か VP8、音声は AAC か Opus、キーフレームは 1–2 秒ごと（OBS：出力 → キーフレーム間隔 2）。間隔が長いと、新しい視聴者は映像が出るまで待つことになります。',
    keyNote: 'キーは秘密にしてください。キーを更新すると、古いキーを使うエンコーダーは切断されます。',
    copy: 'コピー',
    copied: 'コピーしました',
    copyLabel: '{{field}}をコピー',
    rotate: 'キーを更新',
    create: 'ストリームキーを作成',
    rotating: '処理中…',
    rotateConfirm: '新しいキーを作成しますか？現在のキーを使うエンコーダーはすぐに切断されます。',
    loading: 'エンコーダー設定を読み込み中…',
    goLiveNote: '配信を開始すると視聴者にエンコーダーの映像が表示されます。先にエンコーダーで配信を始めてください。',
    errors: { invalid: 'このリクエストを理解できませんでした。', notShowcase: 'エンコーダーの映像を受け付けるのはショーケースだけです。' },
  },
}

export default ingest

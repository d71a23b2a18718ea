import type en from '../en/embed'
import type { MessagesOf } from '../types'

const embed: MessagesOf<typeof en, 'ja'> = {
  embed: {
    player: {
      label: 'ショーケースプレーヤー',
      videoLabel: 'ショーケース映像：{{title}}',
      by: '{{company}}',
      startsAt: '{{date}} 開始',
      notStarted: 'ショーケースはまだ始まっていません。',
      ended: 'このショーケースは終了しました。',
      replay: 'アーカイブ',
      unmute: '音声をオン',
      mute: 'ミュート',
      retry: '再試行',
      watchOnTradecast: 'Tradecast で見る',
      opensInNewTab: '（新しいタブで開きます）',
      products: 'このショーケースの製品',
      noProducts: '現在、画面に表示中の製品はありません。',
      requestQuote: '見積依頼',
      priceFrom: '{{price}} から',
    },
    unavailable: {
      title: 'このショーケースはご覧いただけません',
      body: '非公開、未承認、または公開が終了している可能性があります。',
      visit: 'Tradecast でライブのショーケースを探す',
    },
    profile: {
      title: '自社サイトのプレーヤー',
      origins: 'ショーケースプレーヤーの埋め込みを許可するサイト',
      originsHint:
        '1 行に 1 サイト。例：https://shop.example.com、すべてのサブドメインなら https://*.example.com。最大 {{max}} 件。暗号化されない http は開発用の localhost と 127.0.0.1 のみ。ほかのサイトではプレーヤーは表示されません。',
    },
    errors: {
      origin:
        '各サイトはパスなしの https://名前 の形式で入力してください（ポートは付けられます）。*. は名前の先頭のみ、http は localhost または 127.0.0.1 のみです。',
      tooManyOrigins: 'サイトが多すぎます。20 件までにしてください。',
    },
    snippet: {
      title: 'このショーケースを埋め込む',
      intro: '次のいずれかをウェブページに貼り付けてください。会社プロフィールに登録されたサイトでのみプレーヤーが表示されます。',
      iframe: 'フレーム（iframe）',
      script: 'Web コンポーネント',
      copy: 'コピー',
      copied: 'コピーしました',
      profileLink: '埋め込みを許可するサイト',
      unavailable: '埋め込み不可：他のサイトに表示できるのは公開ショーケース（展示会に属する場合は承認済みのもの）だけです。',
    },
  },
}

export default embed

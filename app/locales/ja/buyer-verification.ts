import type en from '../en/buyer-verification'
import type { MessagesOf } from '../types'

const buyerVerification: MessagesOf<typeof en, 'ja'> = {
  buyerVerification: {
    badge: {
      label: '確認済みバイヤー',
      description: '{{name}} が {{date}} に確認（{{method}}）',
      descriptionWithoutName: '{{date}} に確認（{{method}}）',
    },
    method: {
      DOCUMENTS: '会社書類を確認',
      TRADE_REFERENCE: '取引先の照会',
      OTHER: 'その他の確認',
    },
    column: 'バイヤー確認',
    notVerified: '未確認',
    verifiedElsewhere: 'プラットフォーム管理者または他の展示会を通じて認証されています。変更・取り消しができるのはその担当者のみです。',
    verifyName: '{{name}} を確認',
    reverifyName: '{{name}} を再確認',
    revokeName: '{{name}} の確認を取り消す',
    methodLabel: '会社をどのように確認しましたか？',
    noteLabel: '確認した書類または照会先',
    noteHint: '例：登記簿謄本と輸入許可証を確認、または会社を保証した照会先。',
    verify: 'バイヤーを確認',
    revoke: '取り消す',
    revokeReason: '確認を取り消す理由',
    history: '確認履歴',
    historyVerified: '{{name}} が確認（{{method}}）',
    historyRevoked: '{{name}} が取り消し',
    errors: {
      note: '確認した書類や照会先（または理由）を3文字以上で入力してください。',
      method: '会社の確認方法を選んでください。',
      notVerified: 'このバイヤーは未確認のため、取り消す確認がありません。',
      conflict: '他の人が同時にこの確認を変更しました。再読み込みしてもう一度お試しください。',
      notYourVerification: 'この認証はプラットフォーム管理者または他の展示会を通じて行われました。変更・取り消しができるのはその担当者のみです。',
    },
    toast: {
      verified: 'バイヤーを確認しました。',
      revoked: '確認を取り消しました。',
    },
    admin: {
      nav: 'バイヤー',
      title: 'バイヤー企業',
      intro:
        '書類を確認するか取引先の照会を済ませてから、バイヤー企業を確認してください。輸出企業は見積依頼、ライブチャット、商談リクエストでバッジを見られ、無料サンプルを確認済みバイヤーに限定できます。',
      filter: '確認状況で絞り込み',
      filters: {
        all: 'すべて',
        verified: '確認済み',
        unverified: '未確認',
      },
      search: '会社名またはメール',
      searchButton: '検索',
      count_other: 'バイヤー企業 {{count}} 社',
      company: '会社',
      verification: '確認',
    },
    inbox: {
      label: '確認済みバイヤー',
      verifiedOnly: '確認済みバイヤーのみ',
      verifiedFirst: '確認済みバイヤーを先に',
    },
    samples: {
      setting: '無料サンプルは確認済みバイヤーのみ',
      settingHint: 'サンプルが無料の場合、主催者または管理者が確認したバイヤーのみ注文できます。有料サンプルはすべてのバイヤーが注文できます。',
      refused:
        'この輸出企業は、この製品の無料サンプルを確認済みバイヤーにのみ送ります。登録した展示会の主催者に会社の確認を依頼するか、見積依頼を送ってください。',
      productNote: '無料サンプルは確認済みバイヤーのみ。',
      youAreNotVerified: '貴社はまだ確認されていません。',
      youAreVerified: '貴社は確認済みです。',
    },
  },
}

export default buyerVerification

// Account self-service: password change and reset, sessions, sign-up protection.
import type en from '../en/account'
import type { MessagesOf } from '../types'

const account: MessagesOf<typeof en, 'ja'> = {
  account: {
    forgotPassword: 'パスワードをお忘れですか？',
    timeZones: {
      ofCountry: '{{country}}のタイムゾーン',
      all: 'すべてのタイムゾーン',
      hint: '商談や日程など、Tradecast上のすべての時刻がこのタイムゾーンで表示されます。',
    },
    guestQuote: {
      intro: '{{product}}の見積を依頼するには、ログインするかバイヤーアカウントを作成してください。完了後、見積依頼フォームが開いた状態でこの配信に戻ります。',
      signUp: 'バイヤーアカウントを作成',
      signIn: 'ログイン',
    },
    honeypot: 'この欄は空欄のままにしてください',
    errors: {
      passwordMismatch: '2つのパスワードが一致しません。',
      currentPasswordWrong: '現在のパスワードが正しくありません。',
      samePassword: '現在のパスワードとは異なるパスワードを設定してください。',
      signupRefused: 'アカウントを作成できませんでした。入力内容を確認して、もう一度お試しください。',
      tooManySignups: 'お使いのネットワークから作成されたアカウントが多すぎます。{{minutes}}分後にもう一度お試しください。',
      tooManyResetRequests: '再設定のリクエストが多すぎます。{{minutes}}分後にもう一度お試しください。',
    },
    password: {
      title: 'パスワード',
      intro: 'パスワードを変更すると、他のすべてのデバイスからログアウトされます。',
      current: '現在のパスワード',
      new: '新しいパスワード',
      confirm: '新しいパスワード（確認）',
      submit: 'パスワードを変更',
      pending: '変更中…',
      changed: 'パスワードを変更しました。他のすべてのデバイスからログアウトしました。',
    },
    sessions: {
      title: 'ログイン中のデバイス',
      intro: '{{hours}}時間操作がないとセッションは終了します。また、どの場合も30日後に終了します。',
      device: '{{os}}上の{{browser}}',
      unknownDevice: '不明なデバイス',
      thisDevice: 'このデバイス',
      ip: 'IPアドレス',
      created: 'ログイン日時',
      lastActive: '最終アクセス',
      revoke: 'ログアウト',
      revokeLabel: '{{device}}からログアウト（最終アクセス：{{when}}）',
      revokeOthers: '他のすべてのデバイスからログアウト',
      revoked: 'そのデバイスからログアウトしました。',
      othersRevoked: '他のすべてのデバイスからログアウトしました。',
      noOthers: '他にログイン中のデバイスはありません。',
    },
    reset: {
      requestTitle: 'パスワードの再設定',
      requestIntro: 'アカウントのメールアドレスを入力してください。新しいパスワードを設定するためのリンクをお送りします。',
      requestSubmit: '再設定リンクを送信',
      requestPending: '送信中…',
      requestSent: 'このメールアドレスのアカウントが存在する場合、パスワード再設定用のリンクを送信しました。リンクの有効期限は30分です。',
      title: '新しいパスワードの設定',
      intro: '{{email}}のアカウントです。このアカウントでログイン中のすべてのデバイスからログアウトされます。',
      submit: '新しいパスワードを設定',
      pending: '保存中…',
      done: '新しいパスワードを設定しました。新しいパスワードでログインしてください。',
      invalidLink: 'この再設定リンクは無効か、使用済みか、有効期限が切れています。',
      requestNew: '新しいリンクを依頼する',
      backToLogin: 'ログインに戻る',
      mailSubject: 'Tradecastのパスワード再設定',
      mailBody: 'Tradecastアカウントのパスワード再設定のリクエストを受け付けました。{{minutes}}分以内に次のリンクを開き、新しいパスワードを設定してください：',
      mailIgnore: 'お心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。',
    },
  },
}

export default account

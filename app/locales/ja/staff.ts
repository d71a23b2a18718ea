// Hub staff accounts (/admin/staff, docs/hub-staff.md).
import type en from '../en/staff'
import type { MessagesOf } from '../types'

const staff: MessagesOf<typeof en, 'ja'> = {
  staff: {
    title: 'ハブ運営スタッフのアカウント',
    intro:
      'ハブを運営する人のアカウントをここで作成します：主催者、スタジオ運営者、貿易官、輸出代行機関のメンバー。各自にパスワード設定リンク付きのメールが届きます。輸出企業とバイヤーは自分で登録します。',
    nav: 'スタッフ',
    create: '新しいスタッフアカウント',
    name: '氏名',
    email: 'メールアドレス',
    role: '役割',
    locale: '招待メールの言語',
    createButton: '作成して招待を送信',
    creating: '作成中…',
    listTitle: 'スタッフアカウント',
    none: 'スタッフアカウントはまだありません。',
    state: '状態',
    created: '作成日',
    actions: '操作',
    resend: '{{name}}さんに招待を再送信',
    states: {
      active: '有効',
      invited: '招待送信済み',
      'invitation-expired': '招待の期限切れ',
    },
    toast: {
      created: 'アカウントを作成し、招待メールを送信しています。',
      resent: '新しい招待メールを送信しています。以前のリンクは使えなくなりました。',
    },
    errors: {
      emailTaken: 'このメールアドレスのアカウントはすでに存在します。',
      notInvitable: 'このアカウントはすでにパスワードが設定済みか、スタッフアカウントではありません。',
    },
    mail: {
      subject: 'Tradecast アカウントのご案内',
      body: '{{admin}}さんが{{role}}としてあなたの Tradecast アカウントを作成しました。{{days}}日以内にこのリンクからパスワードを設定してください：',
      ignore: '心当たりがない場合はこのメールを無視してください。あなたが決めたパスワードなしでは誰もサインインできません。',
    },
  },
}

export default staff

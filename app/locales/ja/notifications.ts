import type en from '../en/notifications'
import type { MessagesOf } from '../types'

// A placeholder named like a glossary term ({{buyer}}, {{fair}}) counts as the term, so the Japanese term is spelled out.
const notifications: MessagesOf<typeof en, 'ja'> = {
  notifications: {
    title: '通知',
    markAllRead: 'すべて既読にする',
    empty: '通知はまだありません。',
    unread_other: '未読の通知{{count}}件',
    'inquiry.created': {
      title: 'バイヤー{{buyer}}から新しい問い合わせ',
      body: 'バイヤーの{{buyer}}（{{country}}）から{{product}}について問い合わせがありました（数量：{{quantity}}）。',
    },
    'inquiry.message': { title: '{{author}}から新しいメッセージ', body: '{{author}}から、{{product}}の問い合わせにメッセージが届きました。' },
    'inquiry.status': {
      title: '問い合わせ（{{product}}）：$t(status.{{status}})',
      body: '{{product}}に関する問い合わせのステータスが「$t(status.{{status}})」になりました。',
    },
    'inquiry.quote': {
      title: '{{product}}の見積が届きました',
      body: '{{company}}から{{product}}の見積が届きました。単価{{price}}、{{validUntil}}まで有効です。',
    },
    'invitation.created': {
      title: 'Tradecastの{{company}}への招待',
      body: '{{inviter}}さんから、Tradecastの{{company}}への招待が届きました。',
    },
    'meeting.requested': { title: '{{from}}から商談の申し込み', body: '{{from}}から{{when}}の商談の申し込みがありました。' },
    'meeting.updated': {
      title: '{{with}}との商談：$t(status.{{status}})',
      body: '{{with}}との商談のステータスが「$t(status.{{status}})」になりました。',
    },
    'meeting.confirm': { title: '出席確認：{{with}}との商談', body: '{{with}}との商談は{{when}}です。出席を確認するか、参加できない旨をお知らせください。' },
    'meeting.expired': {
      title: '商談リクエストの期限切れ：{{with}}',
      body: '{{when}}の{{with}}との商談リクエストに期限内の回答がなく、期限切れになりました。別の日時を依頼できます。',
    },
    'meeting.cantMakeIt': {
      title: '{{with}}は参加できません',
      body: '{{with}}は{{when}}の商談に参加できないため、商談はキャンセルされました。ワンクリックで日程を再調整できます。',
    },
    'meeting.seatHandedBack': {
      title: '{{with}}との商談はあなたの担当になりました',
      body: '{{agency}}が貴社の商談を担当しなくなったため、{{when}}の{{with}}との商談の席はあなたに引き継がれました。ルームの主催とカレンダーファイルの取得はあなたが行います。バイヤーと日時は変わりません。',
    },
    'meeting.seatPassedOn': {
      title: '{{with}}との商談はあなたの担当になりました',
      body: '{{member}}さんが{{agency}}のメンバーではなくなったため、{{when}}の{{with}}との商談の席はあなたに引き継がれました。ルームの主催とカレンダーファイルの取得はあなたが行います。バイヤーと日時は変わりません。',
    },
    'meeting.hostChanged': {
      title: '{{company}}：商談の担当が{{host}}さんになりました',
      body: '{{when}}の{{company}}との商談は、今後{{host}}さんが担当します。日時とルームは変わりません。カレンダーファイルを再度ダウンロードすると新しい担当者が記載されます。',
    },
    'session.starting': { title: 'まもなく開始：{{title}}', body: '{{company}}の「{{title}}」は{{when}}に開始します。' },
    'showcase.reminder24h': { title: '24時間後：{{title}}', body: '{{company}}の{{title}}は{{when}}に始まります。' },
    'showcase.reminder10m': { title: '{{title}}はあと10分で始まります', body: '{{company}}の{{title}}は{{when}}に始まります。' },
    'showcase.live': { title: '{{title}}がライブ配信中', body: '{{company}}がライブ配信中です：{{title}}（予定 {{when}}）。' },
    'order.updated': {
      title: '注文{{order}}：$t(status.{{status}})',
      body: 'ご注文{{order}}のステータスが「$t(status.{{status}})」になりました。',
    },
    'consultation.requested': {
      title: '{{from}} から相談の予約',
      body: '{{from}} が {{when}} に {{market}} 市場についての相談を予約しました。確定してください。',
    },
    'consultation.updated': {
      title: '{{with}} との相談：$t(consultations.status.{{status}})',
      body: '{{when}} の {{with}} との相談は「$t(consultations.status.{{status}})」になりました。',
    },
    'consultation.reminder': {
      title: '{{with}} との相談がまもなく始まります',
      body: '{{with}} との相談は {{when}} に始まります。ビデオ相談ルームは 10 分前に開きます。',
    },
    'registration.decided': {
      title: '展示会「{{fair}}」の参加申込：$t(status.{{status}})',
      body: '展示会「{{fair}}」への参加申込は「$t(status.{{status}})」となりました。',
    },
    'studio.requested': { title: 'スタジオ予約の申請：{{showcase}}', body: '{{showcase}} のスタジオ枠（{{startsAt}}）の予約が申請されました。' },
    'studio.approved': {
      title: 'スタジオ予約確定：{{showcase}}',
      body: '{{studio}} が {{showcase}} のスタジオ枠（{{startsAt}}）を承認しました。通訳：{{interpreter}}。',
    },
    'studio.declined': {
      title: 'スタジオ予約の申請が却下されました：{{showcase}}',
      body: '{{studio}} が {{showcase}} のスタジオ枠（{{startsAt}}）の申請を却下しました：{{reason}}',
    },
    'studio.cancelled': {
      title: 'スタジオ予約が取り消されました：{{showcase}}',
      body: '{{studio}} が {{showcase}} のスタジオ枠（{{startsAt}}）を取り消しました：{{reason}}',
    },
  },
}
export default notifications

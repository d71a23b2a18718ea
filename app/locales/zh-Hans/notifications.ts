import type en from '../en/notifications'
import type { MessagesOf } from '../types'

const notifications: MessagesOf<typeof en, 'zh-Hans'> = {
  notifications: {
    title: '通知',
    markAllRead: '全部标为已读',
    empty: '暂无通知。',
    unread_other: '{{count}} 条未读通知',
    'inquiry.created': { title: '采购商 {{buyer}} 发来新询盘', body: '采购商 {{buyer}}（{{country}}）询问了 {{product}}：{{quantity}}。' },
    'inquiry.message': { title: '{{author}} 发来新消息', body: '{{author}} 就 {{product}} 询盘发来了消息。' },
    'inquiry.status': { title: '{{product}} 询盘：$t(status.{{status}})', body: '{{product}} 询盘的状态已变更为“$t(status.{{status}})”。' },
    'inquiry.quote': { title: '已收到 {{product}} 的报价', body: '{{company}} 对 {{product}} 报价单价 {{price}}，有效期至 {{validUntil}}。' },
    'invitation.created': { title: '加入 Tradecast 上的 {{company}}', body: '{{inviter}} 邀请您加入 Tradecast 上的 {{company}}。' },
    'meeting.requested': { title: '{{from}} 发来洽谈邀请', body: '{{from}} 提议于 {{when}} 进行洽谈。' },
    'meeting.updated': { title: '与 {{with}} 的洽谈：$t(status.{{status}})', body: '您与 {{with}} 的洽谈状态已变更为“$t(status.{{status}})”。' },
    'meeting.confirm': { title: '请确认：与{{with}}的会议', body: '您与{{with}}的会议定于{{when}}。请确认您将出席，或告知无法参加。' },
    'meeting.expired': { title: '会议请求已过期：{{with}}', body: '与{{with}}在{{when}}的会议请求未在规定时间内得到答复，已过期。您可以另约时间。' },
    'meeting.cantMakeIt': { title: '{{with}}无法参加', body: '{{with}}无法参加{{when}}的会议，会议已取消。您可以一键重新安排。' },
    'meeting.seatHandedBack': {
      title: '与{{with}}的洽谈现由您负责',
      body: '{{agency}}不再代理贵公司的洽谈，因此{{when}}与{{with}}的洽谈席位已转交给您：由您主持会议室，并可获取日历文件。采购商和时间保持不变。',
    },
    'meeting.seatPassedOn': {
      title: '与{{with}}的洽谈现由您负责',
      body: '{{member}}已不再是{{agency}}的成员，因此{{when}}与{{with}}的洽谈席位已转交给您：由您主持会议室，并可获取日历文件。采购商和时间保持不变。',
    },
    'meeting.hostChanged': {
      title: '{{company}}：洽谈现由{{host}}主持',
      body: '您于{{when}}与{{company}}的洽谈现由{{host}}主持。时间和会议室保持不变；重新下载日历文件即可看到新的主持人。',
    },
    'session.starting': { title: '{{title}} 即将开始', body: '{{company}} 的 {{title}} 将于 {{when}} 开始。' },
    'showcase.reminder24h': { title: '24 小时后：{{title}}', body: '{{company}} 的 {{title}} 将于 {{when}} 开始。' },
    'showcase.reminder10m': { title: '{{title}} 将在 10 分钟后开始', body: '{{company}} 的 {{title}} 将于 {{when}} 开始。' },
    'showcase.live': { title: '{{title}} 正在直播', body: '{{company}} 正在直播：{{title}}（原定 {{when}}）。' },
    'order.updated': { title: '订单 {{order}}：$t(status.{{status}})', body: '您的订单 {{order}} 状态已变更为“$t(status.{{status}})”。' },
    'consultation.requested': { title: '{{from}} 预约了咨询', body: '{{from}} 预约了 {{when}} 关于 {{market}} 市场的咨询。请予以确认。' },
    'consultation.updated': {
      title: '与 {{with}} 的咨询：$t(consultations.status.{{status}})',
      body: '您与 {{with}} 在 {{when}} 的咨询现为“$t(consultations.status.{{status}})”。',
    },
    'consultation.reminder': { title: '与 {{with}} 的咨询即将开始', body: '您与 {{with}} 的咨询将于 {{when}} 开始。视频咨询室提前 10 分钟开放。' },
    'registration.decided': { title: '{{fair}}：展会报名$t(status.{{status}})', body: '您的 {{fair}} 展会报名状态已变更为“$t(status.{{status}})”。' },
    'studio.requested': { title: '演播室预约申请：{{showcase}}', body: '有人为 {{showcase}} 申请了 {{startsAt}} 的演播室时段。' },
    'studio.approved': { title: '演播室已预约：{{showcase}}', body: '{{studio}} 已批准 {{showcase}} 在 {{startsAt}} 的演播室时段。翻译：{{interpreter}}。' },
    'studio.declined': { title: '演播室申请被拒绝：{{showcase}}', body: '{{studio}} 拒绝了 {{showcase}} 在 {{startsAt}} 的演播室时段：{{reason}}' },
    'studio.cancelled': { title: '演播室预约已取消：{{showcase}}', body: '{{studio}} 取消了 {{showcase}} 在 {{startsAt}} 的演播室时段：{{reason}}' },
  },
}

export default notifications

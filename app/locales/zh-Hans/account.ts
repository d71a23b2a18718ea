import type en from '../en/account'
import type { MessagesOf } from '../types'

// Account self-service: password change and reset, sessions, sign-up protection.
const account: MessagesOf<typeof en, 'zh-Hans'> = {
  account: {
    forgotPassword: '忘记密码？',
    timeZones: {
      ofCountry: '{{country}} 的时区',
      all: '所有时区',
      hint: '洽谈、日程以及 Tradecast 上的所有时间都按此时区显示。',
    },
    guestQuote: {
      intro: '请登录或注册采购商账号，即可对 {{product}} 询价。完成后您将回到本场直播，询价表单会自动打开。',
      signUp: '注册采购商账号',
      signIn: '登录',
    },
    honeypot: '此栏请留空',
    errors: {
      passwordMismatch: '两次输入的密码不一致。',
      currentPasswordWrong: '当前密码错误。',
      samePassword: '新密码不能与当前密码相同。',
      signupRefused: '无法创建此账号。请检查表单后重试。',
      tooManySignups: '您所在网络注册的账号过多，请在 {{minutes}} 分钟后重试。',
      tooManyResetRequests: '重置请求过多，请在 {{minutes}} 分钟后重试。',
    },
    password: {
      title: '密码',
      intro: '修改密码后，您在其他所有设备上都将退出登录。',
      current: '当前密码',
      new: '新密码',
      confirm: '再次输入新密码',
      submit: '修改密码',
      pending: '正在修改…',
      changed: '密码已修改，其他所有设备均已退出登录。',
    },
    sessions: {
      title: '登录设备',
      intro: '登录在 {{hours}} 小时无操作后自动失效，且最长不超过 30 天。',
      device: '{{os}} 上的 {{browser}}',
      unknownDevice: '未知设备',
      thisDevice: '本设备',
      ip: 'IP 地址',
      created: '登录时间',
      lastActive: '最近活动',
      revoke: '退出登录',
      revokeLabel: '退出 {{device}} 的登录（最近活动：{{when}}）',
      revokeOthers: '退出其他所有设备',
      revoked: '该设备已退出登录。',
      othersRevoked: '其他所有设备均已退出登录。',
      noOthers: '您没有在其他设备上登录。',
    },
    reset: {
      requestTitle: '重置密码',
      requestIntro: '请输入您账号的电子邮箱，我们将发送设置新密码的链接。',
      requestSubmit: '发送重置链接',
      requestPending: '正在发送…',
      requestSent: '如果该邮箱已注册账号，重置密码的链接正在发送中。链接 30 分钟内有效。',
      title: '设置新密码',
      intro: '账号：{{email}}。登录此账号的所有设备都将退出登录。',
      submit: '设置新密码',
      pending: '正在保存…',
      done: '新密码已设置，请使用新密码登录。',
      invalidLink: '此重置链接无效、已被使用或已过期。',
      requestNew: '重新获取链接',
      backToLogin: '返回登录',
      mailSubject: '重置您的 Tradecast 密码',
      mailBody: '有人（希望是您本人）申请重置您 Tradecast 账号的密码。请在 {{minutes}} 分钟内打开以下链接设置新密码：',
      mailIgnore: '如果不是您本人操作，请忽略此邮件，您的密码不会改变。',
    },
  },
}

export default account

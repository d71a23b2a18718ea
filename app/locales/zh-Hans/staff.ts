// Hub staff accounts (/admin/staff, docs/hub-staff.md).
import type en from '../en/staff'
import type { MessagesOf } from '../types'

const staff: MessagesOf<typeof en, 'zh-Hans'> = {
  staff: {
    title: '枢纽工作人员账户',
    intro: '在这里为运营枢纽的人员创建账户：主办方、演播室运营、贸易官员和出口代理机构成员。每人会收到一封带有设置密码链接的邮件。出口企业和采购商自行注册。',
    nav: '工作人员',
    create: '新建工作人员账户',
    name: '姓名',
    email: '电子邮件',
    role: '角色',
    locale: '邀请邮件语言',
    createButton: '创建并发送邀请',
    creating: '正在创建…',
    listTitle: '工作人员账户',
    none: '还没有工作人员账户。',
    state: '状态',
    created: '创建时间',
    actions: '操作',
    resend: '向 {{name}} 重新发送邀请',
    states: {
      active: '已启用',
      invited: '已发送邀请',
      'invitation-expired': '邀请已过期',
    },
    toast: {
      created: '账户已创建，邀请邮件正在发送。',
      resent: '新的邀请邮件正在发送；之前的链接已失效。',
    },
    errors: {
      emailTaken: '该电子邮件已有账户。',
      notInvitable: '该账户已设置密码或不是工作人员账户。',
    },
    mail: {
      subject: '您的 Tradecast 账户',
      body: '{{admin}} 已为您创建 Tradecast 账户，角色为{{role}}。请在 {{days}} 天内通过此链接设置密码：',
      ignore: '如果您没有预期收到此邮件，请忽略；没有您设置的密码，任何人都无法登录。',
    },
  },
}

export default staff

import type en from '../en/buyer-verification'
import type { MessagesOf } from '../types'

const buyerVerification: MessagesOf<typeof en, 'zh-Hans'> = {
  buyerVerification: {
    badge: {
      label: '已验证采购商',
      description: '由 {{name}} 于 {{date}} 验证（{{method}}）',
      descriptionWithoutName: '于 {{date}} 验证（{{method}}）',
    },
    method: {
      DOCUMENTS: '已查看公司文件',
      TRADE_REFERENCE: '贸易推荐人',
      OTHER: '其他核实方式',
    },
    column: '采购商验证',
    notVerified: '未验证',
    verifiedElsewhere: '由平台管理员或通过其他展会验证：只有他们可以更改或撤销。',
    verifyName: '验证 {{name}}',
    reverifyName: '重新验证 {{name}}',
    revokeName: '撤销 {{name}} 的验证',
    methodLabel: '如何核实该公司？',
    noteLabel: '查看了哪些文件或哪位推荐人',
    noteHint: '例如：已查看营业执照和进口许可证；或为该公司担保的推荐人。',
    verify: '验证采购商',
    revoke: '撤销',
    revokeReason: '撤销验证的原因',
    history: '验证记录',
    historyVerified: '由 {{name}} 验证（{{method}}）',
    historyRevoked: '由 {{name}} 撤销',
    errors: {
      note: '请填写查看的文件或推荐人（或原因），至少 3 个字符。',
      method: '请选择核实公司的方式。',
      notVerified: '该采购商尚未验证，无可撤销的验证。',
      conflict: '他人同时更改了此验证。请刷新后重试。',
      notYourVerification: '此验证由平台管理员或通过其他展会完成：只有他们可以更改或撤销。',
    },
    toast: {
      verified: '采购商已验证。',
      revoked: '验证已撤销。',
    },
    admin: {
      nav: '采购商',
      title: '采购商公司',
      intro: '查看公司文件或确认贸易推荐人后，再验证采购商公司。出口商会在询价、直播聊天和洽谈请求中看到徽章，并可将免费样品仅提供给已验证的采购商。',
      filter: '按验证状态筛选',
      filters: {
        all: '全部',
        verified: '已验证',
        unverified: '未验证',
      },
      search: '公司或电子邮箱',
      searchButton: '搜索',
      count_other: '{{count}} 家采购商公司',
      company: '公司',
      verification: '验证',
    },
    inbox: {
      label: '已验证采购商',
      verifiedOnly: '仅看已验证采购商',
      verifiedFirst: '已验证采购商优先',
    },
    samples: {
      setting: '免费样品仅限已验证采购商',
      settingHint: '样品免费时，只有经主办方或管理员验证的采购商可以订购。付费样品对所有采购商开放。',
      refused: '出口商仅向已验证的采购商提供本产品的免费样品。请联系您报名展会的主办方验证贵公司，或发送询价。',
      productNote: '免费样品仅限已验证采购商。',
      youAreNotVerified: '贵公司尚未验证。',
      youAreVerified: '贵公司已验证。',
    },
  },
}

export default buyerVerification

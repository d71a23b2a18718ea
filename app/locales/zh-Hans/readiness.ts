import type en from '../en/readiness'
import type { MessagesOf } from '../types'

const readiness: MessagesOf<typeof en, 'zh-Hans'> = {
  readiness: {
    disclaimer: '基于公开资料的指引，不构成法律意见。法规会变化：请核对每条来源，并在发货前与进口商、报关行或 KOTRA 确认。',
    status: {
      ready: '已具备出口条件',
      expiring: '发货前需续期',
      missing: '缺少要求',
      'not-covered': '暂无规则',
    },
    item: {
      held: '已持有',
      expiring: '发货日前到期',
      missing: '缺少',
      check: '需核对',
    },
    kind: {
      registration: '注册',
      certificate: '证书',
      notification: '申报',
      testing: '检测',
      labelling: '标签',
    },
    scope: { company: '适用于整个公司', product: '每个产品单独办理' },
    issuer: {
      regulator: '政府监管机构',
      'certification-body': '认证机构',
      'testing-lab': '认可检测实验室',
      'halal-authority': '清真认证机构',
      'local-agent': '当地代理或进口商',
      'chamber-of-commerce': '商会',
      'plant-quarantine': '植物检疫机构',
      'notified-body': '公告机构',
    },
    leadTime: '{{min}}–{{max}} 天',
    voucher: '可用出口代金券资助',
    source: '来源',
    checkedOn: '{{date}} 核对',
    notChecked: '来源尚未核对',
    heldDocument: '{{type}} {{number}}，有效期至 {{until}}',
    heldDocumentOpenEnded: '{{type}} {{number}}，无到期日',
    lapsedDocument: '{{type}} {{number}} 当前无效',
    shipDate: '预计发货日',
    marketLabel: '市场',
    blocs: { EU: '欧盟', GCC: '海湾合作委员会', EAEU: '欧亚经济联盟' },
    errors: {
      market: '请选择国家或经济区',
      hsPrefix: 'HS 前缀为 2 至 10 位数字',
      code: '请使用大写字母、数字和连字符，例如 US-FDA-FFR',
      documentType: '文件类型只能使用大写字母、数字、- 或 _',
      leadTime: '最短办理时间不能超过最长时间',
      exceptOutside: '豁免必须是所适用前缀之内的更长前缀',
    },
  },
}

export default readiness

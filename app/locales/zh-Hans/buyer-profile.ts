import type en from '../en/buyer-profile'
import type { MessagesOf } from '../types'

const buyerProfile: MessagesOf<typeof en, 'zh-Hans'> = {
  buyerProfile: {
    nav: '企业资料',
    navLabel: '采购商专区',
    title: '采购商资料',
    company: '公司',
    website: '网站',
    yearlyVolume: '年进口额',
    volumes: {
      UNDER_50K: '5 万美元以下',
      FROM_50K_TO_250K: '5 万 – 25 万美元',
      FROM_250K_TO_1M: '25 万 – 100 万美元',
      FROM_1M_TO_5M: '100 万 – 500 万美元',
      OVER_5M: '500 万美元以上',
    },
    interests: '采购需求',
    categories: '感兴趣的品类',
    hsChapters: '感兴趣的 HS 章节',
    hsChaptersHint: '您进口商品 HS 编码的前两位数字。',
    availability: '可洽谈时间与语言',
    hoursStart: '工作时间（开始）',
    hoursEnd: '工作时间（结束）',
    hoursHint: '出口商向您提议洽谈时，会看到按您所在时区显示的工作时间。',
    languages: '您使用的语言',
    saved: '采购商资料已保存。',
  },
}

export default buyerProfile

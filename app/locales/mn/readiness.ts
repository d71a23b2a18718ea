import type en from '../en/readiness'
import type { MessagesOf } from '../types'

const readiness: MessagesOf<typeof en, 'mn'> = {
  readiness: {
    disclaimer:
      'Нээлттэй эх сурвалжид тулгуурласан зөвлөмж бөгөөд хуулийн зөвлөгөө биш. Дүрэм өөрчлөгддөг тул эх сурвалж бүрийг шалгаж, ачилтаас өмнө импортлогч, гаалийн зуучлагч эсвэл KOTRA-аас лавлана уу.',
    status: {
      ready: 'Экспортод бэлэн',
      expiring: 'Ачилтаас өмнө сунгах',
      missing: 'Шаардлага дутуу',
      'not-covered': 'Бүртгэлтэй дүрэм алга',
    },
    item: {
      held: 'Байгаа',
      expiring: 'Ачих өдрөөс өмнө дуусна',
      missing: 'Байхгүй',
      check: 'Шалгах',
    },
    kind: {
      registration: 'Бүртгэл',
      certificate: 'Гэрчилгээ',
      notification: 'Мэдэгдэл',
      testing: 'Шинжилгээ',
      labelling: 'Шошго',
    },
    scope: { company: 'Компани бүхэлдээ', product: 'Бүтээгдэхүүн тус бүр' },
    issuer: {
      regulator: 'Төрийн зохицуулах байгууллага',
      'certification-body': 'Баталгаажуулалтын байгууллага',
      'testing-lab': 'Итгэмжлэгдсэн лаборатори',
      'halal-authority': 'Халал баталгаажуулах байгууллага',
      'local-agent': 'Орон нутгийн төлөөлөгч эсвэл импортлогч',
      'chamber-of-commerce': 'Худалдаа аж үйлдвэрийн танхим',
      'plant-quarantine': 'Ургамлын хорио цээрийн алба',
      'notified-body': 'Мэдэгдсэн байгууллага',
    },
    leadTime: '{{min}}–{{max}} хоног',
    voucher: 'Экспортын ваучераар санхүүжүүлж болно',
    source: 'Эх сурвалж',
    checkedOn: '{{date}}-нд шалгасан',
    notChecked: 'эх сурвалжийг хараахан шалгаагүй',
    heldDocument: '{{type}} {{number}}, {{until}} хүртэл хүчинтэй',
    heldDocumentOpenEnded: '{{type}} {{number}}, хугацаагүй',
    lapsedDocument: '{{type}} {{number}} одоо хүчингүй',
    shipDate: 'Ачих төлөвлөсөн өдөр',
    marketLabel: 'Зах зээл',
    blocs: { EU: 'Европын холбоо', GCC: 'Персийн булангийн орнууд (GCC)', EAEU: 'Евразийн эдийн засгийн холбоо' },
    errors: {
      market: 'Улс эсвэл холбоог сонгоно уу',
      hsPrefix: 'HS угтвар 2–10 оронтой тоо байна',
      code: 'Том үсэг, тоо, зураас ашиглана уу (жишээ нь US-FDA-FFR)',
      documentType: 'Баримтын төрөл: том үсэг, тоо, - эсвэл _',
      leadTime: 'Хамгийн богино хугацаа хамгийн урт хугацаанаас их байж болохгүй',
      exceptOutside: 'Чөлөөлөлт нь хамаарах угтвар дотор байх илүү урт угтвар байх ёстой',
    },
  },
}

export default readiness

// Each area keeps its messages in its own module per locale (en/<area>.ts, ko/<area>.ts);
// top-level keys are namespaces, so modules merge without clashes.
import enCore from './en/core'
import koCore from './ko/core'
import enCatalog from './en/catalog'
import koCatalog from './ko/catalog'
import enInquiries from './en/inquiries'
import koInquiries from './ko/inquiries'
import enNotifications from './en/notifications'
import koNotifications from './ko/notifications'

export const messages = {
  en: { ...enCore, ...enCatalog, ...enInquiries, ...enNotifications },
  ko: { ...koCore, ...koCatalog, ...koInquiries, ...koNotifications },
}

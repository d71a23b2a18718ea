// Each area keeps its messages in its own module per locale (en/<area>.ts, ko/<area>.ts);
// top-level keys are namespaces, so modules merge without clashes.
import enCore from './en/core'
import koCore from './ko/core'
import enNotifications from './en/notifications'
import koNotifications from './ko/notifications'

export const messages = {
  en: { ...enCore, ...enNotifications },
  ko: { ...koCore, ...koNotifications },
}

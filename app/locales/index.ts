// Each area keeps its messages in its own module per locale (en/<area>.ts, ko/<area>.ts);
// top-level keys are namespaces, so modules merge without clashes.
import enCore from './en/core'
import koCore from './ko/core'
import enCatalog from './en/catalog'
import koCatalog from './ko/catalog'
import enInquiries from './en/inquiries'
import koInquiries from './ko/inquiries'
import enLiveRoom from './en/live-room'
import koLiveRoom from './ko/live-room'
import enLiveMedia from './en/live-media'
import koLiveMedia from './ko/live-media'
import enNotifications from './en/notifications'
import koNotifications from './ko/notifications'
import enPayments from './en/payments'
import koPayments from './ko/payments'
import enFairs from './en/fairs'
import koFairs from './ko/fairs'
import enExporter from './en/exporter'
import koExporter from './ko/exporter'
import enBuyerProfile from './en/buyer-profile'
import koBuyerProfile from './ko/buyer-profile'
import enMeetings from './en/meetings'
import koMeetings from './ko/meetings'
import enAccount from './en/account'
import koAccount from './ko/account'
import enReplayAdmin from './en/replay-admin'
import koReplayAdmin from './ko/replay-admin'
import enReplayPage from './en/replay-page'
import koReplayPage from './ko/replay-page'
import enDirectory from './en/directory'
import koDirectory from './ko/directory'

export const messages = {
  en: {
    ...enCore,
    ...enCatalog,
    ...enInquiries,
    ...enLiveRoom,
    ...enLiveMedia,
    ...enNotifications,
    ...enPayments,
    ...enFairs,
    ...enExporter,
    ...enBuyerProfile,
    ...enMeetings,
    ...enAccount,
    ...enReplayAdmin,
    ...enReplayPage,
    ...enDirectory,
  },
  ko: {
    ...koCore,
    ...koCatalog,
    ...koInquiries,
    ...koLiveRoom,
    ...koLiveMedia,
    ...koNotifications,
    ...koPayments,
    ...koFairs,
    ...koExporter,
    ...koBuyerProfile,
    ...koMeetings,
    ...koAccount,
    ...koReplayAdmin,
    ...koReplayPage,
    ...koDirectory,
  },
}

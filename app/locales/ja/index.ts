// Every area's messages for this locale; top-level keys are namespaces, so modules merge without clashes.
import core from './core'
import scheduleRefill from './fair-schedule-refill'
import catalog from './catalog'
import inquiries from './inquiries'
import liveRoom from './live-room'
import liveMedia from './live-media'
import notifications from './notifications'
import payments from './payments'
import fairs from './fairs'
import exporter from './exporter'
import buyerProfile from './buyer-profile'
import meetings from './meetings'
import attendance from './attendance'
import account from './account'
import replayAdmin from './replay-admin'
import replayPage from './replay-page'
import directory from './directory'
import ingest from './ingest'
import embed from './embed'
import restream from './restream'
import readiness from './readiness'
import readinessExporter from './readiness-exporter'
import readinessBuyer from './readiness-buyer'
import readinessAdmin from './readiness-admin'
import buyerVerification from './buyer-verification'
import engagement from './engagement'
import leads from './leads'
import outcomes from './outcomes'
import staff from './staff'
import agency from './agency'
import consultations from './consultations'
import onSite from './on-site'
import studioBooking from './studio-booking'

export default {
  ...core,
  ...scheduleRefill,
  ...catalog,
  ...inquiries,
  ...liveRoom,
  ...liveMedia,
  ...notifications,
  ...payments,
  ...fairs,
  ...exporter,
  ...buyerProfile,
  ...meetings,
  ...attendance,
  ...account,
  ...replayAdmin,
  ...replayPage,
  ...directory,
  ...ingest,
  ...embed,
  ...restream,
  ...readiness,
  ...readinessExporter,
  ...readinessBuyer,
  ...readinessAdmin,
  ...buyerVerification,
  ...engagement,
  ...leads,
  ...outcomes,
  ...staff,
  ...agency,
  ...consultations,
  ...onSite,
  ...studioBooking,
}

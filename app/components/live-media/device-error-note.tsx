import { useTranslation } from 'react-i18next'
import type { DeviceFailure } from '~/media/local-media'

/** Why the camera, microphone or screen could not be used, and what to do about it. */
export function DeviceErrorNote({ failure }: { failure: DeviceFailure }) {
  const { t } = useTranslation()
  return (
    <p role="alert" className="text-sm text-red-700">
      {t(`liveMedia.deviceErrors.${failure}`)}
    </p>
  )
}

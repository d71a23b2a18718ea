import { Device, type types } from 'mediasoup-client'

/** A mediasoup-client Device loaded with the room's capabilities; falls back to the Chrome handler. */
export async function loadDevice(routerRtpCapabilities: types.RtpCapabilities): Promise<Device> {
  let device: Device
  try {
    device = new Device()
  } catch {
    // Headless or embedded Chromium user agents are not always recognised.
    device = new Device({ handlerName: 'Chrome111' })
  }
  await device.load({ routerRtpCapabilities })
  return device
}

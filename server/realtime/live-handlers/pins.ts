import { getMessageView } from '../../../app/domain/live/chat.server.ts'
import { pinMessage } from '../../../app/domain/live/moderation.server.ts'
import { listPinnedProducts, setProductPinned } from '../../../app/domain/live/pinned-products.server.ts'
import { actorId, type LiveContext, type LiveHandlers, readerLocale, readerLocaleOf } from './context.ts'

/** The pinned chat message and the products on screen. */
export function pinHandlers(context: LiveContext): LiveHandlers {
  return {
    'chat:pin': async (socket, input) => {
      const { room, identity } = await context.roomFor(socket, input.sessionId)
      await pinMessage(room, actorId(identity), input.messageId)
      context.toRoom(input.sessionId).emit('chat:pinned', { message: input.messageId ? await getMessageView(input.sessionId, input.messageId) : null })
      return {}
    },

    'products:pin': async (socket, input) => {
      const { room, identity } = await context.roomFor(socket, input.sessionId)
      await setProductPinned(room, actorId(identity), input.productId, input.pinned)
      // Each viewer gets the cards in their own language (built once per language present, on every process).
      const byLocale = await context.productsChanged(input.sessionId)
      const locale = readerLocaleOf(socket, input.sessionId) ?? readerLocale(undefined, identity)
      return { products: byLocale.get(locale) ?? (await listPinnedProducts(input.sessionId, locale)) }
    },
  }
}

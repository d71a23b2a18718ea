// One folder per locale, one module per area inside it (en/<area>.ts is the reference; the others are
// typed against it with `MessagesOf`).
import en from './en'
import ko from './ko'
import zhHans from './zh-Hans'
import ja from './ja'
import ru from './ru'
import mn from './mn'

export const messages = { en, ko, 'zh-Hans': zhHans, ja, ru, mn }

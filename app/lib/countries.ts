// ISO 3166-1 alpha-2 codes; names come from Intl.DisplayNames in the reader's language.
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ')

const COUNTRY_SET = new Set(COUNTRY_CODES)

export function isCountryCode(value: string): boolean {
  return COUNTRY_SET.has(value)
}

// Chromium patches a few region names in its ICU data ("Hong Kong" where Node says "Hong Kong SAR
// China"), so server and browser would render different text and React's hydration would fail.
// These names are fixed here for both sides; all other names were checked to agree (en, ko).
const NAME_OVERRIDES: Record<string, Record<string, string>> = {
  en: { FK: 'Falkland Islands', HK: 'Hong Kong', MO: 'Macao', PS: 'Palestine' },
  ko: { FK: '포클랜드 제도', HK: '홍콩', MO: '마카오', PS: '팔레스타인' },
}

function displayName(names: Intl.DisplayNames | null, code: string, locale: string): string {
  return NAME_OVERRIDES[locale]?.[code] ?? names?.of(code) ?? code
}

function regionNames(locale: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' })
  } catch {
    return null
  }
}

export function countryName(code: string, locale: string): string {
  return displayName(regionNames(locale), code, locale)
}

export function countryOptions(locale: string): Array<{ value: string; label: string }> {
  const names = regionNames(locale)
  return COUNTRY_CODES.map((code) => ({ value: code, label: displayName(names, code, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale))
}

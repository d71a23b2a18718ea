import { describe, expect, it } from 'vitest'
import { createI18n } from '~/lib/i18n'
import { certificationMarketLabel, certificationTypeLabel } from './certification-labels'

describe('certification labels', () => {
  it('name a certification’s type and market in the reader’s language, never by its codes', () => {
    const { t } = createI18n('ko')
    expect(certificationTypeLabel(t, 'HALAL')).toBe(createI18n('ko').t('exporter.certifications.types.HALAL'))
    expect(certificationTypeLabel(t, 'HALAL')).not.toBe('HALAL')
    // A type outside the list (seeded TTB-COLA, the US alcohol label approval) is a name: shown as written, never looked up.
    expect(certificationTypeLabel(t, 'TTB-COLA')).toBe('TTB-COLA')
    expect(certificationMarketLabel(t, 'MY', 'ko')).toBe('말레이시아')
    expect(certificationMarketLabel(t, 'EU', 'ko')).toMatch(/유럽/)
    expect(certificationMarketLabel(t, 'GLOBAL', 'ko')).not.toBe('GLOBAL')
    expect(certificationMarketLabel(createI18n('mn').t, 'MY', 'mn')).toBe('Малайз')
  })
})

// Export readiness, shared by every view: statuses, requirement kinds, issuer types, the disclaimer.
const readiness = {
  readiness: {
    disclaimer:
      'Guidance from public sources, not legal advice. Rules change: check each source, and confirm with the importer, a customs broker or KOTRA before you ship.',
    status: {
      ready: 'Ready',
      expiring: 'Renew before shipping',
      missing: 'Missing requirements',
      'not-covered': 'No rules on file',
    },
    item: {
      held: 'Held',
      expiring: 'Expires before the ship date',
      missing: 'Missing',
      check: 'To check',
    },
    kind: {
      registration: 'Registration',
      certificate: 'Certificate',
      notification: 'Notification',
      testing: 'Testing',
      labelling: 'Labelling',
    },
    scope: { company: 'For the whole company', product: 'For each product' },
    issuer: {
      regulator: 'Government regulator',
      'certification-body': 'Certification body',
      'testing-lab': 'Accredited testing laboratory',
      'halal-authority': 'Halal authority',
      'local-agent': 'Local agent or importer',
      'chamber-of-commerce': 'Chamber of commerce',
      'plant-quarantine': 'Plant quarantine service',
      'notified-body': 'Notified body',
    },
    leadTime: '{{min}}–{{max}} days',
    voucher: 'Export vouchers can fund it',
    source: 'Source',
    checkedOn: 'checked {{date}}',
    notChecked: 'source not yet checked',
    heldDocument: '{{type}} {{number}}, valid until {{until}}',
    heldDocumentOpenEnded: '{{type}} {{number}}, no expiry',
    lapsedDocument: '{{type}} {{number}} is not valid now',
    shipDate: 'Expected ship date',
    marketLabel: 'Market',
    blocs: { EU: 'European Union', GCC: 'Gulf states (GCC)', EAEU: 'Eurasian Economic Union' },
    errors: {
      market: 'Choose a country or bloc',
      hsPrefix: 'HS prefixes are 2 to 10 digits',
      code: 'Use capital letters, digits and hyphens, e.g. US-FDA-FFR',
      documentType: 'Document types use capital letters, digits, - or _',
      leadTime: 'The shortest processing time cannot exceed the longest',
      exceptOutside: 'An exemption must be a longer prefix inside one of the prefixes it applies to',
    },
  },
}

export default readiness

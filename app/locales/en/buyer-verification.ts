// Verified buyers (docs/verified-buyers.md): the badge, the verify/revoke forms, the admin's buyers list,
// the exporter's inbox filter and the free-sample restriction.
const buyerVerification = {
  buyerVerification: {
    badge: {
      label: 'Verified buyer',
      description: 'Verified by {{name}} on {{date}} ({{method}})',
      descriptionWithoutName: 'Verified on {{date}} ({{method}})',
    },
    method: {
      DOCUMENTS: 'company documents seen',
      TRADE_REFERENCE: 'trade reference',
      OTHER: 'other check',
    },
    column: 'Buyer verification',
    notVerified: 'Not verified',
    verifiedElsewhere: 'Verified by a platform admin or through another fair: only they can change or revoke it.',
    verifyName: 'Verify {{name}}',
    reverifyName: 'Verify {{name}} again',
    revokeName: 'Revoke the verification of {{name}}',
    methodLabel: 'How was the company checked?',
    noteLabel: 'Which documents or which reference',
    noteHint: 'For example: business registration and import licence seen; or the reference who vouched for the company.',
    verify: 'Verify buyer',
    revoke: 'Revoke',
    revokeReason: 'Why is the verification revoked?',
    history: 'Verification history',
    historyVerified: 'Verified by {{name}} ({{method}})',
    historyRevoked: 'Revoked by {{name}}',
    errors: {
      note: 'Write which documents or reference (or why), at least 3 characters.',
      method: 'Choose how the company was checked.',
      notVerified: 'This buyer is not verified: there is nothing to revoke.',
      conflict: 'Someone else changed this verification at the same time. Reload and try again.',
      notYourVerification: 'This verification was made by a platform admin or through another fair: only they can change or revoke it.',
    },
    toast: {
      verified: 'Buyer verified.',
      revoked: 'Verification revoked.',
    },
    admin: {
      nav: 'Buyers',
      title: 'Buyer companies',
      intro:
        'Verify a buyer company after you have seen its documents or confirmed a trade reference. Exporters see the badge on RFQs, in the live chat and on meeting requests, and may keep free samples for verified buyers.',
      filter: 'Filter by verification',
      filters: {
        all: 'All',
        verified: 'Verified',
        unverified: 'Not verified',
      },
      search: 'Company or e-mail',
      searchButton: 'Search',
      count_one: '{{count}} buyer company',
      count_other: '{{count}} buyer companies',
      company: 'Company',
      verification: 'Verification',
    },
    inbox: {
      label: 'Verified buyers',
      verifiedOnly: 'Verified buyers only',
      verifiedFirst: 'Verified buyers first',
    },
    samples: {
      setting: 'Free samples for verified buyers only',
      settingHint: 'When the sample is free, only buyers an organizer or admin has verified can order it. Priced samples stay open to every buyer.',
      refused:
        'The exporter sends free samples of this product to verified buyers only. Ask the organizer of a fair you registered for to verify your company, or send an RFQ.',
      productNote: 'Free samples for verified buyers only.',
      youAreNotVerified: 'Your company is not verified yet.',
      youAreVerified: 'Your company is verified.',
    },
  },
}

export default buyerVerification

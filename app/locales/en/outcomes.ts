// Outcome stages of a deal (issue 21): the exporter's stage form, the stage timeline, the KPI funnel and its definitions.
const outcomes = {
  outcomes: {
    moveTo: 'Move to stage',
    move: 'Update stage',
    optional: '(optional)',
    date: 'Date reached (default today)',
    convertedHint: 'Enter it in any currency: it is stored in USD at the exchange rate valid on that date.',
    timeline: 'Outcome stages reached',
    lostBecause: 'Lost: {{reason}}',
    valueOf: {
      QUOTE: 'Quote value',
      LOI: 'Letter of intent value',
      CONTRACT_SIGNED: 'Contract value',
      SHIPPED: 'Shipped value',
    },
    errors: {
      invalidTransition: 'This deal cannot move to that stage from where it is.',
      valueRequired: 'Enter the value of this stage.',
      valueInvalid: 'Enter an amount of 0 or more.',
      valueNotUsed: 'This stage has no value; leave the amount empty.',
      dateInvalid: 'Enter a valid date.',
      dateInFuture: 'The date cannot be in the future.',
      dateBeforePrevious: 'The date cannot be before the deal reached its current stage.',
      noRate: 'There is no exchange rate for this currency on that date yet. Enter the value in USD, or ask an administrator to add the rate.',
    },
    funnel: {
      title: 'Outcome stages',
      stage: 'Stage',
      reached: 'Reached',
      current: 'Now at this stage',
      value: 'Value now at this stage (USD)',
      pursued: 'Contracts being pursued (expected)',
      signed: 'Contracts signed',
      shipped: 'Shipped',
      lost: 'Lost',
      deals_one: '{{count}} deal',
      deals_other: '{{count}} deals',
      fromMeetings: 'including {{value}} expected after meetings',
      chartSummary: '{{stage}}: {{count}} reached',
    },
    definitions: {
      title: 'How these figures are counted',
      deal: 'A deal is a consultation: an inquiry of this fair, or a meeting held. A held meeting stands at Consultation, or at Contract signed once it records a contract value.',
      reached: 'Reached: deals at that stage or further, including lost deals that had got that far.',
      value:
        'Value: consultation value at Consultation, the quote at Quote and Sample, the letter of intent at LOI, the contract at Contract signed, the invoiced shipment at Shipped — all in USD at the rate valid on the stage’s date.',
      pursued: 'Being pursued: deals now at Quote, Sample or LOI, plus held meetings’ expected contract values. Expected, not signed.',
      signed: 'Signed: deals now at Contract signed or Shipped, with their contract values.',
      shipped: 'Shipped: deals now at Shipped, with their shipped values. Lost deals add to no value.',
    },
    export: {
      pursuedValue: 'Value being pursued (USD)',
      shippedValue: 'Shipped value (USD)',
    },
  },
}
export default outcomes

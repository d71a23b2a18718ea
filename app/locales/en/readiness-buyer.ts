// Export readiness: buyer side (issue 22).
const readinessBuyer = {
  readinessBuyer: {
    filterLegend: 'Ready for a market',
    market: 'Market',
    otherMarket: 'Another market',
    anyMarket: 'Any market',
    readyFor: 'Ready for {{market}}',
    readyForYourMarket: 'Ready for your market ({{market}})',
    filterApplied: 'Showing products that hold every requirement on file for {{market}}.',
    directoryHint: 'Only showcases featuring a product that holds every requirement on file for {{country}} (valid today).',
    notCovered: 'No requirements on file for {{market}} yet, so the readiness filter is not applied.',
    product: {
      title: 'Readiness for {{market}}',
      chooseMarket: 'Market',
      show: 'Show',
      held: 'Held',
      missing: 'Missing',
      expiring: 'Expires before shipping',
      checks: 'Also to check',
      none: 'No document requirements on file for this product there.',
      notCovered: 'No requirements on file for {{market}} yet.',
    },
    gap: {
      title: 'Readiness for the buyer’s market: {{market}}',
      intro: 'Before you quote: what this product holds and lacks for {{market}}, on the expected ship date {{date}}.',
      missing: 'Missing',
      expiring: 'Expires before the ship date',
      allHeld: 'Every requirement on file is held.',
      fix: 'Add the documents in the product’s readiness section',
      noProduct: 'This inquiry names no product, so there is no readiness to show.',
    },
  },
}

export default readinessBuyer

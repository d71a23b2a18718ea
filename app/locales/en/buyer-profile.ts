const buyerProfile = {
  buyerProfile: {
    nav: 'Profile',
    navLabel: 'Buyer area',
    title: 'Buyer profile',
    company: 'Company',
    website: 'Website',
    yearlyVolume: 'Yearly import volume',
    volumes: {
      UNDER_50K: 'Under US$50k',
      FROM_50K_TO_250K: 'US$50k – 250k',
      FROM_250K_TO_1M: 'US$250k – 1M',
      FROM_1M_TO_5M: 'US$1M – 5M',
      OVER_5M: 'Over US$5M',
    },
    interests: 'What you source',
    categories: 'Categories of interest',
    hsChapters: 'HS chapters of interest',
    hsChaptersHint: 'The first two digits of the HS codes you import.',
    availability: 'Availability and languages',
    hoursStart: 'Business hours from',
    hoursEnd: 'Business hours until',
    hoursHint: 'Exporters see your business hours in your time zone when they propose meetings.',
    languages: 'Languages you speak',
    saved: 'Your buyer profile is saved.',
  },
}
export default buyerProfile

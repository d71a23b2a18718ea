const notifications = {
  notifications: {
    title: 'Notifications',
    markAllRead: 'Mark all as read',
    empty: 'No notifications yet.',
    unread_one: '{{count}} unread notification',
    unread_other: '{{count}} unread notifications',
    'inquiry.created': { title: 'New inquiry from {{buyer}}', body: '{{buyer}} ({{country}}) asked about {{product}}: {{quantity}}.' },
    'inquiry.message': { title: 'New message from {{author}}', body: '{{author}} wrote about inquiry {{product}}.' },
    'inquiry.status': { title: 'Inquiry {{product}}: $t(status.{{status}})', body: 'The inquiry about {{product}} moved to “$t(status.{{status}})”.' },
    'inquiry.quote': { title: 'Quote received for {{product}}', body: '{{company}} quoted {{price}} per unit for {{product}}, valid until {{validUntil}}.' },
    'invitation.created': { title: 'Join {{company}} on Tradecast', body: '{{inviter}} invited you to join {{company}} on Tradecast.' },
    'meeting.requested': { title: 'Meeting request from {{from}}', body: '{{from}} proposed a meeting on {{when}}.' },
    'meeting.updated': { title: 'Meeting with {{with}}: $t(status.{{status}})', body: 'Your meeting with {{with}} is now “$t(status.{{status}})”.' },
    'meeting.confirm': {
      title: 'Please confirm: meeting with {{with}}',
      body: "Your meeting with {{with}} is on {{when}}. Please confirm you will attend, or say you can't make it.",
    },
    'meeting.expired': {
      title: 'Meeting request expired: {{with}}',
      body: 'Nobody answered the meeting request with {{with}} for {{when}} in time, so it expired. You can ask for another time.',
    },
    'meeting.cantMakeIt': {
      title: "{{with}} can't make it",
      body: "{{with}} can't make it to the meeting on {{when}}, so it is cancelled. You can reschedule it in one click.",
    },
    'meeting.seatHandedBack': {
      title: 'The meeting with {{with}} is yours now',
      body: '{{agency}} no longer handles your company’s meetings, so its seat in the meeting with {{with}} on {{when}} passed to you: you host its room and get its calendar file. The buyer and the time stay the same.',
    },
    'meeting.seatPassedOn': {
      title: 'The meeting with {{with}} is yours now',
      body: '{{member}} no longer works for {{agency}}, so their seat in the meeting with {{with}} on {{when}} passed to you: you host its room and get its calendar file. The buyer and the time stay the same.',
    },
    'meeting.hostChanged': {
      title: '{{company}}: {{host}} hosts your meeting now',
      body: '{{host}} now hosts your meeting with {{company}} on {{when}}. The time and the room stay the same; a calendar file downloaded again names the new host.',
    },
    'session.starting': { title: '{{title}} starts soon', body: '{{title}} by {{company}} starts at {{when}}.' },
    'showcase.reminder24h': { title: 'In 24 hours: {{title}}', body: '{{title}} by {{company}} starts {{when}}.' },
    'showcase.reminder10m': { title: '{{title}} starts in 10 minutes', body: '{{title}} by {{company}} starts {{when}}.' },
    'showcase.live': { title: '{{title}} is live now', body: '{{company}} is live now: {{title}} (planned for {{when}}).' },
    'order.updated': { title: 'Order {{order}}: $t(status.{{status}})', body: 'Your order {{order}} is now “$t(status.{{status}})”.' },
    'consultation.requested': {
      title: 'Consultation booked by {{from}}',
      body: '{{from}} booked a consultation about {{market}} on {{when}}. Please confirm it.',
    },
    'consultation.updated': {
      title: 'Consultation with {{with}}: $t(consultations.status.{{status}})',
      body: 'Your consultation with {{with}} on {{when}} is now “$t(consultations.status.{{status}})”.',
    },
    'consultation.reminder': {
      title: 'Consultation with {{with}} starts soon',
      body: 'Your consultation with {{with}} starts at {{when}}. The video room opens 10 minutes before.',
    },
    'registration.decided': { title: '{{fair}}: registration $t(status.{{status}})', body: 'Your registration for {{fair}} is now “$t(status.{{status}})”.' },
    'studio.requested': { title: 'Studio request: {{showcase}}', body: 'A studio slot was requested for {{showcase}} on {{startsAt}}.' },
    'studio.approved': {
      title: 'Studio booked: {{showcase}}',
      body: '{{studio}} approved your studio slot for {{showcase}} on {{startsAt}}. Interpreter: {{interpreter}}.',
    },
    'studio.declined': {
      title: 'Studio request declined: {{showcase}}',
      body: '{{studio}} declined the studio slot for {{showcase}} on {{startsAt}}: {{reason}}',
    },
    'studio.cancelled': {
      title: 'Studio booking called off: {{showcase}}',
      body: '{{studio}} called off the studio slot for {{showcase}} on {{startsAt}}: {{reason}}',
    },
  },
}
export default notifications

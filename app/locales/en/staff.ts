// Hub staff accounts (/admin/staff, docs/hub-staff.md).
const staff = {
  staff: {
    title: 'Hub staff accounts',
    intro:
      'The people who run the hub get their account here: organizers, studio operators, trade officers and export agency members. Each receives a mail with a link to set a password. Exporters and buyers sign up themselves.',
    nav: 'Staff',
    create: 'New staff account',
    name: 'Name',
    email: 'Email',
    role: 'Role',
    locale: 'Language of the invitation',
    createButton: 'Create and send invitation',
    creating: 'Creating…',
    listTitle: 'Staff accounts',
    none: 'No staff accounts yet.',
    state: 'State',
    created: 'Created',
    actions: 'Actions',
    resend: 'Send a new invitation to {{name}}',
    states: {
      active: 'Active',
      invited: 'Invitation sent',
      'invitation-expired': 'Invitation expired',
    },
    toast: {
      created: 'The account is created and its invitation is on its way.',
      resent: 'A new invitation is on its way; the previous link no longer works.',
    },
    errors: {
      emailTaken: 'An account with this email already exists.',
      notInvitable: 'This account already has a password or is not a staff account.',
    },
    mail: {
      subject: 'Your Tradecast account',
      body: '{{admin}} created a Tradecast account for you as {{role}}. Set your password within {{days}} days with this link:',
      ignore: 'If you did not expect this mail, ignore it; no one can sign in without the password you choose.',
    },
  },
}

export default staff

// Trade-officer consultations in the demo (docs/consultations.md): three officers of overseas offices with
// weekly hours in their own zones — KOTRA Ulaanbaatar (officer@tradecast.dev, the demo password), Almaty and
// Tokyo — and the demo exporter's earlier consultations, one held with notes and follow-up tasks, so
// /advisor, /exporter/consultations and /organizer/consultations show something on the first start.
import type { Prisma } from '../../app/generated/prisma/client.ts'
import { DEMO_ACCOUNTS } from './buyers.ts'
import { zonedAt } from './util.ts'

export const TRADE_OFFICER_EMAIL = 'officer@tradecast.dev'

const WEEKDAYS = [1, 2, 3, 4, 5]

const OFFICERS = [
  {
    email: TRADE_OFFICER_EMAIL,
    name: 'Batbayar Dorj',
    locale: 'en',
    officeName: 'KOTRA Ulaanbaatar',
    timeZone: 'Asia/Ulaanbaatar',
    markets: ['MN'],
    languages: ['mn', 'ko', 'en', 'ru'],
    hours: WEEKDAYS.map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    bio: 'Market entry, food registration with MASM and distributors in Ulaanbaatar and Darkhan.',
  },
  {
    email: 'almaty.officer@tradecast.dev',
    name: 'Aigerim Nurlanovna',
    locale: 'ru',
    officeName: 'KOTRA Almaty',
    timeZone: 'Asia/Almaty',
    markets: ['KZ', 'KG', 'UZ'],
    languages: ['ru', 'ko', 'en'],
    hours: [1, 2, 3, 4].map((weekday) => ({ weekday, start: '10:00', end: '16:00' })),
    bio: 'EAEU certification (EAC), customs and logistics through Khorgos.',
  },
  {
    email: 'tokyo.officer@tradecast.dev',
    name: 'Sato Yui',
    locale: 'ja',
    officeName: 'KOTRA Tokyo',
    timeZone: 'Asia/Tokyo',
    markets: ['JP'],
    languages: ['ja', 'ko', 'en'],
    hours: [2, 4].map((weekday) => ({ weekday, start: '13:00', end: '17:00' })),
    bio: 'Food labelling, pricing for Japanese retail and importer introductions.',
  },
] as const

export async function seedConsultations(tx: Prisma.TransactionClient, { now, passwordHash }: { now: Date; passwordHash: string }) {
  const profiles: Array<{ id: string; userId: string; timeZone: string }> = []
  for (const officer of OFFICERS) {
    const user = await tx.user.create({
      data: {
        email: officer.email,
        name: officer.name,
        role: 'TRADE_OFFICER',
        locale: officer.locale,
        timeZone: officer.timeZone,
        password: { create: { hash: passwordHash } },
        tradeOfficerProfile: {
          create: {
            officeName: officer.officeName,
            markets: [...officer.markets],
            languages: [...officer.languages],
            timeZone: officer.timeZone,
            slotMinutes: 30,
            bio: officer.bio,
            hours: { create: officer.hours.map((day) => ({ ...day })) },
          },
        },
      },
      select: { id: true, tradeOfficerProfile: { select: { id: true } } },
    })
    if (user.tradeOfficerProfile) profiles.push({ id: user.tradeOfficerProfile.id, userId: user.id, timeZone: officer.timeZone })
  }

  const exporter = await tx.user.findUnique({
    where: { email: DEMO_ACCOUNTS.exporter },
    select: { id: true, exporterMember: { select: { companyId: true } } },
  })
  const companyId = exporter?.exporterMember?.companyId
  if (!exporter || !companyId) return { officers: profiles.length, consultations: 0 }
  const products = await tx.product.findMany({ where: { companyId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 2, select: { id: true } })
  const [ulaanbaatar, almaty, tokyo] = profiles as [(typeof profiles)[0], (typeof profiles)[0], (typeof profiles)[0]]

  // Earlier consultations (in each officer's hours, whole days back so they stay on weekdays' wall clock).
  const past = [
    {
      officer: ulaanbaatar,
      market: 'MN',
      topic: 'CERTIFICATION' as const,
      startsAt: zonedAt(now, -14, '10:00', ulaanbaatar.timeZone),
      status: 'HELD' as const,
      question: 'What does MASM need to register our buckwheat noodles, and how long does it take?',
      advisorNotes:
        'Registration with MASM (Mongolian Agency for Standardization and Metrology) takes about 6–8 weeks. Have the Korean HACCP certificate and a Mongolian label draft ready; an importer of record files the application.',
      tasks: [
        { title: 'Send the HACCP certificate and label draft to the importer', dueDays: -7, done: true },
        { title: 'Ask two Ulaanbaatar distributors for a price list', dueDays: 7, done: false },
      ],
    },
    {
      officer: almaty,
      market: 'KZ',
      topic: 'LOGISTICS' as const,
      startsAt: zonedAt(now, -21, '11:00', almaty.timeZone),
      status: 'HELD' as const,
      question: 'Rail or road to Almaty for chilled goods?',
      advisorNotes: 'Road via Khorgos for chilled goods; rail only for dry goods in full containers.',
      tasks: [],
    },
    {
      officer: tokyo,
      market: 'JP',
      topic: 'PRICING' as const,
      startsAt: zonedAt(now, -10, '14:00', tokyo.timeZone),
      status: 'NO_SHOW' as const,
      question: 'Retail price points for premium buckwheat tea in Tokyo supermarkets?',
      advisorNotes: '',
      tasks: [],
    },
  ]
  for (const item of past) {
    await tx.consultation.create({
      data: {
        officerId: item.officer.id,
        requesterId: exporter.id,
        companyId,
        market: item.market,
        topic: item.topic,
        question: item.question,
        startsAt: item.startsAt,
        endsAt: new Date(item.startsAt.getTime() + 30 * 60_000),
        status: item.status,
        advisorNotes: item.advisorNotes,
        confirmedAt: new Date(item.startsAt.getTime() - 3 * 86_400_000),
        ...(item.status === 'HELD' ? { officerJoinedAt: item.startsAt, requesterJoinedAt: item.startsAt } : {}),
        products: { create: products.slice(0, 1).map((product) => ({ productId: product.id })) },
        tasks: {
          create: item.tasks.map((task) => ({
            title: task.title,
            dueOn: new Date(`${zonedAt(now, task.dueDays, '12:00', 'UTC').toISOString().slice(0, 10)}T00:00:00Z`),
            doneAt: task.done ? new Date(now.getTime() - 8 * 86_400_000) : null,
          })),
        },
      },
    })
  }
  return { officers: profiles.length, consultations: past.length }
}

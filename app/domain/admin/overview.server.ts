import { getPrisma } from '~/domain/db.server'

export async function getAdminOverview() {
  const prisma = await getPrisma()
  const [byRole, newest] = await Promise.all([
    prisma.user.groupBy({ by: ['role'], _count: { _all: true } }),
    prisma.user.findMany({
      orderBy: { createdAt: 'desc' },
      take: 10,
      select: { id: true, name: true, email: true, role: true, createdAt: true },
    }),
  ])
  return {
    usersByRole: byRole.map((row) => ({ role: row.role, count: row._count._all })),
    newestUsers: newest.map((user) => ({ ...user, createdAt: user.createdAt.toISOString() })),
  }
}

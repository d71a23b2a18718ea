-- AlterEnum: the people who run the hub (issue 23)
ALTER TYPE "Role" ADD VALUE 'STUDIO_OPERATOR';
ALTER TYPE "Role" ADD VALUE 'TRADE_OFFICER';
ALTER TYPE "Role" ADD VALUE 'AGENCY';

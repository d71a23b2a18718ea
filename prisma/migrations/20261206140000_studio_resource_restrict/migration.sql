-- A studio booking's holds are its record of what it used (docs/studio-booking.md): deleting a held resource is
-- refused instead of silently erasing them (the operator deactivates it instead).
-- DropForeignKey
ALTER TABLE "StudioBookingResource" DROP CONSTRAINT "StudioBookingResource_resourceId_fkey";

-- AddForeignKey
ALTER TABLE "StudioBookingResource" ADD CONSTRAINT "StudioBookingResource_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "StudioResource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

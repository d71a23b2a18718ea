-- The room's audience figure (people in the room now, as the room header shows it), published by the
-- realtime server when it changes, so the /live directory shows the same number as the room.
ALTER TABLE "LiveSession" ADD COLUMN "audienceNow" INTEGER NOT NULL DEFAULT 0;

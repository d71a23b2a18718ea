-- "Not chosen" becomes NULL instead of the old default 'UTC', so a person who picks UTC sees UTC.
-- Until now every 'UTC' was read as "not chosen" (pages showed the browser's zone), so mapping those
-- rows to NULL keeps what each of them sees today; someone who picked UTC since it became selectable
-- picks it once more. Every other zone was an explicit choice and stays.
ALTER TABLE "User" ALTER COLUMN "timeZone" DROP DEFAULT;
ALTER TABLE "User" ALTER COLUMN "timeZone" DROP NOT NULL;
UPDATE "User" SET "timeZone" = NULL WHERE "timeZone" = 'UTC';

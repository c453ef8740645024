-- Migration 8: the customer's own notes (备注) and the date its dossier was filed (建档日期),
-- which a user's spreadsheet often carries; existing dossiers were filed when kehu created them.
-- Frozen: never edit; add a new migration instead.
ALTER TABLE "customer" ADD COLUMN "filed_on" TEXT COLLATE "C";
ALTER TABLE "customer" ADD COLUMN "notes" TEXT COLLATE "C";
UPDATE "customer" SET "filed_on" = substr("created_at", 1, 10);

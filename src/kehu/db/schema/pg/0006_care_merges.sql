-- Migration 6: merges of duplicate customers (undoable), the stored completeness of a dossier,
-- lunar birthdays of key persons and a visit cadence per category (care by grade).
-- Frozen: never edit; add a new migration instead.
CREATE TABLE "customer_merge" ("id" BIGSERIAL PRIMARY KEY, "kept_id" BIGINT NOT NULL, "merged_id" BIGINT NOT NULL, "user_id" BIGINT, "merged_at" TEXT COLLATE "C" NOT NULL, "undone_at" TEXT COLLATE "C", "undone_by_id" BIGINT, "before" TEXT COLLATE "C" NOT NULL, FOREIGN KEY ("kept_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("merged_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE SET NULL, FOREIGN KEY ("undone_by_id") REFERENCES "user" ("id") ON DELETE SET NULL);
CREATE INDEX "customer_merge_kept_id" ON "customer_merge" ("kept_id");
CREATE INDEX "customer_merge_merged_id" ON "customer_merge" ("merged_id");
ALTER TABLE "customer" ADD COLUMN "completeness" BIGINT;
CREATE INDEX "customer_completeness" ON "customer" ("completeness");
ALTER TABLE "key_person" ADD COLUMN "birthday_lunar" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "category" ADD COLUMN "visit_days" BIGINT;
UPDATE "category" SET "visit_days" = CASE "position" WHEN 0 THEN 7 WHEN 1 THEN 14 WHEN 2 THEN 30 END WHERE "parent_id" IS NULL AND "scheme_id" IN (SELECT "id" FROM "scheme" WHERE "key" = 'grade');

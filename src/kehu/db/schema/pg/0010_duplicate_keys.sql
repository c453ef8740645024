-- Schema 10: what the duplicate scan compares of each customer (kehu.core.duplicate_keys), kept
-- with the search keys (kehu.db.search_index), so that a scan reads keys instead of computing
-- them and the check while a name is typed finds cores by their beginning or, reversed, by
-- their end (a name typed without the district in front: 恒通商贸 for 天河恒通商贸).
-- Created empty: the keys of an upgraded file are computed when it is opened
-- (kehu.services.workspace), and by repair.
CREATE TABLE "duplicate_key" ("id" BIGSERIAL PRIMARY KEY, "core" TEXT COLLATE "C" NOT NULL, "short" TEXT COLLATE "C", "core_hash" BIGINT NOT NULL, "uscc" BIGINT NOT NULL, "phone" BIGINT NOT NULL, "local" BIGINT NOT NULL, "short_phone" BIGINT NOT NULL, "address" BIGINT NOT NULL, "core_reversed" TEXT COLLATE "C" NOT NULL);
CREATE INDEX "duplicate_key_core" ON "duplicate_key" ("core");
CREATE INDEX "duplicate_key_core_reversed" ON "duplicate_key" ("core_reversed");

-- Migration 3: import change log (undo) and pending reviews of customer-filled forms.
-- Frozen: never edit; add a new migration instead.
CREATE TABLE "import_change" ("id" BIGSERIAL PRIMARY KEY, "batch_id" BIGINT NOT NULL, "entity" TEXT COLLATE "C" NOT NULL, "entity_id" BIGINT NOT NULL, "action" TEXT COLLATE "C" NOT NULL, "before" TEXT COLLATE "C", "after_version" BIGINT, FOREIGN KEY ("batch_id") REFERENCES "import_batch" ("id") ON DELETE CASCADE);
CREATE INDEX "import_change_batch_id" ON "import_change" ("batch_id");
CREATE INDEX "import_change_entity_entity_id" ON "import_change" ("entity", "entity_id");
CREATE TABLE "pending_review" ("id" BIGSERIAL PRIMARY KEY, "customer_id" BIGINT, "batch_id" BIGINT, "source" TEXT COLLATE "C" NOT NULL, "status" TEXT COLLATE "C" NOT NULL, "base_version" BIGINT, "label" TEXT COLLATE "C", "created_by_id" BIGINT, "created_at" TEXT COLLATE "C" NOT NULL, "decided_by_id" BIGINT, "decided_at" TEXT COLLATE "C", FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("batch_id") REFERENCES "import_batch" ("id") ON DELETE SET NULL, FOREIGN KEY ("created_by_id") REFERENCES "user" ("id") ON DELETE SET NULL, FOREIGN KEY ("decided_by_id") REFERENCES "user" ("id") ON DELETE SET NULL);
CREATE INDEX "pending_review_customer_id" ON "pending_review" ("customer_id");
CREATE INDEX "pending_review_batch_id" ON "pending_review" ("batch_id");
CREATE INDEX "pending_review_status" ON "pending_review" ("status");
CREATE INDEX "pending_review_decided_by_id" ON "pending_review" ("decided_by_id");
CREATE TABLE "pending_review_item" ("id" BIGSERIAL PRIMARY KEY, "review_id" BIGINT NOT NULL, "field" TEXT COLLATE "C" NOT NULL, "proposed_value" TEXT COLLATE "C", "original_value" TEXT COLLATE "C", "problem" TEXT COLLATE "C", "decision" TEXT COLLATE "C", FOREIGN KEY ("review_id") REFERENCES "pending_review" ("id") ON DELETE CASCADE);
CREATE INDEX "pending_review_item_review_id" ON "pending_review_item" ("review_id");

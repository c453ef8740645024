-- Migration 3: import change log (undo) and pending reviews of customer-filled forms.
-- Frozen: never edit; add a new migration instead.
CREATE TABLE "import_change" ("id" INTEGER NOT NULL PRIMARY KEY, "batch_id" INTEGER NOT NULL, "entity" VARCHAR(16) NOT NULL, "entity_id" INTEGER NOT NULL, "action" VARCHAR(16) NOT NULL, "before" TEXT, "after_version" INTEGER, FOREIGN KEY ("batch_id") REFERENCES "import_batch" ("id") ON DELETE CASCADE);
CREATE INDEX "import_change_batch_id" ON "import_change" ("batch_id");
CREATE INDEX "import_change_entity_entity_id" ON "import_change" ("entity", "entity_id");
CREATE TABLE "pending_review" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER, "batch_id" INTEGER, "source" VARCHAR(16) NOT NULL, "status" VARCHAR(16) NOT NULL, "base_version" INTEGER, "label" TEXT, "created_by_id" INTEGER, "created_at" DATETIME NOT NULL, "decided_by_id" INTEGER, "decided_at" DATETIME, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("batch_id") REFERENCES "import_batch" ("id") ON DELETE SET NULL, FOREIGN KEY ("created_by_id") REFERENCES "user" ("id") ON DELETE SET NULL, FOREIGN KEY ("decided_by_id") REFERENCES "user" ("id") ON DELETE SET NULL);
CREATE INDEX "pending_review_customer_id" ON "pending_review" ("customer_id");
CREATE INDEX "pending_review_batch_id" ON "pending_review" ("batch_id");
CREATE INDEX "pending_review_status" ON "pending_review" ("status");
CREATE INDEX "pending_review_decided_by_id" ON "pending_review" ("decided_by_id");
CREATE TABLE "pending_review_item" ("id" INTEGER NOT NULL PRIMARY KEY, "review_id" INTEGER NOT NULL, "field" VARCHAR(64) NOT NULL, "proposed_value" TEXT, "original_value" TEXT, "problem" TEXT, "decision" VARCHAR(16), FOREIGN KEY ("review_id") REFERENCES "pending_review" ("id") ON DELETE CASCADE);
CREATE INDEX "pending_review_item_review_id" ON "pending_review_item" ("review_id");

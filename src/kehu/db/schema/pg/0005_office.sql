-- Schema 5 (the office): customers shared with a colleague (read, or read and edit), the
-- date a key person withdrew consent (PIPL), and an index to read the audit trail by record.
CREATE TABLE "customer_share" ("customer_id" BIGINT NOT NULL, "user_id" BIGINT NOT NULL, "can_edit" BIGINT NOT NULL, "shared_by_id" BIGINT, "shared_at" TEXT COLLATE "C" NOT NULL, PRIMARY KEY ("customer_id", "user_id"), FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE, FOREIGN KEY ("shared_by_id") REFERENCES "user" ("id") ON DELETE SET NULL);
CREATE INDEX "customer_share_user_id" ON "customer_share" ("user_id");
ALTER TABLE "key_person" ADD COLUMN "consent_withdrawn_on" TEXT COLLATE "C";
CREATE INDEX "audit_entry_entity_entity_id" ON "audit_entry" ("entity", "entity_id");

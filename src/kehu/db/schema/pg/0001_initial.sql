-- Schema version 1 (PostgreSQL twin of ../0001_initial.sql), frozen: never edit this file; add a
-- numbered migration instead. Dates are kept as ISO text, as in SQLite, and all text compares
-- byte by byte (COLLATE "C"), as in SQLite.
CREATE TABLE "user" ("id" BIGSERIAL PRIMARY KEY, "username" TEXT COLLATE "C" NOT NULL, "display_name" TEXT COLLATE "C" NOT NULL, "role" TEXT COLLATE "C" NOT NULL, "manager_id" BIGINT, "password_hash" TEXT COLLATE "C", "active" BIGINT NOT NULL, "created_at" TEXT COLLATE "C" NOT NULL, FOREIGN KEY ("manager_id") REFERENCES "user" ("id") ON DELETE SET NULL);
CREATE UNIQUE INDEX "user_username" ON "user" ("username");
CREATE INDEX "user_manager_id" ON "user" ("manager_id");
CREATE TABLE "audit_entry" ("id" BIGSERIAL PRIMARY KEY, "at" TEXT COLLATE "C" NOT NULL, "user_id" BIGINT, "user_name" TEXT COLLATE "C", "action" TEXT COLLATE "C" NOT NULL, "entity" TEXT COLLATE "C", "entity_id" BIGINT, "summary" TEXT COLLATE "C", "details" TEXT COLLATE "C" NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE SET NULL);
CREATE INDEX "audit_entry_at" ON "audit_entry" ("at");
CREATE INDEX "audit_entry_user_id" ON "audit_entry" ("user_id");
CREATE INDEX "audit_entry_action" ON "audit_entry" ("action");
CREATE TABLE "scheme" ("id" BIGSERIAL PRIMARY KEY, "key" TEXT COLLATE "C", "name" TEXT COLLATE "C" NOT NULL, "position" BIGINT NOT NULL);
CREATE UNIQUE INDEX "scheme_key" ON "scheme" ("key");
CREATE TABLE "category" ("id" BIGSERIAL PRIMARY KEY, "scheme_id" BIGINT NOT NULL, "parent_id" BIGINT, "name" TEXT COLLATE "C" NOT NULL, "position" BIGINT NOT NULL, FOREIGN KEY ("scheme_id") REFERENCES "scheme" ("id") ON DELETE CASCADE, FOREIGN KEY ("parent_id") REFERENCES "category" ("id") ON DELETE CASCADE);
CREATE INDEX "category_scheme_id" ON "category" ("scheme_id");
CREATE INDEX "category_parent_id" ON "category" ("parent_id");
CREATE UNIQUE INDEX "category_scheme_id_parent_id_name" ON "category" ("scheme_id", "parent_id", "name");
CREATE TABLE "import_batch" ("id" BIGSERIAL PRIMARY KEY, "kind" TEXT COLLATE "C" NOT NULL, "filename" TEXT COLLATE "C" NOT NULL, "file_sha256" TEXT COLLATE "C", "user_id" BIGINT, "started_at" TEXT COLLATE "C" NOT NULL, "finished_at" TEXT COLLATE "C", "status" TEXT COLLATE "C" NOT NULL, "rows_total" BIGINT NOT NULL, "rows_created" BIGINT NOT NULL, "rows_updated" BIGINT NOT NULL, "rows_rejected" BIGINT NOT NULL, "mapping" TEXT COLLATE "C" NOT NULL, "summary" TEXT COLLATE "C" NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE SET NULL);
CREATE INDEX "import_batch_user_id" ON "import_batch" ("user_id");
CREATE TABLE "customer" ("id" BIGSERIAL PRIMARY KEY, "name" TEXT COLLATE "C" NOT NULL, "short_name" TEXT COLLATE "C", "uscc" TEXT COLLATE "C", "address" TEXT COLLATE "C", "postal_code" TEXT COLLATE "C", "phone" TEXT COLLATE "C", "fax" TEXT COLLATE "C", "email" TEXT COLLATE "C", "website" TEXT COLLATE "C", "latitude" DOUBLE PRECISION, "longitude" DOUBLE PRECISION, "founded_on" TEXT COLLATE "C", "trading_since" TEXT COLLATE "C", "org_form" TEXT COLLATE "C", "industry" TEXT COLLATE "C", "registered_capital" BIGINT, "assets" BIGINT, "service_area" TEXT COLLATE "C", "sales_capacity" TEXT COLLATE "C", "potential" TEXT COLLATE "C", "business_philosophy" TEXT COLLATE "C", "business_policy" TEXT COLLATE "C", "employees" BIGINT, "annual_sales" BIGINT, "management_style" TEXT COLLATE "C", "sales_record_notes" TEXT COLLATE "C", "staff_quality" TEXT COLLATE "C", "competitor_relations" TEXT COLLATE "C", "cooperation" TEXT COLLATE "C", "sales_activity" TEXT COLLATE "C", "problems" TEXT COLLATE "C", "strengths" TEXT COLLATE "C", "countermeasures" TEXT COLLATE "C", "reputation" TEXT COLLATE "C", "credit_status" TEXT COLLATE "C", "credit_limit" BIGINT, "trade_terms" TEXT COLLATE "C", "credit_issues" TEXT COLLATE "C", "source" TEXT COLLATE "C", "review_state" TEXT COLLATE "C", "code" TEXT COLLATE "C" NOT NULL, "owner_id" BIGINT, "status" TEXT COLLATE "C" NOT NULL, "archived_at" TEXT COLLATE "C", "version" BIGINT NOT NULL, "created_by_id" BIGINT, "created_at" TEXT COLLATE "C" NOT NULL, "updated_by_id" BIGINT, "updated_at" TEXT COLLATE "C" NOT NULL, "custom_fields" TEXT COLLATE "C" NOT NULL, "import_batch_id" BIGINT, FOREIGN KEY ("owner_id") REFERENCES "user" ("id") ON DELETE SET NULL, FOREIGN KEY ("created_by_id") REFERENCES "user" ("id") ON DELETE SET NULL, FOREIGN KEY ("updated_by_id") REFERENCES "user" ("id") ON DELETE SET NULL, FOREIGN KEY ("import_batch_id") REFERENCES "import_batch" ("id") ON DELETE SET NULL);
CREATE UNIQUE INDEX "customer_code" ON "customer" ("code");
CREATE INDEX "customer_status" ON "customer" ("status");
CREATE INDEX "customer_import_batch_id" ON "customer" ("import_batch_id");
CREATE INDEX "customer_owner_id_status" ON "customer" ("owner_id", "status");
CREATE TABLE "customer_category" ("customer_id" BIGINT NOT NULL, "scheme_id" BIGINT NOT NULL, "category_id" BIGINT NOT NULL, PRIMARY KEY ("customer_id", "scheme_id"), FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("scheme_id") REFERENCES "scheme" ("id") ON DELETE CASCADE, FOREIGN KEY ("category_id") REFERENCES "category" ("id") ON DELETE CASCADE);
CREATE INDEX "customer_category_category_id" ON "customer_category" ("category_id");
CREATE TABLE "field_change" ("id" BIGSERIAL PRIMARY KEY, "customer_id" BIGINT NOT NULL, "version" BIGINT NOT NULL, "person_id" BIGINT, "field" TEXT COLLATE "C" NOT NULL, "old_value" TEXT COLLATE "C", "new_value" TEXT COLLATE "C", "user_id" BIGINT, "changed_at" TEXT COLLATE "C" NOT NULL, "import_batch_id" BIGINT, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE SET NULL, FOREIGN KEY ("import_batch_id") REFERENCES "import_batch" ("id") ON DELETE SET NULL);
CREATE INDEX "field_change_user_id" ON "field_change" ("user_id");
CREATE INDEX "field_change_import_batch_id" ON "field_change" ("import_batch_id");
CREATE INDEX "field_change_customer_id_version" ON "field_change" ("customer_id", "version");
CREATE TABLE "key_person" ("id" BIGSERIAL PRIMARY KEY, "role" TEXT COLLATE "C", "name" TEXT COLLATE "C" NOT NULL, "title" TEXT COLLATE "C", "mobile" TEXT COLLATE "C", "phone" TEXT COLLATE "C", "email" TEXT COLLATE "C", "wechat" TEXT COLLATE "C", "birthday" TEXT COLLATE "C", "age" BIGINT, "education" TEXT COLLATE "C", "personality" TEXT COLLATE "C", "hobbies" TEXT COLLATE "C", "family" TEXT COLLATE "C", "ability" TEXT COLLATE "C", "id_number" TEXT COLLATE "C", "notes" TEXT COLLATE "C", "consent_basis" TEXT COLLATE "C", "consent_date" TEXT COLLATE "C", "consent_channel" TEXT COLLATE "C", "customer_id" BIGINT NOT NULL, "position" BIGINT NOT NULL, "created_at" TEXT COLLATE "C" NOT NULL, "updated_at" TEXT COLLATE "C" NOT NULL, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE);
CREATE INDEX "key_person_customer_id" ON "key_person" ("customer_id");
CREATE TABLE "product" ("id" BIGSERIAL PRIMARY KEY, "code" TEXT COLLATE "C", "name" TEXT COLLATE "C" NOT NULL, "category" TEXT COLLATE "C" NOT NULL, "unit" TEXT COLLATE "C");
CREATE UNIQUE INDEX "product_code" ON "product" ("code");
CREATE INDEX "product_category" ON "product" ("category");
CREATE TABLE "route" ("id" BIGSERIAL PRIMARY KEY, "region_id" BIGINT, "name" TEXT COLLATE "C" NOT NULL, "salesperson_id" BIGINT, "start_address" TEXT COLLATE "C", "start_latitude" DOUBLE PRECISION, "start_longitude" DOUBLE PRECISION, "weekdays" TEXT COLLATE "C" NOT NULL, "frequency" TEXT COLLATE "C" NOT NULL, "position" BIGINT NOT NULL, "notes" TEXT COLLATE "C", "version" BIGINT NOT NULL, FOREIGN KEY ("region_id") REFERENCES "category" ("id") ON DELETE SET NULL, FOREIGN KEY ("salesperson_id") REFERENCES "user" ("id") ON DELETE SET NULL);
CREATE INDEX "route_region_id" ON "route" ("region_id");
CREATE INDEX "route_salesperson_id" ON "route" ("salesperson_id");
CREATE TABLE "route_stop" ("id" BIGSERIAL PRIMARY KEY, "route_id" BIGINT NOT NULL, "customer_id" BIGINT NOT NULL, "position" BIGINT NOT NULL, FOREIGN KEY ("route_id") REFERENCES "route" ("id") ON DELETE CASCADE, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE);
CREATE UNIQUE INDEX "route_stop_customer_id" ON "route_stop" ("customer_id");
CREATE INDEX "route_stop_route_id_position" ON "route_stop" ("route_id", "position");
CREATE TABLE "sale_line" ("id" BIGSERIAL PRIMARY KEY, "sale_date" TEXT COLLATE "C" NOT NULL, "customer_id" BIGINT NOT NULL, "product_id" BIGINT, "product_category" TEXT COLLATE "C" NOT NULL, "quantity" NUMERIC(14, 3) NOT NULL, "amount" BIGINT NOT NULL, "import_batch_id" BIGINT, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("product_id") REFERENCES "product" ("id") ON DELETE SET NULL, FOREIGN KEY ("import_batch_id") REFERENCES "import_batch" ("id") ON DELETE SET NULL);
CREATE INDEX "sale_line_sale_date" ON "sale_line" ("sale_date");
CREATE INDEX "sale_line_customer_id_sale_date" ON "sale_line" ("customer_id", "sale_date");
CREATE TABLE "search_key" ("id" BIGINT NOT NULL PRIMARY KEY, "customer_id" BIGINT NOT NULL, "kind" BIGINT NOT NULL, "key" TEXT COLLATE "C" NOT NULL, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE);
CREATE INDEX "search_key_customer_id" ON "search_key" ("customer_id");
CREATE INDEX "search_key_key_kind" ON "search_key" ("key", "kind");
CREATE TABLE "setting" ("key" TEXT COLLATE "C" NOT NULL PRIMARY KEY, "value" TEXT COLLATE "C" NOT NULL);
CREATE TABLE "visit" ("id" BIGSERIAL PRIMARY KEY, "customer_id" BIGINT NOT NULL, "salesperson_id" BIGINT, "visit_date" TEXT COLLATE "C" NOT NULL, "kind" TEXT COLLATE "C" NOT NULL, "content" TEXT COLLATE "C", "findings" TEXT COLLATE "C", "next_step" TEXT COLLATE "C", "next_visit_on" TEXT COLLATE "C", "created_at" TEXT COLLATE "C" NOT NULL, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE, FOREIGN KEY ("salesperson_id") REFERENCES "user" ("id") ON DELETE SET NULL);
CREATE INDEX "visit_next_visit_on" ON "visit" ("next_visit_on");
CREATE INDEX "visit_customer_id_visit_date" ON "visit" ("customer_id", "visit_date");
CREATE INDEX "visit_salesperson_id_visit_date" ON "visit" ("salesperson_id", "visit_date");
CREATE FUNCTION kehu_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END $$;
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW EXECUTE FUNCTION kehu_append_only();
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION kehu_append_only();

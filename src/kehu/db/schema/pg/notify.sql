-- Live refresh on a server (issue 16, point 4), PostgreSQL only: every committed write
-- NOTIFYs the channel kehu_changes with "table" or "table:id,id,…" (the customers it
-- touched, at most 200; more: the table alone). Statement triggers with transition tables,
-- so that a bulk load sends one notification per statement, and the server folds equal
-- notifications of one transaction into one. Applied after the migrations
-- (kehu.db.migrations); every statement may run again. kehu.db.server_changes listens.
CREATE OR REPLACE FUNCTION kehu_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text;
  rows_table text := CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END;
BEGIN
  IF TG_ARGV[0] IS NULL THEN
    PERFORM pg_notify('kehu_changes', TG_TABLE_NAME);
    RETURN NULL;
  END IF;
  EXECUTE format('SELECT CASE WHEN COUNT(*) > 200 THEN NULL ELSE string_agg(DISTINCT (%s)::text, '','') END '
    'FROM (SELECT %s FROM %I LIMIT 201) AS r', TG_ARGV[0], TG_ARGV[0], rows_table) INTO ids;
  PERFORM pg_notify('kehu_changes', TG_TABLE_NAME || COALESCE(':' || ids, ''));
  RETURN NULL;
END $$;
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT * FROM (VALUES
      ('customer', 'id'), ('key_person', 'customer_id'), ('visit', 'customer_id'),
      ('sale_line', 'customer_id'), ('customer_category', 'customer_id'),
      ('customer_share', 'customer_id'), ('scheme', NULL), ('category', NULL), ('route', NULL),
      ('route_stop', NULL), ('user', NULL), ('import_batch', NULL)) AS t(name, customer)
      WHERE to_regclass(quote_ident(name)) IS NOT NULL LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS kehu_notify_insert ON %I', r.name);
    EXECUTE format('DROP TRIGGER IF EXISTS kehu_notify_update ON %I', r.name);
    EXECUTE format('DROP TRIGGER IF EXISTS kehu_notify_delete ON %I', r.name);
    EXECUTE format('CREATE TRIGGER kehu_notify_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION kehu_notify(%s)', r.name, COALESCE(quote_literal(r.customer), ''));
    EXECUTE format('CREATE TRIGGER kehu_notify_update AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION kehu_notify(%s)', r.name, COALESCE(quote_literal(r.customer), ''));
    EXECUTE format('CREATE TRIGGER kehu_notify_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION kehu_notify(%s)', r.name, COALESCE(quote_literal(r.customer), ''));
  END LOOP;
END $$;

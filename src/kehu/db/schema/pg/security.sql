-- Row-level security of a server database (issue 16, point 3), PostgreSQL only. Applied by
-- `kehu server init` (an administrator's connection, once) and again after each migration;
-- every statement may run again. kehu.db.server_roles gives each kehu user a login role.
--
-- kehu_owner owns the tables (BYPASSRLS: the triggers and the checks below read everything);
-- kehu_users holds the privileges of every kehu login role; kehu_role maps a login role to its
-- kehu user. The policies follow the rights matrix (kehu.core.rights, kehu.db.visibility): an
-- administrator sees all customers, a manager their own and their subordinates' (at any
-- depth), a salesperson their own, everyone the customers shared with them; what hangs from a
-- customer (persons, visits, sales, route stops, history, search keys) is seen with it; the
-- audit log is insert-only for everyone but its owner.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kehu_owner') THEN
    CREATE ROLE kehu_owner NOLOGIN BYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kehu_users') THEN
    CREATE ROLE kehu_users NOLOGIN;
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS "kehu_role" ("role" TEXT COLLATE "C" NOT NULL PRIMARY KEY, "user_id" BIGINT NOT NULL UNIQUE REFERENCES "user" ("id") ON DELETE CASCADE);

-- Who is connected, and how far they see (SECURITY DEFINER: read as the owner, past RLS).
CREATE OR REPLACE FUNCTION kehu_uid() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path FROM CURRENT AS $$ SELECT user_id FROM kehu_role WHERE role = session_user $$;
CREATE OR REPLACE FUNCTION kehu_sees_all() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path FROM CURRENT AS $$
  SELECT COALESCE((SELECT role = 'admin' AND active = 1 FROM "user" WHERE id = kehu_uid()), false)
$$;
CREATE OR REPLACE FUNCTION kehu_team() RETURNS SETOF bigint LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path FROM CURRENT AS $$
  WITH RECURSIVE me AS (SELECT id, role FROM "user" WHERE id = kehu_uid() AND active = 1),
  team(id) AS (
    SELECT id FROM me
    UNION SELECT u.id FROM "user" u JOIN team t ON u.manager_id = t.id
      WHERE (SELECT role FROM me) IN ('manager', 'admin'))
  SELECT id FROM team
$$;
CREATE OR REPLACE FUNCTION kehu_shared(editable boolean) RETURNS SETOF bigint LANGUAGE sql STABLE
  SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT customer_id FROM customer_share WHERE user_id = kehu_uid() AND (NOT editable OR can_edit = 1)
$$;
CREATE OR REPLACE FUNCTION kehu_owner_of(customer_key bigint) RETURNS bigint LANGUAGE sql STABLE
  SECURITY DEFINER SET search_path FROM CURRENT AS $$ SELECT owner_id FROM customer WHERE id = customer_key $$;

-- The owner owns everything; the triggers run as the owner (counts and summaries of all owners).
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
    EXECUTE format('ALTER TABLE %I OWNER TO kehu_owner', r.tablename);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS f, p.prorettype = 'trigger'::regtype AS is_trigger
      FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace AND p.prokind = 'f'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO kehu_owner', r.f);
    IF r.is_trigger THEN
      EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER', r.f);
      EXECUTE format('ALTER FUNCTION %s SET search_path = %I', r.f, current_schema());
    END IF;
  END LOOP;
END $$;

-- What every kehu user may do at all; the policies narrow it to rows.
DO $$ BEGIN
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO kehu_users', current_database());
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO kehu_users', current_schema());
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO kehu_users', current_schema());
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO kehu_users', current_schema());
END $$;
REVOKE UPDATE, DELETE ON "audit_entry" FROM kehu_users;
REVOKE INSERT, UPDATE, DELETE ON "kehu_role", "kehu_schema" FROM kehu_users;

-- Customers: by owner (the matrix's scope), or shared.
ALTER TABLE "customer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "customer" FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS kehu_visible ON "customer";
DROP POLICY IF EXISTS kehu_editable ON "customer";
CREATE POLICY kehu_visible ON "customer" FOR SELECT
  USING ((SELECT kehu_sees_all()) OR owner_id IN (SELECT kehu_team()) OR id IN (SELECT kehu_shared(false)));
-- Changed only where one may edit (a share for reading does not let one write).
CREATE POLICY kehu_editable ON "customer" FOR ALL
  USING ((SELECT kehu_sees_all()) OR owner_id IN (SELECT kehu_team()) OR id IN (SELECT kehu_shared(true)))
  WITH CHECK ((SELECT kehu_sees_all()) OR owner_id IN (SELECT kehu_team()) OR id IN (SELECT kehu_shared(true)));

-- What hangs from a customer is seen and written with it.
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT * FROM (VALUES
      ('key_person', 'customer_id'), ('visit', 'customer_id'), ('sale_line', 'customer_id'),
      ('route_stop', 'customer_id'), ('field_change', 'customer_id'),
      ('customer_category', 'customer_id'), ('pending_review', 'customer_id'),
      ('grade_step_change', 'customer_id'), ('sales_month', 'customer_id'),
      ('customer_merge', 'kept_id'), ('duplicate_key', 'id'), ('search_text', 'rowid'),
      ('search_key', 'id / 256')) AS t(name, customer) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', r.name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', r.name);
    EXECUTE format('DROP POLICY IF EXISTS kehu_visible ON %I', r.name);
    -- The column qualified by its table: inside the subquery a bare id would be c.id.
    EXECUTE format('CREATE POLICY kehu_visible ON %I USING (%I.%s IS NULL OR EXISTS '
      '(SELECT 1 FROM customer c WHERE c.id = %I.%s))', r.name, r.name, r.customer, r.name, r.customer);
  END LOOP;
END $$;

-- Shares: the colleague shared with, and whoever sees the customer's owner.
ALTER TABLE "customer_share" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "customer_share" FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS kehu_visible ON "customer_share";
CREATE POLICY kehu_visible ON "customer_share" USING ((SELECT kehu_sees_all())
  OR user_id = kehu_uid() OR kehu_owner_of(customer_id) IN (SELECT kehu_team()));

-- Counts and summaries per owner: the owners one sees.
DO $$ DECLARE r text; BEGIN
  FOREACH r IN ARRAY ARRAY['category_count', 'sales_summary', 'product_month'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', r);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', r);
    EXECUTE format('DROP POLICY IF EXISTS kehu_visible ON %I', r);
    EXECUTE format('CREATE POLICY kehu_visible ON %I USING ((SELECT kehu_sees_all()) '
      'OR owner_id = 0 OR owner_id IN (SELECT kehu_team()))', r);
  END LOOP;
END $$;

-- The audit log: everyone writes entries; an administrator reads all, others their team's
-- (a salesperson their own); nobody but the owner updates or deletes (privileges above).
ALTER TABLE "audit_entry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_entry" FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS kehu_read ON "audit_entry";
DROP POLICY IF EXISTS kehu_write ON "audit_entry";
CREATE POLICY kehu_read ON "audit_entry" FOR SELECT
  USING ((SELECT kehu_sees_all()) OR user_id IN (SELECT kehu_team()));
CREATE POLICY kehu_write ON "audit_entry" FOR INSERT WITH CHECK (true);

-- Users: everyone reads the list (names in history); an administrator changes anyone, a
-- user their own row.
ALTER TABLE "user" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "user" FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS kehu_read ON "user";
DROP POLICY IF EXISTS kehu_write ON "user";
CREATE POLICY kehu_read ON "user" FOR SELECT USING (true);
CREATE POLICY kehu_write ON "user" FOR ALL USING ((SELECT kehu_sees_all()) OR id = kehu_uid())
  WITH CHECK ((SELECT kehu_sees_all()) OR id = kehu_uid());

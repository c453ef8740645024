-- Schema 11 (PostgreSQL twin of ../0011_analysis_stamps.sql): stamps of what the analyses keep
-- in memory, and the change log of sales_month by customer (the last 100,000 changes).
-- The stamps count per statement here (FOR EACH STATEMENT): a copy in memory only asks
-- whether its stamp is still the stored one. Named sales_summary_stamp_*: a bulk load drops
-- and restores them with the summaries'.
CREATE TABLE "analysis_stamp" ("id" BIGINT NOT NULL PRIMARY KEY, "part" TEXT COLLATE "C" NOT NULL, "stamp" BIGINT NOT NULL);
INSERT INTO analysis_stamp (id, part, stamp) VALUES (1, 'sales', 0), (2, 'links', 0), (3, 'customers', 0);
CREATE TABLE "analysis_change" ("seq" BIGSERIAL PRIMARY KEY, "customer_id" BIGINT NOT NULL);
CREATE FUNCTION sales_summary_stamp_month() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  logged bigint;
BEGIN
  INSERT INTO analysis_change (customer_id)
    VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.customer_id ELSE NEW.customer_id END)
    RETURNING seq INTO logged;
  DELETE FROM analysis_change WHERE seq = logged - 100000;
  RETURN NULL;
END $$;
CREATE TRIGGER sales_summary_stamp_month_insert AFTER INSERT ON sales_month FOR EACH ROW EXECUTE FUNCTION sales_summary_stamp_month();
CREATE TRIGGER sales_summary_stamp_month_update AFTER UPDATE ON sales_month FOR EACH ROW EXECUTE FUNCTION sales_summary_stamp_month();
CREATE TRIGGER sales_summary_stamp_month_delete AFTER DELETE ON sales_month FOR EACH ROW EXECUTE FUNCTION sales_summary_stamp_month();
CREATE FUNCTION sales_summary_stamp_part() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE analysis_stamp SET stamp = stamp + 1 WHERE id = TG_ARGV[0]::bigint;
  RETURN NULL;
END $$;
CREATE TRIGGER sales_summary_stamp_link_insert AFTER INSERT ON customer_category FOR EACH STATEMENT EXECUTE FUNCTION sales_summary_stamp_part(2);
CREATE TRIGGER sales_summary_stamp_link_update AFTER UPDATE ON customer_category FOR EACH STATEMENT EXECUTE FUNCTION sales_summary_stamp_part(2);
CREATE TRIGGER sales_summary_stamp_link_delete AFTER DELETE ON customer_category FOR EACH STATEMENT EXECUTE FUNCTION sales_summary_stamp_part(2);
CREATE TRIGGER sales_summary_stamp_customer_insert AFTER INSERT ON customer FOR EACH STATEMENT EXECUTE FUNCTION sales_summary_stamp_part(3);
CREATE TRIGGER sales_summary_stamp_customer_delete AFTER DELETE ON customer FOR EACH STATEMENT EXECUTE FUNCTION sales_summary_stamp_part(3);
CREATE TRIGGER sales_summary_stamp_customer_update AFTER UPDATE OF status, owner_id ON customer
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.owner_id IS DISTINCT FROM NEW.owner_id)
  EXECUTE FUNCTION sales_summary_stamp_part(3);

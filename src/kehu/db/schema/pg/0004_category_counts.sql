-- Schema 4: customers per category, owner and status, kept by triggers, so that the
-- classification trees count a million customers by summing a few hundred rows.
-- owner_id 0 stands for customers without an owner. Rows may reach n = 0; they stay.
CREATE TABLE "category_count" ("category_id" BIGINT NOT NULL, "owner_id" BIGINT NOT NULL, "status" TEXT COLLATE "C" NOT NULL, "n" BIGINT NOT NULL, PRIMARY KEY ("category_id", "owner_id", "status"));
INSERT INTO category_count (category_id, owner_id, status, n) SELECT cc.category_id, COALESCE(c.owner_id, 0), c.status, COUNT(*) FROM customer_category cc JOIN customer c ON c.id = cc.customer_id GROUP BY 1, 2, 3;
-- PostgreSQL: the triggers of ../0004_category_counts.sql in PL/pgSQL, one function each.
CREATE FUNCTION category_count_link_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO category_count (category_id, owner_id, status, n)
    SELECT NEW.category_id, COALESCE(c.owner_id, 0), c.status, 1 FROM customer c WHERE c.id = NEW.customer_id
    ON CONFLICT (category_id, owner_id, status) DO UPDATE SET n = category_count.n + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER category_count_link_insert AFTER INSERT ON customer_category FOR EACH ROW EXECUTE FUNCTION category_count_link_insert();
CREATE FUNCTION category_count_link_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE category_count SET n = n - 1
    WHERE category_id = OLD.category_id
      AND (owner_id, status) = (SELECT COALESCE(c.owner_id, 0), c.status FROM customer c WHERE c.id = OLD.customer_id);
  RETURN NULL;
END $$;
CREATE TRIGGER category_count_link_delete AFTER DELETE ON customer_category FOR EACH ROW EXECUTE FUNCTION category_count_link_delete();
CREATE FUNCTION category_count_link_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE category_count SET n = n - 1
    WHERE category_id = OLD.category_id
      AND (owner_id, status) = (SELECT COALESCE(c.owner_id, 0), c.status FROM customer c WHERE c.id = OLD.customer_id);
  INSERT INTO category_count (category_id, owner_id, status, n)
    SELECT NEW.category_id, COALESCE(c.owner_id, 0), c.status, 1 FROM customer c WHERE c.id = NEW.customer_id
    ON CONFLICT (category_id, owner_id, status) DO UPDATE SET n = category_count.n + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER category_count_link_update AFTER UPDATE ON customer_category FOR EACH ROW EXECUTE FUNCTION category_count_link_update();
CREATE FUNCTION category_count_customer_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE category_count SET n = n - 1
    WHERE owner_id = COALESCE(OLD.owner_id, 0) AND status = OLD.status
      AND category_id IN (SELECT category_id FROM customer_category WHERE customer_id = OLD.id);
  INSERT INTO category_count (category_id, owner_id, status, n)
    SELECT category_id, COALESCE(NEW.owner_id, 0), NEW.status, 1 FROM customer_category WHERE customer_id = NEW.id
    ON CONFLICT (category_id, owner_id, status) DO UPDATE SET n = category_count.n + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER category_count_customer_update AFTER UPDATE OF owner_id, status ON customer
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION category_count_customer_update();
-- The links go first (their trigger still finds the customer), whether foreign keys are on or not.
CREATE FUNCTION category_count_customer_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_category WHERE customer_id = OLD.id;
  RETURN OLD;
END $$;
CREATE TRIGGER category_count_customer_delete BEFORE DELETE ON customer FOR EACH ROW EXECUTE FUNCTION category_count_customer_delete();
CREATE FUNCTION category_count_category_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM category_count WHERE category_id = OLD.id;
  RETURN NULL;
END $$;
CREATE TRIGGER category_count_category_delete AFTER DELETE ON category FOR EACH ROW EXECUTE FUNCTION category_count_category_delete();

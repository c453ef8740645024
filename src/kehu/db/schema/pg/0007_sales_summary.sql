-- Schema 7: sales per customer and month, per category and month, per product and month,
-- kept by triggers, so that composition analyses sum a few thousand rows instead of millions
-- of sale lines. A month is the number year * 12 + month - 1 (2026-03 → 24314).
-- owner_id 0 stands for customers without an owner; category_id 0 in sales_summary holds all
-- sales (classified or not). Rows that reach lines = 0 are deleted.
CREATE TABLE "sales_month" ("customer_id" BIGINT NOT NULL, "month" BIGINT NOT NULL, "owner_id" BIGINT NOT NULL, "amount" BIGINT NOT NULL, "lines" BIGINT NOT NULL, PRIMARY KEY ("customer_id", "month"));
CREATE TABLE "sales_summary" ("category_id" BIGINT NOT NULL, "month" BIGINT NOT NULL, "owner_id" BIGINT NOT NULL, "product_category" TEXT COLLATE "C" NOT NULL, "amount" BIGINT NOT NULL, "lines" BIGINT NOT NULL, PRIMARY KEY ("category_id", "month", "owner_id", "product_category"));
CREATE TABLE "product_month" ("product_id" BIGINT NOT NULL, "month" BIGINT NOT NULL, "owner_id" BIGINT NOT NULL, "amount" BIGINT NOT NULL, "lines" BIGINT NOT NULL, PRIMARY KEY ("month", "product_id", "owner_id"));
-- One ABC grading applied in one step, and the grade each customer had before it (undo).
CREATE TABLE "grade_step" ("id" BIGSERIAL PRIMARY KEY, "user_id" BIGINT, "at" TEXT COLLATE "C" NOT NULL, "scheme_id" BIGINT NOT NULL, "period" TEXT COLLATE "C" NOT NULL, "thresholds" TEXT COLLATE "C" NOT NULL, "customers" BIGINT NOT NULL, "status" TEXT COLLATE "C" NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE SET NULL, FOREIGN KEY ("scheme_id") REFERENCES "scheme" ("id") ON DELETE CASCADE);
CREATE TABLE "grade_step_change" ("step_id" BIGINT NOT NULL, "customer_id" BIGINT NOT NULL, "old_category_id" BIGINT, "new_category_id" BIGINT, PRIMARY KEY ("step_id", "customer_id"), FOREIGN KEY ("step_id") REFERENCES "grade_step" ("id") ON DELETE CASCADE, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id") ON DELETE CASCADE);
INSERT INTO sales_month (customer_id, month, owner_id, amount, lines) SELECT sl.customer_id, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), SUM(sl.amount), COUNT(*) FROM sale_line sl JOIN customer c ON c.id = sl.customer_id GROUP BY 1, 2, 3;
INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines) SELECT 0, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), sl.product_category, SUM(sl.amount), COUNT(*) FROM sale_line sl JOIN customer c ON c.id = sl.customer_id GROUP BY 2, 3, 4;
INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines) SELECT cc.category_id, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), sl.product_category, SUM(sl.amount), COUNT(*) FROM sale_line sl JOIN customer c ON c.id = sl.customer_id JOIN customer_category cc ON cc.customer_id = sl.customer_id GROUP BY 1, 2, 3, 4;
INSERT INTO product_month (product_id, month, owner_id, amount, lines) SELECT COALESCE(sl.product_id, 0), CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), SUM(sl.amount), COUNT(*) FROM sale_line sl JOIN customer c ON c.id = sl.customer_id GROUP BY 2, 1, 3;
-- PostgreSQL: the triggers of ../0007_sales_summary.sql in PL/pgSQL, one function each.
CREATE FUNCTION sales_summary_line_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sales_month (customer_id, month, owner_id, amount, lines)
    SELECT NEW.customer_id, CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.amount, 1 FROM customer c WHERE c.id = NEW.customer_id
    ON CONFLICT (customer_id, month) DO UPDATE SET amount = sales_month.amount + excluded.amount, lines = sales_month.lines + 1;
  INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines)
    SELECT 0, CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.product_category, NEW.amount, 1 FROM customer c WHERE c.id = NEW.customer_id
    UNION ALL SELECT cc.category_id, CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.product_category, NEW.amount, 1 FROM customer_category cc JOIN customer c ON c.id = cc.customer_id WHERE cc.customer_id = NEW.customer_id
    ON CONFLICT (category_id, month, owner_id, product_category) DO UPDATE SET amount = sales_summary.amount + excluded.amount, lines = sales_summary.lines + 1;
  INSERT INTO product_month (product_id, month, owner_id, amount, lines)
    SELECT COALESCE(NEW.product_id, 0), CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.amount, 1 FROM customer c WHERE c.id = NEW.customer_id
    ON CONFLICT (month, product_id, owner_id) DO UPDATE SET amount = product_month.amount + excluded.amount, lines = product_month.lines + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER sales_summary_line_insert AFTER INSERT ON sale_line
  FOR EACH ROW EXECUTE FUNCTION sales_summary_line_insert();
CREATE FUNCTION sales_summary_line_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sales_month SET amount = amount - OLD.amount, lines = lines - 1
    WHERE customer_id = OLD.customer_id AND month = CAST(substr(OLD.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.sale_date, 6, 2) AS INTEGER) - 1;
  DELETE FROM sales_month WHERE customer_id = OLD.customer_id AND lines <= 0;
  UPDATE sales_summary SET amount = amount - OLD.amount, lines = lines - 1
    WHERE month = CAST(substr(OLD.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.sale_date, 6, 2) AS INTEGER) - 1
      AND owner_id = COALESCE((SELECT owner_id FROM customer WHERE id = OLD.customer_id), 0)
      AND product_category = OLD.product_category
      AND category_id IN (SELECT 0 UNION ALL SELECT category_id FROM customer_category WHERE customer_id = OLD.customer_id);
  UPDATE product_month SET amount = amount - OLD.amount, lines = lines - 1
    WHERE month = CAST(substr(OLD.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.sale_date, 6, 2) AS INTEGER) - 1
      AND product_id = COALESCE(OLD.product_id, 0)
      AND owner_id = COALESCE((SELECT owner_id FROM customer WHERE id = OLD.customer_id), 0);
  RETURN NULL;
END $$;
CREATE TRIGGER sales_summary_line_delete AFTER DELETE ON sale_line
  FOR EACH ROW EXECUTE FUNCTION sales_summary_line_delete();
CREATE FUNCTION sales_summary_line_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sales_month SET amount = amount - OLD.amount, lines = lines - 1
    WHERE customer_id = OLD.customer_id AND month = CAST(substr(OLD.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.sale_date, 6, 2) AS INTEGER) - 1;
  DELETE FROM sales_month WHERE customer_id = OLD.customer_id AND lines <= 0;
  UPDATE sales_summary SET amount = amount - OLD.amount, lines = lines - 1
    WHERE month = CAST(substr(OLD.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.sale_date, 6, 2) AS INTEGER) - 1
      AND owner_id = COALESCE((SELECT owner_id FROM customer WHERE id = OLD.customer_id), 0)
      AND product_category = OLD.product_category
      AND category_id IN (SELECT 0 UNION ALL SELECT category_id FROM customer_category WHERE customer_id = OLD.customer_id);
  UPDATE product_month SET amount = amount - OLD.amount, lines = lines - 1
    WHERE month = CAST(substr(OLD.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.sale_date, 6, 2) AS INTEGER) - 1
      AND product_id = COALESCE(OLD.product_id, 0)
      AND owner_id = COALESCE((SELECT owner_id FROM customer WHERE id = OLD.customer_id), 0);
  INSERT INTO sales_month (customer_id, month, owner_id, amount, lines)
    SELECT NEW.customer_id, CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.amount, 1 FROM customer c WHERE c.id = NEW.customer_id
    ON CONFLICT (customer_id, month) DO UPDATE SET amount = sales_month.amount + excluded.amount, lines = sales_month.lines + 1;
  INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines)
    SELECT 0, CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.product_category, NEW.amount, 1 FROM customer c WHERE c.id = NEW.customer_id
    UNION ALL SELECT cc.category_id, CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.product_category, NEW.amount, 1 FROM customer_category cc JOIN customer c ON c.id = cc.customer_id WHERE cc.customer_id = NEW.customer_id
    ON CONFLICT (category_id, month, owner_id, product_category) DO UPDATE SET amount = sales_summary.amount + excluded.amount, lines = sales_summary.lines + 1;
  INSERT INTO product_month (product_id, month, owner_id, amount, lines)
    SELECT COALESCE(NEW.product_id, 0), CAST(substr(NEW.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.sale_date, 6, 2) AS INTEGER) - 1, COALESCE(c.owner_id, 0), NEW.amount, 1 FROM customer c WHERE c.id = NEW.customer_id
    ON CONFLICT (month, product_id, owner_id) DO UPDATE SET amount = product_month.amount + excluded.amount, lines = product_month.lines + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER sales_summary_line_update AFTER UPDATE OF sale_date, customer_id, product_id, product_category, amount ON sale_line
  FOR EACH ROW EXECUTE FUNCTION sales_summary_line_update();
-- A customer put into a category, taken out of it, or moved: its sales follow.
CREATE FUNCTION sales_summary_link_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines)
    SELECT NEW.category_id, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1 AS m, COALESCE(c.owner_id, 0), sl.product_category, SUM(sl.amount), COUNT(*)
    FROM sale_line sl JOIN customer c ON c.id = sl.customer_id WHERE sl.customer_id = NEW.customer_id GROUP BY m, c.owner_id, sl.product_category
    ON CONFLICT (category_id, month, owner_id, product_category) DO UPDATE SET amount = sales_summary.amount + excluded.amount, lines = sales_summary.lines + excluded.lines;
  RETURN NULL;
END $$;
CREATE TRIGGER sales_summary_link_insert AFTER INSERT ON customer_category
  FOR EACH ROW EXECUTE FUNCTION sales_summary_link_insert();
CREATE FUNCTION sales_summary_link_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines)
    SELECT OLD.category_id, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1 AS m, COALESCE(c.owner_id, 0), sl.product_category, -SUM(sl.amount), -COUNT(*)
    FROM sale_line sl JOIN customer c ON c.id = sl.customer_id WHERE sl.customer_id = OLD.customer_id GROUP BY m, c.owner_id, sl.product_category
    ON CONFLICT (category_id, month, owner_id, product_category) DO UPDATE SET amount = sales_summary.amount + excluded.amount, lines = sales_summary.lines + excluded.lines;
  RETURN NULL;
END $$;
CREATE TRIGGER sales_summary_link_delete AFTER DELETE ON customer_category
  FOR EACH ROW EXECUTE FUNCTION sales_summary_link_delete();
CREATE FUNCTION sales_summary_link_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines)
    SELECT OLD.category_id, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1 AS m, COALESCE(c.owner_id, 0), sl.product_category, -SUM(sl.amount), -COUNT(*)
    FROM sale_line sl JOIN customer c ON c.id = sl.customer_id WHERE sl.customer_id = OLD.customer_id GROUP BY m, c.owner_id, sl.product_category
    ON CONFLICT (category_id, month, owner_id, product_category) DO UPDATE SET amount = sales_summary.amount + excluded.amount, lines = sales_summary.lines + excluded.lines;
  INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines)
    SELECT NEW.category_id, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1 AS m, COALESCE(c.owner_id, 0), sl.product_category, SUM(sl.amount), COUNT(*)
    FROM sale_line sl JOIN customer c ON c.id = sl.customer_id WHERE sl.customer_id = NEW.customer_id GROUP BY m, c.owner_id, sl.product_category
    ON CONFLICT (category_id, month, owner_id, product_category) DO UPDATE SET amount = sales_summary.amount + excluded.amount, lines = sales_summary.lines + excluded.lines;
  RETURN NULL;
END $$;
CREATE TRIGGER sales_summary_link_update AFTER UPDATE ON customer_category
  FOR EACH ROW EXECUTE FUNCTION sales_summary_link_update();
-- A customer given to another owner: its sales move with it.
CREATE FUNCTION sales_summary_owner_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sales_month SET owner_id = COALESCE(NEW.owner_id, 0) WHERE customer_id = NEW.id;
  INSERT INTO sales_summary (category_id, month, owner_id, product_category, amount, lines)
    SELECT k.category_id, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1 AS m, o.owner_id, sl.product_category, o.sign * SUM(sl.amount), o.sign * COUNT(*)
    FROM sale_line sl
    CROSS JOIN (SELECT 0 AS category_id UNION ALL SELECT category_id FROM customer_category WHERE customer_id = NEW.id) k
    CROSS JOIN (SELECT COALESCE(OLD.owner_id, 0) AS owner_id, -1 AS sign UNION ALL SELECT COALESCE(NEW.owner_id, 0), 1) o
    WHERE sl.customer_id = NEW.id GROUP BY k.category_id, m, o.owner_id, o.sign, sl.product_category
    ON CONFLICT (category_id, month, owner_id, product_category) DO UPDATE SET amount = sales_summary.amount + excluded.amount, lines = sales_summary.lines + excluded.lines;
  INSERT INTO product_month (product_id, month, owner_id, amount, lines)
    SELECT COALESCE(sl.product_id, 0) AS p, CAST(substr(sl.sale_date, 1, 4) AS INTEGER) * 12 + CAST(substr(sl.sale_date, 6, 2) AS INTEGER) - 1 AS m, o.owner_id, o.sign * SUM(sl.amount), o.sign * COUNT(*)
    FROM sale_line sl
    CROSS JOIN (SELECT COALESCE(OLD.owner_id, 0) AS owner_id, -1 AS sign UNION ALL SELECT COALESCE(NEW.owner_id, 0), 1) o
    WHERE sl.customer_id = NEW.id GROUP BY p, m, o.owner_id, o.sign
    ON CONFLICT (month, product_id, owner_id) DO UPDATE SET amount = product_month.amount + excluded.amount, lines = product_month.lines + excluded.lines;
  RETURN NULL;
END $$;
CREATE TRIGGER sales_summary_owner_update AFTER UPDATE OF owner_id ON customer
  FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id) EXECUTE FUNCTION sales_summary_owner_update();
-- A deleted customer's sale lines go first (their trigger still finds the customer's owner).
CREATE FUNCTION sales_summary_customer_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sale_line WHERE customer_id = OLD.id;
  RETURN OLD;
END $$;
CREATE TRIGGER sales_summary_customer_delete BEFORE DELETE ON customer
  FOR EACH ROW EXECUTE FUNCTION sales_summary_customer_delete();

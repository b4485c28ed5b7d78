-- cdsboard's snapshots in PostgreSQL (SampleData/README.md, "In PostgreSQL").
--
-- A snapshot is a version: one row of cdsboard.exports and its rows in the tables below, all
-- with its export_id. `cdsboard publish DIR --to postgresql://…` writes one in a transaction
-- and marks it complete; a reader takes the newest complete version in one REPEATABLE READ
-- transaction, so it never sees a mix of two. Each table has the columns of the file of the
-- same name (SampleData/README.md), plus export_id and line (the row's line in the file it
-- was published from: errors name it). Counts are bigint, decimals numeric (their text kept
-- as written), months text `YYYY-MM`, days date. A NULL is an empty field of the file.
--
-- Apply once, as the database's owner: psql -v ON_ERROR_STOP=1 -f SampleData/postgres/schema.sql

CREATE SCHEMA IF NOT EXISTS cdsboard;

-- The versions. complete is set last, in the transaction that wrote the rows.
CREATE TABLE IF NOT EXISTS cdsboard.exports (
    id            bigserial PRIMARY KEY,
    province_code text        NOT NULL,
    data_time     timestamptz NOT NULL,          -- the manifest's generated_at
    period_end    date        NOT NULL,          -- the manifest's period_end
    complete      boolean     NOT NULL DEFAULT false,
    published_at  timestamptz NOT NULL DEFAULT now(),
    published_from text                           -- the directory it was published from
);
CREATE INDEX IF NOT EXISTS exports_complete ON cdsboard.exports (id) WHERE complete;

-- The JSON parts, verbatim: manifest.json, units.json (the catalogue: units with their dates
-- and predecessors), units_before.json, targets.json (the scorecard), geometry.json; and the
-- files of kinds without a table of their own below (tasks.csv, indicators.csv,
-- indicator_values.csv, dti.csv), read by the same parser as the files.
CREATE TABLE IF NOT EXISTS cdsboard.export_documents (
    export_id bigint NOT NULL REFERENCES cdsboard.exports ON DELETE CASCADE,
    name      text   NOT NULL,
    body      text   NOT NULL,
    PRIMARY KEY (export_id, name)
);

-- Which tables a version has, and which of their columns were present in its files (an
-- optional column that was absent is "not available", never zero): the header of each file.
CREATE TABLE IF NOT EXISTS cdsboard.export_tables (
    export_id bigint NOT NULL REFERENCES cdsboard.exports ON DELETE CASCADE,
    name      text   NOT NULL,                    -- dossier_stats, bts, villages, ocop, tourism, society, index_766
    columns   text[] NOT NULL,
    PRIMARY KEY (export_id, name)
);

-- Monthly statistics: one row per month × unit × level × field × channel, with the flows of
-- form 06 and the flags' counts (dossier_stats.csv).
CREATE TABLE IF NOT EXISTS cdsboard.dossier_stats (
    export_id bigint NOT NULL REFERENCES cdsboard.exports ON DELETE CASCADE,
    line integer NOT NULL,
    month text, district_code text, commune_code text, level text, field text, channel text,
    received bigint, resolved bigint, resolved_on_time bigint, returned bigint, withdrawn bigint,
    pending bigint, pending_overdue bigint,
    carried_over bigint, resolved_before_due bigint, resolved_on_due bigint, resolved_after_due bigint,
    returned_in_month bigint, withdrawn_in_month bigint, pending_end_overdue bigint,
    supplement bigint,
    fee_required bigint, paid_online bigint, full_online bigint, digitized bigint, e_result bigint, vneid_verified bigint,
    PRIMARY KEY (export_id, line)
);

-- Raw dossier rows (dossiers.csv) are not in the schema yet: `publish` refuses a snapshot that
-- carries them (aggregate it to dossier_stats.csv first).

CREATE TABLE IF NOT EXISTS cdsboard.bts (
    export_id bigint NOT NULL REFERENCES cdsboard.exports ON DELETE CASCADE,
    line integer NOT NULL,
    site_id text, operator text, district_code text, commune_code text, lat numeric, lon numeric,
    tech text, status text, commissioned_date date,
    PRIMARY KEY (export_id, line)
);

CREATE TABLE IF NOT EXISTS cdsboard.villages (
    export_id bigint NOT NULL REFERENCES cdsboard.exports ON DELETE CASCADE,
    line integer NOT NULL,
    village_code text, name text, district_code text, commune_code text,
    households bigint, poor_households bigint, mobile text, broadband text,
    PRIMARY KEY (export_id, line)
);

CREATE TABLE IF NOT EXISTS cdsboard.ocop (
    export_id bigint NOT NULL REFERENCES cdsboard.exports ON DELETE CASCADE,
    line integer NOT NULL,
    product_id text, name text, producer text, district_code text, category text,
    stars bigint, platforms text, listed_date date,
    PRIMARY KEY (export_id, line)
);

CREATE TABLE IF NOT EXISTS cdsboard.tourism (
    export_id bigint NOT NULL REFERENCES cdsboard.exports ON DELETE CASCADE,
    line integer NOT NULL,
    month text, district_code text, domestic_visitors bigint, international_visitors bigint,
    revenue_million_vnd numeric,
    PRIMARY KEY (export_id, line)
);

CREATE TABLE IF NOT EXISTS cdsboard.society (
    export_id bigint NOT NULL REFERENCES cdsboard.exports ON DELETE CASCADE,
    line integer NOT NULL,
    month text, district_code text, commune_code text,
    adults bigint, vneid_activated bigint, digital_teams bigint, team_members bigint, trained bigint,
    certified bigint, households bigint, households_with_account bigint, benefit_payments bigint,
    benefit_payments_cashless bigint, app_downloads bigint, app_accounts bigint, officials bigint,
    email_accounts bigint,
    PRIMARY KEY (export_id, line)
);

CREATE TABLE IF NOT EXISTS cdsboard.index_766 (
    export_id bigint NOT NULL REFERENCES cdsboard.exports ON DELETE CASCADE,
    line integer NOT NULL,
    period text, unit_code text,
    transparency numeric, progress numeric, online_service numeric, online_payment numeric,
    digitisation numeric, satisfaction numeric, total numeric, rank bigint, ranked bigint,
    PRIMARY KEY (export_id, line)
);

-- Roles (without login; grant them to login roles): viewers only read, publishers also write.
--   CREATE ROLE alice LOGIN; GRANT cdsboard_viewer TO alice;
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cdsboard_viewer') THEN CREATE ROLE cdsboard_viewer NOLOGIN; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cdsboard_publisher') THEN CREATE ROLE cdsboard_publisher NOLOGIN; END IF;
END
$$;
GRANT USAGE ON SCHEMA cdsboard TO cdsboard_viewer, cdsboard_publisher;
GRANT SELECT ON ALL TABLES IN SCHEMA cdsboard TO cdsboard_viewer;
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA cdsboard TO cdsboard_publisher;
GRANT USAGE ON SEQUENCE cdsboard.exports_id_seq TO cdsboard_publisher;

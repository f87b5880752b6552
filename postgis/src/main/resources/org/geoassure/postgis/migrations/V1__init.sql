-- GeoAssure PostGIS workspace schema, version 1. Applied by PgSchema inside one transaction, with search_path set to
-- the workspace schema (then public, for PostGIS). ${srid} is the workspace's EPSG code.
-- Times are UTC microseconds since the epoch in bigint; an open end is 9223372036854775807 (Long.MAX_VALUE), as in
-- the embedded engine. Text that is ordered or compared (hole ids, names, attribute values) uses COLLATE "C", the
-- byte order of SQLite's BINARY collation, so both engines sort and compare alike.

CREATE TABLE ga_workspace (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE ga_ingest (
  id bigint PRIMARY KEY,
  recorded_at bigint NOT NULL UNIQUE,
  kind text NOT NULL,
  user_name text,
  holes_new integer NOT NULL,
  holes_changed integer NOT NULL,
  holes_unchanged integer NOT NULL,
  interval_rows bigint NOT NULL
);

CREATE TABLE ga_ingest_source (
  ingest_id bigint NOT NULL REFERENCES ga_ingest(id),
  seq integer NOT NULL,
  role text,
  name text,
  sha256 text,
  rows bigint,
  PRIMARY KEY (ingest_id, seq)
);

CREATE TABLE ga_ingest_parameter (
  ingest_id bigint NOT NULL REFERENCES ga_ingest(id),
  key text COLLATE "C" NOT NULL,
  value text,
  PRIMARY KEY (ingest_id, key)
);

CREATE TABLE ga_ingest_warning (
  ingest_id bigint NOT NULL REFERENCES ga_ingest(id),
  seq integer NOT NULL,
  message text,
  PRIMARY KEY (ingest_id, seq)
);

-- One row per hole version: the collar point.
CREATE TABLE boreholes (
  fid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  geom geometry(PointZ, ${srid}) NOT NULL,
  hole_id text COLLATE "C" NOT NULL,
  x double precision NOT NULL,
  y double precision NOT NULL,
  z double precision NOT NULL,
  total_depth double precision,
  azimuth double precision,
  dip double precision,
  desurvey_method text NOT NULL,
  content_hash text NOT NULL,
  end_depth double precision NOT NULL,
  ingest_id bigint NOT NULL REFERENCES ga_ingest(id),
  valid_from bigint NOT NULL,
  valid_to bigint NOT NULL,
  recorded_at bigint NOT NULL,
  superseded_at bigint NOT NULL
);
CREATE INDEX boreholes_hole ON boreholes (hole_id, superseded_at);
CREATE INDEX boreholes_geom ON boreholes USING gist (geom gist_geometry_ops_nd);

CREATE TABLE surveys (
  fid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hole_version bigint NOT NULL REFERENCES boreholes(fid),
  hole_id text COLLATE "C" NOT NULL,
  seq integer NOT NULL,
  depth double precision NOT NULL,
  azimuth double precision NOT NULL,
  dip double precision NOT NULL,
  x double precision NOT NULL,
  y double precision NOT NULL,
  z double precision NOT NULL,
  valid_from bigint NOT NULL,
  valid_to bigint NOT NULL,
  recorded_at bigint NOT NULL,
  superseded_at bigint NOT NULL
);
CREATE INDEX surveys_version ON surveys (hole_version, seq);
CREATE INDEX surveys_hole ON surveys (hole_id, depth);

-- The desurveyed trace of each hole version (densified where the hole bends), the geometry spatial filters test.
CREATE TABLE traces (
  fid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  geom geometry(LineStringZ, ${srid}) NOT NULL,
  hole_version bigint NOT NULL REFERENCES boreholes(fid),
  hole_id text COLLATE "C" NOT NULL,
  n_points integer NOT NULL,
  valid_from bigint NOT NULL,
  valid_to bigint NOT NULL,
  recorded_at bigint NOT NULL,
  superseded_at bigint NOT NULL
);
CREATE INDEX traces_version ON traces (hole_version);
CREATE INDEX traces_hole ON traces (hole_id);
CREATE INDEX traces_geom ON traces USING gist (geom gist_geometry_ops_nd);

-- Interval tables: one SQL table each (created on first use, see PgIngest), named here.
CREATE TABLE ga_interval_table (
  name text COLLATE "C" PRIMARY KEY,
  sql_table text NOT NULL UNIQUE
);

CREATE TABLE ga_interval_column (
  table_name text COLLATE "C" NOT NULL REFERENCES ga_interval_table(name),
  seq integer NOT NULL,
  name text NOT NULL,
  sql_name text NOT NULL,
  type text NOT NULL,
  PRIMARY KEY (table_name, seq)
);

-- The interval rows of one hole in one table are versioned as a set.
CREATE TABLE ga_interval_set (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  table_name text COLLATE "C" NOT NULL REFERENCES ga_interval_table(name),
  hole_id text COLLATE "C" NOT NULL,
  hole_version bigint NOT NULL REFERENCES boreholes(fid),
  content_hash text NOT NULL,
  n_rows integer NOT NULL,
  ingest_id bigint NOT NULL REFERENCES ga_ingest(id),
  valid_from bigint NOT NULL,
  valid_to bigint NOT NULL,
  recorded_at bigint NOT NULL,
  superseded_at bigint NOT NULL
);
CREATE INDEX ga_interval_set_hole ON ga_interval_set (table_name, hole_id, superseded_at);

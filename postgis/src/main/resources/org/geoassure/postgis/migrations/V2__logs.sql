-- GeoAssure PostGIS workspace schema, version 2: well logs. The same tables as the embedded engine
-- (org.geoassure.geodb.store.internal.LogTables): one row per log version, one per curve, values as packed
-- little-endian IEEE 754 doubles (NaN = null) in bytea.

CREATE TABLE logs (
  fid bigint PRIMARY KEY,
  hole_id text COLLATE "C" NOT NULL,
  log_name text COLLATE "C" NOT NULL,
  hole_version bigint NOT NULL REFERENCES boreholes(fid),
  depth_unit text NOT NULL,
  n_samples integer NOT NULL,
  depths bytea NOT NULL,
  content_hash text NOT NULL,
  source_role text NOT NULL,
  source_name text NOT NULL,
  source_sha256 text NOT NULL,
  ingest_id bigint NOT NULL REFERENCES ga_ingest(id),
  valid_from bigint NOT NULL,
  valid_to bigint NOT NULL,
  recorded_at bigint NOT NULL,
  superseded_at bigint NOT NULL
);
CREATE INDEX logs_hole ON logs (hole_id, log_name, superseded_at);

CREATE TABLE log_curves (
  log_fid bigint NOT NULL REFERENCES logs(fid),
  seq integer NOT NULL,
  mnemonic text NOT NULL,
  unit text NOT NULL,
  description text NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (log_fid, seq)
);

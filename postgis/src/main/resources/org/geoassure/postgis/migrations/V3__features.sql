-- GeoAssure PostGIS workspace schema, version 3: features (points, lines, polygons, surfaces, solids in named layers),
-- the same table as the embedded engine (org.geoassure.geodb.store.internal.FeatureTables), one row per feature
-- version. geom: the point, line or polygon geometry with z (a feature without z is stored at z = 0 and flagged by its
-- box, whose z range is then -1e30 .. 1e30); NULL for meshes. mesh: a surface or solid in GeoAssure's mesh blob
-- (little-endian "GAM1" header, double x, y, z, int triangles, per-vertex properties), byte for byte the embedded
-- engine's. attributes: the flat JSON object as jsonb. box: the 3D box of the version as its diagonal, the geometry the
-- n-D GiST index holds for spatial search (candidates, then an exact refine in double).

CREATE TABLE features (
  fid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  geom geometry(GeometryZ, ${srid}),
  layer text COLLATE "C" NOT NULL,
  feature_id text COLLATE "C" NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  role text COLLATE "C" NOT NULL,
  mesh bytea,
  attributes jsonb NOT NULL,
  content_hash text NOT NULL,
  min_x double precision NOT NULL,
  min_y double precision NOT NULL,
  min_z double precision NOT NULL,
  max_x double precision NOT NULL,
  max_y double precision NOT NULL,
  max_z double precision NOT NULL,
  box geometry(LineStringZ, ${srid}) GENERATED ALWAYS AS (ST_SetSRID(ST_MakeLine(ST_MakePoint(min_x, min_y, min_z),
    ST_MakePoint(max_x, max_y, max_z)), ${srid})) STORED,
  ingest_id bigint NOT NULL REFERENCES ga_ingest(id),
  valid_from bigint NOT NULL,
  valid_to bigint NOT NULL,
  recorded_at bigint NOT NULL,
  superseded_at bigint NOT NULL,
  CHECK ((geom IS NULL) <> (mesh IS NULL))
);
CREATE INDEX features_identity ON features (layer, feature_id, superseded_at);
CREATE INDEX features_box ON features USING gist (box gist_geometry_ops_nd);

-- GeoAssure PostGIS workspace schema, version 7: the triangle mesh of a surface or solid feature also as a PostGIS
-- geometry, a POLYHEDRALSURFACE Z of its triangles (the mesh bytes stay the reference: the engine reads those). It
-- lets PostGIS users see surfaces and solids as geometry, and SFCGAL measure them, e.g.
--   SELECT feature_id, ST_Volume(ST_MakeSolid(surface)) FROM features WHERE kind = 'solid';
-- The engine fills it in the transaction of each features write (PgStore), for every row whose mesh has none yet
-- (so rows from before this migration are filled by the next write too); the partial index keeps that lookup to
-- the rows still waiting, not a scan of the table.

ALTER TABLE features ADD COLUMN surface geometry(PolyhedralSurfaceZ, ${srid});
ALTER TABLE features ADD CONSTRAINT features_surface_of_mesh CHECK (surface IS NULL OR mesh IS NOT NULL);
CREATE INDEX features_surface_pending ON features (fid) WHERE mesh IS NOT NULL AND surface IS NULL;

package org.geoassure.geodb.model;

/** Type of an interval-table attribute column. */
public enum ColumnType {
    /** A double; blank input is null. */
    NUMBER,
    /** Free text or a category code. */
    TEXT
}

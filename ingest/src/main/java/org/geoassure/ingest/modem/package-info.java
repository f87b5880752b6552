/**
 * ModEM (WS format) 3-D magnetotelluric resistivity models ({@code .rho}) resampled onto regular block models:
 * {@link org.geoassure.ingest.modem.ModemReader} (format, axis order and the resampling rule are described there),
 * {@link org.geoassure.ingest.modem.ModemOptions}.
 */
package org.geoassure.ingest.modem;

/**
 * The server module: today the command line ({@code cli}); the HTTP API (Javalin) and the web viewer come with the
 * server issue.
 */
package org.geoassure.server;

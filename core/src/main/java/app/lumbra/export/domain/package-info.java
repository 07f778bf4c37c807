/** The export job aggregate, its reach, files and retention rule. */
package app.lumbra.export.domain;

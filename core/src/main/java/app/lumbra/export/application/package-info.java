/** Use cases of export jobs: request, progress, completion, cancellation and expiry. */
package app.lumbra.export.application;

/** Use cases for archiving and reading record versions: commands in, views out. */
package app.lumbra.archive.application;

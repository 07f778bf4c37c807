package app.lumbra.export.application;

/** A written file of an export: the resource type of its lines, its name, its line count. */
public record ExportFile(String resourceType, String fileName, long count) {}

namespace NewsArchive.Core.Parsing;

/// <param name="DefaultOutlet">The outlet of a file that names none (an ingest option); null means "Unknown".</param>
public sealed record ParseOptions(string? DefaultOutlet = null)
{
    public static ParseOptions Default { get; } = new();
}

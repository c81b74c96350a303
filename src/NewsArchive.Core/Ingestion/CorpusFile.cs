namespace NewsArchive.Core.Ingestion;

/// <param name="RelativePath">Relative to the corpus root, '/'-separated: the article's key.</param>
public sealed record CorpusFile(string RelativePath, long Size, long ModifiedTicks);

namespace NewsArchive.Tests;

/// <summary>Where the repository and the shared test data are, found from the test binaries' folder.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The folder holding NewsArchive.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The seed article files committed with the repository.</summary>
    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    /// <summary>The shared corpora next to the repository (&lt;repo root&gt;/../shared/corpora), never committed.</summary>
    public static string Corpora
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpora"));
            return Directory.Exists(path)
                ? path
                : throw new DirectoryNotFoundException($"Test corpora not found at {path} (expected <repo root>/../shared/corpora, see its MANIFEST.md).");
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsArchive.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder containing NewsArchive.sln above {AppContext.BaseDirectory}.");
    }
}

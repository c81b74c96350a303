namespace NewsArchive.Web.Hosting;

/// <summary>
/// The "Archive" configuration section (appsettings.json, Archive__CorpusPath, --Archive:CorpusPath=…).
/// Relative paths are relative to the content root (the web project's folder under dotnet run).
/// </summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>The folder ingested at start and watched while the app runs.</summary>
    public string CorpusPath { get; set; } = "seeds";

    public string DatabasePath { get; set; } = "data/newsarchive.db";

    /// <summary>The outlet of a file that names none.</summary>
    public string? DefaultOutlet { get; set; }

    /// <summary>Pick up new, changed and deleted files within seconds while serving.</summary>
    public bool WatchCorpus { get; set; } = true;

    /// <summary>The alias list of query expansion (ISIL, ISIS, Daesh…); empty means the one shipped with the app.</summary>
    public string AliasesPath { get; set; } = "";

    /// <summary>Requests worked on at once; more wait their turn (<see cref="RequestLimits"/>).</summary>
    public int ConcurrentRequests { get; set; } = 4 * Environment.ProcessorCount;

    public static ArchiveOptions From(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(Section).Get<ArchiveOptions>() ?? new ArchiveOptions();
        options.CorpusPath = Path.GetFullPath(options.CorpusPath, contentRoot);
        options.DatabasePath = Path.GetFullPath(options.DatabasePath, contentRoot);
        options.AliasesPath = options.AliasesPath.Length == 0
            ? Path.Combine(AppContext.BaseDirectory, "aliases.txt")
            : Path.GetFullPath(options.AliasesPath, contentRoot);
        return options;
    }
}

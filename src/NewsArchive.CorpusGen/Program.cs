using System.Diagnostics;
using System.Globalization;
using NewsArchive.CorpusGen;

// corpusgen --count N --out FOLDER [--seed 42] [--source ../shared/corpora]
const string Usage = "usage: --count <files> --out <empty or new folder> [--seed <number, default 42>] [--source <real corpora, default ../shared/corpora beside the repository>]";

if (!CommandLine.TryParse(args, out var options))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var source = Path.GetFullPath(options.Source ?? CommandLine.DefaultSource());
var output = Path.GetFullPath(options.Output);
if (!Directory.Exists(source))
{
    Console.Error.WriteLine($"corpusgen: the source folder {source} does not exist.");
    return 1;
}

if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
{
    Console.Error.WriteLine($"corpusgen: {output} is not empty; give a new or empty folder.");
    return 1;
}

var clock = Stopwatch.StartNew();
var library = SourceLibrary.Load(source);
if (library.Articles.Count == 0)
{
    Console.Error.WriteLine($"corpusgen: no article text in {source}.");
    return 1;
}

var beats = string.Join(", ", Enum.GetValues<Beat>().Select(beat => string.Create(CultureInfo.InvariantCulture, $"{beat} {library.Pool(beat).Members.Count:N0}")));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Read {library.Articles.Count:N0} distinct articles ({beats}) from {library.FilesRead:N0} files of {source} in {clock.Elapsed.TotalSeconds:F1} s"));
var report = new CorpusGenerator(library, options.Seed).Generate(options.Count, output);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    Wrote {report.Files:N0} files ({report.Bytes / 1e6:N0} MB) to {output} in {report.Elapsed.TotalSeconds:F1} s ({report.Files / report.Elapsed.TotalSeconds:N0} files/s), seed {options.Seed}
      {report.Originals:N0} originals ({report.Recombined:N0} with recombined bodies), {report.Republications:N0} republications, {report.Duplicates:N0} exact duplicates
      {report.Outlets} outlets, {report.Undated:N0} undated, at most {report.LargestFolder:N0} files per folder; ground truth in {TruthManifest.FileName}
    """));
return 0;

internal sealed record GeneratorOptions(int Count, string Output, int Seed, string? Source);

internal static class CommandLine
{
    public static bool TryParse(string[] args, out GeneratorOptions options)
    {
        int? count = null;
        string? output = null, source = null;
        var seed = 42;
        options = new GeneratorOptions(0, "", 0, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--count" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    count = n;
                    break;
                case "--out":
                    output = args[i + 1];
                    break;
                case "--seed" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                case "--source":
                    source = args[i + 1];
                    break;
                default:
                    return false;
            }
        }

        if (args.Length % 2 != 0 || count is null || output is null)
        {
            return false;
        }

        options = new GeneratorOptions(count.Value, output, seed, source);
        return true;
    }

    /// <summary>../shared/corpora beside the repository that holds this build.</summary>
    public static string DefaultSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsArchive.sln")))
            {
                return Path.Combine(dir.FullName, "..", "shared", "corpora");
            }
        }

        return Path.Combine("..", "shared", "corpora");
    }
}

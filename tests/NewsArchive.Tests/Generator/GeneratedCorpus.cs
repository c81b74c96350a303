using System.Security.Cryptography;
using NewsArchive.CorpusGen;

namespace NewsArchive.Tests.Generator;

/// <summary>The real corpora read once, and one small corpus generated from them for all generator tests.</summary>
public sealed class GeneratedCorpus : IDisposable
{
    // Enough files to use up the Middle East beat's articles, so that recombined bodies are generated too.
    public const int Count = 6000;
    public const int Seed = 7;

    public GeneratedCorpus()
    {
        Library = SourceLibrary.Load(TestPaths.Corpora);
        (Folder, Report) = Generate(Seed);
        Rows = TruthManifest.Read(Path.Combine(Folder, TruthManifest.FileName));
    }

    public SourceLibrary Library { get; }

    public string Folder { get; }

    public GenerationReport Report { get; }

    public List<TruthRow> Rows { get; }

    /// <summary>A new corpus of <see cref="Count"/> files in a new temporary folder (the caller deletes it).</summary>
    public (string Folder, GenerationReport Report) Generate(int seed)
    {
        var folder = Directory.CreateTempSubdirectory("newsarchive-gen-").FullName;
        return (folder, new CorpusGenerator(Library, seed).Generate(Count, folder));
    }

    public byte[] Bytes(string relativePath) => File.ReadAllBytes(System.IO.Path.Combine(Folder, relativePath));

    /// <summary>One hash over every file's path and bytes, the manifest included.</summary>
    public static string Fingerprint(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(System.IO.Path.GetRelativePath(folder, file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

using Xunit.Abstractions;

namespace NewsArchive.Tests.Ingestion;

/// <summary>
/// SIGKILL an ingestion at random moments: each time the database must be whole (SQLite and FTS5 checks pass,
/// article and index entry in step, every stored article exactly its file's), and a final clean run must end with
/// exactly what an uninterrupted run makes.
/// </summary>
public sealed class KillTests(ITestOutputHelper output)
{
    private const int Files = 4_000;
    private const int Kills = 10;

    [Fact]
    public async Task Killed_ingestion_leaves_a_consistent_archive_and_the_next_run_finishes_the_job()
    {
        using var archive = new TempArchive();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.Corpora, "reuters21578", "txt")).Order(StringComparer.Ordinal).Take(Files))
        {
            File.Copy(file, Path.Combine(archive.Corpus, Path.GetFileName(file)));
        }

        using var reference = new TempArchive();
        Directory.Delete(reference.Corpus);
        Directory.CreateSymbolicLink(reference.Corpus, archive.Corpus);
        var expected = await reference.IngestAsync();

        var random = new Random(20261121);
        var partial = 0;
        long stored = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            // Small batches: many commits, so a kill can land before, inside or between any of them.
            using (var process = WebAppProcess.Start("ingest", archive.Corpus, "--db", archive.DatabasePath, "--batch", "50"))
            {
                await archive.WaitForProgressAsync(process, stored);
                await Task.Delay(random.Next(0, 300));
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            archive.AssertConsistent();
            archive.AssertArticlesMatchFiles();
            stored = archive.Scalar<long>("SELECT count(*) FROM Articles");
            partial += stored > 0 && stored < expected.Added ? 1 : 0;
            output.WriteLine($"kill {kill + 1}: {stored} of {expected.Added} articles stored, consistent");
        }

        var (exitCode, printed) = await WebAppProcess.RunAsync("ingest", archive.Corpus, "--db", archive.DatabasePath);

        Assert.True(exitCode == 0, printed);
        Assert.True(partial > 0, "no kill landed in the middle of a run: the test proved nothing (make the corpus larger)");
        archive.AssertConsistent();
        archive.AssertArticlesMatchFiles();
        const string content = "SELECT RelativePath || '|' || ContentHash || '|' || Title || '|' || length(Body) FROM Articles ORDER BY RelativePath";
        Assert.Equal(reference.Column(content), archive.Column(content));
    }
}

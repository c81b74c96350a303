namespace NewsArchive.Tests.Ingestion;

/// <summary>The <c>ingest</c> verb of the web app's executable, run as a user runs it.</summary>
public sealed class IngestCommandTests
{
    [Fact]
    public async Task Ingest_verb_reports_what_it_did_and_exits_0_with_skipped_files()
    {
        using var archive = TempArchive.WithSeeds();
        archive.Write("broken.txt", "");

        var (exitCode, output) = await WebAppProcess.RunAsync("ingest", archive.Corpus, "--db", archive.DatabasePath, "--outlet", "Archive Default");

        Assert.True(exitCode == 0, output);
        Assert.Contains("5 added, 0 updated, 0 unchanged, 0 removed, 1 skipped", output, StringComparison.Ordinal);
        Assert.Contains("broken.txt", output, StringComparison.Ordinal);
        Assert.Equal(5, archive.Scalar<long>("SELECT count(*) FROM Articles"));

        var (again, rerun) = await WebAppProcess.RunAsync("ingest", archive.Corpus, "--db", archive.DatabasePath);
        Assert.True(again == 0, rerun);
        Assert.Contains("0 added, 0 updated, 5 unchanged, 0 removed", rerun, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_verb_explains_a_missing_folder_and_bad_arguments()
    {
        using var archive = new TempArchive();

        var (missing, message) = await WebAppProcess.RunAsync("ingest", Path.Combine(archive.Root, "nope"), "--db", archive.DatabasePath);
        var (usage, help) = await WebAppProcess.RunAsync("ingest");

        Assert.Equal(1, missing);
        Assert.Contains("does not exist", message, StringComparison.Ordinal);
        Assert.Equal(2, usage);
        Assert.Contains("usage: ingest <folder>", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_outlet_option_names_the_outlet_of_files_that_name_none()
    {
        using var archive = new TempArchive();
        archive.Write("a.txt", "Council approves new budget\n\nThe city council approved the budget on Monday after a long debate.");

        var (exitCode, output) = await WebAppProcess.RunAsync("ingest", archive.Corpus, "--db", archive.DatabasePath, "--outlet", "Gulf Times");

        Assert.True(exitCode == 0, output);
        Assert.Equal("Gulf Times", archive.Scalar<string>("SELECT o.Name FROM Articles a JOIN Outlets o ON o.Id = a.OutletId"));
    }
}

using NewsArchive.Core.Storage;
using NewsArchive.Web.Pages;

namespace NewsArchive.Tests.Api;

/// <summary>The footer's words for an ingestion run.</summary>
public sealed class DisplayTests
{
    private static IngestionRun Run(int added = 0, int updated = 0, int removed = 0, int skipped = 0, string? error = null) => new()
    {
        Folder = "/corpus",
        FinishedAt = new DateTime(2026, 11, 21, 10, 2, 0),
        Added = added,
        Updated = updated,
        Unchanged = 40,
        Removed = removed,
        Skipped = skipped,
        Error = error,
    };

    [Fact]
    public void Outcome_names_only_what_changed()
    {
        Assert.Equal("12 added", Display.Outcome(Run(added: 12)));
        Assert.Equal("1,200 added, 3 updated, 1 removed", Display.Outcome(Run(added: 1200, updated: 3, removed: 1)));
        Assert.Equal("no changes", Display.Outcome(Run()));
        Assert.Equal("no changes, 1 file skipped", Display.Outcome(Run(skipped: 1)));
        Assert.Equal("2 updated, 217 files skipped", Display.Outcome(Run(updated: 2, skipped: 217)));
    }

    [Fact]
    public void Outcome_of_a_failed_run_is_the_first_line_of_its_error()
    {
        Assert.Equal("failed: SQLite Error 13: 'database or disk is full'.",
            Display.Outcome(Run(added: 5, error: "SQLite Error 13: 'database or disk is full'.\n   at Microsoft.Data.Sqlite…")));
    }

    [Fact]
    public void Utc_time_reads_as_the_footer_shows_it()
    {
        var finished = new DateTime(2026, 11, 21, 10, 2, 37);

        Assert.Equal("21 Nov 2026 10:02 UTC", Display.Utc(finished));
        Assert.Equal("2026-11-21T10:02:37Z", Display.UtcIso(finished));
    }
}

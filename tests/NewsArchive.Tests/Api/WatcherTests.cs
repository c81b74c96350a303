using System.Text.Json;

namespace NewsArchive.Tests.Api;

/// <summary>The running app watches its corpus folder: new, changed and deleted files show within seconds.</summary>
public sealed class WatcherTests : IDisposable
{
    private readonly ArchiveAppFactory app = new();

    public void Dispose() => app.Dispose();

    private static async Task<int> WaitForTotalAsync(HttpClient client, string query, int expected)
    {
        var total = -1;
        for (var attempt = 0; attempt < 100 && total != expected; attempt++)
        {
            await Task.Delay(100);
            var page = JsonDocument.Parse(await client.GetStringAsync($"/api/articles?{query}")).RootElement;
            total = page.GetProperty("total").GetInt32();
        }

        return total;
    }

    [Fact]
    public async Task New_changed_and_deleted_files_reach_the_archive_while_it_serves()
    {
        var client = await app.ReadyClientAsync();

        app.Archive.Write("incoming/late.txt", "Late filing from Basra\nSource: Reuters\nDate: 2019-03-04\n\nThe port reopened on Monday.");
        Assert.Equal(1, await WaitForTotalAsync(client, "outlet=reuters", 1));

        app.Archive.Write("incoming/late.txt", "Late filing from Basra\nSource: Reuters\nDate: 2020-03-04\n\nThe port reopened on Monday.");
        Assert.Equal(1, await WaitForTotalAsync(client, "outlet=reuters&from=2020", 1));

        File.Delete(Path.Combine(app.Archive.Corpus, "incoming", "late.txt"));
        Assert.Equal(0, await WaitForTotalAsync(client, "outlet=reuters", 0));
        Assert.Equal(5, await WaitForTotalAsync(client, "", 5));
    }
}

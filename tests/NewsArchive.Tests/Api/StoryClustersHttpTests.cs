using System.Net;
using System.Text.Json;
using NewsArchive.Tests.Clustering;

namespace NewsArchive.Tests.Api;

/// <summary>Seed 001 and its two planted republications through HTTP: one result by default, three with expand=1, the versions on the article page.</summary>
public sealed class StoryClustersHttpTests(PlantedStoriesApp planted) : IClassFixture<PlantedStoriesApp>
{
    private ArchiveAppFactory App => planted.App;

    [Fact]
    public async Task The_api_collapses_a_story_into_its_earliest_article_and_names_the_other_outlets()
    {
        var json = await App.GetJsonAsync($"/api/search?q={PlantedStories.Word}");

        Assert.Equal(1, json.GetProperty("total").GetInt32());
        Assert.Equal(3, json.GetProperty("articles").GetInt32());
        Assert.False(json.GetProperty("expand").GetBoolean());
        var hit = json.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(IdOf(PlantedStories.Tasnim), hit.GetProperty("id").GetInt32());
        Assert.Equal(3, hit.GetProperty("clusterSize").GetInt32());
        Assert.Equal(["Press TV", "Fars News Agency"], Names(hit.GetProperty("alsoPublishedBy")));
        // Facets count stories too, so each count is the total its click gives.
        foreach (var outlet in json.GetProperty("facets").GetProperty("outlets").EnumerateArray())
        {
            var filtered = await App.GetJsonAsync($"/api/search?q={PlantedStories.Word}&outlet={outlet.GetProperty("slug").GetString()}");
            Assert.Equal(outlet.GetProperty("count").GetInt32(), filtered.GetProperty("total").GetInt32());
        }

        var facets = json.GetProperty("facets");
        var entities = facets.GetProperty("people").EnumerateArray().Concat(facets.GetProperty("places").EnumerateArray()).Concat(facets.GetProperty("organisations").EnumerateArray()).ToList();
        Assert.NotEmpty(entities);
        Assert.All(entities, entity => Assert.Equal(1, entity.GetProperty("count").GetInt32()));
        foreach (var entity in entities.Take(3))
        {
            var filtered = await App.GetJsonAsync($"/api/search?q={PlantedStories.Word}&entity={entity.GetProperty("slug").GetString()}");
            Assert.Equal(1, filtered.GetProperty("total").GetInt32());
        }

        foreach (var year in facets.GetProperty("years").EnumerateArray())
        {
            var y = year.GetProperty("year").GetInt32();
            var filtered = await App.GetJsonAsync($"/api/search?q={PlantedStories.Word}&from={y}&to={y}");
            Assert.Equal(year.GetProperty("count").GetInt32(), filtered.GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task With_expand_every_version_is_an_item_that_names_the_others()
    {
        var json = await App.GetJsonAsync($"/api/search?q={PlantedStories.Word}&expand=1&sort=oldest");

        Assert.Equal(3, json.GetProperty("total").GetInt32());
        Assert.True(json.GetProperty("expand").GetBoolean());
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([IdOf(PlantedStories.Tasnim), IdOf(PlantedStories.PressTv), IdOf(PlantedStories.Original)], items.Select(i => i.GetProperty("id").GetInt32()));
        Assert.All(items, item =>
        {
            Assert.Equal(3, item.GetProperty("clusterSize").GetInt32());
            Assert.Equal(2, Names(item.GetProperty("alsoPublishedBy")).Count);
            Assert.DoesNotContain(item.GetProperty("outlet").GetString(), Names(item.GetProperty("alsoPublishedBy")));
        });

        // The list of articles is never collapsed; a lone article's story is itself.
        var all = await App.GetJsonAsync("/api/articles");
        Assert.Equal(7, all.GetProperty("total").GetInt32());
        var browse = await App.GetJsonAsync("/api/search");
        Assert.Equal(5, browse.GetProperty("total").GetInt32());
        Assert.Equal(7, browse.GetProperty("articles").GetInt32());
        Assert.Contains(browse.GetProperty("items").EnumerateArray(), i => i.GetProperty("clusterSize").GetInt32() == 1 && i.GetProperty("alsoPublishedBy").GetArrayLength() == 0);
    }

    [Fact]
    public async Task A_bad_expand_is_a_400_naming_it()
    {
        var problem = await App.GetJsonAsync("/api/search?q=iran&expand=yes", HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("expand", out _));

        var page = await App.GetTextAsync("/search?q=iran&expand=2", HttpStatusCode.BadRequest);
        Assert.Contains("expand", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_results_page_says_stories_and_articles_and_toggles_by_link()
    {
        var grouped = await App.GetTextAsync($"/search?q={PlantedStories.Word}");
        Assert.Contains("1 story (3 articles)", grouped, StringComparison.Ordinal);
        Assert.Contains($"href=\"/search?q={PlantedStories.Word}&amp;expand=1\">list every version</a>", grouped, StringComparison.Ordinal);
        Assert.Contains("<span>Also published by</span>", grouped, StringComparison.Ordinal);
        Assert.Contains("href=\"/outlets/press-tv\">Press TV</a>", grouped, StringComparison.Ordinal);
        Assert.Contains($"href=\"/articles/{IdOf(PlantedStories.Tasnim)}#versions\">3 versions</a>", grouped, StringComparison.Ordinal);

        var expanded = await App.GetTextAsync($"/search?q={PlantedStories.Word}&expand=1");
        Assert.Contains("3 results", expanded, StringComparison.Ordinal);
        Assert.Contains($"href=\"/search?q={PlantedStories.Word}\">group versions by story</a>", expanded, StringComparison.Ordinal);
        // The filters keep the state: the outlet form carries it, and so do the sort links.
        Assert.Contains("<input type=\"hidden\" name=\"expand\" value=\"1\">", expanded, StringComparison.Ordinal);
        Assert.Contains($"href=\"/search?q={PlantedStories.Word}&amp;expand=1&amp;sort=newest\"", expanded, StringComparison.Ordinal);

        // Browsing without a query groups too; the exports follow the page.
        Assert.Contains("5 stories (7 articles, 2 undated)", await App.GetTextAsync("/"), StringComparison.Ordinal);
        Assert.Equal(1 + 1, (await App.GetTextAsync($"/search.csv?q={PlantedStories.Word}")).TrimEnd().Split('\n').Length);
        Assert.Equal(1 + 3, (await App.GetTextAsync($"/search.csv?q={PlantedStories.Word}&expand=1")).TrimEnd().Split('\n').Length);
    }

    [Fact]
    public async Task The_article_page_lists_the_other_versions_with_their_length_against_it()
    {
        var tasnim = IdOf(PlantedStories.Tasnim);
        var html = await App.GetTextAsync($"/articles/{tasnim}");

        Assert.Contains("<h2 id=\"versions-heading\">Other versions of this story</h2>", html, StringComparison.Ordinal);
        var section = html[html.IndexOf("id=\"versions\"", StringComparison.Ordinal)..html.IndexOf("</section>", html.IndexOf("id=\"versions\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        var pressTv = section.IndexOf($"href=\"/articles/{IdOf(PlantedStories.PressTv)}\"", StringComparison.Ordinal);
        var fars = section.IndexOf($"href=\"/articles/{IdOf(PlantedStories.Original)}\"", StringComparison.Ordinal);
        Assert.True(pressTv >= 0 && fars > pressTv, "both other versions, earliest first");
        // The Fars original has the paragraph Tasnim cut.
        var longer = Words(PlantedStories.Original) - Words(PlantedStories.Tasnim);
        Assert.True(longer > 0);
        Assert.Contains($"{Words(PlantedStories.Original)} words, {longer} words longer", section, StringComparison.Ordinal);
        Assert.Contains("11 June 2015", section, StringComparison.Ordinal);

        // Related articles are other stories; a lone article lists no versions.
        Assert.DoesNotContain($"href=\"/articles/{IdOf(PlantedStories.PressTv)}\"", html[html.IndexOf("</section>", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var lone = await App.GetTextAsync($"/articles/{App.Archive.Scalar<int>("SELECT Id FROM Articles WHERE RelativePath LIKE '000_%'")}");
        Assert.DoesNotContain("id=\"versions\"", lone, StringComparison.Ordinal);
    }

    private int IdOf(string path) => App.Archive.Scalar<int>($"SELECT Id FROM Articles WHERE RelativePath = '{path}'");

    private int Words(string path) => App.Archive.Scalar<int>($"SELECT s.Words FROM ArticleSignatures s JOIN Articles a ON a.Id = s.ArticleId WHERE a.RelativePath = '{path}'");

    private static List<string?> Names(JsonElement outlets) => [.. outlets.EnumerateArray().Select(o => o.GetProperty("name").GetString())];
}

/// <summary>The app over the seeds and the planted republications of seed 001, planted before it starts.</summary>
public sealed class PlantedStoriesApp : IDisposable
{
    public PlantedStoriesApp() => PlantedStories.Plant(App.Archive);

    public ArchiveAppFactory App { get; } = new();

    public void Dispose() => App.Dispose();
}

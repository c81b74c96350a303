using System.Diagnostics.CodeAnalysis;
using Microsoft.Playwright;
using NewsArchive.Tests.Api;
using NewsArchive.Tests.Clustering;
using static Microsoft.Playwright.Assertions;

namespace NewsArchive.BrowserTests;

/// <summary>A story told by three outlets: grouped in the results, listed one by one at a click and back, its versions on
/// the article page; under axe, light and dark.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StoryClustersInBrowserTests(BrowserFixture browser, PlantedStoriesSite site) : IClassFixture<PlantedStoriesSite>
{
    [Fact]
    public async Task The_toggle_lists_every_version_of_a_story_and_groups_them_again()
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = site.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/search?q={PlantedStories.Word}");
        var count = page.Locator("#results-count");
        var hits = page.Locator(".articles > li");
        await Expect(count).ToContainTextAsync("1 story (3 articles)");
        await Expect(hits).ToHaveCountAsync(1);
        await Expect(hits.First.Locator(".versions")).ToContainTextAsync("Also published by Press TV, Fars News Agency");

        await page.GetByRole(AriaRole.Link, new() { Name = "list every version" }).ClickAsync();
        await Expect(count).ToContainTextAsync("3 results");
        await Expect(hits).ToHaveCountAsync(3);
        Assert.Contains("expand=1", page.Url, StringComparison.Ordinal);

        // The expanded list is a permalink: another filter keeps it expanded.
        await page.GetByRole(AriaRole.Link, new() { Name = "newest", Exact = true }).ClickAsync();
        await Expect(hits).ToHaveCountAsync(3);
        Assert.Contains("expand=1", page.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "group versions by story" }).ClickAsync();
        await Expect(count).ToContainTextAsync("1 story (3 articles)");
        Assert.DoesNotContain("expand", page.Url, StringComparison.Ordinal);

        await hits.First.GetByRole(AriaRole.Link, new() { Name = "3 versions" }).ClickAsync();
        var versions = page.Locator("#versions li");
        await Expect(versions).ToHaveCountAsync(2);
        await Expect(versions.First).ToContainTextAsync("Press TV");
        await Expect(versions.Nth(1)).ToContainTextAsync("Fars News Agency");
        await Expect(versions.Nth(1)).ToContainTextAsync("words longer");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Grouped_results_and_the_versions_of_a_story_have_no_serious_accessibility_violations(ColorScheme scheme)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = site.BaseAddress.ToString(), ColorScheme = scheme });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/search?q={PlantedStories.Word}");
        var articlePath = await page.Locator(".articles h2 a").First.GetAttributeAsync("href");
        var problems = new List<string>();
        var name = scheme.ToString().ToLowerInvariant();

        foreach (var (label, path) in new[]
        {
            ("search-stories", $"/search?q={PlantedStories.Word}"), ("search-versions", $"/search?q={PlantedStories.Word}&expand=1"), ("article-versions", articlePath!),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response?.Status);
            await Screenshots.SaveAsync(page, $"{label}-{name}");
            problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        }

        Assert.True(problems.Count == 0, $"axe violations ({scheme}):\n" + string.Join("\n", problems));
    }
}

/// <summary>An app of its own over the seeds and the planted republications of seed 001, so the shared app's seeds stay five.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class PlantedStoriesSite : IAsyncLifetime
{
    private readonly ArchiveAppFactory server = new();

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        PlantedStories.Plant(server.Archive);
        BaseAddress = await BrowserFixture.StartAsync(server);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsArchive.BrowserTests;

/// <summary>A researcher's path through a search in a real browser: query, outlet, dates, an article and back,
/// pages, the timeline, an export; with JavaScript off, on a phone, and under axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchInBrowserTests(BrowserFixture browser)
{
    private static async Task SearchFromHeaderAsync(IPage page, string query)
    {
        await page.GotoAsync("/");
        await page.Locator("#site-search-q").FillAsync(query);
        await page.Locator("#site-search-q").PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Search results");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Search_filter_by_outlet_narrow_the_dates_open_a_marked_article_and_come_back(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await SearchFromHeaderAsync(page, "cooperation");
        var count = page.Locator("#results-count");
        await Expect(count).ToContainTextAsync("5 results");

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Fars News Agency" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply outlets" }).ClickAsync();
        await Expect(count).ToContainTextAsync("2 results");
        Assert.Contains("outlet=fars-news-agency", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("From").FillAsync("2014");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();
        await Expect(count).ToContainTextAsync("1 result");
        var results = page.Url;
        Assert.Contains("from=2014", results, StringComparison.Ordinal);

        await page.Locator(".articles h2 a").First.ClickAsync();
        await Expect(page.Locator("article mark").First).ToHaveTextAsync("cooperation", new() { IgnoreCase = true });
        await Expect(page.Locator(".trail")).ToContainTextAsync("Result 1 of 1 for cooperation");
        await Screenshots.SaveAsync(page, $"article-from-search{(javaScript ? "" : "-no-js")}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to results" }).ClickAsync();
        Assert.Equal(Filled(results), Filled(page.Url));
        await Expect(count).ToContainTextAsync("1 result");
        await Expect(page.Locator("#site-search-q")).ToHaveValueAsync("cooperation");
    }

    [Fact]
    public async Task Pages_through_the_results_and_from_one_hit_to_the_next()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/search?q=cooperation&pageSize=2");
        var position = page.Locator(".pager [aria-current=page]");
        await Expect(position).ToHaveTextAsync("Page 1 of 3");
        await page.GetByRole(AriaRole.Link, new() { Name = "Page 2", Exact = true }).ClickAsync();
        await Expect(position).ToHaveTextAsync("Page 2 of 3");
        await page.GetByRole(AriaRole.Link, new() { Name = "Last", Exact = true }).ClickAsync();
        await Expect(position).ToHaveTextAsync("Page 3 of 3");
        await Expect(page.Locator(".articles > li")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "First", Exact = true }).ClickAsync();
        await page.Locator(".articles h2 a").Nth(1).ClickAsync();
        await Expect(page.Locator(".trail")).ToContainTextAsync("Result 2 of 5");
        await page.GetByRole(AriaRole.Link, new() { Name = "Next result" }).ClickAsync();
        await Expect(page.Locator(".trail")).ToContainTextAsync("Result 3 of 5");
        Assert.Contains("page=2", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeline_bar_filters_to_its_year_and_then_shows_its_months()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator(".timeline a[aria-label^='2014']").ClickAsync();

        Assert.Contains("from=2014&to=2014", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#results-count")).ToContainTextAsync("1 article");
        await Expect(page.Locator("#months-heading")).ToHaveTextAsync("Months of 2014");
        await Expect(page.Locator(".timeline a")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Downloads_every_hit_as_csv()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/search?q=cooperation&pageSize=2");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
        var path = Path.Combine(Screenshots.Folder, "..", "search.csv");
        await download.SaveAsAsync(path);
        var lines = File.ReadAllLines(path);

        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("id,url,title", lines[0], StringComparison.Ordinal);
        Assert.Equal(5 + 1, lines.Length); // all hits, not the page of 2
    }

    [Fact]
    public async Task Fits_a_phone_screen()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/search?q=cooperation");

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the search page scrolls sideways at 375 px");
        await Expect(page.Locator(".articles > li").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "search-375px");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Search_help_and_marked_article_pages_have_no_serious_accessibility_violations(ColorScheme scheme)
    {
        await using var context = await browser.NewContextAsync(new() { ColorScheme = scheme });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/search?q=cooperation");
        var articlePath = await page.Locator(".articles h2 a").First.GetAttributeAsync("href");
        var problems = new List<string>();
        var name = scheme.ToString().ToLowerInvariant();

        foreach (var (label, path, status) in new[]
        {
            ("search", "/search?q=cooperation", 200), ("search-empty", "/search?q=zanzibar", 200), ("search-error", "/search?q=-iran", 400),
            ("year", "/search?from=2014&to=2014", 200), ("help", "/help", 200), ("article-marked", articlePath!, 200),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(status, response?.Status);
            await Screenshots.SaveAsync(page, $"{label}-{name}");
            problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        }

        Assert.True(problems.Count == 0, $"axe violations ({scheme}):\n" + string.Join("\n", problems));
    }

    /// <summary>The non-empty query parameters of a URL: a GET form also sends the fields left empty.</summary>
    private static List<string> Filled(string url) =>
        [.. new Uri(url).Query.TrimStart('?').Split('&').Where(p => !p.EndsWith('=')).Order()];
}

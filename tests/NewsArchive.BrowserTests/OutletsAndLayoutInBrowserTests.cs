using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsArchive.BrowserTests;

/// <summary>The outlet pages and what every page carries (the search box, the security policy), in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OutletsAndLayoutInBrowserTests(BrowserFixture browser)
{
    private const string FarsTitle = "VP: Iran, Iraq continue fight against terrorist groups";

    /// <summary>One address of each page type: name (for the capture), path, and the status it answers.</summary>
    private static readonly (string Name, string Path, int Status)[] PageTypes =
    [
        ("home", "/", 200),
        ("outlets", "/outlets", 200),
        ("outlet", "/outlets/fars-news-agency", 200),
        ("article", "/articles/1", 200),
        ("entities", "/entities", 200),
        ("entity", "/entities/iraq", 200),
        ("bad-request", "/?from=someday", 400),
        ("not-found", "/no/such/page", 404),
    ];

    [Fact]
    public async Task Slash_key_moves_to_the_search_box_and_is_an_ordinary_character_inside_it()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/outlets");
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the archive" });
        await Expect(box).Not.ToBeFocusedAsync();

        await page.Keyboard.PressAsync("/");

        await Expect(box).ToBeFocusedAsync();
        await Expect(box).ToHaveValueAsync(""); // the key that moved focus is not typed into the box
        await page.Keyboard.TypeAsync("iran/iraq");
        await Expect(box).ToHaveValueAsync("iran/iraq");
        await Expect(page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "Search" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Outlets_page_leads_to_an_outlet_page_and_on_to_an_article()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Outlets" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Outlets");
        var rows = page.Locator("table.outlets tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.First).ToContainTextAsync("Fars News Agency");
        await Expect(rows.First).ToContainTextAsync("12 Nov 2014");

        await page.GetByRole(AriaRole.Link, new() { Name = "Fars News Agency", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/outlets/fars-news-agency").ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Fars News Agency");
        await Expect(page.Locator(".articles > li")).ToHaveCountAsync(2);
        await Expect(page.Locator(".articles .outlet")).ToHaveTextAsync(["Fars News Agency", "Fars News Agency"]);

        await page.GetByRole(AriaRole.Link, new() { Name = FarsTitle, Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync(FarsTitle);
    }

    [Fact]
    public async Task Every_page_type_loads_without_console_errors_or_policy_violations_and_is_captured()
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var context = await browser.NewContextAsync(new() { ColorScheme = scheme });
            var page = await context.NewPageAsync();
            var errors = ConsoleErrors.Of(page);
            var problems = new List<string>();

            foreach (var (name, path, status) in PageTypes)
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(status, response?.Status);
                // The script ran (it is allowed by the policy): "/" reaches the search box.
                await page.Keyboard.PressAsync("/");
                await Expect(page.Locator("#site-search-q")).ToBeFocusedAsync();
                await page.Locator("#site-search-q").BlurAsync();
                await Screenshots.SaveAsync(page, $"{name}-{scheme.ToString().ToLowerInvariant()}");
                // Chromium also reports the page's own error status as a failed load: that one is expected.
                var ownStatus = $"{page.Url}:0:0: Failed to load resource: the server responded with a status of {status} ";
                problems.AddRange(errors.Take().Where(e => !e.StartsWith(ownStatus, StringComparison.Ordinal)).Select(e => $"{path}: {e}"));
            }

            Assert.True(problems.Count == 0, $"{scheme}:\n" + string.Join("\n", problems));
        }
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Outlet_pages_have_no_serious_accessibility_violations(ColorScheme scheme)
    {
        await using var context = await browser.NewContextAsync(new() { ColorScheme = scheme });
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        foreach (var path in new[] { "/outlets", "/outlets/fars-news-agency", "/outlets/rasa-news-agency?pageSize=1" })
        {
            await page.GotoAsync(path);
            problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        }

        Assert.True(problems.Count == 0, $"axe violations ({scheme}):\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Outlet_pages_and_the_header_fit_a_narrow_screen()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 740 } });
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "/outlets", "/outlets/fars-news-agency" })
        {
            await page.GotoAsync(path);
            var width = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
            Assert.True(width <= 375, $"{path} is {width}px wide at a 375px viewport");
            await Expect(page.Locator("#site-search-q")).ToBeVisibleAsync();
        }
    }
}

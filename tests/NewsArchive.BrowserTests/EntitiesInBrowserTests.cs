using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsArchive.BrowserTests;

/// <summary>A researcher following a person through the archive in a real browser: a name in the facets narrows the
/// results, leads to its page, its timeline and its articles, and back from an article to the names in it; with
/// JavaScript off, on a phone, and under axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EntitiesInBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_name_in_the_facets_narrows_the_results_and_leads_to_its_page_its_timeline_and_its_articles(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/search?q=cooperation");
        var count = page.Locator("#results-count");
        await Expect(count).ToContainTextAsync("5 results");

        var people = page.GetByRole(AriaRole.Navigation, new() { Name = "People" });
        await people.GetByRole(AriaRole.Link, new() { Name = "Nouri al-Maliki", Exact = true }).ClickAsync();

        await Expect(count).ToContainTextAsync("2 results");
        Assert.Contains("entity=nouri-al-maliki", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator(".filters")).ToContainTextAsync("Naming Nouri al-Maliki");
        await Screenshots.SaveAsync(page, $"search-with-entity{(javaScript ? "" : "-no-js")}");

        await page.Locator(".filters").GetByRole(AriaRole.Link, new() { Name = "Nouri al-Maliki", Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Nouri al-Maliki");
        await Expect(page.Locator(".articles > li")).ToHaveCountAsync(2);
        await page.Locator(".timeline a[aria-label^='2014']").ClickAsync();
        Assert.Contains("/entities/nouri-al-maliki?from=2014&to=2014", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator(".articles > li")).ToHaveCountAsync(1);

        await page.Locator(".articles h2 a").First.ClickAsync();
        var named = page.GetByRole(AriaRole.Region, new() { Name = "People, places, organisations in this article" });
        await Expect(named).ToContainTextAsync("Qassem Soleimani");
        await named.GetByRole(AriaRole.Link, new() { Name = "Nouri al-Maliki", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nouri al-Maliki");
    }

    [Fact]
    public async Task Removing_a_name_from_the_filters_widens_the_results_again()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/search?q=cooperation&entity=iraq&entity=hossein-dehqan");
        await Expect(page.Locator("#results-count")).ToContainTextAsync("2 results");

        await page.GetByRole(AriaRole.Link, new() { Name = "Remove Hossein Dehqan from the filters" }).ClickAsync();

        await Expect(page.Locator("#results-count")).ToContainTextAsync("5 results");
        await Expect(page.Locator(".filters")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*Naming\s+Iraq\s*✕\s*$"));
    }

    [Fact]
    public async Task The_index_leads_to_an_entity_whose_outlets_and_names_lead_on()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "People & places" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("People, places and organisations");
        await Screenshots.SaveAsync(page, "entities-index");

        await page.GetByRole(AriaRole.Table, new() { Name = "Places" }).GetByRole(AriaRole.Link, new() { Name = "Iraq", Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Iraq");
        await Expect(page.Locator(".count").First).ToContainTextAsync("A place named in 5 articles");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "People named with it" }).GetByRole(AriaRole.Link, new() { Name = "2 articles naming both" }).First.ClickAsync();
        await Expect(page.Locator("#results-count")).ToContainTextAsync("2 articles");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Entity_pages_and_facets_have_no_serious_accessibility_violations_and_are_captured(ColorScheme scheme)
    {
        await using var context = await browser.NewContextAsync(new() { ColorScheme = scheme });
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        // The index and an entity page are captured with every page type (OutletsAndLayoutInBrowserTests); these add a person's page and the facets.
        foreach (var (name, path) in new[] { (null, "/entities"), ("entity-person", "/entities/nouri-al-maliki"), ("search-entity-facets", "/search?q=cooperation&entity=iraq") })
        {
            await page.GotoAsync(path);
            problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
            if (name is not null)
            {
                await Screenshots.SaveAsync(page, $"{name}-{scheme.ToString().ToLowerInvariant()}");
            }
        }

        Assert.True(problems.Count == 0, $"axe violations ({scheme}):\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Entity_pages_fit_a_phone_screen()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 800 } });
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "/entities", "/entities/iraq", "/search?q=cooperation" })
        {
            await page.GotoAsync(path);
            var width = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
            Assert.True(width <= 375, $"{path} is {width}px wide at a 375px viewport");
        }

        await Screenshots.SaveAsync(page, "search-facets-375px");
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsArchive.BrowserTests;

/// <summary>Comparing queries over time in a real browser: the form, the chart and table, a count's search, the
/// outlet filter, the CSV; on a phone, in both schemes, under axe, with no console errors.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CompareInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Fill_the_form_see_the_chart_and_table_and_follow_a_count_to_its_search()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = ConsoleErrors.Of(page);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Compare" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Compare over time");

        await page.GetByLabel("Query 1").FillAsync("cooperation");
        await page.GetByLabel("Query 2").FillAsync("Maliki");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();

        Assert.Contains("q=cooperation&q=Maliki", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Articles per month, Nov 2014 – Sep 2016" })).ToBeVisibleAsync();
        await Expect(page.Locator(".legend li")).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("cooperation 5 articles"), new System.Text.RegularExpressions.Regex("Maliki 2 articles")]);
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Articles per month" });
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(23);
        await Expect(table.Locator("thead th")).ToHaveTextAsync(["Month", "cooperation", "Maliki"]);
        Assert.Empty(errors.Take());

        await table.Locator("tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();

        await Expect(page.Locator("#results-count")).ToContainTextAsync("1 result");
        Assert.Contains("q=cooperation&from=2014-11&to=2014-11", page.Url, StringComparison.Ordinal);
        Assert.Empty(errors.Take());
    }

    [Fact]
    public async Task The_outlet_filter_narrows_every_query_and_the_csv_downloads()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/compare?q=cooperation&q=Maliki");

        await page.GetByText("Outlets: all").ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Rasa News Agency" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true }).ClickAsync();

        Assert.Contains("outlet=rasa-news-agency", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator(".compare-outlets summary")).ToHaveTextAsync("Outlets: Rasa News Agency");
        await Expect(page.Locator(".compare-table tbody tr")).ToHaveCountAsync(1);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
        var path = Path.Combine(Screenshots.Folder, "..", "compare.csv");
        await download.SaveAsAsync(path);
        Assert.Equal(["month,cooperation,Maliki", "2016-09,1,1", "undated,1,0"], File.ReadAllLines(path).Select(l => l.TrimStart('\uFEFF')));
    }

    [Fact]
    public async Task Fits_a_phone_screen()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/compare?q=cooperation&q=Maliki&q=Daesh&q=%22Islamic%20Republic%22");

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the compare page scrolls sideways at 375 px");
        var chart = await page.Locator(".compare-chart > svg").BoundingBoxAsync();
        Assert.True(chart is { Width: > 300 }, $"the chart is {chart?.Width} px wide");
        await Screenshots.SaveAsync(page, "compare-375px");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Compare_pages_have_no_serious_accessibility_violations_or_console_errors(ColorScheme scheme)
    {
        await using var context = await browser.NewContextAsync(new() { ColorScheme = scheme });
        var page = await context.NewPageAsync();
        var errors = ConsoleErrors.Of(page);
        var problems = new List<string>();

        foreach (var (label, path, status) in new[]
        {
            ("compare", "/compare?q=cooperation&q=Maliki&q=Daesh&q=Kuwait", 200), ("compare-form", "/compare?q=iran", 200),
            ("compare-error", "/compare?q=iran&q=-iran", 400), ("compare-empty", "/compare?q=cooperation&q=zanzibar&from=2015", 200),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(status, response?.Status);
            await Screenshots.SaveAsync(page, $"{label}-{scheme.ToString().ToLowerInvariant()}");
            problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
            // Chromium also reports the page's own error status as a failed load: that one is expected.
            problems.AddRange(errors.Take().Where(e => !e.Contains($"status of {status} ", StringComparison.Ordinal) || status == 200).Select(e => $"{path}: {e}"));
        }

        Assert.True(problems.Count == 0, $"{scheme}:\n" + string.Join("\n", problems));
    }
}

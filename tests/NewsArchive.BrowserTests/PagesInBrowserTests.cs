using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsArchive.BrowserTests;

/// <summary>What a reader does in a real browser: read the list, open an article, page, use the keyboard,
/// a phone-sized screen, no JavaScript, a screen reader's view (axe) and the dark scheme.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PagesInBrowserTests(BrowserFixture browser)
{
    private const string FarsTitle = "VP: Iran, Iraq continue fight against terrorist groups";

    [Fact]
    public async Task Home_lists_newest_first_opens_an_article_and_back_returns_to_the_list()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var items = page.Locator(".articles > li");
        await Expect(items).ToHaveCountAsync(5);
        var dates = await page.Locator(".articles time").AllInnerTextsAsync();
        Assert.Contains("Undated", dates);
        // Newest first: the dated articles in descending order, the 2016 Rasa article before the 2014 Fars one.
        var dated = dates.Where(d => d != "Undated").Select(ParseDisplayDate).ToList();
        Assert.Equal(dated.OrderByDescending(d => d), dated);
        Assert.True(IndexOf(dates, "5 September 2016") < IndexOf(dates, "12 November 2014, 15:18"), string.Join(" | ", dates));
        Assert.Equal(dates.OrderBy(d => d == "Undated"), dates); // undated ones after all the dated ones

        await page.GetByRole(AriaRole.Link, new() { Name = FarsTitle, Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(ArticleUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync(FarsTitle);
        var facts = page.Locator(".facts");
        await Expect(facts).ToContainTextAsync("Fars News Agency");
        await Expect(facts).ToContainTextAsync("12 November 2014, 15:18");
        Assert.True(await page.Locator("article > p").CountAsync() >= 2, "the article body has no paragraphs");
        // The source page's chrome ("Your Email Address" of its share form) is stripped by the parser.
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Your Email Address");

        await page.GoBackAsync();

        await Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/").ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Newest articles");
        await Expect(items).ToHaveCountAsync(5);
    }

    [Fact]
    public async Task Pager_links_reach_the_last_page_and_the_url_keeps_the_state()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?pageSize=2");
        var position = page.Locator(".pager [aria-current=page]");
        await Expect(position).ToHaveTextAsync("Page 1 of 3");

        await page.GetByRole(AriaRole.Link, new() { Name = "Next", Exact = true }).ClickAsync();
        await Expect(position).ToHaveTextAsync("Page 2 of 3");
        await page.GetByRole(AriaRole.Link, new() { Name = "Last", Exact = true }).ClickAsync();

        await Expect(position).ToHaveTextAsync("Page 3 of 3");
        await Expect(page.Locator(".articles > li")).ToHaveCountAsync(1);
        // Every state of the list is a link: reloading or sharing the address shows the same page.
        var query = new Uri(page.Url).Query;
        Assert.Contains("page=3", query, StringComparison.Ordinal);
        Assert.Contains("pageSize=2", query, StringComparison.Ordinal);
        await page.ReloadAsync();
        await Expect(position).ToHaveTextAsync("Page 3 of 3");
    }

    [Fact]
    public async Task Skip_link_is_the_first_tab_stop_and_moves_focus_to_main()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");

        var skip = page.Locator(":focus");
        await Expect(skip).ToHaveTextAsync("Skip to content");
        await Expect(skip).ToHaveAttributeAsync("href", "#main");
        // Hidden off-screen until focused, then on screen for the sighted keyboard user.
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { X: >= 0, Y: >= 0 }, $"the focused skip link is off-screen: {box?.X}, {box?.Y}");

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#main")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Narrow_screen_has_no_horizontal_scrolling()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 740 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var articleLinks = await page.Locator(".articles h2 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(5, articleLinks.Length);

        // The list and every seed article: long titles, file names and source links must wrap, not widen the page.
        foreach (var path in articleLinks.Prepend("/"))
        {
            await page.GotoAsync(path);
            var width = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
            Assert.True(width <= 375, $"{path} is {width}px wide at a 375px viewport");
        }
    }

    [Fact]
    public async Task Pages_work_without_javascript()
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await Expect(page.Locator(".articles > li")).ToHaveCountAsync(5);
        await page.GetByRole(AriaRole.Link, new() { Name = FarsTitle, Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(ArticleUrl());
        await Expect(page.Locator("h1")).ToHaveTextAsync(FarsTitle);
        await Expect(page.Locator("article > p").First).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Home_article_and_not_found_pages_have_no_serious_accessibility_violations(ColorScheme scheme)
    {
        await using var context = await browser.NewContextAsync(new() { ColorScheme = scheme });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var articlePath = await page.GetByRole(AriaRole.Link, new() { Name = FarsTitle, Exact = true }).GetAttributeAsync("href");
        var problems = new List<string>();

        foreach (var (path, status) in new[] { ("/", 200), (articlePath!, 200), ("/articles/999999", 404) })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(status, response?.Status);
            problems.AddRange(await Accessibility.SeriousViolationsAsync(page));
        }

        Assert.True(problems.Count == 0, $"axe violations ({scheme}):\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Dark_scheme_gives_a_dark_page_and_light_scheme_a_light_one()
    {
        Assert.True(await BodyLuminanceAsync(ColorScheme.Dark) < 0.05, "the body background is not dark in the dark scheme");
        Assert.True(await BodyLuminanceAsync(ColorScheme.Light) > 0.8, "the body background is not light in the light scheme");
    }

    private async Task<double> BodyLuminanceAsync(ColorScheme scheme)
    {
        await using var context = await browser.NewContextAsync(new() { ColorScheme = scheme });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var color = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        var match = RgbPattern().Match(color);
        Assert.True(match.Success, $"unexpected background colour {color}");
        // WCAG relative luminance: 0 for black, 1 for white.
        var channels = Enumerable.Range(1, 3).Select(i =>
        {
            var c = int.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }).ToArray();
        return (0.2126 * channels[0]) + (0.7152 * channels[1]) + (0.0722 * channels[2]);
    }

    private Regex ArticleUrl() => new("^" + Regex.Escape(new Uri(browser.BaseAddress, "/articles/").ToString()) + @"\d+$");

    private static DateTime ParseDisplayDate(string text) =>
        DateTime.ParseExact(text, ["d MMMM yyyy, HH:mm", "d MMMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>Where the first value starting with <paramref name="value"/> is (a date, with or without its time).</summary>
    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        var index = values.ToList().FindIndex(v => v.StartsWith(value, StringComparison.Ordinal));
        Assert.True(index >= 0, $"\"{value}\" not in [{string.Join(" | ", values)}]");
        return index;
    }

    [GeneratedRegex(@"^rgba?\((\d+), (\d+), (\d+)")]
    private static partial Regex RgbPattern();
}

using Microsoft.Playwright;

namespace NewsArchive.BrowserTests;

/// <summary>
/// Everything a page reports as going wrong: console errors (Chromium reports every Content-Security-Policy
/// violation there: a blocked inline script or style, a refused load) and uncaught script exceptions.
/// </summary>
public sealed class ConsoleErrors
{
    private readonly List<string> errors = [];

    private ConsoleErrors(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Location}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"uncaught: {error}");
    }

    /// <summary>Starts listening; attach before the first navigation so nothing is missed.</summary>
    public static ConsoleErrors Of(IPage page) => new(page);

    /// <summary>The errors so far, and forgets them, so the next page is checked on its own.</summary>
    public IReadOnlyList<string> Take()
    {
        var taken = errors.ToList();
        errors.Clear();
        return taken;
    }
}

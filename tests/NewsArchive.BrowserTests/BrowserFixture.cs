using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsArchive.Tests.Api;
using NewsArchive.Web.Hosting;

namespace NewsArchive.BrowserTests;

/// <summary>One app and one Chromium for the whole run (starting a browser is the slow part);
/// every test gets its own context, so cookies, history and settings never leak between tests.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium: Playwright's own browser download cannot work here (no access to its CDN).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly ArchiveAppFactory server = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Fail, never skip: a browser suite that silently skips looks green while testing nothing.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ChromiumPath}. Install it with `apt-get install -y chromium` (./test.sh does this).");
        }

        BaseAddress = await StartAsync(server);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // No sandbox: tests run as root in a container. The rest keeps Chromium off the network and quiet.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Starts an app on Kestrel on a real loopback port, not TestServer (a browser needs a socket), and waits for its first ingestion.</summary>
    public static async Task<Uri> StartAsync(ArchiveAppFactory server)
    {
        server.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        server.StartServer();
        await server.Services.GetRequiredService<IngestionStatus>().FirstRun.WaitAsync(TimeSpan.FromSeconds(30));
        return new Uri(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Single()
            ?? throw new InvalidOperationException("Kestrel reports no address."));
    }

    /// <summary>A fresh context (own cookies, history, viewport, colour scheme, JavaScript setting) whose
    /// relative URLs go to the app (or to another one started with <see cref="StartAsync"/>, named in the options'
    /// BaseURL). The test disposes it (`await using`).</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new();
        options.BaseURL ??= BaseAddress.ToString();
        var context = await browser!.NewContextAsync(options);
        // Generous enough for a slow CI machine, short enough that a broken page fails without a 30 s wait per step.
        context.SetDefaultTimeout(10_000);
        // Hermetic: anything but the app (fonts, CDNs, axe-core from the web) is refused, so a page or tool that
        // needs the network fails here rather than passing on a connected machine only.
        await context.RouteAsync(
            url => !url.StartsWith(options.BaseURL, StringComparison.Ordinal),
            route => route.AbortAsync("blockedbyclient"));
        return context;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
